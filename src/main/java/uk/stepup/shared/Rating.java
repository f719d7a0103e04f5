package uk.stepup.shared;

import java.util.Locale;
import java.util.Optional;

/** The four CQC rating levels, lowest first, so {@code compareTo} orders them. */
public enum Rating {
    INADEQUATE("Inadequate", "inadequate"),
    REQUIRES_IMPROVEMENT("Requires improvement", "requires_improvement"),
    GOOD("Good", "good"),
    OUTSTANDING("Outstanding", "outstanding");

    private final String label;
    private final String key;

    Rating(String label, String key) {
        this.label = label;
        this.key = key;
    }

    /** The wording CQC uses, for people. */
    public String label() {
        return label;
    }

    /** A stable lower-case key for files, ids and exports. */
    public String key() {
        return key;
    }

    /** 1 (Inadequate) to 4 (Outstanding). */
    public int score() {
        return ordinal() + 1;
    }

    public Rating oneBetter() {
        return this == OUTSTANDING ? OUTSTANDING : values()[ordinal() + 1];
    }

    /**
     * Reads a rating as people write it: "Good", "requires improvement", "RI", "requires_improvement", "4".
     * Empty means "not rated" or unrecognised; callers decide which is an error.
     */
    public static Optional<Rating> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace('-', ' ').replace('_', ' ');
        switch (t) {
            case "inadequate":
            case "i":
            case "1":
                return Optional.of(INADEQUATE);
            case "requires improvement":
            case "ri":
            case "2":
                return Optional.of(REQUIRES_IMPROVEMENT);
            case "good":
            case "g":
            case "3":
                return Optional.of(GOOD);
            case "outstanding":
            case "o":
            case "4":
                return Optional.of(OUTSTANDING);
            default:
                return Optional.empty();
        }
    }
}
