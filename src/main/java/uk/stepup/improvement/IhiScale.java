package uk.stepup.improvement;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The IHI assessment scale for improvement work, 0.5 to 5 in steps of 0.5, as Life QI uses it for a project's progress
 * score. The meanings are the step names as published; see the domain brief, section 4.1.
 *
 * <p>Sources: IHI, "Assessment Scale for Collaboratives"
 * (https://www.ihi.org/resources/tools/assessment-scale-collaboratives), and Life QI's definitions of the steps,
 * "IHI Self Assessment Progress Scores" (https://blog.lifeqisystem.com/ihi-progress-scores, 2019), whose 1.0 is
 * "Charter and team established" (checked December 2026; the other nine names matched already).
 */
public enum IhiScale {
    INTENT(0.5, "Intent to participate"),
    CHARTER(1.0, "Charter and team established"),
    PLANNING(1.5, "Planning for the project has begun"),
    ACTIVITY(2.0, "Activity, but no changes"),
    CHANGES_TESTED(2.5, "Changes tested, but no improvement"),
    MODEST(3.0, "Modest improvement"),
    IMPROVEMENT(3.5, "Improvement"),
    SIGNIFICANT(4.0, "Significant improvement"),
    SUSTAINABLE(4.5, "Sustainable improvement"),
    OUTSTANDING(5.0, "Outstanding sustainable results");

    private final double value;
    private final String meaning;

    IhiScale(double value, String meaning) {
        this.value = value;
        this.meaning = meaning;
    }

    public double value() {
        return value;
    }

    public String meaning() {
        return meaning;
    }

    /** "3.5": how the score is written. */
    public String label() {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** "3.0 · Modest improvement": the step as a coach chooses it. */
    public String choice() {
        return label() + " · " + meaning;
    }

    /** The step for a value such as 3.5; empty when the value is not one of the ten steps. */
    public static Optional<IhiScale> of(double value) {
        return Arrays.stream(values()).filter(s -> s.value == value).findFirst();
    }
}
