package uk.stepup.measures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import uk.stepup.cohorts.Cohort;
import uk.stepup.measures.spc.Observation;
import uk.stepup.measures.spc.SpcChart;

/**
 * The cohort's measures as the cohort sees them in the weekly summary: for each measure and period, one aggregate
 * of the homes that have a value (the mean per home for a plain number, the pooled rate Σ numerators ÷ Σ
 * denominators × per for a rate), charted as small multiples. No home is named.
 *
 * <p>Small counts are suppressed ({@link SmallCounts}): a rate's pooled numerator of 1 to 4, or the total of a
 * plain measure whose values are whole numbers (counts) of 1 to 4, makes that period "<5": its value is not shown
 * in words, not drawn, and not used for the chart's mean and limits (which would otherwise let it be worked out).
 */
public final class CohortMeasures {
    private final MeasureRepository measures;
    private final MeasureChartRenderer renderer;

    public CohortMeasures(MeasureRepository measures, MeasureChartRenderer renderer) {
        this.measures = measures;
        this.renderer = renderer;
    }

    /** One period of the cohort's aggregate; {@code value} is NaN when suppressed, so it cannot leak. */
    public record Aggregate(LocalDate period, double value, int homes, boolean suppressed) {}

    /** One measure across the cohort: its aggregates in period order and the chart of those that may be shown. */
    public record CohortSeries(Measure measure, List<Aggregate> aggregates, Optional<SpcChart> chart) {
        public CohortSeries {
            aggregates = List.copyOf(aggregates);
        }
    }

    /**
     * What the weekly summary carries: a line per measure and one image of small multiples, when at least one
     * measure has enough values to chart (an image of empty panels would tell the homes nothing).
     */
    public record Digest(List<Line> lines, Optional<ChartImage> chart) {
        public Digest {
            lines = List.copyOf(lines);
        }
    }

    /**
     * A measure's line: its name, which a reader's eye should find first (the adapters set it in bold), and the rest,
     * e.g. "Falls" and " (mean per home, lower is better): latest 3.5, week of 18 Jan 2027, 4 homes · Common cause
     * variation".
     */
    public record Line(String measure, String details) {
        /** The whole line as plain text. */
        public String text() {
            return measure + details;
        }
    }

    /**
     * The aggregate per period of the given values (any homes), in period order, suppressing small counts.
     * Values after {@code upTo} are left out.
     */
    public static List<Aggregate> aggregate(Measure m, List<MeasureValue> values, LocalDate upTo) {
        Map<LocalDate, List<MeasureValue>> byPeriod = values.stream()
                .filter(v -> !v.period().isAfter(upTo))
                .collect(Collectors.groupingBy(MeasureValue::period, TreeMap::new, Collectors.toList()));
        List<MeasureRepository.PeriodTotal> totals = new ArrayList<>();
        byPeriod.forEach((period, vs) -> totals.add(new MeasureRepository.PeriodTotal(
                period,
                vs.size(),
                vs.stream().mapToDouble(MeasureValue::value).sum(),
                vs.stream().mapToDouble(v -> v.numerator().orElse(0)).sum(),
                vs.stream().mapToDouble(v -> v.denominator().orElse(0)).sum(),
                vs.stream().allMatch(v -> Numbers.whole(v.value())))));
        return aggregate(m, totals);
    }

    /** The aggregate per period from the period's totals (see {@link MeasureRepository#totals}), suppressing small counts. */
    public static List<Aggregate> aggregate(Measure m, List<MeasureRepository.PeriodTotal> totals) {
        List<Aggregate> out = new ArrayList<>();
        for (MeasureRepository.PeriodTotal t : totals) {
            int n = t.values();
            if (m.rate().isPresent()) {
                boolean hide = SmallCounts.suppressed(t.numerators());
                out.add(new Aggregate(
                        t.period(),
                        hide || t.denominators() <= 0
                                ? Double.NaN
                                : m.rate().get().of(t.numerators(), t.denominators()),
                        n,
                        hide));
            } else {
                // Whole numbers are counts: a total of 1 to 4 could point to a person.
                boolean hide = t.allWhole() && SmallCounts.suppressed(t.sum());
                out.add(new Aggregate(t.period(), hide ? Double.NaN : t.sum() / n, n, hide));
            }
        }
        return out;
    }

