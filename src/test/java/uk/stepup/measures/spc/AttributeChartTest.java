package uk.stepup.measures.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static uk.stepup.measures.spc.Series.week;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** p- and u-charts: limits per point from each point's own denominator. */
class AttributeChartTest {

    private static final OptionalDouble NO_TARGET = OptionalDouble.empty();

    private static List<CountObservation> counts(double[] numerators, double[] denominators) {
        List<CountObservation> out = new ArrayList<>();
        for (int i = 0; i < numerators.length; i++) {
            out.add(new CountObservation(week(i), numerators[i], denominators[i]));
        }
        return out;
    }

    @Test
    void p_chart_limits_vary_with_the_denominator() {
        // 20/100, 12/50, 8/50: p̄ = 40/200 = 0.2 and p̄(1 − p̄) = 0.16.
        // n = 100: σ = √(0.16/100) = 0.04,      limits 0.2 ± 0.12     → 0.08 .. 0.32, 2σ 0.12 .. 0.28
        // n = 50:  σ = √(0.16/50) = 0.0565685,  limits 0.2 ± 0.169706 → 0.030294 .. 0.369706
        SpcChart chart = Spc.pChart(
                counts(new double[] {20, 12, 8}, new double[] {100, 50, 50}), ImprovementDirection.INCREASE, NO_TARGET);
        assertThat(chart.kind()).isEqualTo(ChartKind.P);
        SpcPoint a = chart.points().get(0);
        SpcPoint b = chart.points().get(1);
        assertThat(a.centre()).isCloseTo(0.2, within(1e-12));
        assertThat(a.value()).isCloseTo(0.2, within(1e-12));
        assertThat(a.lpl()).isCloseTo(0.08, within(1e-12));
        assertThat(a.upl()).isCloseTo(0.32, within(1e-12));
        assertThat(a.nearLpl()).isCloseTo(0.12, within(1e-12));
        assertThat(a.nearUpl()).isCloseTo(0.28, within(1e-12));
        assertThat(b.value()).isCloseTo(0.24, within(1e-12));
        assertThat(b.lpl()).isCloseTo(0.2 - 3 * Math.sqrt(0.16 / 50), within(1e-12));
        assertThat(b.upl()).isCloseTo(0.2 + 3 * Math.sqrt(0.16 / 50), within(1e-6));
        assertThat(b.upl()).isCloseTo(0.369706, within(1e-6));
        assertThat(chart.periods()).singleElement().satisfies(p -> {
            assertThat(p.meanMovingRange()).isEmpty();
            assertThat(p.trialLimits()).isFalse();
        });
    }

    @Test
    void p_chart_limits_are_clamped_to_zero_and_one() {
        // 1/10, 1/10: p̄ = 0.1, σ = √(0.09/10) = 0.0948683; 0.1 − 0.284605 < 0 → lower limit 0.
        SpcChart low = Spc.pChart(
                counts(new double[] {1, 1}, new double[] {10, 10}), ImprovementDirection.INCREASE, NO_TARGET);
        assertThat(low.latest().lpl()).isZero();
        assertThat(low.latest().nearLpl()).isZero();
        assertThat(low.latest().upl()).isCloseTo(0.1 + 3 * Math.sqrt(0.009), within(1e-12));
        // 9/10, 9/10: p̄ = 0.9; 0.9 + 0.284605 > 1 → upper limit 1, lower 0.615395.
        SpcChart high = Spc.pChart(
                counts(new double[] {9, 9}, new double[] {10, 10}), ImprovementDirection.INCREASE, NO_TARGET);
        assertThat(high.latest().upl()).isEqualTo(1.0);
        assertThat(high.latest().lpl()).isCloseTo(0.615395, within(1e-6));
    }

    @Test
    void u_chart_limits_vary_with_exposure_and_the_lower_limit_is_clamped_at_zero() {
        // Falls per 1,000 bed days: 4/2, 6/4, 2/2, 150/100 → ū = 162/108 = 1.5.
        // n = 2:   σ = √(1.5/2) = 0.866025,    limits 1.5 ± 2.598076 → 0 (clamped) .. 4.098076
        // n = 4:   σ = √(1.5/4) = 0.612372,    limits 1.5 ± 1.837117 → 0 (clamped) .. 3.337117
        // n = 100: σ = √(1.5/100) = 0.122474,  limits 1.5 ± 0.367423 → 1.132577 .. 1.867423
        SpcChart chart = Spc.uChart(
                counts(new double[] {4, 6, 2, 150}, new double[] {2, 4, 2, 100}),
                ImprovementDirection.DECREASE,
                NO_TARGET);
        assertThat(chart.kind()).isEqualTo(ChartKind.U);
        assertThat(chart.points()).extracting(SpcPoint::centre).containsOnly(1.5);
        assertThat(chart.points()).extracting(SpcPoint::lpl).containsExactly(0.0, 0.0, 0.0, 1.5 - 3 * Math.sqrt(0.015));
        assertThat(chart.points().get(0).upl()).isCloseTo(4.098076, within(1e-6));
        assertThat(chart.points().get(1).upl()).isCloseTo(3.337117, within(1e-6));
        assertThat(chart.points().get(3).lpl()).isCloseTo(1.132577, within(1e-6));
        assertThat(chart.points().get(3).upl()).isCloseTo(1.867423, within(1e-6));
        assertThat(chart.points()).extracting(SpcPoint::value).containsExactly(2.0, 1.5, 1.0, 1.5);
    }

    @Test
    void the_rules_use_each_points_own_limits() {
        // p̄ = 60/300 = 0.2. The last point, 20/50 = 0.4, is above its own upper limit 0.369706
        // even though a point at 0.4 with n = 200 would be far outside 0.2 ± 0.084853 as well.
        SpcChart chart = Spc.pChart(
                counts(new double[] {10, 30, 20}, new double[] {50, 200, 50}),
                ImprovementDirection.DECREASE,
                OptionalDouble.of(0.1));
        assertThat(chart.latest().value()).isCloseTo(0.4, within(1e-12));
        assertThat(chart.latest().pointType()).isEqualTo(PointType.SPECIAL_CAUSE_CONCERN);
        assertThat(chart.variationIcon()).isEqualTo(VariationIcon.CONCERN_HIGH);
        // Target 0.1 is within the latest point's limits (0.030294 .. 0.369706): hit and miss.
        assertThat(chart.assurance()).contains(Assurance.INCONSISTENT);
    }

    @Test
    void bad_counts_are_refused() {
        assertThatThrownBy(() -> new CountObservation(week(0), 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("denominator");
        assertThatThrownBy(() -> new CountObservation(week(0), -1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("numerator");
        assertThatThrownBy(() -> Spc.pChart(
                        counts(new double[] {11}, new double[] {10}), ImprovementDirection.INCREASE, NO_TARGET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot exceed 1");
        assertThatThrownBy(() -> Spc.uChart(List.of(), ImprovementDirection.INCREASE, NO_TARGET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 point");
    }

    @Test
    void zero_or_full_proportion_gives_zero_width_limits() {
        SpcChart none = Spc.pChart(
                counts(new double[] {0, 0, 0}, new double[] {10, 20, 30}), ImprovementDirection.INCREASE, NO_TARGET);
        assertThat(none.points()).allSatisfy(p -> {
            assertThat(p.lpl()).isZero();
            assertThat(p.upl()).isZero();
            assertThat(p.pointType()).isEqualTo(PointType.COMMON_CAUSE);
        });
    }
}
