package uk.stepup.checkins;

import java.time.Instant;
import java.util.Optional;
import uk.stepup.privacy.PrivacyVerdict;

/**
 * Check-ins the privacy guard held for their manager to confirm or edit (a possible name, {@link PrivacyVerdict.Warn}).
 * They are stored, not kept in memory, so a restart between the warning and the manager's answer loses nothing; they
 * are short-lived and never part of the programme's data (no summary, export or report reads them).
 */
public interface HeldCheckins {

    /** One held check-in: what the manager typed, for which home and week, and when it was held. */
    record Held(String token, String userId, long homeId, int week, CheckinAnswers answers, Instant heldAt) {}

    void hold(Held held);

    /**
     * Removes and returns the held check-in if it is this user's and was held at or after {@code heldSince}; anyone
     * else's try leaves it where it is.
     */
    Optional<Held> take(String token, String userId, Instant heldSince);

    /** Forgets every check-in held before the cutoff; returns how many. */
    int forgetBefore(Instant cutoff);
}
