package uk.stepup.programme;

import java.time.Instant;
import uk.stepup.cohorts.Cohort;

/**
 * Port: wakes the programme up at a cohort's weekly times (prompt, reminder, close, summary) in its zone, and at the
 * one-off moments of its tasks and sessions.
 */
public interface CohortTimers {

    /** Creates or replaces the cohort's weekly timers from its rhythm and zone. */
    void schedule(Cohort cohort);

    /** Removes the cohort's timers (programme ended). */
    void cancel(long cohortId);

    /**
     * Ticks the cohort once at that moment as well (a task or session reminder), if the cohort has timers. Asking
     * twice for the same moment wakes it once. {@link #schedule} clears these; the tick that follows it asks again.
     */
    void wakeAt(long cohortId, Instant at);
}
