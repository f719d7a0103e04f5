package uk.stepup.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.cohorts.Baseline;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.WeeklyRhythm;
import uk.stepup.shared.WeeklyTime;
import uk.stepup.tasks.Attendance;
import uk.stepup.tasks.Session;
import uk.stepup.tasks.SessionRepository;
import uk.stepup.tasks.Task;
import uk.stepup.tasks.TaskDone;
import uk.stepup.tasks.TaskRepository;

/** Tasks, task completion, sessions and attendance against real SQLite files through the real migrations. */
class CoachToolsRepositoriesTest {
    private static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");

    @TempDir
    Path dir;

    Database db;
    JdbcCohortRepository cohorts;
    JdbcHomeRepository homes;
    JdbcTaskRepository tasks;
    JdbcSessionRepository sessions;
    Cohort cohort;
    Home oak;
    Home elm;

    @BeforeEach
    void open() {
        db = TestDatabases.fresh(dir);
        cohorts = new JdbcCohortRepository(db);
        homes = new JdbcHomeRepository(db);
        tasks = new JdbcTaskRepository(db);
        sessions = new JdbcSessionRepository(db);
        WeeklyRhythm rhythm = new WeeklyRhythm(
                WeeklyTime.parse("MONDAY 09:00").orElseThrow(),
                WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
                WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                WeeklyTime.parse("MONDAY 08:00").orElseThrow());
        cohort = cohorts.create(new CohortRepository.NewCohort(
                "100000000000000001",
                "Spring 2027",
                "kloe-2017",
                ZoneId.of("Europe/London"),
                LocalDate.of(2027, 1, 4),
                rhythm,
                List.of("S1", "S2"),
                "coach",
                T0));
        List<Home> enrolled = homes.enrolAll(
                cohort.id(),
                List.of(
                        new HomeRepository.NewHome(
                                "Oak House", "oak-house", Optional.empty(), Baseline.notRated(), List.of("u1", "u2")),
                        new HomeRepository.NewHome(
                                "Elm Court", "elm-court", Optional.empty(), Baseline.notRated(), List.of("u3"))),
                T0);
        oak = enrolled.get(0);
        elm = enrolled.get(1);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void a_task_round_trips_and_each_home_marks_it_done_once() {
        Task later = tasks.create(new TaskRepository.NewTask(
                cohort.id(), "Share your falls audit", Optional.empty(), LocalDate.of(2027, 1, 22), "coach", T0));
        Task task = tasks.create(new TaskRepository.NewTask(
                cohort.id(),
                "Fire drill log",
                Optional.of("Upload the last three"),
                LocalDate.of(2027, 1, 15),
                "coach",
                T0));
        assertThat(task.details()).contains("Upload the last three");
        assertThat(task.dueDate()).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(task.messageId()).isEmpty();
        tasks.saveMessage(task.id(), "777");
        assertThat(tasks.byId(task.id()).orElseThrow().messageId()).contains("777");
        assertThat(tasks.forCohort(cohort.id())).extracting(Task::id).containsExactly(task.id(), later.id());

        TaskRepository.Marked first = tasks.markDone(task.id(), oak.id(), "u1", T0.plusSeconds(60));
        assertThat(first.first()).isTrue();
        TaskRepository.Marked second = tasks.markDone(task.id(), oak.id(), "u2", T0.plusSeconds(120));
        assertThat(second.first()).isFalse();
        assertThat(second.done()).isEqualTo(new TaskDone(task.id(), oak.id(), "u1", T0.plusSeconds(60)));
        tasks.markDone(task.id(), elm.id(), "u3", T0.plusSeconds(180));
        assertThat(tasks.doneFor(task.id())).extracting(TaskDone::homeId).containsExactly(oak.id(), elm.id());
        assertThat(tasks.doneFor(later.id())).isEmpty();
        assertThat(tasks.doneInCohort(cohort.id())).hasSize(2);

        tasks.delete(task.id());
        assertThat(tasks.byId(task.id())).isEmpty();
        assertThat(tasks.doneInCohort(cohort.id())).isEmpty();
    }

    @Test
    void a_session_round_trips_and_records_each_manager_once() {
        Session s = sessions.create(new SessionRepository.NewSession(
                cohort.id(),
                "Fortnightly call",
                Instant.parse("2027-01-14T14:00:00Z"),
                "https://zoom.us/j/123",
                "coach",
                T0));
        assertThat(s.endsAt()).isEqualTo(Instant.parse("2027-01-14T15:00:00Z"));
        assertThat(s.reminderAt()).isEqualTo(Instant.parse("2027-01-14T13:00:00Z"));
        sessions.saveEvent(s.id(), "555");
        sessions.saveMessage(s.id(), "666");
        Session saved = sessions.byId(s.id()).orElseThrow();
        assertThat(saved.eventId()).contains("555");
        assertThat(saved.messageId()).contains("666");
        assertThat(sessions.forCohort(cohort.id())).containsExactly(saved);

        Instant at = Instant.parse("2027-01-14T14:10:00Z");
        assertThat(sessions.recordAttendance(s.id(), oak.id(), "u1", at).first())
                .isTrue();
        SessionRepository.Recorded again = sessions.recordAttendance(s.id(), oak.id(), "u1", at.plusSeconds(60));
        assertThat(again.first()).isFalse();
        assertThat(again.attendance().recordedAt()).isEqualTo(at);
        assertThat(sessions.recordAttendance(s.id(), oak.id(), "u2", at).first())
                .isTrue();
        assertThat(sessions.attendanceInCohort(cohort.id()))
                .extracting(Attendance::userId)
                .containsExactly("u1", "u2");

        sessions.delete(s.id());
        assertThat(sessions.byId(s.id())).isEmpty();
        assertThat(sessions.attendanceInCohort(cohort.id())).isEmpty();
    }
}
