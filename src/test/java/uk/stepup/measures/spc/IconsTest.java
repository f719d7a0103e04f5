package uk.stepup.measures.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.stepup.measures.spc.Series.concat;
import static uk.stepup.measures.spc.Series.weekly;

import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Variation and assurance icons for each improvement direction, with and without a target, following
 * NHSRplotthedots' ptd_get_icons and ptd_calculate_assurance_type (and its unit tests' numbers).
 */
class IconsTest {

    private static final OptionalDouble NO_TARGET = OptionalDouble.empty();

    @Test
    void variation_icon_from_the_latest_point_type() {
        var inc = ImprovementDirection.INCREASE;
        var dec = ImprovementDirection.DECREASE;
        var neu = ImprovementDirection.NEUTRAL;
        assertThat(VariationIcon.of(PointType.COMMON_CAUSE, inc)).isEqualTo(VariationIcon.COMMON_CAUSE);
        assertThat(VariationIcon.of(PointType.SPECIAL_CAUSE_IMPROVEMENT, inc))
                .isEqualTo(VariationIcon.IMPROVEMENT_HIGH);
        assertThat(VariationIcon.of(PointType.SPECIAL_CAUSE_CONCERN, inc)).isEqualTo(VariationIcon.CONCERN_LOW);
        assertThat(VariationIcon.of(PointType.SPECIAL_CAUSE_IMPROVEMENT, dec)).isEqualTo(VariationIcon.IMPROVEMENT_LOW);
        assertThat(VariationIcon.of(PointType.SPECIAL_CAUSE_CONCERN, dec)).isEqualTo(VariationIcon.CONCERN_HIGH);
        assertThat(VariationIcon.of(PointType.SPECIAL_CAUSE_NEUTRAL_HIGH, neu)).isEqualTo(VariationIcon.NEUTRAL_HIGH);
        assertThat(VariationIcon.of(PointType.SPECIAL_CAUSE_NEUTRAL_LOW, neu)).isEqualTo(VariationIcon.NEUTRAL_LOW);
        assertThat(VariationIcon.of(PointType.COMMON_CAUSE, neu)).isEqualTo(VariationIcon.COMMON_CAUSE);
    }

    @Test
    void assurance_when_increase_is_better() {
        // test-ptd_calculate_assurance_type.R: limits (1, 3), (5, 7), (1, 5) with target 4.
        var inc = ImprovementDirection.INCREASE;
        OptionalDouble four = OptionalDouble.of(4);
        assertThat(Spc.assurance(inc, four, 1, 3)).contains(Assurance.CONSISTENT_FAIL);
        assertThat(Spc.assurance(inc, four, 5, 7)).contains(Assurance.CONSISTENT_PASS);
        assertThat(Spc.assurance(inc, four, 1, 5)).contains(Assurance.INCONSISTENT);
    }

    @Test
    void assurance_when_decrease_is_better() {
        var dec = ImprovementDirection.DECREASE;
        OptionalDouble four = OptionalDouble.of(4);
        assertThat(Spc.assurance(dec, four, 1, 3)).contains(Assurance.CONSISTENT_PASS);
        assertThat(Spc.assurance(dec, four, 5, 7)).contains(Assurance.CONSISTENT_FAIL);
        assertThat(Spc.assurance(dec, four, 1, 5)).contains(Assurance.INCONSISTENT);
    }

    @Test
    void a_target_exactly_on_a_limit_is_inconsistent() {
        assertThat(Spc.assurance(ImprovementDirection.INCREASE, OptionalDouble.of(3), 1, 3))
                .contains(Assurance.INCONSISTENT);
        assertThat(Spc.assurance(ImprovementDirection.DECREASE, OptionalDouble.of(1), 1, 3))
                .contains(Assurance.INCONSISTENT);
    }

    @Test
    void no_assurance_without_a_target_or_for_neutral() {
        assertThat(Spc.assurance(ImprovementDirection.INCREASE, NO_TARGET, 1, 3))
                .isEmpty();
        assertThat(Spc.assurance(ImprovementDirection.NEUTRAL, OptionalDouble.of(4), 1, 3))
                .isEmpty();
    }

