package uk.stepup.actions;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A next step a home set in a check-in, and where it stands.
 *
 * @param setWeek    the programme week of the check-in that set it
 * @param closedWeek the week a follow-up said done or dropped; empty while open
 */
public record Action(
        long id,
        long homeId,
        int setWeek,
        long checkinId,
        String text,
        Status status,
        Optional<Integer> closedWeek,
        Instant createdAt,
        Instant updatedAt) {

    /** Open until a follow-up says done or dropped. */
    public enum Status {
        OPEN,
        DONE,
        DROPPED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean open() {
        return status == Status.OPEN;
    }
}
