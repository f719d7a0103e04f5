package uk.stepup.measures.spc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A calculated control chart: its points, its recalculation periods and its summary icons.
 *
 * @param kind          XmR, p or u
 * @param improvement   which way is better
 * @param target        the target, if one was given
 * @param points        every point, in date order
 * @param periods       the recalculation periods, in date order (one unless rebased)
 * @param variation     the latest point's type: NHSRplotthedots' {@code variation_type} in {@code summary()}
 * @param variationIcon the variation icon that type maps to
 * @param assurance     the assurance icon; empty without a target or when the direction is neutral
 */
public record SpcChart(
        ChartKind kind,
        ImprovementDirection improvement,
        OptionalDouble target,
        List<SpcPoint> points,
        List<SpcPeriod> periods,
        PointType variation,
        VariationIcon variationIcon,
        Optional<Assurance> assurance) {

    /** Below this many baseline points, XmR limits are trial limits (NHSRplotthedots' documented threshold). */
    public static final int TRIAL_LIMIT_POINTS = 12;

    public SpcChart {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(improvement, "improvement");
        Objects.requireNonNull(target, "target");
        points = List.copyOf(points);
        periods = List.copyOf(periods);
        Objects.requireNonNull(variation, "variation");
        Objects.requireNonNull(variationIcon, "variationIcon");
        Objects.requireNonNull(assurance, "assurance");
        if (points.isEmpty() || periods.isEmpty()) {
            throw new IllegalArgumentException("a chart has at least one point and one period");
        }
    }

    /** The most recent point, which decides the variation icon and whose limits decide assurance. */
    public SpcPoint latest() {
        return points.get(points.size() - 1);
    }

    /** True when any period's limits are trial limits (too few points to be relied on yet). */
    public boolean hasTrialLimits() {
        return periods.stream().anyMatch(SpcPeriod::trialLimits);
    }
}
