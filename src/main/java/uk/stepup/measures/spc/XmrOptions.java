package uk.stepup.measures.spc;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Settings for an XmR chart, mirroring {@code NHSRplotthedots::ptd_spc()} arguments of the same names.
 *
 * @param improvement     which way is better ({@code improvement_direction}); default increase
 * @param target          optional target, for the assurance icon ({@code target})
 * @param fixAfterPoints  optional: calculate each period's limits from its first N points only
 *                        ({@code fix_after_n_points}); at least 12, as NHSRplotthedots requires
 * @param rebaseDates     dates at which a new recalculation period starts ({@code rebase}); each must
 *                        be the date of an observation
 * @param screenOutliers  drop moving ranges at or above 3.267 × mean moving range before the limits
 *                        are calculated ({@code screen_outliers}); default true. False matches the
 *                        Making Data Count Excel tool.
 */
public record XmrOptions(
        ImprovementDirection improvement,
        OptionalDouble target,
        OptionalInt fixAfterPoints,
        List<LocalDate> rebaseDates,
        boolean screenOutliers) {

    /** NHSRplotthedots refuses {@code fix_after_n_points} below this. */
    public static final int MIN_FIX_AFTER_POINTS = 12;

    public XmrOptions {
        Objects.requireNonNull(improvement, "improvement");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(fixAfterPoints, "fixAfterPoints");
        rebaseDates = List.copyOf(rebaseDates);
        if (target.isPresent() && !Double.isFinite(target.getAsDouble())) {
            throw new IllegalArgumentException("target must be a finite number, not " + target.getAsDouble());
        }
        if (fixAfterPoints.isPresent() && fixAfterPoints.getAsInt() < MIN_FIX_AFTER_POINTS) {
            throw new IllegalArgumentException("fix-after must be at least " + MIN_FIX_AFTER_POINTS
                    + " points (as in NHSRplotthedots), not " + fixAfterPoints.getAsInt());
        }
    }

    /** NHSRplotthedots' defaults: increase is better, no target, no fixing, no rebasing, outliers screened. */
    public static XmrOptions defaults() {
        return new XmrOptions(
                ImprovementDirection.INCREASE, OptionalDouble.empty(), OptionalInt.empty(), List.of(), true);
    }

    public XmrOptions withImprovement(ImprovementDirection value) {
        return new XmrOptions(value, target, fixAfterPoints, rebaseDates, screenOutliers);
    }

    public XmrOptions withTarget(double value) {
        return new XmrOptions(improvement, OptionalDouble.of(value), fixAfterPoints, rebaseDates, screenOutliers);
    }

    public XmrOptions withFixAfterPoints(int value) {
        return new XmrOptions(improvement, target, OptionalInt.of(value), rebaseDates, screenOutliers);
    }

    public XmrOptions withRebaseDates(List<LocalDate> value) {
        return new XmrOptions(improvement, target, fixAfterPoints, value, screenOutliers);
    }

    public XmrOptions withScreenOutliers(boolean value) {
        return new XmrOptions(improvement, target, fixAfterPoints, rebaseDates, value);
    }
}
