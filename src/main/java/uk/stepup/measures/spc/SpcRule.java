package uk.stepup.measures.spc;

/**
 * The four Making Data Count special-cause rules, in NHSRplotthedots' order of precedence:
 * when a point is part of more than one pattern, the first one listed here decides whether it is
 * high or low (and so improvement or concern). See the package documentation for exact definitions.
 */
public enum SpcRule {
    /** A single point above the upper or below the lower process limit. */
    OUTSIDE_LIMITS("outside_limits"),
    /** Part of 7 points in a row, each strictly higher (or each strictly lower) than the one before. */
    TREND("trend"),
    /** A point between the 2-sigma line and the process limit, in 2 of 3 points on the same side of the centre. */
    TWO_OF_THREE("two_of_three"),
    /** Part of 7 points in a row all strictly above (or all strictly below) the centre line. */
    SHIFT("shift");

    private final String code;

    SpcRule(String code) {
        this.code = code;
    }

    /** A stable lower-case key for files and exports. */
    public String code() {
        return code;
    }
}
