package uk.stepup.portfolio;

import java.util.Objects;
import java.util.Optional;

/**
 * A next step the home set itself, and how it went.
 *
 * @param week   the week whose check-in set it
 * @param code   the item that check-in was for
 * @param status how it went ("Done", "Partly", "Not yet", "Dropped") or, until follow-ups are recorded, "Set"
 * @param note   the home's few words on how it went, if any
 */
public record ActionItem(int week, String code, String text, String status, Optional<String> note) {
    public ActionItem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(note, "note");
    }
}
