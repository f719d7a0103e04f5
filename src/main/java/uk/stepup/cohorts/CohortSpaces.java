package uk.stepup.cohorts;

/**
 * Port: the cohort's places on Discord. Both calls are idempotent: they create what is missing, fix permissions,
 * and leave what exists alone, so {@code /cohort repair} is simply calling them again.
 */
public interface CohortSpaces {

    /** The category, {@code #announcements}, {@code #this-week}, {@code #peer-learning} and the coaches' channel. */
    Cohort.Channels provisionCohort(Cohort cohort);

    /** The home's private channel, visible to its managers and the coaches only; returns its id. */
    String provisionHome(Cohort cohort, Home home);

    /** Thrown when Discord refuses (for example the bot lacks Manage Channels); the message says what to fix. */
    final class SpaceException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SpaceException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
