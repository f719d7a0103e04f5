package uk.stepup.cohorts;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Port: the cohort's places on Discord. Both calls are idempotent: they create what is missing, fix permissions,
 * and leave what exists alone, so {@code /cohort repair} is simply calling them again.
 */
public interface CohortSpaces {

    /** The category, {@code #announcements}, {@code #this-week}, {@code #peer-learning} and the coaches' channel. */
    Cohort.Channels provisionCohort(Cohort cohort);

    /**
     * The home's private channel, visible to its managers and the coaches only; returns its id. Its managers must
     * have been {@linkplain #admit admitted}.
     */
    String provisionHome(Cohort cohort, Home home);

    /**
     * Gives each user the cohort's role, so they see its shared channels, and returns those who are not members of
     * the cohort's server (left as they were). Done before managers are enrolled, so that an import with a mistyped
     * or not-yet-invited manager enrols nobody, at no extra request: the role is needed anyway. Empty when there is
     * no server to ask (the command-line import; the bot admits such managers when it starts).
     */
    Set<String> admit(Cohort cohort, Collection<String> userIds);

    /** Takes the cohort's role back from users admitted for an enrolment that was then refused. */
    void dismiss(Cohort cohort, Collection<String> userIds);

    /**
     * How many channels the cohort's server has and where home channels can still go, so that a file that cannot fit
     * is refused before anything is done; empty when there is no server to ask (the command-line import).
     */
    default Optional<ServerRoom> room(Cohort cohort) {
        return Optional.empty();
    }

    /** Thrown when Discord refuses (for example the bot lacks Manage Channels); the message says what to fix. */
    final class SpaceException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SpaceException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
