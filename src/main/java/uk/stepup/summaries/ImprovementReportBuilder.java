package uk.stepup.summaries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.stream.Collectors;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.cohorts.Home;
import uk.stepup.improvement.Aim;
import uk.stepup.improvement.IhiScale;
import uk.stepup.improvement.PdsaCycle;
import uk.stepup.improvement.ProgressScore;
import uk.stepup.improvement.Recalculation;
import uk.stepup.measures.ChartMarker;
import uk.stepup.measures.Frequency;
import uk.stepup.measures.HomeChartNotes;
import uk.stepup.measures.Measure;
import uk.stepup.measures.MeasureChart;
import uk.stepup.measures.MeasureChartRenderer;
import uk.stepup.measures.MeasureSpc;
import uk.stepup.measures.MeasureValue;
import uk.stepup.measures.Numbers;
import uk.stepup.measures.SmallCounts;
import uk.stepup.measures.SpcWords;
import uk.stepup.measures.spc.Observation;
import uk.stepup.measures.spc.SpcChart;
import uk.stepup.measures.spc.SpcPeriod;

/**
 * Builds the report's {@link ImprovementReport} from a {@link ProgrammeHistory}: each home's aims, cycles and
 * annotated charts (markers at the cycles' starts, the aim as the target, the recalculated periods), the cohort's
 * shared adopted changes, and the progress scores over time beside each home's SPC verdicts. See
 * {@link ImprovementReport} for what may be shown where.
 */
public final class ImprovementReportBuilder {
    /** The score table shows at most this many weeks (the latest), so it fits a page. */
    static final int SCORE_WEEKS_MAX = 8;

    private ImprovementReportBuilder() {}

