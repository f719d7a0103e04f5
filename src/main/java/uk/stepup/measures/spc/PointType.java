package uk.stepup.measures.spc;

/**
 * How one point is classified, with NHSRplotthedots' {@code point_type} values as codes.
 * Colours are those of Making Data Count: grey for common cause, blue for improvement,
 * orange for concern, purple for neutral.
 */
public enum PointType {
    COMMON_CAUSE("common_cause", "#a6a6a6"),
    SPECIAL_CAUSE_IMPROVEMENT("special_cause_improvement", "#00b0f0"),
    SPECIAL_CAUSE_CONCERN("special_cause_concern", "#e46c0a"),
    SPECIAL_CAUSE_NEUTRAL_HIGH("special_cause_neutral_high", "#490092"),
    SPECIAL_CAUSE_NEUTRAL_LOW("special_cause_neutral_low", "#490092");

    private final String code;
    private final String colour;

    PointType(String code, String colour) {
        this.code = code;
        this.colour = colour;
    }

    /** NHSRplotthedots' {@code point_type} string, e.g. {@code special_cause_concern}. */
    public String code() {
        return code;
    }

    /** Making Data Count point colour as {@code #rrggbb}. */
    public String colour() {
        return colour;
    }

    public boolean isSpecialCause() {
        return this != COMMON_CAUSE;
    }
}
