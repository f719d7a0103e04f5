package uk.stepup.measures.spc;

import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One recalculation period of a chart: the whole series, or the stretch between rebase dates.
 *
 * @param index                 0-based, as {@link SpcPoint#period()}
 * @param start                 date of its first point
 * @param end                   date of its last point
 * @param points                number of points in the period
 * @param baselinePoints        number of points the centre and limits were calculated from
 *                              (fewer than {@code points} when limits were fixed after N points)
 * @param centre                the centre line
 * @param meanMovingRange       XmR only: mean moving range after any screening
 * @param screenedMovingRanges  XmR only: how many moving ranges outlier screening left out
 * @param trialLimits           XmR only: limits rest on fewer than {@value SpcChart#TRIAL_LIMIT_POINTS}
 *                              points and will move as data arrive
 */
public record SpcPeriod(
        int index,
        LocalDate start,
        LocalDate end,
        int points,
        int baselinePoints,
        double centre,
        OptionalDouble meanMovingRange,
        int screenedMovingRanges,
        boolean trialLimits) {

    public SpcPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(meanMovingRange, "meanMovingRange");
    }
}