    public static ImprovementReport build(ProgrammeHistory h, MeasureChartRenderer charts) {
        HomeLabels labels = HomeLabels.of(h);
        ImprovementHistory imp = h.improvement();
        Map<Long, List<Aim>> aims = imp.aims().stream().collect(Collectors.groupingBy(Aim::homeId));
        Map<Long, List<PdsaCycle>> cycles = imp.cycles().stream().collect(Collectors.groupingBy(PdsaCycle::homeId));
        Map<Long, List<Recalculation>> recalculations =
                imp.recalculations().stream().collect(Collectors.groupingBy(Recalculation::homeId));
        Map<Long, List<ProgressScore>> scores =
                imp.scores().stream().collect(Collectors.groupingBy(ProgressScore::homeId));
        Map<Long, Measure> measures = new HashMap<>();
        h.measures().forEach(m -> measures.put(m.id(), m));
        Map<Long, Map<Long, List<MeasureValue>>> values = new HashMap<>();
        for (MeasureValue v : h.measureValues()) {
            values.computeIfAbsent(v.homeId(), k -> new HashMap<>())
                    .computeIfAbsent(v.measureId(), k -> new ArrayList<>())
                    .add(v);
        }

        TreeSet<Integer> weeks = new TreeSet<>();
        imp.scores().forEach(s -> weeks.add(s.week()));
        while (weeks.size() > SCORE_WEEKS_MAX) {
            weeks.pollFirst();
        }

        List<ImprovementReport.HomeImprovement> sections = new ArrayList<>();
        List<ImprovementReport.ScoreRow> rows = new ArrayList<>();
        int quiet = 0;
        for (Home home : labels.inOrder()) {
            List<Aim> own = aims.getOrDefault(home.id(), List.of());
            List<PdsaCycle> tests = cycles.getOrDefault(home.id(), List.of());
            List<Recalculation> recalcs = recalculations.getOrDefault(home.id(), List.of());
            List<ProgressScore> given = scores.getOrDefault(home.id(), List.of());
            boolean named = labels.named(home);
            Map<Long, List<MeasureValue>> homeValues = values.getOrDefault(home.id(), Map.of());

            List<ImprovementReport.Verdict> verdicts = new ArrayList<>();
            List<ImprovementReport.Chart> drawn = new ArrayList<>();
            List<String> notShown = new ArrayList<>();
            for (Measure m : h.measures()) {
                List<MeasureValue> vs = homeValues.getOrDefault(m.id(), List.of()).stream()
                        .sorted((a, b) -> a.period().compareTo(b.period()))
                        .toList();
                HomeChartNotes.Notes notes = notes(m, own, tests, recalcs, named);
                List<Observation> all = vs.stream()
                        .map(v -> new Observation(v.period(), v.value()))
                        .toList();
                Optional<SpcChart> full = MeasureSpc.chart(m, all, h.cohort().startDate(), notes);
                full.ifPresent(c ->
                        verdicts.add(new ImprovementReport.Verdict(m.name(), c.variationIcon(), recalculated(m, c))));
                boolean worked = own.stream().anyMatch(a -> a.measureId() == m.id())
                        || !notes.markers().isEmpty()
                        || !notes.recalculatedFrom().isEmpty();
                long hidden = vs.stream().filter(v -> small(m, v)).count();
                if (worked && full.isPresent()) {
                    if (vs.size() - hidden < 2 || hidden * 2 > vs.size()) {
                        // A chart of the few values that may be shown would mislead: say why there is none.
                        notShown.add(m.name() + ": " + hidden + " of its " + vs.size() + " values are counts of 1 to 4,"
                                + " hidden in this report so no one can be identified, so its chart is not shown here;"
                                + " the home sees it in full with /measures.");
                    } else {
                        drawn.add(chart(h, labels.label(home), m, vs, notes, charts));
                    }
                }
            }

            List<Optional<IhiScale>> byWeek = new ArrayList<>();
            for (int w : weeks) {
                byWeek.add(given.stream()
                        .filter(s -> s.week() == w)
                        .reduce((a, b) -> b)
                        .map(ProgressScore::score));
            }
            Optional<IhiScale> latest = given.isEmpty()
                    ? Optional.empty()
                    : Optional.of(given.get(given.size() - 1).score());
            rows.add(new ImprovementReport.ScoreRow(labels.label(home), byWeek, latest, verdicts));

            // A home with scores only has nothing more to show than its row in the table.
            if (own.isEmpty() && tests.isEmpty() && recalcs.isEmpty()) {
                quiet++;
                continue;
            }
            sections.add(new ImprovementReport.HomeImprovement(
                    labels.label(home),
                    named,
                    own.stream()
                            .map(a -> new ImprovementReport.AimLine(
                                    name(measures, a.measureId()), a.from(), a.to(), a.by(), a.words()))
                            .toList(),
                    tests.stream().map(c -> line(c, tests, measures, named)).toList(),
                    drawn,
                    notShown,
                    given.stream()
                            .map(s -> new ImprovementReport.ScoreLine(
                                    s.week(),
                                    s.score(),
                                    s.setAt().atZone(h.cohort().zone()).toLocalDate()))
                            .toList()));
        }

        Map<Long, Home> homes = new HashMap<>();
        h.homes().forEach(x -> homes.put(x.id(), x));
        List<ImprovementReport.SharedChange> adopted = new ArrayList<>();
        int privateAdopted = 0;
        int testing = 0;
        for (PdsaCycle c : imp.cycles()) {
            if (c.testing()) {
                testing++;
            }
            if (!c.adopted()) {
                continue;
            }
            if (c.share() == HighlightShare.NONE) {
                privateAdopted++;
                continue;
            }
            adopted.add(new ImprovementReport.SharedChange(
                    c.changeIdea(),
                    c.share() == HighlightShare.NAMED
                            ? Optional.ofNullable(homes.get(c.homeId())).map(Home::name)
                            : Optional.empty(),
                    c.measureId().isPresent()
                            ? Optional.of(name(measures, c.measureId().getAsLong()))
                            : Optional.empty(),
                    c.start()));
        }
        return new ImprovementReport(
                sections,
                quiet,
                List.copyOf(weeks),
                rows,
                adopted,
                testing,
                privateAdopted,
                imp.cycles().size());
    }

    /**
     * "limits recalculated from the week of 15 Feb 2027: mean 9.83 → 5.39" when the chart is in periods (each starts
     * at a recalculation a person confirmed), from the first period's mean to the latest's.
     */
    public static Optional<String> recalculated(Measure m, SpcChart c) {
        if (c.periods().size() < 2) {
            return Optional.empty();
        }
        SpcPeriod first = c.periods().get(0);
        SpcPeriod last = c.periods().get(c.periods().size() - 1);
        String from = (m.frequency() == Frequency.WEEKLY ? "the " : "")
                + m.frequency().label(last.start());
        return Optional.of("limits recalculated from " + from + ": mean " + Numbers.format(first.centre()) + " → "
                + Numbers.format(last.centre()));
    }

    /** The cycle's words may be shown under the home's own section. */
    static boolean shown(PdsaCycle c, boolean namedSection) {
        return namedSection && c.share() == HighlightShare.NAMED;
    }

