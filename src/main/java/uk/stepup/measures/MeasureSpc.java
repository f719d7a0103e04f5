package uk.stepup.measures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import uk.stepup.measures.spc.Observation;
import uk.stepup.measures.spc.Spc;
import uk.stepup.measures.spc.SpcChart;
import uk.stepup.measures.spc.SpcPeriod;
import uk.stepup.measures.spc.XmrOptions;

/**
 * How the bot charts a measure: an XmR chart with NHSRplotthedots' defaults (Making Data Count rules, moving ranges
 * screened for outliers) for every measure, rates included (a rate per period is one individual value, as Making
 * Data Count recommends for most data). When at least 12 values are for periods before the programme's first
 * period (imported history; the month the programme starts in already counts as a programme month), the mean and
 * limits are fixed on that baseline, so that changes made during the programme are judged against how things were;
 * otherwise every value counts and limits under 12 points are trial limits.
 */
public final class MeasureSpc {
    private MeasureSpc() {}

    /** Empty with fewer than 2 observations (an XmR chart needs a moving range). Observations in date order. */
    public static Optional<SpcChart> chart(Measure measure, List<Observation> observations, LocalDate programmeStart) {
        return chart(measure, observations, programmeStart, HomeChartNotes.Notes.NONE);
    }

    /**
     * A home's chart with what the home added: its aim's value as the target (instead of the cohort's), and a new
     * period from each recalculation a person confirmed. A recalculation that no longer fits the values (its period
     * has no value, or it would leave a period of fewer than 2 values, for instance after values were replaced) is
     * left out rather than failing the chart; {@link #appliedRecalculations} says which were used.
     */
    public static Optional<SpcChart> chart(
            Measure measure, List<Observation> observations, LocalDate programmeStart, HomeChartNotes.Notes notes) {
        if (observations.size() < 2) {
            return Optional.empty();
        }
        XmrOptions options = XmrOptions.defaults().withImprovement(measure.direction());
        OptionalDouble target = notes.aimTarget().isPresent() ? notes.aimTarget() : measure.target();
        if (target.isPresent()) {
            options = options.withTarget(target.getAsDouble());
        }
        int baseline = baselinePoints(observations, measure.frequency(), programmeStart);
        if (baseline >= XmrOptions.MIN_FIX_AFTER_POINTS && baseline < observations.size()) {
            options = options.withFixAfterPoints(baseline);
        }
        List<LocalDate> rebase = appliedRecalculations(observations, notes.recalculatedFrom());
        if (!rebase.isEmpty()) {
            options = options.withRebaseDates(rebase);
        }
        return Optional.of(Spc.xmr(observations, options));
    }

    /**
     * The recalculation dates the chart can use, in date order: each is the date of a value, and every period keeps
     * at least 2 values.
     */
    public static List<LocalDate> appliedRecalculations(List<Observation> observations, List<LocalDate> dates) {
        List<LocalDate> sorted = dates.stream().distinct().sorted().toList();
        List<LocalDate> kept = new ArrayList<>();
        int periodStart = 0;
        for (LocalDate d : sorted) {
            int at = indexOf(observations, d);
            if (at - periodStart >= 2 && observations.size() - at >= 2) {
                kept.add(d);
                periodStart = at;
            }
        }
        return kept;
    }

    private static int indexOf(List<Observation> observations, LocalDate date) {
        for (int i = 0; i < observations.size(); i++) {
            if (observations.get(i).date().equals(date)) {
                return i;
            }
        }
        return -1;
    }

    /** How many observations are for periods before the programme's first period. */
    public static int baselinePoints(List<Observation> observations, Frequency frequency, LocalDate programmeStart) {
        LocalDate first = frequency.periodOf(programmeStart);
        return (int) observations.stream().filter(o -> o.date().isBefore(first)).count();
    }

    /** The note under a chart: whether its limits are fixed on a baseline, or still trial limits. */
    static String limitsNote(Optional<SpcChart> chart, List<Observation> observations) {
        if (chart.isEmpty()) {
            return observations.isEmpty() ? "No values yet." : "One value so far: a chart needs at least two.";
        }
        // Fixed on the history only when the first period's limits come from fewer values than it has: a first
        // period that ends at a recalculation keeps its own values.
        SpcPeriod first = chart.get().periods().get(0);
        int baseline = first.baselinePoints();
        if (baseline < first.points()) {
            return "Mean and limits from the " + baseline + " values before the programme started.";
        }
        return "";
    }
}
