package uk.stepup.improvement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.shared.Outcome;

/**
 * Recalculation as a person's decision: offered only after a sustained shift that follows an adopted change,
 * confirmed only by the home's managers and its cohort's coaches, checked again on confirming, and undone with the
 * record kept.
 */
class RecalculationServiceTest {
    /** Ten ordinary weeks, then seven lower ones from week 11. */
    static final double[] SEVEN_LOWER = {8, 9, 7, 8, 10, 8, 9, 7, 8, 9, 4, 3, 4, 5, 3, 4, 4};

    @TempDir
    Path dir;

    ImprovementFixture f;

    @BeforeEach
    void open() {
        f = new ImprovementFixture(dir);
        f.clock.set(Instant.parse("2027-05-03T10:00:00Z"));
        f.oakFalls(1, SEVEN_LOWER);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private RecalculationService.Panel panel(ImprovementFixture f) {
        return f.recalculations.panels(f.cohort, f.oak).get(f.falls.id());
    }

    @Test
    void no_offer_without_an_adopted_change_and_a_forged_confirmation_stores_nothing() {
        f.oakCycle(11, false);
        assertThat(panel(f).offer()).isEmpty();
        Outcome forged = f.recalculations.confirm(f.alice, f.oak.id(), f.falls.id(), f.monday(11), "It worked");
        assertThat(forged.ok()).isFalse();
        assertThat(forged.message()).contains("no longer shows a sustained shift");
        assertThat(f.store.recalculations().of(f.oak.id(), f.falls.id())).isEmpty();
    }

    @Test
    void the_offer_says_why_and_only_the_home_s_people_may_confirm_it_for_that_exact_week() {
        f.oakCycle(11, true);
        RecalculationService.Offer offer = panel(f).offer().orElseThrow();
        assertThat(offer.from()).isEqualTo(f.monday(11));
        assertThat(offer.reason())
                .isEqualTo("7 weeks in a row below the mean since the week of 15 Mar 2027, after cycle 1 "
                        + "'Night-time checks' was adopted");
        assertThat(f.recalculations.forManager(f.alice)).containsKey(f.falls.id());
        assertThat(f.recalculations.forManager(f.bob).get(f.falls.id()).offer())
                .as("Elm Court's own chart")
                .isEmpty();

        assertThat(f.recalculations
                        .confirm(f.bob, f.oak.id(), f.falls.id(), f.monday(11), "Mine now")
                        .kind())
                .isEqualTo(Outcome.Kind.REFUSED);
        assertThat(f.recalculations
                        .confirm(f.otherCoach, f.oak.id(), f.falls.id(), f.monday(11), "Mine now")
                        .kind())
                .isEqualTo(Outcome.Kind.REFUSED);
        assertThat(f.recalculations
                        .confirm(f.alice, f.oak.id(), f.falls.id(), f.monday(12), "A week late")
                        .message())
                .contains("no longer shows");
        assertThat(f.recalculations
                        .confirm(f.alice, f.oak.id(), f.falls.id(), f.monday(11), " ")
                        .message())
                .contains("why");
        assertThat(f.recalculations
                        .confirm(f.alice, f.oak.id(), f.falls.id(), f.monday(11), "Call 07700 900123 about it")
                        .message())
                .contains("What you wrote")
                .doesNotContain("07700 900123");
        assertThat(f.store.recalculations().of(f.oak.id(), f.falls.id())).isEmpty();

        Outcome done = f.recalculations.confirm(
                f.alice, f.oak.id(), f.falls.id(), f.monday(11), "Night checks are routine now");
        assertThat(done.ok()).as(done.message()).isTrue();
        assertThat(done.message()).contains("recalculated from the week of 15 Mar 2027");
        Recalculation stored =
                f.store.recalculations().of(f.oak.id(), f.falls.id()).get(0);
        assertThat(stored.confirmedBy()).isEqualTo("Alice (alice)");
        assertThat(stored.why()).isEqualTo("Night checks are routine now");
        assertThat(stored.reason()).isEqualTo(offer.reason());
        assertThat(stored.confirmedAt()).isEqualTo(f.clock.instant());

        RecalculationService.Panel after = panel(f);
        assertThat(after.offer()).as("the new period has its own mean").isEmpty();
        assertThat(after.active())
                .extracting(RecalculationService.Active::line)
                .containsExactly("Limits recalculated from the week of 15 Mar 2027 by Alice on 3 May 2027: "
                        + "Night checks are routine now");
        assertThat(f.homeMeasures
                        .statuses(f.cohort, f.oak)
                        .get(0)
                        .chart()
                        .orElseThrow()
                        .periods())
                .hasSize(2);
        assertThat(f.recalculations
                        .confirm(f.coach, f.oak.id(), f.falls.id(), f.monday(11), "Again")
                        .ok())
                .as("not twice")
                .isFalse();
    }

    @Test
    void undo_keeps_the_record_restores_one_period_and_offers_again() {
        f.oakCycle(11, true);
        f.recalculations.confirm(f.coach, f.oak.id(), f.falls.id(), f.monday(11), "Sustained after the change");
        long id = f.store.recalculations().of(f.oak.id(), f.falls.id()).get(0).id();

        assertThat(f.recalculations.undo(f.bob, id).kind()).isEqualTo(Outcome.Kind.REFUSED);
        assertThat(f.recalculations.undo(f.otherCoach, id).kind()).isEqualTo(Outcome.Kind.REFUSED);
        assertThat(f.recalculations.undo(f.alice, id + 100).kind()).isEqualTo(Outcome.Kind.REFUSED);
        assertThat(f.store.recalculations().byId(id).orElseThrow().active()).isTrue();

        Outcome undone = f.recalculations.undo(f.alice, id);
        assertThat(undone.ok()).as(undone.message()).isTrue();
        Recalculation kept = f.store.recalculations().byId(id).orElseThrow();
        assertThat(kept.active()).isFalse();
        assertThat(kept.undone().orElseThrow().by()).isEqualTo("Alice (alice)");
        assertThat(f.recalculations.undo(f.alice, id).message()).contains("already undone by Alice on 3 May 2027");

        Map<Long, RecalculationService.Panel> panels = f.recalculations.panels(f.cohort, f.oak);
        assertThat(panels.get(f.falls.id()).active()).isEmpty();
        assertThat(panels.get(f.falls.id()).offer().orElseThrow().from()).isEqualTo(f.monday(11));
        assertThat(f.homeMeasures
                        .statuses(f.cohort, f.oak)
                        .get(0)
                        .chart()
                        .orElseThrow()
                        .periods())
                .hasSize(1);
        assertThat(List.of(kept.confirmedBy())).containsExactly("Cath (coach)");
    }
}
