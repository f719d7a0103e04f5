package uk.stepup.measures.spc;

/**
 * The Making Data Count variation icon for a chart, decided by its latest point. Codes are the
 * names of NHSRplotthedots' icon files ({@code inst/icons/variation/<code>.svg}).
 */
public enum VariationIcon {
    COMMON_CAUSE("common_cause"),
    IMPROVEMENT_HIGH("improvement_high"),
    IMPROVEMENT_LOW("improvement_low"),
    CONCERN_HIGH("concern_high"),
    CONCERN_LOW("concern_low"),
    NEUTRAL_HIGH("neutral_high"),
    NEUTRAL_LOW("neutral_low");

    private final String code;

    VariationIcon(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * NHSRplotthedots' mapping from the latest point's type: improvement is "high" when increase is
     * better and "low" otherwise; concern is the opposite.
     */
    public static VariationIcon of(PointType latest, ImprovementDirection improvement) {
        boolean increase = improvement == ImprovementDirection.INCREASE;
        switch (latest) {
            case SPECIAL_CAUSE_IMPROVEMENT:
                return increase ? IMPROVEMENT_HIGH : IMPROVEMENT_LOW;
            case SPECIAL_CAUSE_CONCERN:
                return increase ? CONCERN_LOW : CONCERN_HIGH;
            case SPECIAL_CAUSE_NEUTRAL_HIGH:
                return NEUTRAL_HIGH;
            case SPECIAL_CAUSE_NEUTRAL_LOW:
                return NEUTRAL_LOW;
            default:
                return COMMON_CAUSE;
        }
    }
}
