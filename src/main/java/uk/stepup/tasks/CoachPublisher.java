package uk.stepup.tasks;

import java.util.Optional;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;

/**
 * Port: puts the coach's tasks, sessions and messages where the cohort sees them, and their reminders. Nothing
 * posted here mentions anyone, except a task reminder, which mentions only its own home's managers. The reminders
 * can be found again after a crash between posting and recording them ({@code find…}).
 */
public interface CoachPublisher {

    /** The outcome of a post. */
    sealed interface Posted permits Sent, Failed {}

    /** Done; the id of the message (or event) created. */
    record Sent(String id) implements Posted {}

    /** Not done, with a reason a coach can act on (for example a deleted channel or a missing permission). */
    record Failed(String reason) implements Posted {}

    /** The task in {@code #announcements} with a Mark done button. */
    Posted postTask(Cohort cohort, Task task);

    /**
     * A Discord scheduled event for the session, lasting {@link Session#LENGTH}. Everyone on the server sees a
     * server's events, so the call link goes in the event only when {@code withLink}; otherwise the event says where
     * the cohort finds it (its {@code #announcements}, where the session's post carries the link).
     */
    Posted createEvent(Cohort cohort, Session session, boolean withLink);

    /** Removes an event created for a session that could not be posted. */
    void deleteEvent(Cohort cohort, String eventId);

    /** The session in {@code #announcements}. */
    Posted postSession(Cohort cohort, Session session);

    /** A coach's message in {@code #announcements}, made inert. */
    Posted postBroadcast(Cohort cohort, String text, String from);

    /** The day-before reminder in the home's channel, mentioning its managers, with a Mark done button. */
    Posted postTaskReminder(Cohort cohort, Home home, Task task);

    Optional<String> findTaskReminder(Cohort cohort, Home home, Task task);

    /** The hour-before reminder in {@code #announcements}. */
    Posted postSessionReminder(Cohort cohort, Session session);

    Optional<String> findSessionReminder(Cohort cohort, Session session);

    /** From the start, in {@code #announcements}: the session has started, with an I attended button. */
    Posted postAttendanceCall(Cohort cohort, Session session);

    Optional<String> findAttendanceCall(Cohort cohort, Session session);
}
