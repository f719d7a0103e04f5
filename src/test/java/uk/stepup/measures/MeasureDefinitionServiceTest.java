package uk.stepup.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.measures.spc.ImprovementDirection;
import uk.stepup.shared.Outcome;

class MeasureDefinitionServiceTest {
    @TempDir
    Path dir;

    MeasuresFixture f;
    MeasureDefinitionService admin;

    @BeforeEach
    void open() {
        f = new MeasuresFixture(dir);
        admin = new MeasureDefinitionService(f.cohorts, f.homes, f.measures, f.guard, f.clock);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static MeasureDefinitionService.Definition plain(String name, String direction, Double target) {
        return new MeasureDefinitionService.Definition(
                name,
                "falls",
                direction,
                target == null ? OptionalDouble.empty() : OptionalDouble.of(target),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalDouble.empty());
    }

    private static MeasureDefinitionService.Definition rate(String numerator, String denominator, Double per) {
        return new MeasureDefinitionService.Definition(
                "Falls rate",
                "falls per 1,000 occupied bed days",
                "decrease",
                OptionalDouble.empty(),
                Optional.of("monthly"),
                Optional.ofNullable(numerator),
                Optional.ofNullable(denominator),
                per == null ? OptionalDouble.empty() : OptionalDouble.of(per));
    }

    /** The refusal, or DONE with the stored measure's name and definition (the Discord side words the reply). */
    static Outcome outcome(MeasureDefinitionService.AddResult result) {
        if (result instanceof MeasureDefinitionService.NotAdded no) {
            return no.why();
        }
        Measure m = ((MeasureDefinitionService.Added) result).measure();
        return Outcome.done(m.name() + " · " + m.definition());
    }

    @Test
    void only_a_coach_adds_a_measure_and_it_is_weekly_unless_said_otherwise() {
        Outcome refused = outcome(admin.add(f.alice, f.cohort, plain("Falls", "decrease", 3.0)));
        assertThat(refused.kind()).isEqualTo(Outcome.Kind.REFUSED);
        assertThat(f.measures.inCohort(f.cohort.id())).isEmpty();

        Outcome done = outcome(admin.add(f.coach, f.cohort, plain("Falls", "decrease", 3.0)));
        assertThat(done.ok()).isTrue();
        assertThat(done.message()).isEqualTo("Falls · falls · weekly · lower is better · target 3");
        Measure m = f.measures.inCohort(f.cohort.id()).get(0);
        assertThat(m.direction()).isEqualTo(ImprovementDirection.DECREASE);
        assertThat(m.frequency()).isEqualTo(Frequency.WEEKLY);
        assertThat(m.target()).hasValue(3.0);
        assertThat(m.rate()).isEmpty();
        assertThat(m.position()).isEqualTo(1);
        assertThat(m.createdBy()).isEqualTo("coach");
    }

    @Test
    void a_rate_has_both_labels_and_a_multiplier() {
        assertThat(outcome(admin.add(f.coach, f.cohort, rate("falls", null, 1000.0)))
                        .kind())
                .isEqualTo(Outcome.Kind.INVALID);
        assertThat(outcome(admin.add(f.coach, f.cohort, rate(null, null, 1000.0)))
                        .message())
                .contains("`per` multiplies a rate");
        assertThat(outcome(admin.add(f.coach, f.cohort, rate("falls", "occupied bed days", 0.0)))
                        .kind())
                .isEqualTo(Outcome.Kind.INVALID);
        assertThat(f.measures.inCohort(f.cohort.id())).isEmpty();

        Outcome done = outcome(admin.add(f.coach, f.cohort, rate("falls", "occupied bed days", 1000.0)));
        assertThat(done.message()).contains("falls ÷ occupied bed days × 1,000").contains("monthly");
        Measure m = f.measures.inCohort(f.cohort.id()).get(0);
        assertThat(m.rate()).contains(new Rate("falls", "occupied bed days", 1000));
        assertThat(m.frequency()).isEqualTo(Frequency.MONTHLY);

        outcome(admin.add(
                f.coach,
                f.cohort,
                new MeasureDefinitionService.Definition(
                        "Weighed",
                        "%",
                        "increase",
                        OptionalDouble.of(90),
                        Optional.empty(),
                        Optional.of("residents weighed"),
                        Optional.of("residents"),
                        OptionalDouble.empty())));
        assertThat(f.measures
                        .inCohort(f.cohort.id())
                        .get(1)
                        .rate()
                        .orElseThrow()
                        .per())
                .isEqualTo(1.0);
    }

    @Test
    void bad_definitions_are_explained_and_nothing_is_stored() {
        assertThat(outcome(admin.add(f.coach, f.cohort, plain("Falls", "sideways", null)))
                        .message())
                .contains("increase");
        assertThat(outcome(admin.add(f.coach, f.cohort, plain("Mood", "neutral", 5.0)))
                        .message())
                .contains("neutral");
        assertThat(outcome(admin.add(f.coach, f.cohort, plain("", "decrease", null)))
                        .message())
                .contains("`name`");
        assertThat(outcome(admin.add(f.coach, f.cohort, plain("x".repeat(61), "decrease", null)))
                        .message())
                .contains("60");
        assertThat(outcome(admin.add(f.coach, f.cohort, plain("@everyone falls", "decrease", null)))
                        .message())
                .contains("@");
        assertThat(outcome(admin.add(
                                f.coach,
                                f.cohort,
                                new MeasureDefinitionService.Definition(
                                        "Falls",
                                        "falls",
                                        "decrease",
                                        OptionalDouble.empty(),
                                        Optional.of("daily"),
                                        Optional.empty(),
                                        Optional.empty(),
                                        OptionalDouble.empty())))
                        .message())
                .contains("weekly or monthly");
        assertThat(f.measures.inCohort(f.cohort.id())).isEmpty();
    }

    @Test
    void a_name_that_points_to_a_person_is_refused_without_repeating_it() {
        Outcome o = outcome(admin.add(f.coach, f.cohort, plain("Falls for Mrs Higginbottom", "decrease", null)));
        assertThat(o.kind()).isEqualTo(Outcome.Kind.INVALID);
        assertThat(o.message()).contains("Nothing was added").doesNotContain("Higginbottom");
        assertThat(outcome(admin.add(f.coach, f.cohort, plain("Falls in room 12", "decrease", null)))
                        .ok())
                .isFalse();
        assertThat(f.measures.inCohort(f.cohort.id())).isEmpty();
    }

    @Test
    void names_are_unique_in_a_cohort_ignoring_case_and_a_cohort_has_at_most_twelve() {
        assertThat(outcome(admin.add(f.coach, f.cohort, plain("Falls", "decrease", null)))
                        .ok())
                .isTrue();
        assertThat(outcome(admin.add(f.coach, f.cohort, plain("FALLS", "decrease", null)))
                        .message())
                .contains("already has");
        for (int i = 2; i <= MeasureDefinitionService.MAX_MEASURES; i++) {
            assertThat(outcome(admin.add(f.coach, f.cohort, plain("Measure " + i, "increase", null)))
                            .ok())
                    .isTrue();
        }
        assertThat(outcome(admin.add(f.coach, f.cohort, plain("One too many", "increase", null)))
                        .message())
                .contains("already has 12");
        assertThat(f.measures.inCohort(f.cohort.id()))
                .extracting(Measure::position)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    }

    @Test
    void the_list_is_the_cohort_s_measures_in_order_and_the_manager_s_own_cohort() {
        assertThat(admin.list(f.cohort)).isEqualTo(new MeasureDefinitionService.Listed("Spring 2027", List.of()));
        outcome(admin.add(f.coach, f.cohort, plain("Falls", "decrease", 3.0)));
        outcome(admin.add(f.coach, f.cohort, rate("falls", "occupied bed days", 1000.0)));
        MeasureDefinitionService.Listed listed = (MeasureDefinitionService.Listed) admin.list(f.cohort);
        assertThat(listed.measures()).extracting(Measure::name).containsExactly("Falls", "Falls rate");
        assertThat(admin.listForManager(f.alice)).isEqualTo(listed);
        assertThat(admin.listForManager(f.outsider)).isEqualTo(new MeasureDefinitionService.NoHome());
    }
}
