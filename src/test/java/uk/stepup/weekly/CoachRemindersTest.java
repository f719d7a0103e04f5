package uk.stepup.weekly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.app.SimulatedClock;
import uk.stepup.cohorts.Baseline;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.CohortTimers;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.WeeklyRhythm;
import uk.stepup.deliveries.DeliveryLedger;
import uk.stepup.shared.WeeklyTime;
import uk.stepup.storage.Database;
import uk.stepup.storage.JdbcCohortRepository;
import uk.stepup.storage.JdbcDeliveryLedger;
import uk.stepup.storage.JdbcHomeRepository;
import uk.stepup.storage.JdbcSessionRepository;
import uk.stepup.storage.JdbcTaskRepository;
import uk.stepup.storage.TestDatabases;
import uk.stepup.tasks.Session;
import uk.stepup.tasks.SessionRepository;
import uk.stepup.tasks.Task;
import uk.stepup.tasks.TaskRepository;
import uk.stepup.testkit.RecordingCoachPublisher;
import uk.stepup.testkit.RecordingProgrammePublisher;

/** The catch-up rules of task and session reminders, tick by tick, on a real ledger. */
class CoachRemindersTest {
    static final Instant CREATED = Instant.parse("2027-01-04T10:00:00Z");

    /** Wake-ups asked for; the weekly timers are not under test. */
    static final class Wakes implements CohortTimers {
        final List<Instant> at = new ArrayList<>();

        @Override
        public void schedule(Cohort cohort) {}

        @Override
        public void cancel(long cohortId) {}

        @Override
        public void wakeAt(long cohortId, Instant when) {
            at.add(when);
        }
    }

    @TempDir
    Path dir;

    Database db;
    JdbcDeliveryLedger ledger;
    JdbcTaskRepository tasks;
    JdbcSessionRepository sessions;
    SimulatedClock clock = new SimulatedClock(CREATED);
    RecordingCoachPublisher posts = new RecordingCoachPublisher();
    RecordingProgrammePublisher coaches = RecordingProgrammePublisher.onlyTellingCoaches();
    Wakes wakes = new Wakes();
    Cohort cohort;
    CoachReminders reminders;
    Deliveries deliveries;

