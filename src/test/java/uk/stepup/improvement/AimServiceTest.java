package uk.stepup.improvement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.measures.HomeMeasuresService;
import uk.stepup.shared.Outcome;

/** A home's aims: the dates people write, the refusals, who may set them, and how an aim shows on the chart. */
class AimServiceTest {
    @TempDir
    Path dir;

    ImprovementFixture f;

    @BeforeEach
    void open() {
        f = new ImprovementFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private AimService.Request request(String measure, double from, double to, String by, String words) {
        return new AimService.Request(
                Optional.empty(), measure, from, to, by, words == null ? Optional.empty() : Optional.of(words));
    }

    @Test
    void the_date_is_read_as_iso_as_day_month_year_or_as_the_end_of_a_named_month() {
        LocalDate june30 = LocalDate.of(2027, 6, 30);
        assertThat(AimService.parseBy("2027-06-30")).contains(june30);
        assertThat(AimService.parseBy(" 30/06/2027 ")).contains(june30);
        assertThat(AimService.parseBy("30/6/2027")).contains(june30);
        assertThat(AimService.parseBy("June 2027")).contains(june30);
        assertThat(AimService.parseBy("jun 2027")).contains(june30);
        assertThat(AimService.parseBy("February 2028")).contains(LocalDate.of(2028, 2, 29));
        assertThat(AimService.parseBy("Sept 2027")).contains(LocalDate.of(2027, 9, 30));
        assertThat(AimService.parseBy("31/02/2027")).as("no such day").isEmpty();
        assertThat(AimService.parseBy("2027-13-01")).isEmpty();
        assertThat(AimService.parseBy("06/30/2027"))
                .as("month first is not read")
                .isEmpty();
        assertThat(AimService.parseBy("Ju 2027"))
                .as("too short to name a month")
                .isEmpty();
        assertThat(AimService.parseBy("next summer")).isEmpty();
        assertThat(AimService.parseBy("")).isEmpty();
    }

    @Test
    void a_manager_sets_an_aim_in_their_words_and_it_is_the_target_on_the_chart() {
        Outcome set = f.aims.set(f.alice, request("falls", 9, 5, "June 2027", "fewer night falls"));
        assertThat(set.ok()).as(set.message()).isTrue();
        assertThat(set.message())
                .contains("Aim set for Oak House · **Falls**: 9 → 5 by 30 Jun 2027, 'fewer night falls'");
        Aim aim = f.store.aims().of(f.oak.id(), f.falls.id()).orElseThrow();
        assertThat(aim.setBy()).isEqualTo("Alice (alice)");
        f.oakFalls(1, 8, 9, 7, 8);
        HomeMeasuresService.Status st = f.homeMeasures.statuses(f.cohort, f.oak).get(0);
        assertThat(st.aimLine()).contains("Aim: 9 → 5 by 30 Jun 2027, 'fewer night falls'");
        assertThat(st.chart().orElseThrow().target()).hasValue(5.0);
        assertThat(st.line(s -> s)).contains("against the aim");
        assertThat(f.homeMeasures.progress(f.oak).orElseThrow()).contains("Aim: 9 → 5 by 30 Jun 2027");
    }

    @Test
    void without_words_they_are_written_from_the_numbers_and_not_repeated() {
        Outcome set = f.aims.set(f.alice, request("1", 9, 5, "2027-06-30", "  "));
        assertThat(set.ok()).isTrue();
        assertThat(f.store.aims().of(f.oak.id(), f.falls.id()).orElseThrow().words())
                .isEqualTo("Falls from 9 to 5 by 30 Jun 2027");
        assertThat(set.message()).contains("9 → 5 by 30 Jun 2027.").doesNotContain("'");
    }

    @Test
    void refusals_say_what_to_change_and_store_nothing() {
        assertThat(f.aims.set(f.alice, request("Hospital admissions", 9, 5, "June 2027", null))
                        .message())
                .contains("has no measure \"Hospital admissions\"")
                .contains("Its measures: 1. Falls");
        assertThat(f.aims.set(f.alice, request("Falls", 9, 5, "soon", null)).message())
                .contains("could not read \"soon\" as a date")
                .contains("2027-06-30, 30/06/2027 or June 2027");
        assertThat(f.aims.set(f.alice, request("Falls", 9, 5, "Nov 2026", null)).message())
                .contains("must be in the future")
                .contains("30 Nov 2026");
        assertThat(f.aims.set(f.alice, request("Falls", 9, 5, "30/12/2026", null))
                        .message())
                .as("today is not in the future")
                .contains("must be in the future");
        assertThat(f.aims.set(f.alice, request("Falls", 9, 5, "31/12/2026", null))
                        .ok())
                .as("tomorrow is")
                .isTrue();
        f.store.aims().clear(f.oak.id(), f.falls.id());
        assertThat(f.aims.set(f.alice, request("Falls", 5, 9, "June 2027", null))
                        .message())
                .contains("Lower is better for **Falls**");
        assertThat(f.aims.set(f.alice, request("Falls", 5, 5, "June 2027", null))
                        .message())
                .contains("must differ");
        assertThat(f.aims.set(f.alice, request("Falls", Double.NaN, 5, "June 2027", null))
                        .message())
                .contains("ordinary numbers");
        assertThat(f.aims.set(f.alice, request("Falls", 9, 5, "June 2027", "x".repeat(Aim.WORDS_MAX + 1)))
                        .message())
                .contains("at most " + Aim.WORDS_MAX);
        Outcome identifier =
                f.aims.set(f.alice, request("Falls", 9, 5, "June 2027", "fewer falls for NHS 943 476 5919"));
        assertThat(identifier.ok()).isFalse();
        assertThat(identifier.message()).contains("What you wrote").doesNotContain("943 476 5919");
        assertThat(f.aims.set(f.alice, request("Falls", 9, 5, "June 2027", "ask <@123>"))
                        .message())
                .contains("mentions");
        assertThat(f.store.aims().forHome(f.oak.id())).isEmpty();
    }

    @Test
    void coaches_set_and_clear_for_a_home_of_their_cohort_and_no_one_else_may() {
        AimService.Request forOak = new AimService.Request(
                Optional.of("oak house"), "Falls", 9, 5, "June 2027", Optional.of("fewer falls"));
        assertThat(f.aims.set(f.coach, forOak).ok()).isTrue();
        assertThat(f.aims.set(f.bob, forOak).kind()).isEqualTo(Outcome.Kind.REFUSED);
        assertThat(f.aims.set(f.otherCoach, forOak).message()).contains("no home of that name");
        assertThat(f.aims.set(f.coach, request("Falls", 9, 5, "June 2027", null))
                        .message())
                .contains("name the home");
        assertThat(f.aims.clear(f.otherCoach, Optional.of("Oak House"), "Falls").ok())
                .isFalse();
        assertThat(f.store.aims().of(f.oak.id(), f.falls.id())).isPresent();
        assertThat(f.aims.clear(f.coach, Optional.of("Oak House"), "falls").message())
                .contains("Aim cleared for Oak House");
        assertThat(f.store.aims().of(f.oak.id(), f.falls.id())).isEmpty();
        assertThat(f.aims.clear(f.alice, Optional.empty(), "Falls").message()).contains("nothing to clear");
    }
}
