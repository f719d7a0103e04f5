package uk.stepup.measures;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Measures a manager typed that could not be saved, held so the form reopens with them to fix. They are stored, not
 * kept in memory, so a restart in between loses nothing; boxes holding an identifier are never given to this port.
 */
public interface MeasureDrafts {

    /** One draft: whose, which home, week and page of the form, the boxes' values by input id, and when it was held. */
    record Draft(
            String token, String userId, long homeId, int week, int page, Map<String, String> values, Instant heldAt) {
        public Draft {
            values = Map.copyOf(values);
        }
    }

    void hold(Draft draft);

    /**
     * Removes and returns the draft if it is this user's and was held at or after {@code heldSince}; anyone else's
     * try leaves it where it is.
     */
    Optional<Draft> take(String token, String userId, Instant heldSince);

    /** Forgets every draft held before the cutoff; returns how many. */
    int forgetBefore(Instant cutoff);
}
