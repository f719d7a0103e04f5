package uk.stepup.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.cohorts.Baseline;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.WeeklyRhythm;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.shared.WeeklyTime;
import uk.stepup.storage.Database;
import uk.stepup.storage.JdbcCohortRepository;
import uk.stepup.storage.JdbcHomeRepository;
import uk.stepup.storage.JdbcSessionRepository;
import uk.stepup.storage.JdbcTaskRepository;
import uk.stepup.storage.TestDatabases;
import uk.stepup.testkit.RecordingCoachPublisher;

/** The coach tools' rules: who may do what, what input is accepted, what happens on a second click or a failed post. */
class CoachToolsTest {
    /** Wednesday 6 January 2027, 10:00 in London. */
    static final Instant NOW = Instant.parse("2027-01-06T10:00:00Z");

    static final String GUILD = "100000000000000001";
    static final Actor COACH = new Actor("coach", "Cath", GUILD, true);
    static final Actor ALICE = new Actor("u1", "Alice", GUILD, false);
    static final Actor CAROL = new Actor("u2", "Carol", GUILD, false);
    static final Actor BOB = new Actor("u3", "Bob", GUILD, false);
    static final Actor OUTSIDER = new Actor("u9", "Olly", GUILD, false);

    @TempDir
    Path dir;

