package uk.stepup.portfolio;

import java.util.Objects;

/**
 * Something an inspector could ask about and the portfolio cannot yet answer for one item of the framework.
 *
 * @param code  the item, e.g. {@code S4}
 * @param title the item's title
 * @param words what is missing, in a sentence for the manager
 */
public record Gap(String code, String title, Kind kind, String words) {

    /** The three gap rules of {@link EvidenceGaps}. */
    public enum Kind {
        NO_EVIDENCE("No evidence cited"),
        OLD_EVIDENCE("Evidence older than six months"),
        RATING_ABOVE_EVIDENCE("Self-rating above what the evidence shows");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Gap {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(words, "words");
    }
}
