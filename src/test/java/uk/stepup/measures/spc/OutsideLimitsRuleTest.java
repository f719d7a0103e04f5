package uk.stepup.measures.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.stepup.measures.spc.PointType.COMMON_CAUSE;
import static uk.stepup.measures.spc.PointType.SPECIAL_CAUSE_CONCERN;
import static uk.stepup.measures.spc.PointType.SPECIAL_CAUSE_IMPROVEMENT;
import static uk.stepup.measures.spc.PointType.SPECIAL_CAUSE_NEUTRAL_HIGH;
import static uk.stepup.measures.spc.PointType.SPECIAL_CAUSE_NEUTRAL_LOW;
import static uk.stepup.measures.spc.RuleHarness.classify;
import static uk.stepup.measures.spc.RuleHarness.times;
import static uk.stepup.measures.spc.RuleHarness.types;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule 1, outside the limits, and which rule decides a point's side. Limits come from {@link RuleHarness}. */
class OutsideLimitsRuleTest {

    @Test
    void a_point_on_a_limit_is_inside_just_beyond_is_outside() {
        assertThat(types(3)).containsExactly(COMMON_CAUSE);
        assertThat(types(3.0001)).containsExactly(SPECIAL_CAUSE_IMPROVEMENT);
        assertThat(types(-3.0001)).containsExactly(SPECIAL_CAUSE_CONCERN);
        assertThat(types(ImprovementDirection.NEUTRAL, 3.5, -3.5))
                .containsExactly(SPECIAL_CAUSE_NEUTRAL_HIGH, SPECIAL_CAUSE_NEUTRAL_LOW);
    }

    @Test
    void outside_the_limits_decides_the_side_before_a_run() {
        // Seven points below the mean, the last far below: all concern when increase is better.
        double[] y = {-0.5, -1, -0.5, -1, -0.5, -1, -3.5};
        List<MdcRules.Result> r = classify(ImprovementDirection.INCREASE, y);
        assertThat(r.get(6).rules()).containsExactly(SpcRule.OUTSIDE_LIMITS, SpcRule.SHIFT);
        assertThat(r.get(6).type()).isEqualTo(SPECIAL_CAUSE_CONCERN);
    }

    @Test
    void a_trend_decides_the_side_before_a_run() {
        // A rising trend below the mean is improvement when increase is better, though also a shift below.
        double[] y = {-1.9, -1.7, -1.5, -1.3, -1.1, -0.9, -0.7};
        assertThat(types(y)).isEqualTo(times(SPECIAL_CAUSE_IMPROVEMENT, 7));
    }

    @Test
    void an_empty_period_has_no_points() {
        assertThat(types()).isEmpty();
    }
}
