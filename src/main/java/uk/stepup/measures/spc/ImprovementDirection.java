package uk.stepup.measures.spc;

import java.util.Locale;
import java.util.Optional;

/**
 * Which way is better for a measure, as NHSRplotthedots' {@code improvement_direction}.
 * It decides whether a special-cause point is an improvement or a concern, and which assurance
 * icon a target gets. {@link #NEUTRAL} means neither way is better: special causes are then
 * "neutral high/low" and there is no assurance icon.
 */
public enum ImprovementDirection {
    INCREASE("increase", 1),
    DECREASE("decrease", -1),
    NEUTRAL("neutral", 0);

    private final String code;
    private final int sign;

    ImprovementDirection(String code, int sign) {
        this.code = code;
        this.sign = sign;
    }

    /** NHSRplotthedots' spelling: {@code increase}, {@code decrease} or {@code neutral}. */
    public String code() {
        return code;
    }

    /** +1 for increase, -1 for decrease, 0 for neutral (NHSRplotthedots' integer form). */
    int sign() {
        return sign;
    }

    /** Reads {@code increase}, {@code decrease} or {@code neutral} (any case, surrounding spaces ignored). */
    public static Optional<ImprovementDirection> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (ImprovementDirection d : values()) {
            if (d.code.equals(t)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
