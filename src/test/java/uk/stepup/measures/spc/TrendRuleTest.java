package uk.stepup.measures.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.stepup.measures.spc.PointType.COMMON_CAUSE;
import static uk.stepup.measures.spc.PointType.SPECIAL_CAUSE_CONCERN;
import static uk.stepup.measures.spc.PointType.SPECIAL_CAUSE_IMPROVEMENT;
import static uk.stepup.measures.spc.PointType.SPECIAL_CAUSE_NEUTRAL_LOW;
import static uk.stepup.measures.spc.RuleHarness.rules;
import static uk.stepup.measures.spc.RuleHarness.types;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule 3, the trend: 7 points in a row each strictly higher (or lower) than the one before. Limits come from {@link RuleHarness}. */
class TrendRuleTest {

    @Test
    void six_rising_points_are_not_enough_seven_are() {
        assertThat(types(-1, -0.6, -0.2, 0.2, 0.6, 1)).containsOnly(COMMON_CAUSE);
        assertThat(types(-1.2, -0.8, -0.4, 0.1, 0.4, 0.8, 1.2)).containsOnly(SPECIAL_CAUSE_IMPROVEMENT);
        assertThat(rules(-1.2, -0.8, -0.4, 0.1, 0.4, 0.8, 1.2)).containsOnly(EnumSet.of(SpcRule.TREND));
    }

    @Test
    void a_tie_breaks_the_trend() {
        // NHSRplotthedots: each point must be strictly higher than the one before; equal values break
        // the trend (they do not merely pause it as in some run-chart guides).
        assertThat(types(-1.2, -0.8, -0.4, -0.4, 0.1, 0.4, 0.8, 1.2)).containsOnly(COMMON_CAUSE);
        assertThat(MdcRules.sevenPointTrend(new double[] {1, 2, 3, 3, 4, 5, 6})).containsOnly(0);
    }

    @Test
    void package_vectors_for_seven_point_trend() {
        assertThat(MdcRules.sevenPointTrend(new double[] {1, 2, 3, 4, 5, 6})).containsOnly(0);
        assertThat(MdcRules.sevenPointTrend(new double[] {1, 2, 3, 4, 5, 6, 7})).containsExactly(0, 0, 0, 0, 0, 0, 1);
        assertThat(MdcRules.sevenPointTrend(new double[] {2, 1, 2, 3, 4, 5, 6, 7, 3}))
                .containsExactly(0, 0, 0, 0, 0, 0, 0, 1, 0);
        assertThat(MdcRules.sevenPointTrend(new double[] {7, 6, 5, 4, 3, 2, 1})).containsExactly(0, 0, 0, 0, 0, 0, -1);
        assertThat(MdcRules.sevenPointTrend(new double[] {2, 7, 6, 5, 4, 3, 2, 1, 3}))
                .containsExactly(0, 0, 0, 0, 0, 0, 0, -1, 0);
    }

    @Test
    void a_trend_is_coloured_by_its_direction_not_by_side_of_the_mean() {
        // NHSRplotthedots issue 171: seven falling points all above the mean are a decreasing trend
        // (concern when increase is better), even though they are also a shift above the mean.
        double[] falling = {1.9, 1.7, 1.5, 1.3, 1.1, 0.9, 0.7};
        assertThat(types(ImprovementDirection.INCREASE, falling)).containsOnly(SPECIAL_CAUSE_CONCERN);
        assertThat(types(ImprovementDirection.DECREASE, falling)).containsOnly(SPECIAL_CAUSE_IMPROVEMENT);
        assertThat(types(ImprovementDirection.NEUTRAL, falling)).containsOnly(SPECIAL_CAUSE_NEUTRAL_LOW);
        assertThat(rules(falling)).containsOnly(EnumSet.of(SpcRule.TREND, SpcRule.SHIFT));
    }

    @Test
    void a_flat_step_between_two_adjoining_trends_counts_as_falling() {
        // NHSRplotthedots quirk kept for fidelity: two rising trends joined by an equal pair. The last point
        // of the first trend looks right to a flat step (sign 0), and anything but +1 reads as "Decreasing".
        double[] y = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2};
        List<PointType> t = types(y);
        assertThat(t.get(6)).isEqualTo(SPECIAL_CAUSE_CONCERN);
        assertThat(t.subList(0, 6)).containsOnly(SPECIAL_CAUSE_IMPROVEMENT);
        assertThat(t.subList(7, 14)).containsOnly(SPECIAL_CAUSE_IMPROVEMENT);
    }

    @Test
    void a_peak_shared_by_a_rise_and_a_fall_takes_the_falling_direction() {
        // ptd_special_cause_type: a trend point whose right neighbour is also in a trend takes the
        // direction of the step to the right. The peak (index 6) is therefore "decreasing".
        double[] y = {-1.2, -0.8, -0.4, 0.1, 0.4, 0.8, 1.2, 0.8, 0.4, 0.1, -0.4, -0.8, -1.2};
        List<PointType> t = types(y);
        assertThat(t.subList(0, 6)).containsOnly(SPECIAL_CAUSE_IMPROVEMENT);
        assertThat(t.subList(6, 13)).containsOnly(SPECIAL_CAUSE_CONCERN);
    }
}
