package uk.stepup.tasks;

import java.time.Instant;

/** Port: asks for the cohort's scheduled posts to be brought up to date at a moment (a task or session reminder). */
@FunctionalInterface
public interface Wakeups {
    void wakeAt(long cohortId, Instant at);
}
