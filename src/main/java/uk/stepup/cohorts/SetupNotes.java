package uk.stepup.cohorts;

import java.util.Optional;

/** Port: what a set-up job tells the cohort's coaches, as ordinary messages in the cohort's {@code #coaches} channel. */
public interface SetupNotes {

    /**
     * Posts {@code text} and waits until Discord has it; {@code mention} is the one user it may ping (the coach who
     * started the job), nobody else. False (and logged) if it could not be posted.
     */
    boolean post(Cohort cohort, String text, Optional<String> mention);
}
