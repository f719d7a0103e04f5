package uk.stepup.report;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import uk.stepup.improvement.IhiScale;
import uk.stepup.measures.CohortMeasures;
import uk.stepup.measures.Numbers;
import uk.stepup.measures.SpcWords;
import uk.stepup.measures.spc.VariationIcon;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;
import uk.stepup.summaries.HighlightPick;
import uk.stepup.summaries.ImprovementReport;
import uk.stepup.summaries.OutcomeReport;
import uk.stepup.summaries.RatingProjection;

/**
 * What {@code outcome-report.mustache} lays out: the {@link OutcomeReport} turned into the report's words and
 * numbers as plain text, with every choice (which table, which sentence, which rating colour) made here, in Java. No
 * value holds markup: the template escapes each one. A {@code null} part is one the page leaves out.
 */
record ReportView(
        String cohortName,
        String css,
        String dates,
        String homesTaking,
        String framework,
        String producedOn,
        String progress,
        List<Link> contents,
        String lead,
        List<Figure> figures,
        String improvement,
        List<ChangeRow> changes,
        String rollUpRule,
        List<OverallRow> overall,
        Chart participation,
        boolean heatmapShares,
        String heatmapHomes,
        Chart heatmap,
        Measures measures,
        String homesHeading,
        HomePages homePages,
        HomeLines homeLines,
        HomesAsAWhole homesAsAWhole,
        Learning learning,
        String homes,
        List<TaskRow> tasks,
        List<SessionRow> sessions,
        String caveat,
        String namingRule,
        Improvement qi) {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    static final DateTimeFormatter DAY_SHORT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);

    boolean hasTasks() {
        return !tasks.isEmpty();
    }

    boolean hasSessions() {
        return !sessions.isEmpty();
    }

    /** An entry in the table of contents. */
    record Link(String id, String text) {}

    /** A headline figure in the executive summary. */
    record Figure(String label, String value, String note) {}

    /** A rating in its colour, or a grey "none" with words for its absence. */
    record Pill(String css, String label) {}

    /** A change from the CQC baseline: an arrow and words, coloured up, down, same or na. */
    record Change(String css, String text) {}

    /** Homes per key question whose self-assessment is higher, the same or lower than their baseline. */
    record ChangeRow(String keyQuestion, Change higher, Change same, Change lower, String notCompared) {}

    /** Homes at one overall rating, CQC's at the start and the indicative one now. */
    record OverallRow(Pill rating, String baseline, String projected) {}

    /** A chart embedded as a data URI; {@code size} is null when the bytes are not a PNG. */
    record Chart(String base64, String alt, Size size, String caption) {}

    record Size(int width, int height) {}

    /** The cohort's measures: a line per measure and the small multiples, null when too few values to chart. */
    record Measures(List<MeasureLine> lines, Chart chart) {}

    /** "Falls" and " (mean per home, lower is better): latest 3.5, ...": the name shown strong, then the rest. */
    record MeasureLine(String measure, String details) {}

    /** A page per home. */
    record HomePages(List<HomePage> homes) {}

    record HomePage(
            String id,
            String label,
            String checkins,
            int onTime,
            int late,
            String tasksDone,
            String sessionsAttended,
            Pill baselineOverall,
            List<HomeRow> rows,
            Pill indicative,
            String headline,
            String explanation,
            String toMoveUp,
            Chart chart) {}

    record HomeRow(String keyQuestion, Pill baseline, Pill selfAssessment, Change change, String rated) {}

    /** A line per home. */
    record HomeLines(String homes, List<String> keyQuestions, List<HomeLine> lines) {}

    record HomeLine(String label, String checkins, Pill baselineOverall, Pill indicative, List<HomeCell> cells) {}

    record HomeCell(Pill selfAssessment, Change change) {}

    /** The homes as a distribution of how often they checked in. */
    record HomesAsAWhole(String homes, List<Band> bands) {}

    record Band(String label, String homes, String share) {}

    /**
     * Shared highlights by key question, then by week.
     *
     * @param allShown   every shared highlight is shown; otherwise at most {@code perWeek} a week, picked at random
     * @param highlights "3 highlights" when all are shown, else how many were shared in all
     */
    record Learning(
            boolean allShown,
            String highlights,
            String perWeek,
            String shown,
            String named,
            List<LearningGroup> groups) {}

    record LearningGroup(String keyQuestion, List<LearningWeek> weeks) {}

    /** {@code more}: how many more homes shared a highlight that week, in words; null when all are shown. */
    record LearningWeek(String week, String code, String title, List<Highlight> items, String more) {}

    record Highlight(String text, String who) {}

    record TaskRow(String title, String due, String done, String pending, String overdue) {}

    record SessionRow(String title, String when, String homes, String people) {}

    /**
     * The homes' improvement work: progress scores over time beside each home's SPC verdicts, the adopted changes
     * homes shared, and a part per home with its aims, cycles and annotated charts.
     */
    record Improvement(
            String lead,
            List<String> scoreWeeks,
            List<ScoreRow> scores,
            List<String> moved,
            List<AdoptedRow> adopted,
            String adoptedNote,
            List<ImprovementHome> homes,
            String quiet) {
        boolean hasAdopted() {
            return !adopted.isEmpty();
        }

        boolean hasMoved() {
            return !moved.isEmpty();
        }
    }

    /** A home's scores by week, its latest score with its meaning, and its measures' variation icons. */
    record ScoreRow(String home, List<String> weeks, String latest, String meaning, List<VerdictView> verdicts) {}

    /** A Making Data Count variation icon as a small coloured badge with its letter, and its meaning in words. */
    record VerdictView(String measure, String css, String letter, String words) {}

    record AdoptedRow(String idea, String who, String measure, String since) {}

    record ImprovementHome(
            String id,
            String label,
            List<AimRow> aims,
            List<CycleRow> cycles,
            String scores,
            List<Chart> charts,
            List<String> chartsNotShown) {
        boolean hasAims() {
            return !aims.isEmpty();
        }

        boolean hasCycles() {
            return !cycles.isEmpty();
        }
    }

    record AimRow(String measure, String numbers, String words) {}

    /** A cycle; {@code idea} says "Not shared" when the home kept the cycle's words to itself. */
    record CycleRow(
            String number,
            String idea,
            boolean shared,
            String stage,
            String dates,
            String measure,
            String predictionAndStudy) {}

    /** The page's values for {@code r}, with its charts from {@code pngs} (file name → PNG). */
    static ReportView of(OutcomeReport r, Map<String, byte[]> pngs) {
        return of(r, pngs, Optional.empty());
    }

    /** As {@link #of(OutcomeReport, Map)}, with the homes' improvement work when there is any. */
    static ReportView of(OutcomeReport r, Map<String, byte[]> pngs, Optional<ImprovementReport> improvement) {
        OutcomeReport.Participation t = r.totals();
        int homes = r.homes().size();
        return new ReportView(
                r.cohortName(),
                ReportStyle.CSS,
                dates(r),
                n(t.homes()) + plural(t.homes(), " care home", " care homes"),
                r.framework(),
                DAY.format(r.producedOn()),
                r.finished()
                        ? " · programme complete"
                        : " · programme in progress: week " + r.weeksRun() + " of " + r.weeksPlanned(),
                contents(r, improvement.isPresent()),
                leadSentence(r),
                figures(r),
                improvementSentence(r),
                r.changes().stream().map(ReportView::changeRow).toList(),
                OutcomeReport.ROLL_UP_RULE,
                overall(r),
                chart(
                        pngs.get(HtmlReport.PARTICIPATION_FILE),
                        AltText.participation(r),
                        "Check-ins each week: dark blue on time, light blue late, hatched grey missing."),
                r.heatmap().showsShares(),
                n(r.heatmap().rows().size()),
                chart(
                        pngs.get(HtmlReport.HEATMAP_FILE),
                        AltText.heatmap(r),
                        "Homes are named only if they chose to be; see About this report."),
                r.measures()
                        .map(m -> measures(m, pngs.get(HtmlReport.MEASURES_FILE)))
                        .orElse(null),
                homesHeading(r),
                homes <= HtmlReport.HOME_PAGES_MAX ? homePages(r, pngs) : null,
                homes > HtmlReport.HOME_PAGES_MAX && homes <= HtmlReport.HOME_LINES_MAX ? homeLines(r) : null,
                homes > HtmlReport.HOME_LINES_MAX ? homesAsAWhole(r) : null,
                learning(r),
                n(t.homes()),
                r.tasks().stream()
                        .map(l -> new TaskRow(
                                l.title(), DAY_SHORT.format(l.due()), n(l.done()), n(l.pending()), n(l.overdue())))
                        .toList(),
                r.sessions().stream()
                        .map(l -> new SessionRow(
                                l.title(),
                                WHEN.format(l.startsAt()) + (l.held() ? "" : " (upcoming)"),
                                n(l.homesAttended()),
                                n(l.people())))
                        .toList(),
                RatingProjection.CAVEAT,
                OutcomeReport.NAMING_RULE,
                improvement.map(i -> qi(i, pngs)).orElse(null));
    }

    private static Improvement qi(ImprovementReport i, Map<String, byte[]> pngs) {
        List<ScoreRow> scores = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        for (ImprovementReport.ScoreRow row : i.scores()) {
            List<VerdictView> verdicts = row.verdicts().stream()
                    .map(v -> new VerdictView(
                            v.measure(),
                            verdictCss(v.icon()),
                            SpcWords.variationLetter(v.icon()).isEmpty() ? "~" : SpcWords.variationLetter(v.icon()),
                            SpcWords.variation(v.icon())
                                    + v.recalculated().map(r -> " (" + r + ")").orElse("")))
                    .toList();
            scores.add(new ScoreRow(
                    row.label(),
                    row.byWeek().stream()
                            .map(s -> s.map(IhiScale::label).orElse("–"))
                            .toList(),
                    row.latest().map(IhiScale::label).orElse(null),
                    row.latest().map(IhiScale::meaning).orElse("Not scored yet"),
                    verdicts));
            row.verdicts().stream()
                    .filter(v -> v.icon() != VariationIcon.COMMON_CAUSE
                            || v.recalculated().isPresent())
                    .forEach(v -> moved.add(row.label() + " · " + v.measure() + ": "
                            + v.recalculated()
                                    .map(r -> "a sustained shift; " + r + " ("
                                            + SpcWords.variation(v.icon()).toLowerCase(Locale.ROOT) + " since)")
                                    .orElse(SpcWords.variation(v.icon()))));
        }
        List<AdoptedRow> adopted = i.adopted().stream()
                .map(a -> new AdoptedRow(
                        a.idea(),
                        a.home().orElse("Shared anonymously"),
                        a.measure().orElse("–"),
                        DAY_SHORT.format(a.start())))
                .toList();
        String adoptedNote = n(i.cycles()) + plural(i.cycles(), " PDSA cycle", " PDSA cycles") + " in all, "
                + n(i.testing()) + " being tested now."
                + (i.privateAdopted() > 0
                        ? " " + n(i.privateAdopted())
                                + plural(i.privateAdopted(), " adopted change was", " adopted changes were")
                                + " kept to the home that made it, so it is counted here but not described."
                        : "");
        List<ImprovementHome> homes = new ArrayList<>();
        for (int h = 0; h < i.homes().size(); h++) {
            ImprovementReport.HomeImprovement home = i.homes().get(h);
            List<Chart> charts = new ArrayList<>();
            for (int c = 0; c < home.charts().size(); c++) {
                charts.add(chart(
                        pngs.get(HtmlReport.improvementFile(i, h, c)),
                        home.charts().get(c).alt(),
                        "Numbered circles mark where each cycle started (filled: adopted), listed under the chart;"
                                + " the red line is the home's aim; a break in the mean and limits is a"
                                + " recalculation a person confirmed. Counts of 1 to 4 are hidden."));
            }
            homes.add(new ImprovementHome(
                    "improvement-" + (h + 1),
                    home.label(),
                    home.aims().stream()
                            .map(a -> new AimRow(
                                    a.measure(),
                                    "From " + Numbers.format(a.from()) + " to " + Numbers.format(a.to()) + " by "
                                            + DAY_SHORT.format(a.by()),
                                    a.words()))
                            .toList(),
                    home.cycles().stream().map(ReportView::cycleRow).toList(),
                    home.scores().isEmpty()
                            ? null
                            : home.scores().stream()
                                    .map(s -> "week " + s.week() + ": "
                                            + s.score().choice())
                                    .collect(Collectors.joining("; ")),
                    charts,
                    home.chartsNotShown()));
        }
        return new Improvement(
                "Each home's improvement work as the Model for Improvement records it: the aims homes set for their"
                        + " measures, the changes they tested in Plan-Do-Study-Act cycles, and the coaches' progress"
                        + " score on IHI's 0.5 to 5 scale. A cycle's words appear only where the home shared it with"
                        + " the cohort, with its name where it chose that; other cycles show their number, stage and"
                        + " dates.",
                i.scoreWeeks().stream().map(w -> "Week " + w).toList(),
                scores,
                moved,
                adopted,
                adoptedNote,
                homes,
                i.quiet() == 0
                        ? null
                        : n(i.quiet()) + plural(i.quiet(), " home has", " homes have")
                                + " not set aims or tested changes yet; their scores are in the table above.");
    }

    private static CycleRow cycleRow(ImprovementReport.CycleLine c) {
        String dates = (c.start().getYear() == c.plannedEnd().getYear()
                        ? DAY_MONTH.format(c.start())
                        : DAY_SHORT.format(c.start()))
                + " to " + DAY_SHORT.format(c.plannedEnd()) + " (planned)";
        String ps = null;
        if (c.prediction().isPresent() || c.study().isPresent()) {
            ps = "Predicted: " + c.prediction().map(p -> shorten(p, 160)).orElse("–") + " · Found: "
                    + c.study().map(p -> shorten(p, 160)).orElse("not studied yet");
        }
        return new CycleRow(
                String.valueOf(c.number()),
                c.idea().orElse("Not shared by name")
                        + c.adapts().map(a -> " (adapts cycle " + a + ")").orElse(""),
                c.idea().isPresent(),
                c.stage(),
                dates,
                c.measure().orElse("–"),
                ps);
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1).strip() + "…";
    }

    /** The Making Data Count colour of a variation icon, as a class name. */
    private static String verdictCss(VariationIcon icon) {
        return switch (icon) {
            case COMMON_CAUSE -> "common";
            case IMPROVEMENT_HIGH, IMPROVEMENT_LOW -> "improvement";
            case CONCERN_HIGH, CONCERN_LOW -> "concern";
            case NEUTRAL_HIGH, NEUTRAL_LOW -> "neutral";
        };
    }

    static String dates(OutcomeReport r) {
        String weeks = r.weeksRun() + " of " + r.weeksPlanned() + " weeks";
        if (r.firstDay().isEmpty()) {
            return r.weeksRun() == 0 ? "The programme has not started yet" : weeks;
        }
        String from = DAY.format(r.firstDay().get());
        return r.lastDay().map(l -> from + " to " + DAY.format(l)).orElse("From " + from) + " · " + weeks;
    }

    private static List<Link> contents(OutcomeReport r, boolean improvement) {
        List<Link> links = new ArrayList<>();
        links.add(new Link("summary", "Executive summary"));
        links.add(new Link("participation", "Participation"));
        links.add(new Link("heatmap", "Self-ratings across the cohort"));
        if (r.measures().isPresent()) {
            links.add(new Link("measures", "Quality-improvement measures"));
        }
        links.add(new Link("homes", homesHeading(r)));
        if (improvement) {
            links.add(new Link("improvement", "Improvement work"));
        }
        links.add(new Link("learning", "Shared learning"));
        links.add(new Link("tasks", "Tasks and sessions"));
        links.add(new Link("about", "About this report"));
        return links;
    }

    static String leadSentence(OutcomeReport r) {
        OutcomeReport.Participation t = r.totals();
        StringBuilder s = new StringBuilder();
        s.append(n(t.homes())).append(plural(t.homes(), " care home", " care homes"));
        s.append(r.finished() ? " worked through " : " have worked through ")
                .append(r.weeksRun())
                .append(r.weeksRun() == 1 ? " week" : " weeks")
                .append(" of the programme");
        if (r.firstDay().isPresent()) {
            s.append(
                    r.lastDay().isPresent() && r.finished()
                            ? " between " + DAY.format(r.firstDay().get()) + " and "
                                    + DAY.format(r.lastDay().get())
                            : " since " + DAY.format(r.firstDay().get()));
        }
        s.append(", reflecting each week on one part of CQC's framework and checking in with a self-rating.");
        if (t.expected() > 0) {
            s.append(" They sent ")
                    .append(n(t.received()))
                    .append(" of the ")
                    .append(n(t.expected()))
                    .append(" weekly check-ins asked of them (")
                    .append(t.percent())
                    .append("%), ")
                    .append(t.onTimePercent())
                    .append("% of them on time.");
        }
        r.openWeek().ifPresent(w -> s.append(" Week ").append(w).append(" is still open and is not counted yet."));
        return s.toString();
    }

    private static List<Figure> figures(OutcomeReport r) {
        OutcomeReport.Participation t = r.totals();
        return List.of(
                new Figure("Care homes", n(t.homes()), "taking part"),
                new Figure("Weeks run", String.valueOf(r.weeksRun()), "of " + r.weeksPlanned() + " planned"),
                new Figure(
                        "Participation",
                        t.expected() == 0 ? "–" : t.percent() + "%",
                        n(t.received()) + " of " + n(t.expected()) + " weekly check-ins"),
                new Figure(
                        "On time",
                        t.received() == 0 ? "–" : t.onTimePercent() + "%",
                        n(t.onTime()) + " of " + n(t.received()) + " check-ins received"));
    }

    static String improvementSentence(OutcomeReport r) {
        int homes = r.totals().homes();
        if (homes == 0) {
            return "No homes are enrolled yet.";
        }
        KeyQuestion most = null;
        int best = 0;
        for (OutcomeReport.KeyQuestionChange c : r.changes()) {
            if (c.improved() > best) {
                best = c.improved();
                most = c.keyQuestion();
            }
        }
        String s = n(r.homesImprovedAny()) + " of " + n(homes) + plural(homes, " home", " homes")
                + " now rate themselves higher than their CQC baseline in at least one key question";
        return most == null
                ? s + "."
                : s + "; the most movement is in " + most.label() + " (" + n(best) + plural(best, " home", " homes")
                        + ").";
    }

    private static ChangeRow changeRow(OutcomeReport.KeyQuestionChange c) {
        return new ChangeRow(
                c.keyQuestion().label(),
                count(c.improved(), "▲ ", "up"),
                count(c.same(), "", "same"),
                count(c.lower(), "▼ ", "down"),
                n(c.notCompared()));
    }

    /** A count of homes coloured by the way they moved, grey when there are none. */
    private static Change count(int count, String mark, String kind) {
        return count == 0 ? new Change("na", n(count)) : new Change(kind, mark + n(count));
    }

    private static List<OverallRow> overall(OutcomeReport r) {
        List<OverallRow> rows = new ArrayList<>();
        int baselineRated = 0;
        for (int i = Rating.values().length - 1; i >= 0; i--) {
            Rating rating = Rating.values()[i];
            int b = r.baselineOverall().getOrDefault(rating, 0);
            baselineRated += b;
            rows.add(new OverallRow(
                    pill(Optional.of(rating), "Not rated"),
                    n(b),
                    n(r.projectedOverall().getOrDefault(rating, 0))));
        }
        rows.add(new OverallRow(
                pill(Optional.empty(), "Not rated / too few ratings"),
                n(r.totals().homes() - baselineRated),
                n(r.projectionsPending())));
        return rows;
    }

    private static Measures measures(CohortMeasures.Digest digest, byte[] png) {
        List<MeasureLine> lines = digest.lines().stream()
                .map(l -> new MeasureLine(l.measure(), l.details()))
                .toList();
        List<String> plain =
                digest.lines().stream().map(CohortMeasures.Line::text).toList();
        return new Measures(
                lines,
                png == null
                        ? null
                        : chart(
                                png,
                                "Small multiples of the cohort's measures, one chart per measure over time. "
                                        + String.join(" ", plain),
                                "Cohort aggregates per period; hidden periods had counts of 1 to 4."));
    }

    static String homesHeading(OutcomeReport r) {
        int homes = r.homes().size();
        return homes <= HtmlReport.HOME_PAGES_MAX
                ? "Each home's journey"
                : homes <= HtmlReport.HOME_LINES_MAX ? "Each home" : "The homes";
    }

    private static HomePages homePages(OutcomeReport r, Map<String, byte[]> pngs) {
        List<HomePage> pages = new ArrayList<>();
        for (int i = 0; i < r.homes().size(); i++) {
            OutcomeReport.HomeSection h = r.homes().get(i);
            pages.add(new HomePage(
                    "home-" + (i + 1),
                    h.label(),
                    (h.onTime() + h.late()) + " of " + h.weeksAsked(),
                    h.onTime(),
                    h.late(),
                    h.tasksSet() > 0 ? h.tasksDone() + " of " + h.tasksSet() : null,
                    h.sessionsHeld() > 0 ? h.sessionsAttended() + " of " + h.sessionsHeld() : null,
                    pill(h.baselineOverall(), "Not rated"),
                    h.rows().stream()
                            .map(row -> new HomeRow(
                                    row.keyQuestion().label(),
                                    pill(row.baseline(), "Not rated"),
                                    pill(row.selfAssessment(), "No self-ratings yet"),
                                    change(row.change()),
                                    row.itemsRated() + " of " + row.itemsRun()))
                            .toList(),
                    h.projection().rating().isPresent() ? pill(h.projection().rating(), "Not rated") : null,
                    h.projection().headline(),
                    h.projection().explanation(),
                    h.projection().toMoveUp().isBlank() ? null : h.projection().toMoveUp(),
                    chart(
                            pngs.get(HtmlReport.journeyFile(r, i)),
                            AltText.journey(h),
                            "Self-ratings week by week per key question; the dashed line is the CQC baseline. Each"
                                    + " panel's heading gives the latest week's self-rating; the table above rolls up"
                                    + " all of the key question's weeks.")));
        }
        return new HomePages(pages);
    }

    private static HomeLines homeLines(OutcomeReport r) {
        List<String> keyQuestions = new ArrayList<>();
        for (KeyQuestion kq : KeyQuestion.values()) {
            keyQuestions.add(kq.label());
        }
        List<HomeLine> lines = r.homes().stream()
                .map(h -> new HomeLine(
                        h.label(),
                        (h.onTime() + h.late()) + " of " + h.weeksAsked(),
                        pill(h.baselineOverall(), "Not rated"),
                        pill(h.projection().rating(), "Too few ratings"),
                        h.rows().stream()
                                .map(row -> new HomeCell(pill(row.selfAssessment(), "None yet"), change(row.change())))
                                .toList()))
                .toList();
        return new HomeLines(n(r.homes().size()), keyQuestions, lines);
    }

    /** For a cohort too large for a line per home: how the homes took part, as a distribution. */
    private static HomesAsAWhole homesAsAWhole(OutcomeReport r) {
        int homes = r.homes().size();
        String[] bands = {
            "Every week",
            "Three quarters of the weeks or more",
            "Half or more",
            "Fewer than half",
            "None",
            "No week closed yet"
        };
        int[] counts = new int[bands.length];
        for (OutcomeReport.HomeSection h : r.homes()) {
            int asked = h.weeksAsked();
            int got = h.onTime() + h.late();
            counts[
                    asked == 0
                            ? 5
                            : got == asked ? 0 : got * 4 >= asked * 3 ? 1 : got * 2 >= asked ? 2 : got > 0 ? 3 : 4]++;
        }
        List<Band> rows = new ArrayList<>();
        for (int i = 0; i < bands.length; i++) {
            if (i == 5 && counts[i] == 0) {
                continue;
            }
            rows.add(new Band(bands[i], n(counts[i]), homes == 0 ? "–" : Math.round(100.0 * counts[i] / homes) + "%"));
        }
        return new HomesAsAWhole(n(homes), rows);
    }

    private static Learning learning(OutcomeReport r) {
        if (r.learning().isEmpty()) {
            return null;
        }
        int shown = r.learning().size();
        long named = r.learning().stream().filter(l -> l.homeName().isPresent()).count();
        boolean allShown = r.learningNotShown().isEmpty();
        String highlights = allShown ? shown + plural(shown, " highlight", " highlights") : n(r.learningShared());
        List<LearningGroup> groups = new ArrayList<>();
        for (KeyQuestion kq : KeyQuestion.values()) {
            List<LearningWeek> weeks = new ArrayList<>();
            List<Highlight> items = null;
            for (OutcomeReport.Learning l : r.learning()) {
                if (l.keyQuestion() != kq) {
                    continue;
                }
                LearningWeek last = weeks.isEmpty() ? null : weeks.get(weeks.size() - 1);
                if (last == null || !last.week().equals(String.valueOf(l.week()))) {
                    items = new ArrayList<>();
                    int more = r.learningNotShown().getOrDefault(l.week(), 0);
                    weeks.add(new LearningWeek(
                            String.valueOf(l.week()),
                            l.code(),
                            l.title(),
                            items,
                            more > 0
                                    ? n(more) + plural(more, " more home", " more homes")
                                            + " shared a highlight that week."
                                    : null));
                }
                items.add(new Highlight(l.text(), l.homeName().orElse("Shared anonymously")));
            }
            if (!weeks.isEmpty()) {
                groups.add(new LearningGroup(kq.label(), weeks));
            }
        }
        return new Learning(
                allShown,
                highlights,
                String.valueOf(HighlightPick.SHOWN),
                String.valueOf(shown),
                String.valueOf(named),
                groups);
    }

    static Pill pill(Optional<Rating> rating, String none) {
        return rating.map(r -> new Pill(r.key().replace('_', '-'), r.label())).orElse(new Pill("none", none));
    }

    static Change change(Optional<Integer> change) {
        if (change.isEmpty()) {
            return new Change("na", "–");
        }
        int d = change.get();
        if (d == 0) {
            return new Change("same", "● same");
        }
        String levels = Math.abs(d) + (Math.abs(d) == 1 ? " level" : " levels");
        return d > 0 ? new Change("up", "▲ up " + levels) : new Change("down", "▼ down " + levels);
    }

    private static Chart chart(byte[] png, String alt, String caption) {
        int[] size = Png.size(png);
        return new Chart(
                Base64.getEncoder().encodeToString(png),
                alt,
                size == null ? null : new Size(size[0], size[1]),
                caption);
    }

    /** A count as people read it: 15,000 rather than 15000. */
    static String n(int count) {
        return String.format(Locale.UK, "%,d", count);
    }

    static String plural(int n, String one, String many) {
        return n == 1 ? one : many;
    }
}
