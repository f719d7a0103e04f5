package uk.stepup.measures.spc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The SPC engine's entry points. Every method is a pure function of its arguments; input must be in
 * strictly increasing date order (no duplicates). See the package documentation for the rules.
 */
public final class Spc {

    /** 3 / d₂ with d₂ = 1.128, as NHSRplotthedots and the Excel tool use. */
    public static final double XMR_LIMIT = 2.66;
    /** 2-sigma line: two thirds of the way to the limit, {@code 2 * (2.66 / 3)} as in NHSRplotthedots. */
    public static final double XMR_NEAR_LIMIT = 2 * (XMR_LIMIT / 3);
    /** Upper limit of the moving range chart as a multiple of the mean moving range (D₄ for n = 2). */
    public static final double MOVING_RANGE_LIMIT = 3.267;

    private Spc() {}

    /**
     * XmR chart with Making Data Count rules as implemented by NHSRplotthedots.
     *
     * @throws IllegalArgumentException if a period would have fewer than 2 points, dates are not strictly
     *                                  increasing, or a rebase date is not the date of an observation
     */
    public static SpcChart xmr(List<Observation> observations, XmrOptions options) {
        Objects.requireNonNull(options, "options");
        requireDateOrder(observations.stream().map(Observation::date).toList());
        int n = observations.size();
        if (n < 2) {
            throw new IllegalArgumentException("an XmR chart needs at least 2 points, got " + n);
        }
        Set<LocalDate> dates = new HashSet<>();
        observations.forEach(o -> dates.add(o.date()));
        Set<LocalDate> rebase = new HashSet<>(options.rebaseDates());
        for (LocalDate d : rebase) {
            if (!dates.contains(d)) {
                throw new IllegalArgumentException("rebase date " + d + " is not the date of any observation");
            }
        }

        List<SpcPoint> points = new ArrayList<>(n);
        List<SpcPeriod> periods = new ArrayList<>();
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && !rebase.contains(observations.get(end).date())) {
                end++;
            }
            List<Observation> group = observations.subList(start, end);
            int index = periods.size();
            if (group.size() < 2) {
                throw new IllegalArgumentException(
                        "the recalculation period starting " + group.get(0).date()
                                + " has only 1 point; an XmR period needs at least 2 (a moving range needs two points)");
            }
            xmrPeriod(group, index, options, points, periods);
            start = end;
        }
        return summarise(ChartKind.XMR, options.improvement(), options.target(), points, periods);
    }

    private static void xmrPeriod(
            List<Observation> group, int index, XmrOptions options, List<SpcPoint> points, List<SpcPeriod> periods) {
        int m = group.size();
        double[] y = group.stream().mapToDouble(Observation::value).toArray();
        int baseline = Math.min(m, options.fixAfterPoints().orElse(Integer.MAX_VALUE));

        double mean = mean(y, baseline);
        double[] movingRanges = new double[baseline - 1];
        for (int i = 1; i < baseline; i++) {
            movingRanges[i - 1] = Math.abs(y[i] - y[i - 1]);
        }
        double meanMovingRange = mean(movingRanges, movingRanges.length);
        int screened = 0;
        // Screening keeps moving ranges strictly below 3.267 × MR̄. When MR̄ is 0 nothing can be screened
        // (NHSRplotthedots would drop every range and return NaN limits; see the package documentation).
        if (options.screenOutliers() && meanMovingRange > 0) {
            double cut = MOVING_RANGE_LIMIT * meanMovingRange;
            double[] kept = new double[movingRanges.length];
            int k = 0;
            for (double r : movingRanges) {
                if (r < cut) {
                    kept[k++] = r;
                }
            }
            screened = movingRanges.length - k;
            meanMovingRange = mean(kept, k);
        }
        double lpl = mean - (XMR_LIMIT * meanMovingRange);
        double upl = mean + (XMR_LIMIT * meanMovingRange);
        double nearLpl = mean - (XMR_NEAR_LIMIT * meanMovingRange);
        double nearUpl = mean + (XMR_NEAR_LIMIT * meanMovingRange);

        double[] centres = filled(m, mean);
        List<MdcRules.Result> results = MdcRules.classify(
                y,
                centres,
                filled(m, lpl),
                filled(m, upl),
                filled(m, nearLpl),
                filled(m, nearUpl),
                options.improvement());
        for (int i = 0; i < m; i++) {
            MdcRules.Result r = results.get(i);
            points.add(new SpcPoint(
                    group.get(i).date(), y[i], index, mean, lpl, upl, nearLpl, nearUpl, r.type(), r.rules()));
        }
        periods.add(new SpcPeriod(
                index,
                group.get(0).date(),
                group.get(m - 1).date(),
                m,
                baseline,
                mean,
                OptionalDouble.of(meanMovingRange),
                screened,
                baseline < SpcChart.TRIAL_LIMIT_POINTS));
    }

    /**
     * p-chart for proportions with varying denominators: p̄ = Σ numerators / Σ denominators, limits
     * p̄ ± 3√(p̄(1−p̄)/nᵢ) clamped to [0, 1], 2-sigma lines likewise; the four rules applied with each
     * point's own limits.
     *
     * @throws IllegalArgumentException if a numerator exceeds its denominator, the list is empty or dates
     *                                  are not strictly increasing
     */
    public static SpcChart pChart(
            List<CountObservation> counts, ImprovementDirection improvement, OptionalDouble target) {
        for (CountObservation c : counts) {
            if (c.numerator() > c.denominator()) {
                throw new IllegalArgumentException("on " + c.date() + " the numerator " + c.numerator()
                        + " is larger than the denominator " + c.denominator() + "; a proportion cannot exceed 1");
            }
        }
        return attributeChart(ChartKind.P, counts, improvement, target);
    }

    /**
     * u-chart for rates with varying exposure: ū = Σ numerators / Σ denominators, limits ū ± 3√(ū/nᵢ)
     * with the lower limit clamped at 0; the four rules applied with each point's own limits.
     * Express the denominator in the unit of the rate (e.g. thousands of bed days for falls per 1,000).
     *
     * @throws IllegalArgumentException if the list is empty or dates are not strictly increasing
     */
    public static SpcChart uChart(
            List<CountObservation> counts, ImprovementDirection improvement, OptionalDouble target) {
        return attributeChart(ChartKind.U, counts, improvement, target);
    }

    private static SpcChart attributeChart(
            ChartKind kind, List<CountObservation> counts, ImprovementDirection improvement, OptionalDouble target) {
        Objects.requireNonNull(improvement, "improvement");
        Objects.requireNonNull(target, "target");
        if (target.isPresent() && !Double.isFinite(target.getAsDouble())) {
            throw new IllegalArgumentException("target must be a finite number, not " + target.getAsDouble());
        }
        requireDateOrder(counts.stream().map(CountObservation::date).toList());
        int n = counts.size();
        if (n == 0) {
            throw new IllegalArgumentException("a " + kind.code() + "-chart needs at least 1 point");
        }
        double numerators = 0;
        double denominators = 0;
        for (CountObservation c : counts) {
            numerators += c.numerator();
            denominators += c.denominator();
        }
        double centre = numerators / denominators;
        double[] y = new double[n];
        double[] lpl = new double[n];
        double[] upl = new double[n];
        double[] nearLpl = new double[n];
        double[] nearUpl = new double[n];
        double ceiling = kind == ChartKind.P ? 1.0 : Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            CountObservation c = counts.get(i);
            y[i] = c.value();
            double variance = kind == ChartKind.P ? centre * (1 - centre) : centre;
            double sigma = Math.sqrt(variance / c.denominator());
            lpl[i] = Math.max(0, centre - 3 * sigma);
            upl[i] = Math.min(ceiling, centre + 3 * sigma);
            nearLpl[i] = Math.max(0, centre - 2 * sigma);
            nearUpl[i] = Math.min(ceiling, centre + 2 * sigma);
        }
        List<MdcRules.Result> results =
                MdcRules.classify(y, filled(n, centre), lpl, upl, nearLpl, nearUpl, improvement);
        List<SpcPoint> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            MdcRules.Result r = results.get(i);
            points.add(new SpcPoint(
                    counts.get(i).date(),
                    y[i],
                    0,
                    centre,
                    lpl[i],
                    upl[i],
                    nearLpl[i],
                    nearUpl[i],
                    r.type(),
                    r.rules()));
        }
        SpcPeriod period = new SpcPeriod(
                0, counts.get(0).date(), counts.get(n - 1).date(), n, n, centre, OptionalDouble.empty(), 0, false);
        return summarise(kind, improvement, target, points, List.of(period));
    }

    /** Run chart around the median with Anhøj's rules; see {@link RunChart}. */
    public static RunChart runChart(List<Observation> observations) {
        requireDateOrder(observations.stream().map(Observation::date).toList());
        return RunChart.of(observations);
    }

    /**
     * NHSRplotthedots' {@code ptd_calculate_assurance_type}, from the latest point's limits: a target
     * strictly above the upper limit fails when increase is better and passes when decrease is; strictly
     * below the lower limit the other way round; otherwise (including on a limit) inconsistent. Empty
     * without a target or when the direction is neutral.
     */
    public static Optional<Assurance> assurance(
            ImprovementDirection improvement, OptionalDouble target, double lpl, double upl) {
        if (target.isEmpty() || improvement == ImprovementDirection.NEUTRAL) {
            return Optional.empty();
        }
        boolean increasing = improvement == ImprovementDirection.INCREASE;
        double t = target.getAsDouble();
        if (t > upl) {
            return Optional.of(increasing ? Assurance.CONSISTENT_FAIL : Assurance.CONSISTENT_PASS);
        }
        if (t < lpl) {
            return Optional.of(increasing ? Assurance.CONSISTENT_PASS : Assurance.CONSISTENT_FAIL);
        }
        return Optional.of(Assurance.INCONSISTENT);
    }

    private static SpcChart summarise(
            ChartKind kind,
            ImprovementDirection improvement,
            OptionalDouble target,
            List<SpcPoint> points,
            List<SpcPeriod> periods) {
        SpcPoint latest = points.get(points.size() - 1);
        return new SpcChart(
                kind,
                improvement,
                target,
                points,
                periods,
                latest.pointType(),
                VariationIcon.of(latest.pointType(), improvement),
                assurance(improvement, target, latest.lpl(), latest.upl()));
    }

    static void requireDateOrder(List<LocalDate> dates) {
        for (int i = 1; i < dates.size(); i++) {
            LocalDate previous = dates.get(i - 1);
            LocalDate current = dates.get(i);
            if (current.equals(previous)) {
                throw new IllegalArgumentException("duplicate date " + current);
            }
            if (current.isBefore(previous)) {
                throw new IllegalArgumentException("dates out of order: " + current + " comes after " + previous);
            }
        }
    }

    /** Mean of the first {@code count} values, with R's second pass to correct rounding. */
    static double mean(double[] values, int count) {
        double s = 0;
        for (int i = 0; i < count; i++) {
            s += values[i];
        }
        s /= count;
        double t = 0;
        for (int i = 0; i < count; i++) {
            t += values[i] - s;
        }
        return s + t / count;
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }
}
