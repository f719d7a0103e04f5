package uk.stepup.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.stepup.checkins.CheckinRepository;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.cohorts.Baseline;
import uk.stepup.cohorts.Home;
import uk.stepup.shared.Rating;
import uk.stepup.tasks.Attendance;
import uk.stepup.tasks.Session;
import uk.stepup.tasks.Task;
import uk.stepup.tasks.TaskDone;

/** The coach's status view: counting check-ins, overdue tasks and sessions, ordering at-risk homes first, fitting Discord. */
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
                "Spring 2027", homes, checkins, List.of(1, 2), tasks, done, sessions, attendance, NOW, LONDON);

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

        String text = CohortStatusService.render(r, NOW, LONDON);
        assertThat(text)
                .contains("**Spring 2027** status")
                .contains("2 check-in weeks closed · 3 tasks set · 1 session held")
                .contains("2 of 4 homes at risk");
        assertThat(text.indexOf("Oak House")).isLessThan(text.indexOf("Cedar Court"));
        assertThat(text.indexOf("Cedar Court")).isLessThan(text.indexOf("Beech View"));
        assertThat(text)
                .contains(
                        "⚠️ **Oak House** · check-ins: 0 on time, 0 late, 2 missed · overdue tasks: 0 · sessions: 1 of 1");
        assertThat(text)
                .contains(
                        "• **Ash Lodge** · check-ins: 3 on time, 0 late, 0 missed · overdue tasks: 0 · sessions: 1 of 1");
    }

    @Test
    void a_large_cohort_fits_one_reply_with_the_at_risk_homes_shown() {
        List<Home> homes = new ArrayList<>();
        List<CheckinRepository.Rated> checkins = new ArrayList<>();
        for (long id = 1; id <= 60; id++) {
            homes.add(home(id, "Care Home with a Rather Long Name Number " + id));
            if (id % 10 != 0) {
                checkins.add(checkin(id, 1, false));
                checkins.add(checkin(id, 2, false));
            }
        }
        CohortStatusService.Report r = CohortStatusService.compute(
                "Big cohort", homes, checkins, List.of(1, 2), List.of(), List.of(), List.of(), List.of(), NOW, LONDON);
        String text = CohortStatusService.render(r, NOW, LONDON);
        assertThat(text.length()).isLessThanOrEqualTo(CohortStatusService.TEXT_MAX);
        assertThat(r.atRisk()).isEqualTo(6);
        for (long id = 10; id <= 60; id += 10) {
            assertThat(text).contains("Number " + id + "**");
        }
        long shown = text.lines()
                .filter(l -> l.startsWith("• **") || l.startsWith("⚠️ **"))
                .count();
        assertThat(text).endsWith("…and " + (60 - shown) + " more homes.");
    }

    @Test
    void a_cohort_without_homes_says_how_to_enrol() {
        CohortStatusService.Report r = CohortStatusService.compute(
                "Empty", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), NOW, LONDON);
        assertThat(CohortStatusService.render(r, NOW, LONDON))
                .contains("0 check-in weeks closed")
                .contains("/cohort enrol");
    }
}
