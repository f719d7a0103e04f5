package uk.stepup.measures;

import java.util.Optional;
import uk.stepup.measures.spc.Assurance;
import uk.stepup.measures.spc.ImprovementDirection;
import uk.stepup.measures.spc.VariationIcon;

/**
 * The Making Data Count icons in words, so that no one depends on colour: the variation icon (what the latest point
 * says) and the assurance icon (can the process be relied on to meet the target). Letters are those on the MDC
 * icons: H or L for a special cause's side, P, F or ? for assurance.
 */
public final class SpcWords {
    private SpcWords() {}

    public static String variation(VariationIcon icon) {
        return switch (icon) {
            case COMMON_CAUSE -> "Common cause variation";
            case IMPROVEMENT_HIGH -> "Special cause improvement (higher)";
            case IMPROVEMENT_LOW -> "Special cause improvement (lower)";
            case CONCERN_HIGH -> "Special cause concern (higher)";
            case CONCERN_LOW -> "Special cause concern (lower)";
            case NEUTRAL_HIGH -> "Special cause, neutral (higher)";
            case NEUTRAL_LOW -> "Special cause, neutral (lower)";
        };
    }

    /** A word or two for tight places: "Common cause", "Improvement", "Concern", "Neutral special cause". */
    public static String variationShort(VariationIcon icon) {
        return switch (icon) {
            case COMMON_CAUSE -> "Common cause";
            case IMPROVEMENT_HIGH, IMPROVEMENT_LOW -> "Improvement";
            case CONCERN_HIGH, CONCERN_LOW -> "Concern";
            case NEUTRAL_HIGH, NEUTRAL_LOW -> "Neutral special cause";
        };
    }

    /** "Passing", "Failing", "Hit and miss", or "" without assurance. */
    public static String assuranceShort(Optional<Assurance> assurance) {
        return assurance
                .map(a -> switch (a) {
                    case CONSISTENT_PASS -> "Passing";
                    case CONSISTENT_FAIL -> "Failing";
                    case INCONSISTENT -> "Hit and miss";
                })
                .orElse("");
    }

    /** "H", "L" or "" for common cause, as on the MDC variation icons. */
    public static String variationLetter(VariationIcon icon) {
        return switch (icon) {
            case IMPROVEMENT_HIGH, CONCERN_HIGH, NEUTRAL_HIGH -> "H";
            case IMPROVEMENT_LOW, CONCERN_LOW, NEUTRAL_LOW -> "L";
            case COMMON_CAUSE -> "";
        };
    }

    public static String assurance(Optional<Assurance> assurance, ImprovementDirection direction, boolean hasTarget) {
        if (assurance.isEmpty()) {
            return !hasTarget
                    ? "No target set"
                    : direction == ImprovementDirection.NEUTRAL ? "No assurance for a neutral measure" : "No assurance";
        }
        return switch (assurance.get()) {
            case CONSISTENT_PASS -> "Consistently passing the target";
            case CONSISTENT_FAIL -> "Consistently failing the target";
            case INCONSISTENT -> "Hit and miss against the target";
        };
    }

    /** "P", "F", "?" or "" without assurance, as on the MDC assurance icons. */
    public static String assuranceLetter(Optional<Assurance> assurance) {
        return assurance
                .map(a -> switch (a) {
                    case CONSISTENT_PASS -> "P";
                    case CONSISTENT_FAIL -> "F";
                    case INCONSISTENT -> "?";
                })
                .orElse("");
    }
}