    @Test
    void chart_summary_uses_the_latest_point_and_its_limits() {
        // 12 points alternating 9 and 11 (mean 10, MR̄ 2, limits 4.68 to 15.32), then 20.
        // With limits fixed after 12 points, the last point is above the upper limit.
        double[] data = concat(new double[] {9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11}, new double[] {20});
        XmrOptions fixed = XmrOptions.defaults().withFixAfterPoints(12);

        SpcChart up = Spc.xmr(weekly(data), fixed.withTarget(30));
        assertThat(up.variation()).isEqualTo(PointType.SPECIAL_CAUSE_IMPROVEMENT);
        assertThat(up.variationIcon()).isEqualTo(VariationIcon.IMPROVEMENT_HIGH);
        assertThat(up.assurance()).contains(Assurance.CONSISTENT_FAIL); // 30 above 15.32: always below target

        SpcChart down = Spc.xmr(
                weekly(data),
                fixed.withImprovement(ImprovementDirection.DECREASE).withTarget(30));
        assertThat(down.variation()).isEqualTo(PointType.SPECIAL_CAUSE_CONCERN);
        assertThat(down.variationIcon()).isEqualTo(VariationIcon.CONCERN_HIGH);
        assertThat(down.assurance()).contains(Assurance.CONSISTENT_PASS);

        SpcChart neutral = Spc.xmr(
                weekly(data),
                fixed.withImprovement(ImprovementDirection.NEUTRAL).withTarget(30));
        assertThat(neutral.variation()).isEqualTo(PointType.SPECIAL_CAUSE_NEUTRAL_HIGH);
        assertThat(neutral.variationIcon()).isEqualTo(VariationIcon.NEUTRAL_HIGH);
        assertThat(neutral.assurance()).isEmpty();

        SpcChart noTarget = Spc.xmr(weekly(data), fixed);
        assertThat(noTarget.assurance()).isEqualTo(Optional.empty());
        assertThat(noTarget.target()).isEmpty();

        SpcChart within = Spc.xmr(weekly(data), fixed.withTarget(10));
        assertThat(within.assurance()).contains(Assurance.INCONSISTENT);
    }

    @Test
    void common_cause_latest_point_gives_the_common_cause_icon() {
        SpcChart chart = Spc.xmr(
                weekly(9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11),
                XmrOptions.defaults().withTarget(2));
        assertThat(chart.variation()).isEqualTo(PointType.COMMON_CAUSE);
        assertThat(chart.variationIcon()).isEqualTo(VariationIcon.COMMON_CAUSE);
        assertThat(chart.assurance()).contains(Assurance.CONSISTENT_PASS); // 2 below the lower limit 4.68
    }

    @Test
    void codes_are_nhsr_plot_the_dots_vocabulary() {
        assertThat(PointType.SPECIAL_CAUSE_NEUTRAL_LOW.code()).isEqualTo("special_cause_neutral_low");
        assertThat(PointType.COMMON_CAUSE.colour()).isEqualTo("#a6a6a6");
        assertThat(PointType.SPECIAL_CAUSE_IMPROVEMENT.colour()).isEqualTo("#00b0f0");
        assertThat(PointType.SPECIAL_CAUSE_CONCERN.colour()).isEqualTo("#e46c0a");
        assertThat(PointType.SPECIAL_CAUSE_NEUTRAL_HIGH.colour()).isEqualTo("#490092");
        assertThat(Assurance.CONSISTENT_PASS.code()).isEqualTo("consistent_pass");
        assertThat(Assurance.CONSISTENT_FAIL.code()).isEqualTo("consistent_fail");
        assertThat(Assurance.INCONSISTENT.code()).isEqualTo("inconsistent");
        assertThat(VariationIcon.CONCERN_HIGH.code()).isEqualTo("concern_high");
        assertThat(ImprovementDirection.parse(" Decrease ")).contains(ImprovementDirection.DECREASE);
        assertThat(ImprovementDirection.parse("up")).isEmpty();
    }
}