    private static ImprovementReport.CycleLine line(
            PdsaCycle c, List<PdsaCycle> homeCycles, Map<Long, Measure> measures, boolean named) {
        boolean shown = shown(c, named);
        Optional<Integer> adapts = c.previousId().isPresent()
                ? homeCycles.stream()
                        .filter(p -> p.id() == c.previousId().getAsLong())
                        .map(PdsaCycle::number)
                        .findFirst()
                : Optional.empty();
        return new ImprovementReport.CycleLine(
                c.number(),
                shown ? Optional.of(c.changeIdea()) : Optional.empty(),
                c.stage().label(),
                c.start(),
                c.plannedEnd(),
                c.measureId().isPresent()
                        ? Optional.of(name(measures, c.measureId().getAsLong()))
                        : Optional.empty(),
                shown && !c.prediction().isBlank() ? Optional.of(c.prediction()) : Optional.empty(),
                shown ? c.studied().map(PdsaCycle.Step::text) : Optional.empty(),
                adapts);
    }

    /** What the home added to its chart of the measure; a cycle kept from the report is drawn by number only. */
    private static HomeChartNotes.Notes notes(
            Measure m, List<Aim> aims, List<PdsaCycle> cycles, List<Recalculation> recalcs, boolean named) {
        Optional<Aim> aim = aims.stream().filter(a -> a.measureId() == m.id()).findFirst();
        List<LocalDate> from = recalcs.stream()
                .filter(r -> r.measureId() == m.id() && r.active())
                .map(Recalculation::from)
                .sorted()
                .toList();
        List<ChartMarker> markers = cycles.stream()
                .filter(c -> c.measureId().isPresent() && c.measureId().getAsLong() == m.id())
                .map(c -> new ChartMarker(
                        c.number(),
                        m.frequency().periodOf(c.start()),
                        (shown(c, named) ? c.changeIdea() : "Cycle " + c.number() + " (not shared)") + ": "
                                + c.stage().label().toLowerCase(Locale.ROOT),
                        c.adopted()))
                .toList();
        return new HomeChartNotes.Notes(
                aim.map(a -> OptionalDouble.of(a.to())).orElse(OptionalDouble.empty()),
                aim.map(Aim::words),
                from,
                markers);
    }

    /** The home's chart of the measure with counts of 1 to 4 left out, as the cohort's charts leave them. */
    private static ImprovementReport.Chart chart(
            ProgrammeHistory h,
            String label,
            Measure m,
            List<MeasureValue> values,
            HomeChartNotes.Notes notes,
            MeasureChartRenderer charts) {
        List<Observation> shown = new ArrayList<>();
        List<LocalDate> hidden = new ArrayList<>();
        for (MeasureValue v : values) {
            if (small(m, v)) {
                hidden.add(v.period());
            } else {
                shown.add(new Observation(v.period(), v.value()));
            }
        }
        LocalDate first = m.frequency().periodOf(h.cohort().startDate());
        Optional<SpcChart> spc = MeasureSpc.chart(m, shown, h.cohort().startDate(), notes);
        boolean history = shown.stream().anyMatch(o -> o.date().isBefore(first));
        String note = notes.aim().map(a -> "Aim: " + a).orElse("");
        MeasureChart chart = new MeasureChart(
                m.name(),
                label + " · " + m.definition(),
                m.frequency(),
                spc,
                hidden,
                history ? Optional.of(first) : Optional.empty(),
                spc.isEmpty() ? "Too few values that may be shown (counts of 1 to 4 are hidden)." : note,
                notes.markers(),
                notes.aimTarget().isPresent());
        String alt = m.name() + " at " + label + ": "
                + spc.map(c -> SpcWords.variation(c.variationIcon()) + ". ").orElse("")
                + notes.markers().size() + (notes.markers().size() == 1 ? " change" : " changes") + " marked"
                + notes.markers().stream()
                        .map(k -> "; " + k.number() + " " + k.label())
                        .collect(Collectors.joining())
                + (hidden.isEmpty() ? "." : "; " + hidden.size() + " periods hidden (count of 1 to 4).");
        return new ImprovementReport.Chart(m.name(), charts.measurePng(chart), alt);
    }

    /** A count of 1 to 4: for a rate its numerator, for a count a whole value. */
    static boolean small(Measure m, MeasureValue v) {
        if (m.isRate()) {
            return v.numerator().isPresent()
                    && SmallCounts.suppressed(v.numerator().getAsDouble());
        }
        return v.value() == Math.rint(v.value()) && SmallCounts.suppressed(v.value());
    }

    private static String name(Map<Long, Measure> measures, long id) {
        Measure m = measures.get(id);
        return m == null ? "a removed measure" : m.name();
    }
}
