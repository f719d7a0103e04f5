package uk.stepup.report;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import uk.stepup.improvement.PdsaCycle;
import uk.stepup.measures.Numbers;
import uk.stepup.portfolio.ActionItem;
import uk.stepup.portfolio.Evidence;
import uk.stepup.portfolio.EvidenceGaps;
import uk.stepup.portfolio.Gap;
import uk.stepup.portfolio.KeyQuestionSection;
import uk.stepup.portfolio.MeasureSection;
import uk.stepup.portfolio.PirDraft;
import uk.stepup.portfolio.Portfolio;
import uk.stepup.portfolio.PortfolioItem;
import uk.stepup.shared.KeyQuestion;

/**
 * What the portfolio page says, as plain records for {@code portfolio.mustache}: every word and choice made here, the
 * template only places them. Charts come in as PNG bytes and go out as base64 data.
 */
record PortfolioView(
        String css,
        String home,
        String cohort,
        String framework,
        String producedOn,
        String progress,
        List<ReportView.Link> contents,
        List<ReportView.Figure> figures,
        List<GlanceRow> glance,
        ReportView.Chart journey,
        List<String> gapRules,
        List<GapGroup> gapGroups,
        boolean noGaps,
        List<KeyQuestionPart> keyQuestions,
        String actionsSource,
        List<ActionRow> actions,
        boolean hasActions,
        List<MeasurePart> measures,
        boolean hasMeasures,
        List<CycleRow> cycles,
        boolean hasCycles,
        String pirLabel,
        List<PirPart> pir) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    static final String JOURNEY_FILE = "journey.png";

    /** A key question at a glance: the CQC rating when the home joined, its self-assessment now, evidence and gaps. */
    record GlanceRow(
            String id, String keyQuestion, ReportView.Pill baseline, ReportView.Pill now, String items, String gaps) {}

    /** The gaps of one rule. */
    record GapGroup(String label, String rule, List<GapLine> gaps) {}

    record GapLine(String id, String item, String words) {}

    record KeyQuestionPart(
            String id,
            String name,
            String journey,
            ReportView.Pill baseline,
            ReportView.Pill now,
            List<ItemPart> items) {}

    /** One item: its latest self-rating, what changed, its gaps and every check-in cited for it. */
    record ItemPart(
            String id,
            String code,
            String title,
            ReportView.Pill latest,
            String changed,
            List<String> gaps,
            boolean hasGaps,
            List<EntryPart> entries,
            boolean hasEntries) {}

    /** One check-in: "Week 3 · 20 Jan 2027", its self-rating, and the home's words under their headings. */
    record EntryPart(String when, String note, ReportView.Pill rating, List<Field> fields) {}

    record Field(String label, String text) {}

    record ActionRow(String week, String item, String text, String status, String note) {}

    record MeasurePart(
            String name,
            String definition,
            String latest,
            String verdict,
            String assurance,
            String aim,
            ReportView.Chart chart,
            List<CycleRow> cycles,
            boolean hasCycles) {}

    record CycleRow(String number, String idea, String stage, String started, String measure, List<Field> steps) {}

    record PirPart(
            String id,
            String name,
            List<QuoteLine> well,
            boolean noWell,
            List<QuoteLine> barriers,
            boolean noBarriers,
            List<String> gaps,
            boolean hasGaps) {}

    record QuoteLine(String text, String from) {}

    static PortfolioView of(Portfolio p, Map<String, byte[]> pngs) {
        List<ReportView.Link> contents = new ArrayList<>();
        contents.add(new ReportView.Link("glance", "At a glance"));
        contents.add(new ReportView.Link("gaps", "Gaps to close before an inspection"));
        for (KeyQuestion kq : KeyQuestion.values()) {
            contents.add(new ReportView.Link(kqId(kq), kq.label() + ": evidence week by week"));
        }
        contents.add(new ReportView.Link("actions", "Actions"));
        contents.add(new ReportView.Link("measures", "Measures, aims and PDSA cycles"));
        contents.add(new ReportView.Link("pir", "Draft PIR answers"));
        contents.add(new ReportView.Link("about", "About this portfolio"));

        int checkins = (int) p.items().stream()
                .flatMap(i -> i.entries().stream())
                .map(e -> e.week())
                .distinct()
                .count();
        long withEvidence = p.items().stream()
                .filter(i -> i.entries().stream().anyMatch(Evidence::cited))
                .count();
        List<ReportView.Figure> figures = List.of(
                new ReportView.Figure(
                        "Check-ins", String.valueOf(checkins), "of " + p.weeksRun() + " weeks run so far"),
                new ReportView.Figure(
                        "Items with evidence", withEvidence + " of " + p.items().size(), frameworkName(p.framework())),
                new ReportView.Figure("Gaps", String.valueOf(p.gaps().size()), "to look at before an inspection"),
                new ReportView.Figure("Actions", String.valueOf(p.actions().size()), "next steps you set"));

        List<GlanceRow> glance = p.keyQuestions().stream()
                .map(k -> new GlanceRow(
                        kqId(k.keyQuestion()),
                        k.keyQuestion().label(),
                        ReportView.pill(k.baseline(), "Not rated"),
                        ReportView.pill(k.selfAssessment(), "No self-rating yet"),
                        k.items().stream()
                                        .filter(i -> i.entries().stream().anyMatch(Evidence::cited))
                                        .count()
                                + " of " + k.items().size(),
                        String.valueOf(k.gaps().size())))
                .toList();

        List<GapGroup> gapGroups = new ArrayList<>();
        for (Gap.Kind kind : Gap.Kind.values()) {
            List<GapLine> lines = p.gaps().stream()
                    .filter(g -> g.kind() == kind)
                    .map(g -> new GapLine(itemId(g.code()), g.code() + " " + g.title(), g.words()))
                    .toList();
            if (!lines.isEmpty()) {
                gapGroups.add(new GapGroup(
                        kind.label() + " (" + lines.size() + ")", EvidenceGaps.RULES.get(kind.ordinal()), lines));
            }
        }

        List<KeyQuestionPart> kqs =
                p.keyQuestions().stream().map(PortfolioView::keyQuestion).toList();

        List<ActionRow> actions =
                p.actions().stream().map(PortfolioView::action).toList();

        Map<Long, String> measureNames = p.measures().stream()
                .collect(
                        Collectors.toMap(m -> m.measure().id(), m -> m.measure().name(), (a, b) -> a));
        List<MeasurePart> measures = new ArrayList<>();
        for (MeasureSection m : p.measures()) {
            String file = measureFile(m);
            List<CycleRow> rows =
                    m.cycles().stream().map(c -> cycle(c, measureNames)).toList();
            measures.add(new MeasurePart(
                    m.measure().name(),
                    m.measure().definition(),
                    m.latest(),
                    m.verdict().orElse(""),
                    m.assurance().orElse(""),
                    m.aim()
                            .map(a -> "Aim: " + a.words() + " (from " + Numbers.format(a.from()) + " to "
                                    + Numbers.format(a.to()) + " by " + DAY.format(a.by()) + ")")
                            .orElse(""),
                    pngs.containsKey(file)
                            ? chart(
                                    pngs.get(file),
                                    "Control chart of " + m.measure().name() + " for " + p.home() + ": "
                                            + m.values().size() + " values. "
                                            + m.verdict().orElse("") + ". "
                                            + m.assurance().orElse(""),
                                    m.measure().name() + ": each value with its mean and process limits (Making Data"
                                            + " Count)."
                                            + (m.cycles().isEmpty()
                                                    ? ""
                                                    : " The numbered markers are your PDSA cycles for this"
                                                            + " measure, listed under the chart."))
                            : null,
                    rows,
                    !rows.isEmpty()));
        }
        List<CycleRow> cycles =
                p.cycles().stream().map(c -> cycle(c, measureNames)).toList();

        List<PirPart> pir = new ArrayList<>();
        for (PirDraft.Answer a : p.pir().answers()) {
            List<QuoteLine> well =
                    a.goingWell().stream().map(PortfolioView::quote).toList();
            List<QuoteLine> barriers =
                    a.barriers().stream().map(PortfolioView::quote).toList();
            pir.add(new PirPart(
                    "pir-" + a.keyQuestion().key().replace('_', '-'),
                    a.keyQuestion().label(),
                    well,
                    well.isEmpty(),
                    barriers,
                    barriers.isEmpty(),
                    a.gaps(),
                    !a.gaps().isEmpty()));
        }

        String progress = p.weeksRun() == 0
                ? "The programme has not started yet"
                : p.weeksRun() >= p.weeksPlanned()
                        ? "All " + p.weeksPlanned() + " weeks of the programme"
                        : "Week " + p.weeksRun() + " of " + p.weeksPlanned();
        return new PortfolioView(
                PortfolioStyle.CSS,
                p.home(),
                p.cohort(),
                p.crosswalked()
                        ? "Read under " + frameworkName(p.framework()) + "; your check-ins were written under "
                                + frameworkName(p.cohortFramework()) + " and are placed through the crosswalk"
                        : frameworkName(p.framework()),
                DAY.format(p.producedOn()),
                progress + " · programme started " + DAY.format(p.programmeStart()),
                contents,
                figures,
                glance,
                chart(
                        pngs.get(JOURNEY_FILE),
                        journeyAlt(p),
                        "Your self-rating each week, by key question, against your CQC rating when you joined (dashed)."),
                EvidenceGaps.RULES,
                gapGroups,
                gapGroups.isEmpty(),
                kqs,
                p.actionsSource(),
                actions,
                !actions.isEmpty(),
                measures,
                !measures.isEmpty(),
                cycles,
                !cycles.isEmpty(),
                PirDraft.LABEL,
                pir);
    }

    private static KeyQuestionPart keyQuestion(KeyQuestionSection k) {
        List<ItemPart> items = new ArrayList<>();
        for (PortfolioItem i : k.items()) {
            List<EntryPart> entries =
                    i.entries().stream().map(e -> entry(e, i.code())).toList();
            List<String> gaps = i.gaps().stream()
                    .map(g -> g.kind().label() + ": " + g.words())
                    .toList();
            items.add(new ItemPart(
                    itemId(i.code()),
                    i.code(),
                    i.title(),
                    ReportView.pill(i.latest().map(Evidence::rating), "Not rated yet"),
                    i.changed(k.baseline()),
                    gaps,
                    !gaps.isEmpty(),
                    entries,
                    !entries.isEmpty()));
        }
        return new KeyQuestionPart(
                kqId(k.keyQuestion()),
                k.keyQuestion().label(),
                "CQC rating when you joined → your self-assessment now: " + k.journey(),
                ReportView.pill(k.baseline(), "Not rated"),
                ReportView.pill(k.selfAssessment(), "No self-rating yet"),
                items);
    }

    private static EntryPart entry(Evidence e, String itemCode) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("What we did", e.did()));
        fields.add(new Field("Evidence", e.evidence().orElse("None cited.")));
        e.nextStep().ifPresent(n -> fields.add(new Field("Next step", n)));
        e.highlight().ifPresent(h -> fields.add(new Field("Highlight", h)));
        return new EntryPart(
                "Week " + e.week() + " · " + DAY.format(e.date()),
                String.join(
                        " · ",
                        List.of(
                                        e.code().equalsIgnoreCase(itemCode) ? "" : "your check-in on " + e.code(),
                                        e.late() ? "sent after the deadline" : "")
                                .stream()
                                .filter(t -> !t.isEmpty())
                                .toList()),
                ReportView.pill(Optional.of(e.rating()), ""),
                fields);
    }

    private static ActionRow action(ActionItem a) {
        return new ActionRow(
                "Week " + a.week(), a.code(), a.text(), a.status(), a.note().orElse(""));
    }

    private static CycleRow cycle(PdsaCycle c, Map<Long, String> measureNames) {
        List<Field> steps = new ArrayList<>();
        steps.add(new Field("Plan", c.plan()));
        steps.add(new Field("Prediction", c.prediction()));
        c.done().ifPresent(s -> steps.add(new Field("Do", s.text())));
        c.studied().ifPresent(s -> steps.add(new Field("Study", s.text())));
        c.act().ifPresent(a -> steps.add(new Field("Act: " + a.decision().label(), a.text())));
        return new CycleRow(
                "Cycle " + c.number(),
                c.changeIdea(),
                c.stage().label(),
                DAY.format(c.start()) + " for " + c.plannedWeeks() + (c.plannedWeeks() == 1 ? " week" : " weeks"),
                c.measureId().isPresent()
                        ? measureNames.getOrDefault(c.measureId().getAsLong(), "")
                        : "",
                steps);
    }

    private static QuoteLine quote(PirDraft.Quote q) {
        return new QuoteLine(q.text(), "Week " + q.week() + " · " + q.code() + " · " + q.source());
    }

    static String measureFile(MeasureSection m) {
        return "measure-" + m.measure().id() + ".png";
    }

    static String kqId(KeyQuestion kq) {
        return "kq-" + kq.key().replace('_', '-');
    }

    static String itemId(String code) {
        return "item-" + code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    static String frameworkName(String framework) {
        return switch (framework) {
            case "kloe-2017" -> "CQC's key lines of enquiry (2017)";
            case "saf-2023" -> "CQC's quality statements (2023)";
            default -> framework;
        };
    }

    private static String journeyAlt(Portfolio p) {
        StringBuilder s = new StringBuilder("Self-assessment journey of " + p.home() + ". ");
        for (KeyQuestionSection k : p.keyQuestions()) {
            s.append(k.keyQuestion().label()).append(": ").append(k.journey()).append(". ");
        }
        return s.toString().strip();
    }

    private static ReportView.Chart chart(byte[] png, String alt, String caption) {
        int[] size = Png.size(png);
        return new ReportView.Chart(
                Base64.getEncoder().encodeToString(png),
                alt,
                size == null ? null : new ReportView.Size(size[0], size[1]),
                caption);
    }
}
