package uk.stepup.cohorts;

import java.util.Collection;
import java.util.Set;

/**
 * Port: the cohort's places on Discord. Both calls are idempotent: they create what is missing, fix permissions,
 * and leave what exists alone, so {@code /cohort repair} is simply calling them again.
 */
public interface CohortSpaces {

    /** The category, {@code #announcements}, {@code #this-week}, {@code #peer-learning} and the coaches' channel. */
    Cohort.Channels provisionCohort(Cohort cohort);

    /** The home's private channel, visible to its managers and the coaches only; returns its id. */
    String provisionHome(Cohort cohort, Home home);

    /**
     * Which of these users are not members of the cohort's server, checked before they are enrolled so that an
     * import with a mistyped or not-yet-invited manager enrols nobody. Empty when every one is a member, or when
     * there is no server to ask (the command-line import; the bot reports such managers when it starts).
     */
    Set<String> notMembers(Cohort cohort, Collection<String> userIds);

    /** Thrown when Discord refuses (for example the bot lacks Manage Channels); the message says what to fix. */
    final class SpaceException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SpaceException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
