package uk.stepup.measures.spc;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One point of a run chart.
 *
 * @param date     the observation's date
 * @param value    its value
 * @param median   the centre line
 * @param side     above, below or on the median (points on the median are not "useful")
 * @param longRun  part of a run longer than {@link AnhojRules#longestRunLimit(int)} (a shift signal)
 */
public record RunPoint(LocalDate date, double value, double median, Side side, boolean longRun) {

    /** Where a point lies against the median. */
    public enum Side {
        ABOVE,
        BELOW,
        ON_MEDIAN
    }

    public RunPoint {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(side, "side");
    }
}
