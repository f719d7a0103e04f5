package uk.stepup.measures.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.stepup.measures.spc.PointType.COMMON_CAUSE;
import static uk.stepup.measures.spc.PointType.SPECIAL_CAUSE_CONCERN;
import static uk.stepup.measures.spc.PointType.SPECIAL_CAUSE_IMPROVEMENT;
import static uk.stepup.measures.spc.PointType.SPECIAL_CAUSE_NEUTRAL_LOW;
import static uk.stepup.measures.spc.RuleHarness.rules;
import static uk.stepup.measures.spc.RuleHarness.types;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule 2, the shift: 7 points in a row strictly on one side of the mean. Limits come from {@link RuleHarness}. */
class ShiftRuleTest {

    @Test
    void six_points_on_one_side_are_not_enough() {
        assertThat(types(0.5, 1, 0.5, 1, 0.5, 1)).containsOnly(COMMON_CAUSE);
        assertThat(types(-0.5, 0.5, 1, 0.5, 1, 0.5, 1)).containsOnly(COMMON_CAUSE);
    }

    @Test
    void seven_points_on_one_side_are_all_flagged() {
        assertThat(types(-0.5, 0.5, 1, 0.5, 1, 0.5, 1, 0.5))
                .containsExactly(
                        COMMON_CAUSE,
                        SPECIAL_CAUSE_IMPROVEMENT,
                        SPECIAL_CAUSE_IMPROVEMENT,
                        SPECIAL_CAUSE_IMPROVEMENT,
                        SPECIAL_CAUSE_IMPROVEMENT,
                        SPECIAL_CAUSE_IMPROVEMENT,
                        SPECIAL_CAUSE_IMPROVEMENT,
                        SPECIAL_CAUSE_IMPROVEMENT);
        assertThat(rules(-0.5, 0.5, 1, 0.5, 1, 0.5, 1, 0.5).get(1)).containsExactly(SpcRule.SHIFT);
    }

    @Test
    void seven_below_is_concern_when_increase_is_better_and_improvement_when_decrease_is() {
        double[] below = {-0.5, -1, -0.5, -1, -0.5, -1, -0.5};
        assertThat(types(ImprovementDirection.INCREASE, below)).containsOnly(SPECIAL_CAUSE_CONCERN);
        assertThat(types(ImprovementDirection.DECREASE, below)).containsOnly(SPECIAL_CAUSE_IMPROVEMENT);
        assertThat(types(ImprovementDirection.NEUTRAL, below)).containsOnly(SPECIAL_CAUSE_NEUTRAL_LOW);
    }

    @Test
    void a_point_exactly_on_the_mean_breaks_the_run() {
        // ptd_seven_point_one_side_mean compares signs; sign 0 matches neither side.
        assertThat(types(0.5, 1, 0.5, 0, 1, 0.5, 1, 0.5)).containsOnly(COMMON_CAUSE);
        // ... and is not itself part of a later run.
        List<PointType> t = types(0, 0.5, 1, 0.5, 1, 0.5, 1, 0.5);
        assertThat(t.get(0)).isEqualTo(COMMON_CAUSE);
        assertThat(t.subList(1, 8)).containsOnly(SPECIAL_CAUSE_IMPROVEMENT);
    }

    @Test
    void package_vectors_for_seven_point_one_side_mean() {
        // tests/testthat/test-ptd_calculate_point_type.R, ptd_seven_point_one_side_mean.
        assertThat(MdcRules.sevenPointOneSideMean(new int[0])).isEmpty();
        assertThat(MdcRules.sevenPointOneSideMean(new int[] {1, 1, 1, 1, 1, 1})).containsOnly(0);
        assertThat(MdcRules.sevenPointOneSideMean(new int[] {1, 1, 1, 1, 1, 1, -1}))
                .containsOnly(0);
        assertThat(MdcRules.sevenPointOneSideMean(new int[] {1, 1, 1, 1, 1, 1, 1, 1, -1}))
                .containsExactly(0, 0, 0, 0, 0, 0, 1, 1, 0);
        assertThat(MdcRules.sevenPointOneSideMean(new int[] {-1, -1, -1, -1, -1, -1, -1, -1, 1}))
                .containsExactly(0, 0, 0, 0, 0, 0, -1, -1, 0);
        // ptd_part_of_seven_trend
        assertThat(MdcRules.partOfSeven(new int[] {0, 0, 0, 0, 0, 0, 1, 0}))
                .containsExactly(true, true, true, true, true, true, true, false);
        assertThat(MdcRules.partOfSeven(new int[] {0, 0, 0, 0, 0, 0, 0, -1, 0}))
                .containsExactly(false, true, true, true, true, true, true, true, false);
    }
}
