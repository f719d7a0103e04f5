package uk.stepup.measures.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static uk.stepup.measures.spc.Series.concat;
import static uk.stepup.measures.spc.Series.types;
import static uk.stepup.measures.spc.Series.week;
import static uk.stepup.measures.spc.Series.weekly;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Recalculation periods (ptd_spc's rebase) and limits fixed after N points (fix_after_n_points). */
class RebaseAndFixAfterTest {

    private static final double[] LOW = {9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11};
    private static final double[] HIGH = {19, 21, 19, 21, 19, 21, 19, 21, 19, 21, 19, 21};

    @Test
    void without_rebasing_a_step_change_is_a_shift() {
        // 24 points, mean 15: the first 12 below, the last 12 above → shifts both sides.
        SpcChart chart = Spc.xmr(weekly(concat(LOW, HIGH)), XmrOptions.defaults());
        assertThat(chart.periods()).hasSize(1);
        assertThat(chart.latest().centre()).isCloseTo(15, within(1e-12));
        assertThat(types(chart).subList(0, 12)).containsOnly(PointType.SPECIAL_CAUSE_CONCERN);
        assertThat(types(chart).subList(12, 24)).containsOnly(PointType.SPECIAL_CAUSE_IMPROVEMENT);
    }

    @Test
    void rebasing_starts_a_new_period_with_its_own_mean_and_limits() {
        // Each period alternates ±1 around its mean: MR̄ = 2, limits mean ± 5.32.
        SpcChart chart =
                Spc.xmr(weekly(concat(LOW, HIGH)), XmrOptions.defaults().withRebaseDates(List.of(week(12))));
        assertThat(chart.periods()).hasSize(2);
        SpcPeriod first = chart.periods().get(0);
        SpcPeriod second = chart.periods().get(1);
        assertThat(first.start()).isEqualTo(week(0));
        assertThat(first.end()).isEqualTo(week(11));
        assertThat(second.start()).isEqualTo(week(12));
        assertThat(first.centre()).isCloseTo(10, within(1e-12));
        assertThat(second.centre()).isCloseTo(20, within(1e-12));
        assertThat(chart.points().get(11).upl()).isCloseTo(15.32, within(1e-12));
        assertThat(chart.points().get(12).lpl()).isCloseTo(14.68, within(1e-12));
        assertThat(chart.points().get(12).period()).isEqualTo(1);
        assertThat(types(chart)).containsOnly(PointType.COMMON_CAUSE);
        // The moving range across the rebase (11 → 19) belongs to neither period.
        assertThat(first.meanMovingRange().getAsDouble()).isCloseTo(2, within(1e-12));
        assertThat(second.meanMovingRange().getAsDouble()).isCloseTo(2, within(1e-12));
    }

    @Test
    void patterns_do_not_span_a_rebase() {
        // Seven rising points across the boundary: a trend without rebasing, none with it.
        double[] y = {5, 7, 5, 7, 5, 7, 5, 7, 5, 7, 1, 2, 3, 4, 5, 6, 7, 5, 7, 5, 7, 5};
        SpcChart plain = Spc.xmr(weekly(y), XmrOptions.defaults());
        assertThat(plain.points().get(10).rules()).contains(SpcRule.TREND);
        SpcChart rebased = Spc.xmr(weekly(y), XmrOptions.defaults().withRebaseDates(List.of(week(13))));
        assertThat(rebased.points()).noneMatch(p -> p.rules().contains(SpcRule.TREND));
    }

    @Test
    void assurance_uses_the_latest_periods_limits() {
        // NHSRplotthedots issue 172: after a rebase the assurance icon follows the new limits.
        XmrOptions options = XmrOptions.defaults().withTarget(16).withRebaseDates(List.of(week(12)));
        SpcChart chart = Spc.xmr(weekly(concat(LOW, HIGH)), options);
        assertThat(chart.assurance()).contains(Assurance.INCONSISTENT); // 16 within 14.68 .. 25.32
        SpcChart unrebased = Spc.xmr(weekly(LOW), XmrOptions.defaults().withTarget(16));
        assertThat(unrebased.assurance()).contains(Assurance.CONSISTENT_FAIL); // 16 above 15.32
    }

    @Test
    void rebase_dates_must_be_observation_dates_and_leave_at_least_two_points() {
        List<Observation> rows = weekly(concat(LOW, HIGH));
        assertThatThrownBy(() -> Spc.xmr(rows, XmrOptions.defaults().withRebaseDates(List.of(week(12).plusDays(1)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not the date of any observation");
        assertThatThrownBy(() -> Spc.xmr(rows, XmrOptions.defaults().withRebaseDates(List.of(week(23)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has only 1 point");
    }

    @Test
    void rebasing_at_the_first_date_changes_nothing() {
        SpcChart chart = Spc.xmr(weekly(LOW), XmrOptions.defaults().withRebaseDates(List.of(week(0))));
        assertThat(chart.periods()).hasSize(1);
    }

    @Test
    void fixing_after_twelve_points_keeps_the_baseline_limits() {
        // Baseline 9, 11, ... (mean 10, MR̄ 2, limits 4.68 .. 15.32), then six points at 30.
        double[] y = concat(LOW, new double[] {30, 30, 30, 30, 30, 30});
        SpcChart fixed = Spc.xmr(weekly(y), XmrOptions.defaults().withFixAfterPoints(12));
        assertThat(fixed.points()).allSatisfy(p -> {
            assertThat(p.centre()).isCloseTo(10, within(1e-12));
            assertThat(p.upl()).isCloseTo(15.32, within(1e-12));
        });
        assertThat(fixed.periods().get(0).points()).isEqualTo(18);
        assertThat(fixed.periods().get(0).baselinePoints()).isEqualTo(12);
        assertThat(fixed.periods().get(0).trialLimits()).isFalse();
        assertThat(types(fixed).subList(12, 18)).containsOnly(PointType.SPECIAL_CAUSE_IMPROVEMENT);
        assertThat(fixed.latest().rules()).contains(SpcRule.OUTSIDE_LIMITS);

        // Unfixed, the 30s pull the mean up to 300 / 18 = 16.67 and widen the limits.
        SpcChart free = Spc.xmr(weekly(y), XmrOptions.defaults());
        assertThat(free.latest().centre()).isCloseTo(300.0 / 18, within(1e-9));
        assertThat(free.latest().upl()).isGreaterThan(15.32);
    }

    @Test
    void fix_after_applies_within_each_period_and_is_harmless_beyond_the_series_length() {
        XmrOptions options = XmrOptions.defaults().withFixAfterPoints(12).withRebaseDates(List.of(week(12)));
        double[] y = concat(LOW, HIGH, new double[] {40});
        SpcChart chart = Spc.xmr(weekly(y), options);
        assertThat(chart.periods().get(1).baselinePoints()).isEqualTo(12);
        assertThat(chart.latest().centre()).isCloseTo(20, within(1e-12));
        assertThat(chart.latest().pointType()).isEqualTo(PointType.SPECIAL_CAUSE_IMPROVEMENT);

        SpcChart longFix = Spc.xmr(weekly(LOW), XmrOptions.defaults().withFixAfterPoints(100));
        SpcChart noFix = Spc.xmr(weekly(LOW), XmrOptions.defaults());
        assertThat(longFix.latest()).isEqualTo(noFix.latest());
    }

    @Test
    void fix_after_below_twelve_is_refused_as_nhsr_plot_the_dots_does() {
        assertThatThrownBy(() -> XmrOptions.defaults().withFixAfterPoints(11))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 12");
        assertThat(XmrOptions.defaults().withFixAfterPoints(12).fixAfterPoints())
                .hasValue(12);
    }
}
