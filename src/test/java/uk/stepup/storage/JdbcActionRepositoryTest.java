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
import uk.stepup.actions.Action;
import uk.stepup.actions.ActionOutcome;
import uk.stepup.checkins.CheckinAnswers;
import uk.stepup.cohorts.Baseline;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.WeeklyRhythm;
import uk.stepup.shared.Rating;
import uk.stepup.shared.WeeklyTime;

/** Actions and their follow-ups against a real SQLite file through the real migrations. */
class JdbcActionRepositoryTest {
    private static final Instant T0 = Instant.parse("2027-01-04T10:00:00Z");
    private static final Instant T1 = Instant.parse("2027-01-11T10:00:00Z");
    private static final Instant T2 = Instant.parse("2027-01-18T10:00:00Z");

    @TempDir
    Path dir;

    Database db;
    Cohort cohort;
    Home oak;
    Home elm;
    long oakCheckin;
    JdbcActionRepository actions;

    @BeforeEach
    void open() {
        db = TestDatabases.fresh(dir);
        JdbcCohortRepository cohorts = new JdbcCohortRepository(db);
        WeeklyRhythm rhythm = new WeeklyRhythm(
                WeeklyTime.parse("MONDAY 09:00").orElseThrow(),
                WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
                WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                WeeklyTime.parse("MONDAY 08:00").orElseThrow());
        cohort = cohorts.create(new CohortRepository.NewCohort(
                "1",
                "Spring",
                "kloe-2017",
                ZoneId.of("Europe/London"),
                LocalDate.of(2027, 1, 4),
                rhythm,
                List.of("S1", "S2", "S3"),
                "coach",
                T0));
        List<Home> enrolled = new JdbcHomeRepository(db)
                .enrolAll(
                        cohort.id(),
                        List.of(
                                new HomeRepository.NewHome(
                                        "Oak House", "oak-house", Optional.empty(), Baseline.notRated(), List.of("u1")),
                                new HomeRepository.NewHome(
                                        "Elm Court",
                                        "elm-court",
                                        Optional.empty(),
                                        Baseline.notRated(),
                                        List.of("u2"))),
                        T0);
        oak = enrolled.get(0);
        elm = enrolled.get(1);
        oakCheckin = new JdbcCheckinRepository(db)
                .save(
                        oak.id(),
                        1,
                        "S1",
                        new CheckinAnswers(
                                Rating.GOOD, "Did", Optional.empty(), Optional.of("Ring the GP"), Optional.empty()),
                        "u1",
                        T0,
                        false)
                .checkin()
                .id();
        actions = new JdbcActionRepository(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void a_check_in_saved_again_keeps_one_action_whose_words_follow_it_until_someone_answers() {
        Action first = actions.fromCheckin(oak.id(), 1, oakCheckin, "Ring the GP", T0);
        Action same = actions.fromCheckin(oak.id(), 1, oakCheckin, "Ring the GP", T1);
        assertThat(same.id()).isEqualTo(first.id());
        assertThat(same.updatedAt()).as("the same words change nothing").isEqualTo(T0);
        assertThat(actions.fromCheckin(oak.id(), 1, oakCheckin, "Ring the GP practice", T1)
                        .text())
                .isEqualTo("Ring the GP practice");
        actions.answer(first.id(), 2, ActionOutcome.PARTLY, "u1", T1);
        assertThat(actions.fromCheckin(oak.id(), 1, oakCheckin, "Something else", T2)
                        .text())
                .as("answered for: it keeps the words it was answered for")
                .isEqualTo("Ring the GP practice");
        assertThat(actions.forHome(oak.id())).hasSize(1);
        assertThat(actions.forHome(elm.id())).isEmpty();
        assertThat(actions.inCohort(cohort.id())).hasSize(1);
    }

    @Test
    void a_next_step_taken_out_of_the_check_in_withdraws_the_action_unless_it_was_answered() {
        actions.fromCheckin(oak.id(), 1, oakCheckin, "Ring the GP", T0);
        actions.withdraw(oak.id(), 1);
        assertThat(actions.forHome(oak.id())).isEmpty();

        Action again = actions.fromCheckin(oak.id(), 1, oakCheckin, "Ring the GP", T0);
        actions.note(again.id(), 2, "Left a message", "u1", T1);
        actions.withdraw(oak.id(), 1);
        assertThat(actions.forHome(oak.id())).hasSize(1);
    }

    @Test
    void done_closes_in_its_week_and_a_change_of_mind_that_week_reopens_it_keeping_the_few_words() {
        Action a = actions.fromCheckin(oak.id(), 1, oakCheckin, "Ring the GP", T0);
        actions.note(a.id(), 2, "Left a message", "u1", T1);
        assertThat(actions.followUpsForHome(oak.id())).singleElement().satisfies(f -> {
            assertThat(f.outcome()).isEmpty();
            assertThat(f.note()).contains("Left a message");
        });

        Action done = actions.answer(a.id(), 2, ActionOutcome.DONE, "u1", T1);
        assertThat(done.status()).isEqualTo(Action.Status.DONE);
        assertThat(done.closedWeek()).contains(2);
        Action reopened = actions.answer(a.id(), 2, ActionOutcome.NOT_YET, "u1", T1);
        assertThat(reopened.open()).isTrue();
        assertThat(reopened.closedWeek()).isEmpty();
        assertThat(actions.followUpsForHome(oak.id())).singleElement().satisfies(f -> {
            assertThat(f.outcome()).contains(ActionOutcome.NOT_YET);
            assertThat(f.note()).contains("Left a message");
        });

        Action dropped = actions.answer(a.id(), 3, ActionOutcome.DROPPED, "u1", T2);
        assertThat(dropped.status()).isEqualTo(Action.Status.DROPPED);
        assertThat(dropped.closedWeek()).contains(3);
        assertThat(actions.followUpsInCohort(cohort.id()))
                .extracting(f -> f.week())
                .containsExactly(2, 3);
        assertThat(actions.byId(a.id())).contains(dropped);
    }
}
