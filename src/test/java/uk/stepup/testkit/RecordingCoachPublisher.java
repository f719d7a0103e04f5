package uk.stepup.testkit;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;
import uk.stepup.tasks.CoachPublisher;
import uk.stepup.tasks.Session;
import uk.stepup.tasks.Task;

/**
 * The one fake of {@link CoachPublisher}: remembers every post in words ({@link #posts}) and by kind, hands out message
 * ids in order, finds nothing (no crash between posting and recording here), and can be told to fail posts or events
 * as Discord would, or to refuse every post where none is expected ({@link #refusingAll}). Thread-safe.
 */
public final class RecordingCoachPublisher implements CoachPublisher {
    /** Every post made, in words: {@code task T}, {@code session T event E}, {@code broadcast to C: text}, … */
    public final List<String> posts = new CopyOnWriteArrayList<>();

    public final List<Task> tasks = new CopyOnWriteArrayList<>();
    public final List<Session> sessions = new CopyOnWriteArrayList<>();
    /** The broadcasts' texts. */
    public final List<String> broadcasts = new CopyOnWriteArrayList<>();
    /** For each event asked for, whether the call link was to go in it. */
    public final List<Boolean> eventLinks = new CopyOnWriteArrayList<>();

    public final List<String> deletedEvents = new CopyOnWriteArrayList<>();
    /** Posts fail with a reason a coach can act on, as when {@code #announcements} is deleted. */
    public volatile boolean failPosts;
    /** Events fail, as when the bot lacks Manage Events. */
    public volatile boolean failEvents;

    private final AtomicLong ids;
    private final boolean refuseAll;

    private RecordingCoachPublisher(long firstId, boolean refuseAll) {
        this.ids = new AtomicLong(firstId);
        this.refuseAll = refuseAll;
    }

    /** Message ids from 100 on. */
    public RecordingCoachPublisher() {
        this(100, false);
    }

    /** Message ids from {@code firstId} on (for example snowflake-sized ones). */
    public RecordingCoachPublisher(long firstId) {
        this(firstId, false);
    }

    /** Fails the test on any post: for a world where every coach post is already made, or none is exercised. */
    public static RecordingCoachPublisher refusingAll() {
        return new RecordingCoachPublisher(100, true);
    }

    private Posted post(String what) {
        if (refuseAll) {
            throw new AssertionError("unexpected coach post: " + what);
        }
        if (failPosts) {
            return new Failed("#announcements is missing.");
        }
        posts.add(what);
        return new Sent(String.valueOf(ids.getAndIncrement()));
    }

    @Override
    public Posted postTask(Cohort cohort, Task task) {
        Posted posted = post("task " + task.title());
        if (posted instanceof Sent) {
            tasks.add(task);
        }
        return posted;
    }

    /** The event's id is {@code e} and the session's id. */
    @Override
    public Posted createEvent(Cohort cohort, Session session, boolean withLink) {
        if (refuseAll) {
            throw new AssertionError("unexpected coach post: event");
        }
        eventLinks.add(withLink);
        return failEvents ? new Failed("missing Manage Events") : new Sent("e" + session.id());
    }

    @Override
    public void deleteEvent(Cohort cohort, String eventId) {
        if (refuseAll) {
            throw new AssertionError("unexpected coach post: delete event");
        }
        deletedEvents.add(eventId);
    }

    @Override
    public Posted postSession(Cohort cohort, Session session) {
        Posted posted = post(
                "session " + session.title() + " event " + session.eventId().orElse("-"));
        if (posted instanceof Sent) {
            sessions.add(session);
        }
        return posted;
    }

    @Override
    public Posted postBroadcast(Cohort cohort, String text, String from) {
        Posted posted = post("broadcast to " + cohort.name() + ": " + text);
        if (posted instanceof Sent) {
            broadcasts.add(text);
        }
        return posted;
    }

    @Override
    public Posted postTaskReminder(Cohort cohort, Home home, Task task) {
        return post("task reminder " + task.title() + " to " + home.name());
    }

    @Override
    public Optional<String> findTaskReminder(Cohort cohort, Home home, Task task) {
        return Optional.empty();
    }

    @Override
    public Posted postSessionReminder(Cohort cohort, Session session) {
        return post("session reminder " + session.title());
    }

    @Override
    public Optional<String> findSessionReminder(Cohort cohort, Session session) {
        return Optional.empty();
    }

    @Override
    public Posted postAttendanceCall(Cohort cohort, Session session) {
        return post("attendance call " + session.title());
    }

    @Override
    public Optional<String> findAttendanceCall(Cohort cohort, Session session) {
        return Optional.empty();
    }
}
