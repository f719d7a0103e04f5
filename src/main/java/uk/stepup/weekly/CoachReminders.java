package uk.stepup.weekly;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortTimers;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.deliveries.DeliveryLedger.Key;
import uk.stepup.deliveries.DeliveryLedger.Kind;
import uk.stepup.tasks.CoachPublisher;
import uk.stepup.tasks.Session;
import uk.stepup.tasks.SessionRepository;
import uk.stepup.tasks.Task;
import uk.stepup.tasks.TaskRepository;

/**
 * The scheduled posts of the coach's tasks and sessions, brought up to date by the cohort's tick through the same
 * delivery ledger as the weekly posts, so each goes out exactly once:
 * <ul>
 *   <li>a task reminder at 09:00 the day before the due date, in the channel of each home that has not marked it
 *       done, mentioning only that home's managers; after downtime it is still sent until the due date begins;</li>
 *   <li>a session reminder an hour before, in {@code #announcements}, mentioning nobody; after downtime it is still
 *       sent until the session starts;</li>
 *   <li>from the session's start, a post with the I attended button in {@code #announcements}; after downtime it is
 *       still sent for {@link #ATTENDANCE_CALL_USEFUL}.</li>
 * </ul>
 * A reminder whose moment came before its task or session was created is not sent: the new post is fresher.
 * Ledger keys use week 0 (these belong to no programme week) and name the task or session in the target. Each tick
 * also asks the timers to wake the cohort at the moments still ahead.
 */
public final class CoachReminders {
    /** How long after a session's start its I attended post is still worth sending. */
    public static final Duration ATTENDANCE_CALL_USEFUL = Duration.ofDays(2);

    private final TaskRepository tasks;
    private final SessionRepository sessions;
    private final HomeRepository homes;
    private final CoachPublisher publisher;
    private final CohortTimers timers;
    private final Clock clock;

    public CoachReminders(
            TaskRepository tasks,
            SessionRepository sessions,
            HomeRepository homes,
            CoachPublisher publisher,
            CohortTimers timers,
            Clock clock) {
        this.tasks = tasks;
        this.sessions = sessions;
        this.homes = homes;
        this.publisher = publisher;
        this.timers = timers;
        this.clock = clock;
    }

    static Key taskReminder(long cohortId, long taskId, long homeId) {
        return new Key(cohortId, 0, Kind.TASK_REMINDER, "task-" + taskId + ":home-" + homeId);
    }

    static Key sessionReminder(long cohortId, long sessionId) {
        return new Key(cohortId, 0, Kind.SESSION_REMINDER, "session-" + sessionId);
    }

    static Key attendanceCall(long cohortId, long sessionId) {
        return new Key(cohortId, 0, Kind.SESSION_REMINDER, "session-" + sessionId + ":attended");
    }

    void reconcile(Cohort cohort, Deliveries deliveries, Set<String> done, List<String> notes) {
        reconcile(cohort, deliveries, done, notes, () -> homes.inCohort(cohort.id()));
    }

    /** As above, with the cohort's homes as the tick already read them (read only if a task needs them). */
    void reconcile(
            Cohort cohort,
            Deliveries deliveries,
            Set<String> done,
            List<String> notes,
            Supplier<List<Home>> cohortHomes) {
        Instant now = clock.instant();
        long cohortId = cohort.id();
        List<Task> all = tasks.forCohort(cohortId);
        if (!all.isEmpty()) {
            List<Home> enrolled = cohortHomes.get();
            Map<Long, Set<Long>> doneBy = tasks.homesDone(cohortId);
            for (Task task : all) {
                Instant at = task.reminderAt(cohort.zone());
                if (!task.createdAt().isBefore(at)) {
                    continue;
                }
                if (at.isAfter(now)) {
                    timers.wakeAt(cohortId, at);
                    continue;
                }
                boolean useful = now.isBefore(task.dueDayStarts(cohort.zone()));
                Set<Long> didIt = doneBy.getOrDefault(task.id(), Set.of());
                for (Home home : enrolled) {
                    if (didIt.contains(home.id())) {
                        continue;
                    }
                    Key key = taskReminder(cohortId, task.id(), home.id());
                    if (done.contains(key.asText())) {
                        continue;
                    }
                    deliveries.deliver(
                            cohort,
                            key,
                            at,
                            useful,
                            done,
                            notes,
                            "the reminder for task \"" + task.title() + "\" to " + home.name(),
                            k -> publisher.findTaskReminder(cohort, home, task),
                            k -> posted(publisher.postTaskReminder(cohort, home, task)));
                }
            }
        }
        for (Session session : sessions.forCohort(cohortId)) {
            Instant remindAt = session.reminderAt();
            if (session.createdAt().isBefore(remindAt)) {
                if (remindAt.isAfter(now)) {
                    timers.wakeAt(cohortId, remindAt);
                } else {
                    deliveries.deliver(
                            cohort,
                            sessionReminder(cohortId, session.id()),
                            remindAt,
                            now.isBefore(session.startsAt()),
                            done,
                            notes,
                            "the reminder for the session \"" + session.title() + "\"",
                            k -> publisher.findSessionReminder(cohort, session),
                            k -> posted(publisher.postSessionReminder(cohort, session)));
                }
            }
            if (session.startsAt().isAfter(now)) {
                timers.wakeAt(cohortId, session.startsAt());
            } else {
                deliveries.deliver(
                        cohort,
                        attendanceCall(cohortId, session.id()),
                        session.startsAt(),
                        now.isBefore(session.startsAt().plus(ATTENDANCE_CALL_USEFUL)),
                        done,
                        notes,
                        "the I attended button for the session \"" + session.title() + "\"",
                        k -> publisher.findAttendanceCall(cohort, session),
                        k -> posted(publisher.postAttendanceCall(cohort, session)));
            }
        }
    }

    private static ProgrammePublisher.Posted posted(CoachPublisher.Posted p) {
        if (p instanceof CoachPublisher.Sent s) {
            return new ProgrammePublisher.Sent(s.id());
        }
        return new ProgrammePublisher.Failed(((CoachPublisher.Failed) p).reason());
    }
}
