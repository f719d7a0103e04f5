package uk.stepup.cohorts;

import java.time.Instant;

/**
 * Port: wakes the programme up at a cohort's weekly times (prompt, reminder, close, summary) in its zone, and at the
 * one-off moments of its tasks and sessions.
 */
public interface CohortTimers {

    /**
     * How many cohorts' ticks run at once when their moments coincide (every cohort's prompt at Monday 09:00). Their
     * posts share one pacer under Discord's global limit, so running them side by side keeps that limit busy instead
     * of leaving it idle between one cohort's last reminder and the next cohort's prompt; each tick holds its
     * cohort's lock and the ledger still guards every post.
     */
    int CONCURRENT_TICKS = 4;

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
