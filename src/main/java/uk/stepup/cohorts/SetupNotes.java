package uk.stepup.cohorts;

import java.util.Optional;

/** Port: what a set-up job tells the cohort's coaches, as ordinary messages in the cohort's {@code #coaches} channel. */
public interface SetupNotes {

    /**
     * Posts {@code text} and waits until it is delivered. {@code addressedTo} is the user id of the coach the note is
     * for (who started the job): the adapter addresses it to them, and they are the one person it may ping.
     * False (and logged) if it could not be posted.
     */
    boolean post(Cohort cohort, String text, Optional<String> addressedTo);
}
