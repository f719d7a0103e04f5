package uk.stepup.measures;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import uk.stepup.measures.spc.Observation;
import uk.stepup.measures.spc.Spc;
import uk.stepup.measures.spc.SpcChart;
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
        if (observations.size() < 2) {
            return Optional.empty();
        }
        XmrOptions options = XmrOptions.defaults().withImprovement(measure.direction());
        if (measure.target().isPresent()) {
            options = options.withTarget(measure.target().getAsDouble());
        }
        int baseline = baselinePoints(observations, measure.frequency(), programmeStart);
        if (baseline >= XmrOptions.MIN_FIX_AFTER_POINTS && baseline < observations.size()) {
            options = options.withFixAfterPoints(baseline);
        }
        return Optional.of(Spc.xmr(observations, options));
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
        int baseline = chart.get().periods().get(0).baselinePoints();
        if (baseline < observations.size()) {
            return "Mean and limits from the " + baseline + " values before the programme started.";
        }
        return "";
    }
}
