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

    private static final KeyQuestion[] ALL = values();

    private final String label;
    private final char letter;
    private final String key;
    /** The label and the key as {@link #parse} compares them. */
    private final String labelWords;

    private final String keyWords;

    KeyQuestion(String label, char letter) {
        this.label = label;
        this.letter = letter;
        this.key = name().toLowerCase(Locale.ROOT);
        this.labelWords = label.toLowerCase(Locale.ROOT).replace('-', ' ');
        this.keyWords = key.replace('_', ' ');
    }

    public String label() {
        return label;
    }

    public char letter() {
        return letter;
    }

    /** Lower-case key as used in CSV headers: safe, effective, caring, responsive, well_led. */
    public String key() {
        return key;
    }

    /** Accepts "Safe", "safe", "Well-led", "well_led", "well led", "S", "W". */
    public static Optional<KeyQuestion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.length() == 1) {
            // A code's letter, read for every KLOE of every home in a report: no strings made.
            char c = Character.toLowerCase(text.charAt(0));
            for (KeyQuestion k : ALL) {
                if (Character.toLowerCase(k.letter) == c) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace('-', ' ').replace('_', ' ');
        for (KeyQuestion k : ALL) {
            if (k.labelWords.equals(t)
                    || k.keyWords.equals(t)
                    || (t.length() == 1 && Character.toLowerCase(k.letter) == t.charAt(0))) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
