package uk.stepup.improvement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A person's decision to recalculate one home's limits for one measure from a period on (Making Data Count: only
 * after a sustained shift that follows a change, and never automatic). Undoing it keeps the record.
 *
 * @param from   the first period of the new limits
 * @param reason what the bot saw when it offered the recalculation ("7 weeks below the mean since cycle 2, adopted")
 * @param why    the person's own words when they confirmed
 */
public record Recalculation(
        long id,
        long homeId,
        long measureId,
        LocalDate from,
        String reason,
        String why,
        String confirmedBy,
        Instant confirmedAt,
        Optional<Undone> undone) {

    public static final int WHY_MAX = 300;

    /** Who undid the recalculation and when. */
    public record Undone(String by, Instant at) {
        public Undone {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
        }
    }

    public Recalculation {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(confirmedBy, "confirmedBy");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
        Objects.requireNonNull(undone, "undone");
    }

    /** True until it is undone: only active recalculations split the chart. */
    public boolean active() {
        return undone.isEmpty();
    }
}
