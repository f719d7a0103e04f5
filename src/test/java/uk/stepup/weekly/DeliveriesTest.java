package uk.stepup.weekly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
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
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.WeeklyRhythm;
import uk.stepup.deliveries.DeliveryLedger;
import uk.stepup.deliveries.DeliveryLedger.Key;
import uk.stepup.deliveries.DeliveryLedger.Kind;
import uk.stepup.shared.WeeklyTime;
import uk.stepup.storage.Database;
import uk.stepup.storage.JdbcCohortRepository;
import uk.stepup.storage.JdbcDeliveryLedger;
import uk.stepup.storage.TestDatabases;
import uk.stepup.testkit.RecordingProgrammePublisher;

/**
 * The delivery protocol when Discord fails: its own failures are retried a minute later and then at growing
 * intervals without troubling the coaches; a second part of a post looks before posting when the first part went
 * out before (so a ledger from before parts had their own deliveries gets no second thread); a part with nowhere
 * left to go is skipped once and the coaches are told.
 */
class DeliveriesTest {
    static final Instant DUE = Instant.parse("2027-01-04T09:00:00Z");

    @TempDir
    Path dir;

    Database db;
    JdbcDeliveryLedger ledger;
    SimulatedClock clock = new SimulatedClock(DUE);
    RecordingProgrammePublisher coaches = RecordingProgrammePublisher.onlyTellingCoaches();
    CoachRemindersTest.Wakes wakes = new CoachRemindersTest.Wakes();
    Cohort cohort;
    Deliveries deliveries;
    final List<String> notes = new ArrayList<>();
    int posts;
    int looks;

    @BeforeEach
    void open() {
        db = TestDatabases.fresh(dir);
        ledger = new JdbcDeliveryLedger(db);
        WeeklyRhythm rhythm = new WeeklyRhythm(
                WeeklyTime.parse("MONDAY 09:00").orElseThrow(),
                WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
                WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                WeeklyTime.parse("MONDAY 08:00").orElseThrow());
        cohort = new JdbcCohortRepository(db)
                .create(new CohortRepository.NewCohort(
                        "1",
                        "Riverside",
                        "kloe-2017",
                        ZoneId.of("Europe/London"),
                        LocalDate.of(2027, 1, 4),
                        rhythm,
                        List.of("S1"),
                        "coach",
                        DUE.minus(Duration.ofDays(7))));
        deliveries = new Deliveries(ledger, coaches, wakes, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Set<String> done() {
        Set<String> done = new HashSet<>();
        ledger.statuses(cohort.id()).forEach((key, status) -> {
            if (status != DeliveryLedger.Status.CLAIMED) {
                done.add(key);
            }
        });
        return done;
    }

    private void deliver(Key key, ProgrammePublisher.Posted result) {
        deliveries.deliver(cohort, key, DUE, true, done(), notes, "the post", k -> Optional.empty(), k -> {
            posts++;
            return result;
        });
    }

    @Test
    void a_post_discord_failed_is_tried_again_a_minute_later_then_at_growing_intervals_without_a_note() {
        Key key = new Key(cohort.id(), 1, Kind.PROMPT, "this-week");
        deliver(key, new ProgrammePublisher.Failed("Discord refused the prompt (500)", true));
        assertThat(wakes.at).containsExactly(DUE.plus(Duration.ofMinutes(1)));
        clock.set(DUE.plus(Duration.ofMinutes(1)));
        deliver(key, new ProgrammePublisher.Failed("Discord refused the prompt (502)", true));
        assertThat(wakes.at).last().isEqualTo(DUE.plus(Duration.ofMinutes(3)));
        clock.set(DUE.plus(Duration.ofMinutes(3)));
        deliver(key, new ProgrammePublisher.Sent("m1"));
        assertThat(ledger.find(key).orElseThrow().status()).isEqualTo(DeliveryLedger.Status.SENT);
        assertThat(posts).isEqualTo(3);
        assertThat(coaches.told).isEmpty();
        assertThat(notes).isEmpty();
        assertThat(Deliveries.retryAfter(12)).isEqualTo(Deliveries.RETRY_MAX);
    }

    @Test
    void a_post_discord_refused_for_a_reason_a_coach_can_fix_is_reported() {
        deliver(
                new Key(cohort.id(), 1, Kind.PROMPT, "this-week"),
                new ProgrammePublisher.Failed("#this-week is missing."));
        assertThat(wakes.at).isEmpty();
        assertThat(coaches.told).singleElement().asString().contains("#this-week is missing.");
    }

    private void deliverPart(Key part, Key parent, Optional<String> found) {
        deliveries.deliverPart(
                cohort,
                part,
                parent,
                DUE,
                true,
                done(),
                "the thread",
                k -> {
                    looks++;
                    return found;
                },
                k -> {
                    posts++;
                    return new ProgrammePublisher.Sent("t1");
                });
    }

    @Test
    void a_part_whose_first_part_went_out_in_an_earlier_tick_looks_before_posting() {
        Key prompt = new Key(cohort.id(), 1, Kind.PROMPT, "this-week");
        Key thread = new Key(cohort.id(), 1, Kind.PROMPT, "thread");
        ledger.claim(prompt, DUE, DUE, false, true);
        ledger.markSent(prompt, "m1", DUE);
        deliverPart(thread, prompt, Optional.of("m1"));
        assertThat(looks).isEqualTo(1);
        assertThat(posts).isZero();
        assertThat(ledger.find(thread).orElseThrow().messageId()).contains("m1");
    }

    @Test
    void a_part_of_a_post_made_in_this_tick_is_posted_without_looking() {
        Key summary = new Key(cohort.id(), 1, Kind.SUMMARY, "peer-learning");
        Key copy = new Key(cohort.id(), 1, Kind.SUMMARY, "thread");
        deliverPart(copy, summary, Optional.empty());
        assertThat(looks).isZero();
        assertThat(posts).isEqualTo(1);
        assertThat(ledger.find(copy).orElseThrow().status()).isEqualTo(DeliveryLedger.Status.SENT);
    }

    @Test
    void a_part_with_nowhere_left_to_go_is_skipped_once_and_the_coaches_are_told_why() {
        Key summary = new Key(cohort.id(), 1, Kind.SUMMARY, "peer-learning");
        Key copy = new Key(cohort.id(), 1, Kind.SUMMARY, "thread");
        for (int tick = 0; tick < 3; tick++) {
            deliveries.deliverPart(
                    cohort,
                    copy,
                    summary,
                    DUE,
                    true,
                    done(),
                    "the week 1 summary in its thread",
                    k -> Optional.empty(),
                    k -> {
                        posts++;
                        return new ProgrammePublisher.Skipped("the week's thread was deleted.");
                    });
        }
        assertThat(posts).as("never tried again").isEqualTo(1);
        assertThat(ledger.find(copy).orElseThrow().status()).isEqualTo(DeliveryLedger.Status.SKIPPED);
        assertThat(coaches.told)
                .singleElement()
                .asString()
                .isEqualTo("I did not post the week 1 summary in its thread: the week's thread was deleted.");
        assertThat(wakes.at).isEmpty();
    }
}
