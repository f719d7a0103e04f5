package uk.stepup.cohorts;

/** What a timer calls: bring the cohort's posts up to date as of now (idempotent; safe to call twice). */
@FunctionalInterface
public interface ProgrammeTicker {
    void tick(long cohortId);
}