    /** Each measure of the cohort with its aggregates up to {@code upTo} and their chart. */
    public List<CohortSeries> series(Cohort cohort, LocalDate upTo) {
        List<CohortSeries> out = new ArrayList<>();
        for (Measure m : measures.inCohort(cohort.id())) {
            // Added up by the database: the cohort's homes' values only, never read one by one.
            List<Aggregate> aggregates = aggregate(m, measures.totals(m.id(), cohort.id(), upTo));
            List<Observation> shown = aggregates.stream()
                    .filter(a -> !a.suppressed())
                    .map(a -> new Observation(a.period(), a.value()))
                    .toList();
            out.add(new CohortSeries(m, aggregates, MeasureSpc.chart(m, shown, cohort.startDate())));
        }
        return out;
    }

    /**
     * The measures part of a weekly summary: a line per measure and the small multiples, or empty when the cohort
     * has no measures or no values yet.
     *
     * @param upTo the last period to include (the programme week's Monday)
     */
    public Optional<Digest> digest(Cohort cohort, int week, LocalDate upTo) {
        List<CohortSeries> all = series(cohort, upTo);
        if (all.stream().allMatch(s -> s.aggregates().isEmpty())) {
            return Optional.empty();
        }
        List<Line> lines = new ArrayList<>();
        List<MeasureChart> panels = new ArrayList<>();
        for (CohortSeries s : all) {
            lines.add(line(s));
            panels.add(panel(cohort, s));
        }
        MeasurePanels chart = new MeasurePanels(
                cohort.name() + " · measures after week " + week,
                "Cohort aggregates: mean per home, or the pooled rate for rates. Counts of 1 to 4 show as "
                        + SmallCounts.LABEL + ".",
                panels);
        boolean anyChart = all.stream().anyMatch(s -> s.chart().isPresent());
        return Optional.of(new Digest(
                lines,
                anyChart
                        ? Optional.of(
                                new ChartImage("cohort-measures-week-" + week + ".png", renderer.panelsPng(chart)))
                        : Optional.empty()));
    }

    /** "Falls", " (mean per home, lower is better): latest 3.5, week of 18 Jan 2027, 4 homes · Common cause variation". */
    static Line line(CohortSeries s) {
        Measure m = s.measure();
        StringBuilder b = new StringBuilder(" (")
                .append(m.isRate() ? "pooled rate" : "mean per home")
                .append(", ")
                .append(m.directionWords())
                .append("): ");
        if (s.aggregates().isEmpty()) {
            return new Line(m.name(), b.append("no values yet").toString());
        }
        Aggregate latest = s.aggregates().get(s.aggregates().size() - 1);
        b.append("latest ")
                .append(latest.suppressed() ? SmallCounts.LABEL : Numbers.format(latest.value()))
                .append(", ")
                .append(m.frequency().label(latest.period()))
                .append(", ")
                .append(latest.homes())
                .append(latest.homes() == 1 ? " home" : " homes");
        if (s.chart().isPresent()) {
            b.append(" · ").append(SpcWords.variation(s.chart().get().variationIcon()));
            if (latest.suppressed()) {
                b.append(" (at the latest charted period)");
            }
        } else {
            b.append(" · too few values to chart yet");
        }
        return new Line(m.name(), b.toString());
    }

    private static MeasureChart panel(Cohort cohort, CohortSeries s) {
        Measure m = s.measure();
        List<LocalDate> hidden = s.aggregates().stream()
                .filter(Aggregate::suppressed)
                .map(Aggregate::period)
                .toList();
        LocalDate first = m.frequency().periodOf(cohort.startDate());
        boolean history = s.aggregates().stream().anyMatch(a -> a.period().isBefore(first));
        String note = s.chart().isPresent()
                ? ""
                : s.aggregates().isEmpty() ? "No values yet." : "Too few values that may be shown to chart yet.";
        return new MeasureChart(
                m.name(),
                (m.isRate() ? "pooled rate" : "mean per home") + " · " + m.unit() + " · " + m.directionWords(),
                m.frequency(),
                s.chart(),
                hidden,
                history ? Optional.of(first) : Optional.empty(),
                note);
    }
}
