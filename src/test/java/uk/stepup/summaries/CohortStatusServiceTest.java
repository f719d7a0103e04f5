package uk.stepup.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.stepup.actions.Action;
import uk.stepup.checkins.CheckinRepository;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.cohorts.Baseline;
import uk.stepup.cohorts.Home;
import uk.stepup.shared.Rating;
import uk.stepup.tasks.Attendance;
import uk.stepup.tasks.Session;
import uk.stepup.tasks.Task;
import uk.stepup.tasks.TaskDone;

/** The coach's status view: counting check-ins, overdue tasks and sessions, ordering at-risk homes first. */
class CohortStatusServiceTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Monday 18 January 2027, 09:00: weeks 1 and 2 have closed, week 3 is open. */
    static final Instant NOW = Instant.parse("2027-01-18T09:00:00Z");

    static final Instant T0 = Instant.parse("2027-01-01T10:00:00Z");

    static Home home(long id, String name) {
        return new Home(
                id,
                1,
                name,
                name.toLowerCase().replace(' ', '-'),
                Optional.empty(),
                Optional.empty(),
                Baseline.notRated(),
                List.of("u" + id));
    }

    static CheckinRepository.Rated checkin(long homeId, int week, boolean late) {
        return new CheckinRepository.Rated(homeId, week, Rating.GOOD, HighlightShare.ANONYMOUS, late);
    }

    static Task task(long id, LocalDate due) {
        return new Task(id, 1, "Task " + id, Optional.empty(), due, Optional.of("m"), "coach", T0);
    }

    static Session session(long id, Instant start) {
        return new Session(
                id, 1, "Call " + id, start, "https://zoom.us/j/" + id, Optional.empty(), Optional.empty(), "coach", T0);
    }

    @Test
    void counts_each_home_and_puts_at_risk_homes_first() {
        List<Home> homes =
                List.of(home(1, "Ash Lodge"), home(2, "Beech View"), home(3, "Cedar Court"), home(4, "Oak House"));
        List<CheckinRepository.Rated> checkins = List.of(
                checkin(1, 1, false),
                checkin(1, 2, false),
                checkin(1, 3, false), // week 3 is open: on time, not missed
                checkin(2, 1, false),
                checkin(2, 2, true),
                checkin(3, 1, false),
                checkin(3, 2, false));
        // Oak House (4) has checked in for neither closed week: at risk although it sorts last by name.
        List<Task> tasks = List.of(
                task(10, LocalDate.of(2027, 1, 8)),
                task(11, LocalDate.of(2027, 1, 15)),
                task(12, LocalDate.of(2027, 1, 18))); // due today: not overdue yet
        List<TaskDone> done = List.of(
                new TaskDone(10, 1, "u1", T0),
                new TaskDone(11, 1, "u1", T0),
                new TaskDone(10, 2, "u2", T0),
                new TaskDone(11, 4, "u4", T0),
                new TaskDone(10, 4, "u4", T0));
        // Cedar Court (3) has done neither past task: at risk on tasks alone.
        List<Session> sessions = List.of(
                session(20, Instant.parse("2027-01-14T14:00:00Z")),
                session(21, Instant.parse("2027-01-28T14:00:00Z"))); // not held yet
        List<Attendance> attendance = List.of(new Attendance(20, 1, "u1", T0), new Attendance(20, 4, "u4", T0));

        CohortStatusService.Report r = CohortStatusService.compute(
                "Spring 2027",
                homes,
                checkins,
                List.of(1, 2),
                tasks,
                done,
                sessions,
                attendance,
                NOW,
                LONDON,
                Map.of(),
                Map.of());

        assertThat(r.weeksClosed()).isEqualTo(2);
        assertThat(r.tasks()).isEqualTo(3);
        assertThat(r.sessionsHeld()).isEqualTo(1);
        assertThat(r.atRisk()).isEqualTo(2);
        assertThat(r.homes())
                .containsExactly(
                        new CohortStatusService.HomeStatus("Oak House", 0, 0, 2, 0, 1),
                        new CohortStatusService.HomeStatus("Cedar Court", 2, 0, 0, 2, 0),
                        new CohortStatusService.HomeStatus("Beech View", 1, 1, 0, 1, 0),
                        new CohortStatusService.HomeStatus("Ash Lodge", 3, 0, 0, 0, 1));
    }

    static Action action(long id, long homeId, int setWeek, Action.Status status) {
        return new Action(id, homeId, setWeek, id, "Step " + id, status, Optional.empty(), T0, T0);
    }

    @Test
    void next_steps_open_two_weeks_count_towards_at_risk_with_overdue_tasks_but_not_after_one_week() {
        // Week 3 is current. Ash Lodge: a step set in week 1 (two weeks: counts) and one overdue task.
        // Beech View: a step set in week 2 (one week: does not count) and one overdue task.
        // Cedar Court: a step from week 1 that is done, and one overdue task.
        List<Action> actions = List.of(
                action(1, 1, 1, Action.Status.OPEN),
                action(2, 2, 2, Action.Status.OPEN),
                action(3, 3, 1, Action.Status.DONE));
        assertThat(CohortStatusService.overdueActions(actions, 3)).containsExactly(Map.entry(1L, 1));
        assertThat(CohortStatusService.overdueActions(actions, 2)).isEmpty();
        List<Home> homes = List.of(home(1, "Ash Lodge"), home(2, "Beech View"), home(3, "Cedar Court"));
        List<CheckinRepository.Rated> checkins = new ArrayList<>();
        for (long h = 1; h <= 3; h++) {
            checkins.add(checkin(h, 1, false));
            checkins.add(checkin(h, 2, false));
        }
        CohortStatusService.Report r = CohortStatusService.compute(
                "Spring 2027",
                homes,
                checkins,
                List.of(1, 2),
                List.of(task(7, LocalDate.of(2027, 1, 8))),
                List.of(),
                List.of(),
                List.of(),
                NOW,
                LONDON,
                Map.of(),
                CohortStatusService.overdueActions(actions, 3));
        assertThat(r.homes())
                .extracting(CohortStatusService.HomeStatus::home)
                .containsExactly("Ash Lodge", "Beech View", "Cedar Court");
        assertThat(r.homes().get(0).overdueActions()).isEqualTo(1);
        assertThat(r.homes().get(0).atRisk()).isTrue();
        assertThat(r.homes().get(1).overdueActions()).isZero();
        assertThat(r.homes().get(1).atRisk()).isFalse();
        assertThat(r.homes().get(2).atRisk()).isFalse();
        assertThat(r.atRisk()).isEqualTo(1);
    }
}
