package uk.stepup.measures;

/**
 * Small-number suppression for anything shared with the cohort. A count of 1 to 4 (of falls, incidents,
 * complaints…) in a small group can point to a person, so cohort-level figures built on such a count show
 * {@value #LABEL} instead of the number, and charts leave the value out (they mark the period "<5" instead). Zero
 * is shown: it identifies no one. Nothing a home sees about itself alone is suppressed.
 */
public final class SmallCounts {
    /** Counts below this (and above 0) are suppressed. */
    public static final int THRESHOLD = 5;

    public static final String LABEL = "<5";

    private SmallCounts() {}

    /** True when a count must not be shown: more than 0 and less than {@value #THRESHOLD}. */
    public static boolean suppressed(double count) {
        return count > 0 && count < THRESHOLD;
    }
}
