package uk.stepup.measures.spc;

import java.util.ArrayList;
import java.util.List;

/**
 * A run chart: the values around their median, with Anhøj's two rules as in qicharts2.
 * Only "useful" observations (not on the median) count; runs are maximal sequences of useful points
 * on the same side, and a point on the median neither breaks nor extends a run.
 *
 * @param median              median of all values (mean of the middle two for an even count)
 * @param points              every point, in date order
 * @param usefulObservations  points not on the median (n)
 * @param longestRun          length of the longest run
 * @param longestRunLimit     {@code round(log2(n)) + 3}; 0 when n is 0
 * @param crossings           times the series crosses the median (runs − 1)
 * @param crossingsLimit      {@code qbinom(0.05, n − 1, 0.5)}; 0 when n is 0
 * @param shiftSignal         {@code longestRun > longestRunLimit}
 * @param crossingsSignal     {@code crossings < crossingsLimit}
 */
public record RunChart(
        double median,
        List<RunPoint> points,
        int usefulObservations,
        int longestRun,
        int longestRunLimit,
        int crossings,
        int crossingsLimit,
        boolean shiftSignal,
        boolean crossingsSignal) {

    /** Below this many useful observations the rules have little power (Anhøj's tables start here). */
    public static final int RECOMMENDED_MIN_USEFUL = 10;

    public RunChart {
        points = List.copyOf(points);
    }

    /** True when either rule signals non-random variation. */
    public boolean signal() {
        return shiftSignal || crossingsSignal;
    }

    static RunChart of(List<Observation> observations) {
        int n = observations.size();
        if (n == 0) {
            throw new IllegalArgumentException("a run chart needs at least 1 point");
        }
        double[] sorted =
                observations.stream().mapToDouble(Observation::value).sorted().toArray();
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;

        RunPoint.Side[] sides = new RunPoint.Side[n];
        // Run id of every useful point, and the length of every run.
        int[] runOf = new int[n];
        List<Integer> runLengths = new ArrayList<>();
        RunPoint.Side previous = null;
        int useful = 0;
        for (int i = 0; i < n; i++) {
            double v = observations.get(i).value();
            sides[i] = v > median ? RunPoint.Side.ABOVE : v < median ? RunPoint.Side.BELOW : RunPoint.Side.ON_MEDIAN;
            runOf[i] = -1;
            if (sides[i] == RunPoint.Side.ON_MEDIAN) {
                continue;
            }
            useful++;
            if (sides[i] != previous) {
                runLengths.add(0);
                previous = sides[i];
            }
            int run = runLengths.size() - 1;
            runLengths.set(run, runLengths.get(run) + 1);
            runOf[i] = run;
        }
        int longest = runLengths.stream().mapToInt(Integer::intValue).max().orElse(0);
        int crossings = Math.max(runLengths.size() - 1, 0);
        int longestLimit = useful == 0 ? 0 : AnhojRules.longestRunLimit(useful);
        int crossingsLimit = useful == 0 ? 0 : AnhojRules.crossingsLimit(useful);
        boolean shift = useful > 0 && longest > longestLimit;
        boolean fewCrossings = useful > 0 && crossings < crossingsLimit;

        List<RunPoint> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean longRun = runOf[i] >= 0 && runLengths.get(runOf[i]) > longestLimit;
            points.add(
                    new RunPoint(observations.get(i).date(), observations.get(i).value(), median, sides[i], longRun));
        }
        return new RunChart(
                median, points, useful, longest, longestLimit, crossings, crossingsLimit, shift, fewCrossings);
    }
}
