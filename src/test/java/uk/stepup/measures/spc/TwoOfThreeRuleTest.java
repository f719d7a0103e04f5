package uk.stepup.measures.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.stepup.measures.spc.PointType.COMMON_CAUSE;
import static uk.stepup.measures.spc.PointType.SPECIAL_CAUSE_CONCERN;
import static uk.stepup.measures.spc.PointType.SPECIAL_CAUSE_IMPROVEMENT;
import static uk.stepup.measures.spc.RuleHarness.rules;
import static uk.stepup.measures.spc.RuleHarness.types;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Rule 4: 2 of 3 points between the 2-sigma line and the limit, all 3 on the same side. Limits come from {@link RuleHarness}. */
class TwoOfThreeRuleTest {

    @Test
    void two_near_limit_points_on_the_same_side_with_the_third_also_on_that_side() {
        assertThat(types(2.5, 0.5, 2.5))
                .containsExactly(SPECIAL_CAUSE_IMPROVEMENT, COMMON_CAUSE, SPECIAL_CAUSE_IMPROVEMENT);
        assertThat(rules(2.5, 0.5, 2.5).get(0)).containsExactly(SpcRule.TWO_OF_THREE);
        assertThat(types(-2.5, -2.5, -0.5)).containsExactly(SPECIAL_CAUSE_CONCERN, SPECIAL_CAUSE_CONCERN, COMMON_CAUSE);
    }

    @Test
    void the_third_point_must_be_on_the_same_side() {
        assertThat(types(2.5, -0.5, 2.5)).containsOnly(COMMON_CAUSE);
        // NHSRplotthedots' own test: two near-limit points on opposite sides are common cause.
        assertThat(types(1, -1, 1, -1, 2.5, -2.5)).containsOnly(COMMON_CAUSE);
    }

    @Test
    void a_third_point_exactly_on_the_mean_does_not_count_as_the_same_side() {
        assertThat(types(2.5, 0, 2.5)).containsOnly(COMMON_CAUSE);
        assertThat(types(0, 2.5, 2.5, 0)).containsOnly(COMMON_CAUSE);
        assertThat(types(0.5, 2.5, 2.5, 0))
                .containsExactly(COMMON_CAUSE, SPECIAL_CAUSE_IMPROVEMENT, SPECIAL_CAUSE_IMPROVEMENT, COMMON_CAUSE);
    }

    @Test
    void only_points_between_the_two_sigma_line_and_the_limit_count() {
        // Issue 153: beyond-limit, beyond-limit, near-limit → the last point is common cause because a
        // point outside the limits is not "close to the limits".
        assertThat(types(3.5, 3.5, 2.5))
                .containsExactly(SPECIAL_CAUSE_IMPROVEMENT, SPECIAL_CAUSE_IMPROVEMENT, COMMON_CAUSE);
        // beyond, near, near → both near points fire the rule.
        assertThat(rules(3.5, 2.5, 2.5))
                .containsExactly(
                        EnumSet.of(SpcRule.OUTSIDE_LIMITS),
                        EnumSet.of(SpcRule.TWO_OF_THREE),
                        EnumSet.of(SpcRule.TWO_OF_THREE));
    }

    @Test
    void limits_are_strict() {
        // Exactly on the 2-sigma line is not near; exactly on the process limit is near, not outside.
        assertThat(types(2, 0.5, 2)).containsOnly(COMMON_CAUSE);
        assertThat(rules(3, 0.5, 3))
                .containsExactly(
                        EnumSet.of(SpcRule.TWO_OF_THREE),
                        EnumSet.noneOf(SpcRule.class),
                        EnumSet.of(SpcRule.TWO_OF_THREE));
    }

    @Test
    void windows_do_not_run_off_the_ends() {
        assertThat(types(2.5, 2.5)).containsOnly(COMMON_CAUSE);
    }

    @Test
    void package_vectors_for_two_in_three() {
        boolean t = true;
        boolean f = false;
        int[] above = {1, 1, 1, 1, 1, 1, 1};
        assertThat(MdcRules.twoInThree(new boolean[] {f, f, t, f, t, f, f}, above))
                .containsExactly(f, f, t, t, t, f, f);
        assertThat(MdcRules.twoInThree(new boolean[] {f, f, t, t, f, f, f}, above))
                .containsExactly(f, t, t, t, t, f, f);
        assertThat(MdcRules.twoInThree(new boolean[] {t, f, t}, new int[] {1, -1, 1}))
                .containsOnly(f);
        boolean[] iv = {t, f, f, t, t};
        assertThat(MdcRules.partOfTwoInThree(MdcRules.twoInThree(iv, new int[] {1, 1, 1, 1, 1}), iv))
                .containsExactly(f, f, f, t, t);
    }
}
