package uk.stepup.programme;

import uk.stepup.cohorts.Cohort;

/** Port: wakes the programme up at a cohort's weekly times (prompt, reminder, close, summary) in its zone. */
public interface CohortTimers {

    /** Creates or replaces the cohort's weekly timers from its rhythm and zone. */
    void schedule(Cohort cohort);

    /** Removes the cohort's timers (programme ended). */
    void cancel(long cohortId);
}