    Database db;
    JdbcCohortRepository cohorts;
    JdbcHomeRepository homes;
    JdbcTaskRepository tasks;
    JdbcSessionRepository sessions;
    RecordingCoachPublisher publisher = new RecordingCoachPublisher();
    List<Instant> wakeups = new ArrayList<>();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Cohort cohort;
    TaskService board;
    SessionService desk;

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
                GUILD,
                "Spring 2027",
                "kloe-2017",
                ZoneId.of("Europe/London"),
                LocalDate.of(2027, 1, 4),
                rhythm,
                List.of("S1", "S2"),
                "coach",
                NOW.minusSeconds(86_400)));
        homes.enrolAll(
                cohort.id(),
                List.of(
                        new HomeRepository.NewHome(
                                "Oak House", "oak-house", Optional.empty(), Baseline.notRated(), List.of("u1", "u2")),
                        new HomeRepository.NewHome(
                                "Elm Court", "elm-court", Optional.empty(), Baseline.notRated(), List.of("u3"))),
                NOW);
        board = new TaskService(
                tasks, cohorts, homes, publisher, (id, at) -> wakeups.add(at), new PrivacyGuard(clock), clock);
        desk = new SessionService(
                sessions, cohorts, homes, publisher, (id, at) -> wakeups.add(at), new PrivacyGuard(clock), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Task only() {
        return tasks.forCohort(cohort.id()).get(0);
    }

    @Test
    void only_a_coach_creates_a_task_and_the_due_date_must_be_a_real_date_not_in_the_past() {
        assertThat(board.create(OUTSIDER, cohort, "Fire drill log", "2027-01-15", Optional.empty())
                        .kind())
                .isEqualTo(Outcome.Kind.REFUSED);
        assertThat(board.create(COACH, cohort, "Fire drill log", "next Friday", Optional.empty())
                        .message())
                .contains("is not a date")
                .contains("YYYY-MM-DD");
        assertThat(board.create(COACH, cohort, "Fire drill log", "2027-02-30", Optional.empty())
                        .kind())
                .isEqualTo(Outcome.Kind.INVALID);
        assertThat(board.create(COACH, cohort, "Fire drill log", "2027-01-05", Optional.empty())
                        .message())
                .contains("has passed");
        assertThat(board.create(COACH, cohort, "  ", "2027-01-15", Optional.empty())
                        .kind())
                .isEqualTo(Outcome.Kind.INVALID);
        assertThat(tasks.forCohort(cohort.id())).isEmpty();
        assertThat(publisher.posts).isEmpty();

        Outcome created =
                board.create(COACH, cohort, " Fire drill\nlog ", "2027-01-15", Optional.of(" The last three drills "));
        assertThat(created.ok()).isTrue();
        assertThat(created.message())
                .contains("Fire drill log")
                .contains("Friday 15 January 2027")
                .contains("Thursday 14 January at 09:00");
        assertThat(only().title()).isEqualTo("Fire drill log");
        assertThat(only().details()).contains("The last three drills");
        assertThat(only().messageId()).contains("100");
        assertThat(wakeups).containsExactly(Instant.parse("2027-01-14T09:00:00Z"));
    }

    @Test
    void a_task_due_today_is_accepted_without_a_reminder() {
        assertThat(board.create(COACH, cohort, "Quick poll", "2027-01-06", Optional.empty())
                        .message())
                .contains("too soon");
        assertThat(wakeups).isEmpty();
    }

    @Test
    void a_task_that_cannot_be_posted_is_not_kept() {
        publisher.failPosts = true;
        Outcome o = board.create(COACH, cohort, "Fire drill log", "2027-01-15", Optional.empty());
        assertThat(o.kind()).isEqualTo(Outcome.Kind.INVALID);
        assertThat(o.message()).contains("#announcements is missing").contains("Nothing was saved");
        assertThat(tasks.forCohort(cohort.id())).isEmpty();
    }

    @Test
    void each_home_marks_a_task_done_once_and_a_second_click_says_by_whom() {
        board.create(COACH, cohort, "Fire drill log", "2027-01-15", Optional.empty());
        long id = only().id();
        assertThat(board.markDone(ALICE, id).message()).contains("Marked **Fire drill log** done for Oak House");
        assertThat(board.markDone(CAROL, id).message()).contains("Already done").contains("by <@u1>");
        assertThat(board.markDone(ALICE, id).message()).contains("Already done").contains("by you");
        assertThat(board.markDone(BOB, id).message()).contains("done for Elm Court");
        assertThat(board.markDone(OUTSIDER, id).kind()).isEqualTo(Outcome.Kind.REFUSED);
        assertThat(board.markDone(COACH, id).message()).contains("marked done by the homes' managers");
        assertThat(tasks.doneFor(id)).hasSize(2);
        assertThat(board.markDone(ALICE, 999).message()).contains("no longer exists");
    }

    @Test
    void lists_show_a_manager_their_home_and_a_coach_every_home() {
        board.create(COACH, cohort, "Fire drill log", "2027-01-06", Optional.empty());
        board.create(COACH, cohort, "Falls audit", "2027-01-20", Optional.empty());
        long fire = tasks.forCohort(cohort.id()).get(0).id();
        board.markDone(ALICE, fire);
        TaskService later = new TaskService(
                tasks,
                cohorts,
                homes,
                publisher,
                (c, at) -> {},
                new PrivacyGuard(clock),
                Clock.fixed(Instant.parse("2027-01-07T10:00:00Z"), ZoneOffset.UTC));
        assertThat(later.listForManager(CAROL).message())
                .contains("Oak House's tasks")
                .contains("✅ **Fire drill log**: done (<@u1>")
                .contains("⏳ **Falls audit**: due Wed 20 Jan");
        assertThat(later.listForManager(BOB).message()).contains("⚠️ **Fire drill log**: overdue since Wed 6 Jan");
        assertThat(later.listForManager(OUTSIDER).kind()).isEqualTo(Outcome.Kind.REFUSED);
        assertThat(later.listForCoach(COACH, cohort).message())
                .contains("⚠️ **Fire drill log** · due Wed 6 Jan · 1 of 2 homes done · 1 overdue")
                .contains("⏳ **Falls audit** · due Wed 20 Jan · 0 of 2 homes done · 2 to do");
        assertThat(later.listForCoach(BOB, cohort).kind()).isEqualTo(Outcome.Kind.REFUSED);
    }

    @Test
    void the_event_carries_the_link_only_while_no_other_running_cohort_shares_the_server() {
        assertThat(desk.schedule(COACH, cohort, "2027-01-14 14:00", "https://zoom.us/j/1", Optional.empty())
                        .message())
                .contains("in the server's Events too, with the link");
        Cohort other = cohorts.create(new CohortRepository.NewCohort(
                GUILD,
                "Autumn 2027",
                "kloe-2017",
                ZoneId.of("Europe/London"),
                LocalDate.of(2027, 1, 11),
                cohort.rhythm(),
                List.of("S1"),
                "coach",
                NOW));
        Outcome shared = desk.schedule(COACH, cohort, "2027-01-21 14:00", "https://zoom.us/j/2", Optional.empty());
        assertThat(shared.message())
                .contains("without the call link")
                .contains("#announcements of Spring 2027")
                .doesNotContain("zoom.us");
        // Another server's cohorts do not count, nor an ended one.
        cohorts.setStatus(other.id(), Cohort.Status.ENDED, Optional.empty());
        cohorts.create(new CohortRepository.NewCohort(
                "999999999999999999",
                "Elsewhere",
                "kloe-2017",
                ZoneId.of("Europe/London"),
                LocalDate.of(2027, 1, 11),
                cohort.rhythm(),
                List.of("S1"),
                "coach",
                NOW));
        desk.schedule(COACH, cohort, "2027-01-28 14:00", "https://zoom.us/j/3", Optional.empty());
        assertThat(publisher.eventLinks).containsExactly(true, false, true);
    }

    @Test
    void a_session_needs_a_future_time_and_a_web_link_and_is_kept_only_if_posted() {
        assertThat(desk.schedule(OUTSIDER, cohort, "2027-01-14 14:00", "https://zoom.us/j/1", Optional.empty())
                        .kind())
                .isEqualTo(Outcome.Kind.REFUSED);
        assertThat(desk.schedule(COACH, cohort, "Thursday 2pm", "https://zoom.us/j/1", Optional.empty())
                        .message())
                .contains("YYYY-MM-DD HH:MM")
                .contains("Europe/London");
        assertThat(desk.schedule(COACH, cohort, "2027-01-05 14:00", "https://zoom.us/j/1", Optional.empty())
                        .message())
                .contains("has passed");
        assertThat(desk.schedule(COACH, cohort, "2027-01-14 14:00", "zoom.us/j/1", Optional.empty())
                        .message())
                .contains("https://");
        assertThat(desk.schedule(COACH, cohort, "2027-01-14 14:00", "javascript:alert(1)", Optional.empty())
                        .kind())
                .isEqualTo(Outcome.Kind.INVALID);
        publisher.failPosts = true;
        assertThat(desk.schedule(COACH, cohort, "2027-01-14 14:00", "https://zoom.us/j/1", Optional.empty())
                        .message())
                .contains("Nothing was scheduled");
        assertThat(publisher.deletedEvents).hasSize(1);
        assertThat(sessions.forCohort(cohort.id())).isEmpty();

        publisher.failPosts = false;
        Outcome o = desk.schedule(COACH, cohort, "2027-01-14 14:00", "https://zoom.us/j/1", Optional.empty());
        assertThat(o.message())
                .contains("Coaching session")
                .contains("Thursday 14 January at 14:00")
                .contains("Events");
        Session s = sessions.forCohort(cohort.id()).get(0);
        assertThat(s.startsAt()).isEqualTo(Instant.parse("2027-01-14T14:00:00Z"));
        assertThat(s.eventId()).contains("e" + s.id());
        assertThat(wakeups)
                .containsExactly(Instant.parse("2027-01-14T13:00:00Z"), Instant.parse("2027-01-14T14:00:00Z"));

        publisher.failEvents = true;
        assertThat(desk.schedule(COACH, cohort, "2027-07-14 14:00", "https://zoom.us/j/2", Optional.of("Summer call"))
                        .message())
                .contains("could not be created (missing Manage Events)");
        assertThat(sessions.forCohort(cohort.id()).get(1).startsAt())
                .as("British Summer Time")
                .isEqualTo(Instant.parse("2027-07-14T13:00:00Z"));
    }

    @Test
    void attendance_opens_at_the_start_and_is_recorded_once_per_manager() {
        desk.schedule(COACH, cohort, "2027-01-06 10:30", "https://zoom.us/j/1", Optional.empty());
        long id = sessions.forCohort(cohort.id()).get(0).id();
        assertThat(desk.attended(ALICE, id).message()).contains("once it has started");
        SessionService started = new SessionService(
                sessions,
                cohorts,
                homes,
                publisher,
                (c, at) -> {},
                new PrivacyGuard(clock),
                Clock.fixed(Instant.parse("2027-01-06T10:40:00Z"), ZoneOffset.UTC));
        assertThat(started.attended(ALICE, id).message()).contains("recorded").contains("Oak House");
        assertThat(started.attended(ALICE, id).message()).contains("Already recorded");
        assertThat(started.attended(CAROL, id).ok()).isTrue();
        assertThat(started.attended(OUTSIDER, id).kind()).isEqualTo(Outcome.Kind.REFUSED);
        assertThat(started.attended(COACH, id).kind()).isEqualTo(Outcome.Kind.REFUSED);
        assertThat(sessions.attendanceInCohort(cohort.id()))
                .extracting(Attendance::userId)
                .containsExactly("u1", "u2");
    }

    @Test
    void a_broadcast_goes_to_one_cohort_or_every_running_one_on_the_server() {
        Cohort autumn = cohorts.create(new CohortRepository.NewCohort(
                GUILD,
                "Autumn 2027",
                "kloe-2017",
                ZoneId.of("Europe/London"),
                LocalDate.of(2027, 9, 6),
                cohort.rhythm(),
                List.of("S1"),
                "coach",
                NOW));
        Cohort ended = cohorts.create(new CohortRepository.NewCohort(
                GUILD,
                "Spring 2026",
                "kloe-2017",
                ZoneId.of("Europe/London"),
                LocalDate.of(2026, 1, 5),
                cohort.rhythm(),
                List.of("S1"),
                "coach",
                NOW));
        cohorts.setStatus(ended.id(), Cohort.Status.ENDED, Optional.empty());
        cohorts.create(new CohortRepository.NewCohort(
                "another-server",
                "Elsewhere",
                "kloe-2017",
                ZoneId.of("Europe/London"),
                LocalDate.of(2027, 1, 4),
                cohort.rhythm(),
                List.of("S1"),
                "coach",
                NOW));
        BroadcastService broadcasts = new BroadcastService(cohorts, publisher, new PrivacyGuard(clock));

        assertThat(broadcasts.toCohort(OUTSIDER, cohort, "Hello").kind()).isEqualTo(Outcome.Kind.REFUSED);
        assertThat(broadcasts.toAll(OUTSIDER, "Hello").kind()).isEqualTo(Outcome.Kind.REFUSED);
        assertThat(broadcasts.toCohort(COACH, cohort, "   ").kind()).isEqualTo(Outcome.Kind.INVALID);
        assertThat(broadcasts.toCohort(COACH, cohort, "x".repeat(2001)).kind()).isEqualTo(Outcome.Kind.INVALID);
        assertThat(publisher.posts).isEmpty();

        assertThat(broadcasts.toCohort(COACH, cohort, "See you Thursday").message())
                .contains("#announcements of Spring 2027");
        assertThat(broadcasts.toAll(COACH, "Happy new year").message())
                .contains("2 cohorts")
                .contains("Spring 2027")
                .contains("Autumn 2027");
        assertThat(publisher.posts)
                .containsExactly(
                        "broadcast to Spring 2027: See you Thursday",
                        "broadcast to Spring 2027: Happy new year",
                        "broadcast to Autumn 2027: Happy new year");
        assertThat(autumn.status()).isEqualTo(Cohort.Status.ACTIVE);
    }

    @Test
    void parses_what_coaches_type() {
        ZoneId london = ZoneId.of("Europe/London");
        assertThat(SessionService.parseWhen("2027-01-14 14:00", london))
                .contains(Instant.parse("2027-01-14T14:00:00Z"));
        assertThat(SessionService.parseWhen(" 2027-01-14T9:30 ", london))
                .contains(Instant.parse("2027-01-14T09:30:00Z"));
        assertThat(SessionService.parseWhen("2027-01-14 25:00", london)).isEmpty();
        assertThat(SessionService.parseWhen("14/01/2027 14:00", london)).isEmpty();
        assertThat(SessionService.validLink("https://zoom.us/j/123?pwd=abc")).isTrue();
        assertThat(SessionService.validLink("http://teams.microsoft.com/l/meetup-join/x"))
                .isTrue();
        assertThat(SessionService.validLink("https://")).isFalse();
        assertThat(SessionService.validLink("https://zoom.us/j/1 2")).isFalse();
        assertThat(SessionService.validLink("ftp://files.example/x")).isFalse();
        assertThat(TaskService.parseDate("2027-01-15")).contains(LocalDate.of(2027, 1, 15));
        assertThat(TaskService.parseDate("15/01/2027")).isEmpty();
    }
}
