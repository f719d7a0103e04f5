package uk.stepup.shared;

import java.util.Locale;
import java.util.Optional;

/** CQC's five key questions, in CQC's order. The letter prefixes the KLOE codes (S1, E3, W5). */
public enum KeyQuestion {
    SAFE("Safe", 'S'),
    EFFECTIVE("Effective", 'E'),
    CARING("Caring", 'C'),
    RESPONSIVE("Responsive", 'R'),
    WELL_LED("Well-led", 'W');

    private final String label;
    private final char letter;

    KeyQuestion(String label, char letter) {
        this.label = label;
        this.letter = letter;
    }

    public String label() {
        return label;
    }

    public char letter() {
        return letter;
    }

    /** Lower-case key as used in CSV headers: safe, effective, caring, responsive, well_led. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts "Safe", "safe", "Well-led", "well_led", "well led", "S", "W". */
    public static Optional<KeyQuestion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace('-', ' ').replace('_', ' ');
        for (KeyQuestion k : values()) {
            if (k.label.toLowerCase(Locale.ROOT).replace('-', ' ').equals(t)
                    || k.key().replace('_', ' ').equals(t)
                    || (t.length() == 1 && Character.toLowerCase(k.letter) == t.charAt(0))) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