    @BeforeEach
    void open() {
        db = TestDatabases.fresh(dir);
        JdbcCohortRepository cohorts = new JdbcCohortRepository(db);
        JdbcHomeRepository homes = new JdbcHomeRepository(db);
        ledger = new JdbcDeliveryLedger(db);
        tasks = new JdbcTaskRepository(db);
        sessions = new JdbcSessionRepository(db);
        WeeklyRhythm rhythm = new WeeklyRhythm(
                WeeklyTime.parse("MONDAY 09:00").orElseThrow(),
                WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
                WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                WeeklyTime.parse("MONDAY 08:00").orElseThrow());
        cohort = cohorts.create(new CohortRepository.NewCohort(
                "1",
                "Riverside",
                "kloe-2017",
                ZoneId.of("Europe/London"),
                LocalDate.of(2027, 1, 4),
                rhythm,
                List.of("S1", "S2"),
                "coach",
                CREATED.minusSeconds(86_400)));
        homes.enrolAll(
                cohort.id(),
                List.of(
                        new HomeRepository.NewHome(
                                "Oak House", "oak-house", Optional.empty(), Baseline.notRated(), List.of("u1")),
                        new HomeRepository.NewHome(
                                "Elm Court", "elm-court", Optional.empty(), Baseline.notRated(), List.of("u2"))),
                CREATED);
        reminders = new CoachReminders(tasks, sessions, homes, posts, wakes, clock);
        deliveries = new Deliveries(ledger, coaches, wakes, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** One tick as WeeklyProgramme makes it: the ledger read once, notes sent to the coaches. */
    private void tick(Instant at) {
        clock.set(at);
        List<String> notes = new ArrayList<>();
        Set<String> done = new HashSet<>();
        ledger.statuses(cohort.id()).forEach((key, status) -> {
            if (status != DeliveryLedger.Status.CLAIMED) {
                done.add(key);
            }
        });
        reminders.reconcile(cohort, deliveries, done, notes);
        if (!notes.isEmpty()) {
            coaches.told.add(String.join("\n", notes));
        }
    }

    private Task task(String title, LocalDate due, Instant createdAt) {
        return tasks.create(new TaskRepository.NewTask(cohort.id(), title, Optional.empty(), due, "coach", createdAt));
    }

    private Session session(String title, Instant start, Instant createdAt) {
        return sessions.create(
                new SessionRepository.NewSession(cohort.id(), title, start, "https://zoom.us/j/1", "coach", createdAt));
    }

    @Test
    void moments_ahead_are_booked_with_the_timers_and_nothing_is_sent_early() {
        task("Fire drill log", LocalDate.of(2027, 1, 15), CREATED);
        session("Call", Instant.parse("2027-01-14T14:00:00Z"), CREATED);
        tick(CREATED.plusSeconds(60));
        assertThat(posts.posts).isEmpty();
        assertThat(wakes.at)
                .containsExactlyInAnyOrder(
                        Instant.parse("2027-01-14T09:00:00Z"),
                        Instant.parse("2027-01-14T13:00:00Z"),
                        Instant.parse("2027-01-14T14:00:00Z"));
        assertThat(ledger.statuses(cohort.id())).isEmpty();
    }

    @Test
    void a_task_reminder_missed_until_its_due_date_began_is_skipped_and_the_coaches_are_told() {
        task("Fire drill log", LocalDate.of(2027, 1, 15), CREATED);
        tick(Instant.parse("2027-01-15T00:00:00Z"));
        tick(Instant.parse("2027-01-15T00:05:00Z"));
        assertThat(posts.posts).isEmpty();
        assertThat(ledger.statuses(cohort.id())).hasSize(2);
        assertThat(ledger.forCohortWeek(cohort.id(), 0))
                .hasSize(2)
                .allMatch(e -> e.status() == DeliveryLedger.Status.SKIPPED);
        assertThat(coaches.told)
                .singleElement()
                .asString()
                .contains("task \"Fire drill log\" to Oak House")
                .contains("skipped");
    }

    @Test
    void a_task_reminder_whose_moment_had_passed_when_the_task_was_set_is_not_sent() {
        task("Quick poll", LocalDate.of(2027, 1, 5), CREATED); // reminder due 4 Jan 09:00, before it was set
        tick(CREATED.plusSeconds(60));
        tick(Instant.parse("2027-01-06T09:00:00Z"));
        assertThat(posts.posts).isEmpty();
        assertThat(ledger.statuses(cohort.id())).isEmpty();
        assertThat(coaches.told).isEmpty();
    }

    @Test
    void a_session_reminder_is_sent_late_until_the_start_then_only_the_attendance_post_for_two_days() {
        session("Monday call", Instant.parse("2027-01-11T14:00:00Z"), CREATED);
        session("Thursday call", Instant.parse("2027-01-14T14:00:00Z"), CREATED);
        session("Old call", Instant.parse("2027-01-07T14:00:00Z"), CREATED);
        // The bot comes back at 13:40 on the Thursday: the Thursday reminder is still useful, the rest are not.
        tick(Instant.parse("2027-01-14T13:40:00Z"));
        assertThat(posts.posts).containsExactly("session reminder Thursday call");
        assertThat(coaches.told)
                .singleElement()
                .asString()
                .contains("reminder for the session \"Monday call\"")
                .contains("skipped")
                .contains("I attended button for the session \"Old call\"")
                .contains("reminder for the session \"Thursday call\"")
                .contains("posted late");
        // The Monday call started more than two days ago, so its I attended post is skipped too.
        assertThat(coaches.told.get(0)).contains("I attended button for the session \"Monday call\"");
        assertThat(ledger.statuses(cohort.id()).values())
                .filteredOn(st -> st == DeliveryLedger.Status.SENT)
                .hasSize(1);
        tick(Instant.parse("2027-01-14T14:00:00Z"));
        tick(Instant.parse("2027-01-14T14:01:00Z"));
        assertThat(posts.posts).containsExactly("session reminder Thursday call", "attendance call Thursday call");
    }
}
