package uk.stepup.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.checkins.Checkin;
import uk.stepup.checkins.CheckinAnswers;
import uk.stepup.checkins.CheckinRepository;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.cohorts.Baseline;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.WeeklyRhythm;
import uk.stepup.deliveries.DeliveryLedger;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;
import uk.stepup.shared.WeeklyTime;

/** The JDBC repositories against real SQLite files through the real migrations. */
class RepositoriesTest {
    private static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");

    @TempDir
    Path dir;

    Database db;
    JdbcCohortRepository cohorts;
    JdbcHomeRepository homes;
    JdbcCheckinRepository checkins;
    JdbcDeliveryLedger ledger;

    @BeforeEach
    void open() {
        db = TestDatabases.fresh(dir);
        cohorts = new JdbcCohortRepository(db);
        homes = new JdbcHomeRepository(db);
        checkins = new JdbcCheckinRepository(db);
        ledger = new JdbcDeliveryLedger(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Cohort cohort(String name) {
        WeeklyRhythm rhythm = new WeeklyRhythm(
                WeeklyTime.parse("MONDAY 09:00").orElseThrow(),
                WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
                WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                WeeklyTime.parse("MONDAY 08:00").orElseThrow());
        return cohorts.create(new CohortRepository.NewCohort(
                "100000000000000001",
                name,
                "kloe-2017",
                ZoneId.of("Europe/London"),
                LocalDate.of(2027, 1, 4),
                rhythm,
                List.of("S1", "S2", "S3"),
                "coach",
                T0));
    }

    @Test
    void cohorts_round_trip_with_their_curriculum_order_and_breaks() {
        Cohort c = cohort("Spring 2027");
        assertThat(c.status()).isEqualTo(Cohort.Status.ACTIVE);
        assertThat(c.rhythm().reminder().toString()).isEqualTo("THURSDAY 12:00");
        assertThat(cohorts.byName("100000000000000001", "spring 2027")).contains(c);
        assertThat(cohorts.items(c.id())).containsExactly("S1", "S2", "S3");
        cohorts.replaceItems(c.id(), List.of("S3", "S1", "S2"));
        assertThat(cohorts.items(c.id())).containsExactly("S3", "S1", "S2");
        cohorts.addBreak(c.id(), LocalDate.of(2027, 4, 5), "skip");
        cohorts.addBreak(c.id(), LocalDate.of(2027, 4, 5), "skip");
        assertThat(cohorts.breaks(c.id())).containsExactly(LocalDate.of(2027, 4, 5));
        cohorts.setStatus(c.id(), Cohort.Status.PAUSED, Optional.of(LocalDate.of(2027, 2, 1)));
        assertThat(cohorts.byId(c.id()).orElseThrow().pausedOn()).contains(LocalDate.of(2027, 2, 1));
        assertThat(cohorts.running()).hasSize(1);
        cohorts.setStatus(c.id(), Cohort.Status.ENDED, Optional.empty());
        assertThat(cohorts.running()).isEmpty();
        Cohort.Channels ch =
                new Cohort.Channels(Optional.of("1"), Optional.of("2"), Optional.of("3"), Optional.of("4"));
        cohorts.saveChannels(c.id(), ch);
        assertThat(cohorts.byId(c.id()).orElseThrow().channels()).isEqualTo(ch);
    }

    @Test
    void a_cohort_name_is_unique_per_server_ignoring_case() {
        cohort("Spring 2027");
        assertThatThrownBy(() -> cohort("SPRING 2027")).isInstanceOf(CohortRepository.DuplicateCohortException.class);
    }

    @Test
    void enrolment_is_all_or_nothing_and_a_manager_belongs_to_one_home() {
        Cohort c = cohort("Spring 2027");
        Baseline baseline = new Baseline(
                Optional.of(Rating.GOOD),
                Map.of(KeyQuestion.SAFE, Rating.REQUIRES_IMPROVEMENT, KeyQuestion.WELL_LED, Rating.GOOD));
        List<Home> enrolled = homes.enrolAll(
                c.id(),
                List.of(
                        new HomeRepository.NewHome(
                                "Oak House", "oak-house", Optional.of("1-123456789"), baseline, List.of("u1", "u2")),
                        new HomeRepository.NewHome(
                                "Elm Court", "elm-court", Optional.empty(), Baseline.notRated(), List.of("u3"))),
                T0);
        assertThat(enrolled).extracting(Home::name).containsExactly("Oak House", "Elm Court");
        Home oak = homes.byName(c.id(), "oak house").orElseThrow();
        assertThat(oak.managerIds()).containsExactlyInAnyOrder("u1", "u2");
        assertThat(oak.baseline()).isEqualTo(baseline);
        assertThat(homes.managedBy(c.id(), "u3").map(Home::name)).contains("Elm Court");

        assertThatThrownBy(() -> homes.enrolAll(
                        c.id(),
                        List.of(
                                new HomeRepository.NewHome(
                                        "Ash Lodge", "ash-lodge", Optional.empty(), Baseline.notRated(), List.of("u9")),
                                new HomeRepository.NewHome(
                                        "Birch", "birch", Optional.empty(), Baseline.notRated(), List.of("u1"))),
                        T0))
                .isInstanceOf(HomeRepository.EnrolmentConflictException.class)
                .hasMessageContaining("Oak House");
        assertThat(homes.inCohort(c.id())).hasSize(2);
        assertThat(homes.byName(c.id(), "Ash Lodge")).isEmpty();

        homes.addManager(oak.id(), "u4", T0);
        homes.addManager(oak.id(), "u4", T0);
        assertThat(homes.byId(oak.id()).orElseThrow().managerIds())
                .contains("u4")
                .hasSize(3);
        homes.saveChannel(oak.id(), "555");
        assertThat(homes.byId(oak.id()).orElseThrow().channelId()).contains("555");
    }

    @Test
    void the_same_answers_again_add_no_revision_even_when_sent_twice_at_once() throws Exception {
        Cohort c = cohort("Retries 2027");
        Home oak = homes.enrolAll(
                        c.id(),
                        List.of(new HomeRepository.NewHome(
                                "Oak House", "oak-house", Optional.empty(), Baseline.notRated(), List.of("u1"))),
                        T0)
                .get(0);
        CheckinAnswers a = new CheckinAnswers(
                Rating.GOOD,
                "Ran a safeguarding huddle",
                Optional.empty(),
                Optional.of("Ask the coach"),
                Optional.empty());
        CheckinRepository.Stored first = checkins.save(oak.id(), 1, "S1", a, "u1", T0, false);
        assertThat(first.changed()).isTrue();
        CheckinRepository.Stored again = checkins.save(oak.id(), 1, "S1", a, "u1", T0.plusSeconds(5), false);
        assertThat(again.changed()).isFalse();
        assertThat(again.checkin()).isEqualTo(first.checkin());
        // A submit Discord replayed late and the manager's second press, at the same moment: one revision.
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            CheckinAnswers b = new CheckinAnswers(
                    Rating.OUTSTANDING, "Ran two huddles", Optional.empty(), Optional.empty(), Optional.empty());
            var x = two.submit(() -> checkins.save(oak.id(), 1, "S1", b, "u1", T0.plusSeconds(60), false));
            var y = two.submit(() -> checkins.save(oak.id(), 1, "S1", b, "u1", T0.plusSeconds(60), false));
            assertThat(List.of(x.get().changed(), y.get().changed())).containsExactlyInAnyOrder(true, false);
        } finally {
            two.shutdown();
        }
        Checkin stored = checkins.find(oak.id(), 1).orElseThrow();
        assertThat(stored.revisions()).isEqualTo(2);
        assertThat(checkins.revisions(stored.id())).hasSize(2);
    }

    @Test
    void a_checkin_keeps_every_revision_and_its_first_submission() {
        Cohort c = cohort("Spring 2027");
        Home oak = homes.enrolAll(
                        c.id(),
                        List.of(new HomeRepository.NewHome(
                                "Oak House", "oak-house", Optional.empty(), Baseline.notRated(), List.of("u1", "u2"))),
                        T0)
                .get(0);
        CheckinAnswers first = new CheckinAnswers(
                Rating.GOOD,
                "Ran a safeguarding huddle",
                Optional.of(" "),
                Optional.empty(),
                Optional.of("Huddles at handover work"));
        Checkin saved = checkins.save(oak.id(), 1, "S1", first, "u1", T0, false).checkin();
        assertThat(saved.revisions()).isEqualTo(1);
        assertThat(saved.answers().evidence()).isEmpty();
        assertThat(saved.share()).isEqualTo(HighlightShare.ANONYMOUS);

        CheckinAnswers second = new CheckinAnswers(
                Rating.OUTSTANDING, "Ran two huddles", Optional.of("Minutes"), Optional.of("Audit"), Optional.empty());
        Checkin edited = checkins.save(oak.id(), 1, "S1", second, "u2", T0.plusSeconds(3600), true)
                .checkin();
        assertThat(edited.id()).isEqualTo(saved.id());
        assertThat(edited.revisions()).isEqualTo(2);
        assertThat(edited.late()).isFalse();
        assertThat(edited.submittedAt()).isEqualTo(T0);
        assertThat(edited.submittedBy()).isEqualTo("u1");
        assertThat(edited.answers()).isEqualTo(second);
        assertThat(checkins.revisions(saved.id()))
                .extracting(r -> r.answers().rating())
                .containsExactly(Rating.GOOD, Rating.OUTSTANDING);
        checkins.setShare(saved.id(), HighlightShare.NAMED);
        assertThat(checkins.find(oak.id(), 1).orElseThrow().share()).isEqualTo(HighlightShare.NAMED);
        assertThat(checkins.forCohortWeek(c.id(), 1)).hasSize(1);
        assertThat(checkins.forCohortWeek(c.id(), 2)).isEmpty();
        assertThat(checkins.forCohort(c.id())).hasSize(1);
    }

    @Test
    void the_ledger_lets_exactly_one_claim_win_and_remembers_unfinished_posts() {
        Cohort c = cohort("Spring 2027");
        DeliveryLedger.Key key = new DeliveryLedger.Key(c.id(), 1, DeliveryLedger.Kind.PROMPT, "this-week");
        assertThat(key.asText()).isEqualTo(c.id() + ":1:prompt:this-week");
        assertThat(ledger.claim(key, T0, T0, false, false).won()).isTrue();
        assertThat(ledger.claim(key, T0, T0, false, false).won()).isFalse();
        assertThat(ledger.unfinished()).extracting(DeliveryLedger.Entry::key).containsExactly(key);

        DeliveryLedger.Claim retry = ledger.claim(key, T0, T0.plusSeconds(5), false, true);
        assertThat(retry.won()).isTrue();
        assertThat(retry.entry().attempts()).isEqualTo(2);

        ledger.markSent(key, "999", T0.plusSeconds(6));
        assertThat(ledger.claim(key, T0, T0.plusSeconds(7), false, true).won()).isFalse();
        assertThat(ledger.unfinished()).isEmpty();
        assertThat(ledger.find(key).orElseThrow().messageId()).contains("999");

        DeliveryLedger.Key reminder = new DeliveryLedger.Key(c.id(), 1, DeliveryLedger.Kind.REMINDER, "home-1");
        ledger.markSkipped(reminder, T0, T0, "deadline passed while the bot was offline");
        assertThat(ledger.claim(reminder, T0, T0, false, true).won()).isFalse();
        assertThat(ledger.forCohortWeek(c.id(), 1)).hasSize(2);
    }
}
