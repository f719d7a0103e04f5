package uk.stepup.measures.spc;

import java.util.EnumSet;
import java.util.List;

/**
 * The four Making Data Count rules and the point classification, ported line by line from
 * NHSRplotthedots' {@code ptd_calculate_point_type.R} (functions named in the comments). Applied to
 * one recalculation period at a time: patterns never span a rebase.
 */
final class MdcRules {

    /** Points in a shift or a trend. */
    static final int RUN = 7;

    private MdcRules() {}

    /** One point's classification. */
    record Result(PointType type, EnumSet<SpcRule> rules) {}

    /**
     * Classifies the points of one period. All arrays have the same length; limits may vary from point
     * to point (p- and u-charts).
     */
    static List<Result> classify(
            double[] y,
            double[] centre,
            double[] lpl,
            double[] upl,
            double[] nearLpl,
            double[] nearUpl,
            ImprovementDirection improvement) {
        int n = y.length;
        boolean[] outside = new boolean[n];
        int[] relativeToMean = new int[n];
        boolean[] closeToLimits = new boolean[n];
        for (int i = 0; i < n; i++) {
            // ptd_spc_standard: strict comparisons; a point exactly on a limit is not outside it.
            outside[i] = y[i] > upl[i] || y[i] < lpl[i];
            relativeToMean[i] = (int) Math.signum(y[i] - centre[i]);
            closeToLimits[i] = !outside[i] && (y[i] < nearLpl[i] || y[i] > nearUpl[i]);
        }

        boolean[] trend = partOfSeven(sevenPointTrend(y));
        boolean[] twoOfThree = partOfTwoInThree(twoInThree(closeToLimits, relativeToMean), closeToLimits);
        boolean[] shift = partOfSeven(sevenPointOneSideMean(relativeToMean));

        Result[] out = new Result[n];
        for (int i = 0; i < n; i++) {
            EnumSet<SpcRule> rules = EnumSet.noneOf(SpcRule.class);
            if (outside[i]) {
                rules.add(SpcRule.OUTSIDE_LIMITS);
            }
            if (trend[i]) {
                rules.add(SpcRule.TREND);
            }
            if (twoOfThree[i]) {
                rules.add(SpcRule.TWO_OF_THREE);
            }
            if (shift[i]) {
                rules.add(SpcRule.SHIFT);
            }
            // ptd_special_cause_type: the first matching rule decides the side (+1 high, -1 low).
            int side;
            if (outside[i]) {
                side = relativeToMean[i] == 1 ? 1 : -1;
            } else if (trend[i]) {
                side = trendDirection(y, trend, i) == 1 ? 1 : -1;
            } else if (twoOfThree[i] || shift[i]) {
                side = relativeToMean[i] > 0 ? 1 : -1;
            } else {
                side = 0;
            }
            out[i] = new Result(pointType(side, improvement), rules);
        }
        return List.of(out);
    }

    /**
     * ptd_special_cause_type's {@code sdy}: a trend point takes the direction of the step to its right
     * when the next point is also in a trend, otherwise the step from its left. The caller treats
     * anything but +1 as decreasing, as the R code does.
     */
    private static int trendDirection(double[] y, boolean[] trend, int i) {
        if (i + 1 < y.length && trend[i + 1]) {
            return (int) Math.signum(y[i + 1] - y[i]);
        }
        return i > 0 ? (int) Math.signum(y[i] - y[i - 1]) : 0;
    }

    /** ptd_point_type. */
    static PointType pointType(int side, ImprovementDirection improvement) {
        if (side == 0) {
            return PointType.COMMON_CAUSE;
        }
        if (improvement == ImprovementDirection.NEUTRAL) {
            return side > 0 ? PointType.SPECIAL_CAUSE_NEUTRAL_HIGH : PointType.SPECIAL_CAUSE_NEUTRAL_LOW;
        }
        return side * improvement.sign() > 0 ? PointType.SPECIAL_CAUSE_IMPROVEMENT : PointType.SPECIAL_CAUSE_CONCERN;
    }

    /**
     * ptd_seven_point_one_side_mean: non-zero at the 7th and later point of a run of identical
     * non-zero signs. A point on the mean (sign 0) breaks the run.
     */
    static int[] sevenPointOneSideMean(int[] relativeToMean) {
        int n = relativeToMean.length;
        int[] out = new int[n];
        for (int i = RUN - 1; i < n; i++) {
            int s = relativeToMean[i];
            if (s == 0) {
                continue;
            }
            boolean all = true;
            for (int k = 1; k < RUN; k++) {
                if (relativeToMean[i - k] != s) {
                    all = false;
                    break;
                }
            }
            out[i] = all ? s : 0;
        }
        return out;
    }

    /**
     * ptd_seven_point_trend: +1 (or -1) at a point that ends 7 points each strictly higher (or lower)
     * than the one before. Equal neighbours break a trend.
     */
    static int[] sevenPointTrend(double[] y) {
        int n = y.length;
        int[] out = new int[n];
        for (int i = RUN - 1; i < n; i++) {
            boolean up = true;
            boolean down = true;
            for (int j = i - RUN + 2; j <= i; j++) {
                double d = y[j] - y[j - 1];
                up &= d > 0;
                down &= d < 0;
            }
            out[i] = up ? 1 : down ? -1 : 0;
        }
        return out;
    }

    /** ptd_part_of_seven_trend: a point is part of a pattern if it or one of the next 6 points ends one. */
    static boolean[] partOfSeven(int[] ends) {
        int n = ends.length;
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int k = i; k < Math.min(n, i + RUN); k++) {
                if (ends[k] != 0) {
                    out[i] = true;
                    break;
                }
            }
        }
        return out;
    }

    /**
     * ptd_two_in_three: true at a point inside some window of 3 consecutive points (wholly inside the
     * period) in which at least 2 are close to the limits and all 3 are strictly on the same side of
     * the centre.
     */
    static boolean[] twoInThree(boolean[] closeToLimits, int[] relativeToMean) {
        int n = closeToLimits.length;
        boolean[] windowFires = new boolean[Math.max(0, n - 2)];
        for (int s = 0; s + 2 < n; s++) {
            int close = 0;
            int side = 0;
            for (int k = s; k < s + 3; k++) {
                close += closeToLimits[k] ? 1 : 0;
                side += relativeToMean[k];
            }
            windowFires[s] = close >= 2 && Math.abs(side) == 3;
        }
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int s = i - 2; s <= i; s++) {
                if (s >= 0 && s < windowFires.length && windowFires[s]) {
                    out[i] = true;
                    break;
                }
            }
        }
        return out;
    }

    /** ptd_part_of_two_in_three: only the points that are themselves close to the limits are flagged. */
    static boolean[] partOfTwoInThree(boolean[] inWindow, boolean[] closeToLimits) {
        boolean[] out = new boolean[inWindow.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = inWindow[i] && closeToLimits[i];
        }
        return out;
    }
}
