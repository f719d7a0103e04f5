package uk.stepup.measures.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static uk.stepup.measures.spc.Series.concat;
import static uk.stepup.measures.spc.Series.repeat;
import static uk.stepup.measures.spc.Series.types;
import static uk.stepup.measures.spc.Series.weekly;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** XmR centre line and limits, pinned to hand calculations and to NHSRplotthedots' published examples. */
class XmrLimitsTest {

    private static final XmrOptions SCREENED = XmrOptions.defaults();
    private static final XmrOptions UNSCREENED = XmrOptions.defaults().withScreenOutliers(false);

    @Test
    void small_series_by_hand() {
        // 10, 12, 11, 13, 12: mean = 58 / 5 = 11.6; moving ranges 2, 1, 2, 1 so MR̄ = 1.5.
        // Screening cut = 3.267 × 1.5 = 4.9005: nothing screened.
        // Limits 11.6 ± 2.66 × 1.5 = 11.6 ± 3.99 → 7.61 and 15.59.
        // 2-sigma lines 11.6 ± (2 × 2.66 / 3) × 1.5 = 11.6 ± 2.66 → 8.94 and 14.26.
        SpcChart chart = Spc.xmr(weekly(10, 12, 11, 13, 12), SCREENED);
        SpcPoint p = chart.latest();
        assertThat(p.centre()).isCloseTo(11.6, within(1e-12));
        assertThat(p.lpl()).isCloseTo(7.61, within(1e-12));
        assertThat(p.upl()).isCloseTo(15.59, within(1e-12));
        assertThat(p.nearLpl()).isCloseTo(8.94, within(1e-12));
        assertThat(p.nearUpl()).isCloseTo(14.26, within(1e-12));
        SpcPeriod period = chart.periods().get(0);
        assertThat(period.meanMovingRange().getAsDouble()).isCloseTo(1.5, within(1e-12));
        assertThat(period.screenedMovingRanges()).isZero();
        assertThat(types(chart)).containsOnly(PointType.COMMON_CAUSE);
    }

    @Test
    void deviations_vignette_screened_matches_the_package_default() {
        // NHSRplotthedots vignette "Deviations from Excel defaults": UPL 4.6, mean 1.94, LPL -0.72.
        // 18 points sum to 35, mean 35/18 = 1.9444. Moving ranges: fifteen 1s plus 8 and 9; MR̄ = 32/17 = 1.8824.
        // Cut 3.267 × 1.8824 = 6.1496 drops 8 and 9, leaving MR̄ = 1; limits 1.9444 ± 2.66.
        double[] data = {1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1};
        SpcChart chart = Spc.xmr(weekly(data), SCREENED);
        SpcPoint p = chart.points().get(0);
        assertThat(p.centre()).isCloseTo(35.0 / 18, within(1e-12));
        assertThat(p.upl()).isCloseTo(35.0 / 18 + 2.66, within(1e-12));
        assertThat(p.lpl()).isCloseTo(35.0 / 18 - 2.66, within(1e-12));
        assertThat(Math.round(p.upl() * 100) / 100.0).isEqualTo(4.6);
        assertThat(Math.round(p.lpl() * 100) / 100.0).isEqualTo(-0.72);
        assertThat(chart.periods().get(0).screenedMovingRanges()).isEqualTo(2);
        // One special cause point (the 10, above the limit), the rest common cause.
        assertThat(chart.points().get(4).pointType()).isEqualTo(PointType.SPECIAL_CAUSE_IMPROVEMENT);
        assertThat(chart.points().get(4).rules()).containsExactly(SpcRule.OUTSIDE_LIMITS);
        assertThat(types(chart).stream().filter(PointType::isSpecialCause)).hasSize(1);
    }

    @Test
    void deviations_vignette_unscreened_matches_the_excel_tool() {
        // Same data, screen_outliers = FALSE ("produces the same output as Excel"): UPL 6.95, LPL -3.06.
        // MR̄ = 32/17; limits 35/18 ± 2.66 × 32/17.
        double[] data = {1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1};
        SpcChart chart = Spc.xmr(weekly(data), UNSCREENED);
        SpcPoint p = chart.points().get(0);
        assertThat(p.upl()).isCloseTo(35.0 / 18 + 2.66 * 32 / 17, within(1e-12));
        assertThat(p.lpl()).isCloseTo(35.0 / 18 - 2.66 * 32 / 17, within(1e-12));
        assertThat(Math.round(p.upl() * 100) / 100.0).isEqualTo(6.95);
        assertThat(Math.round(p.lpl() * 100) / 100.0).isEqualTo(-3.06);
        assertThat(chart.periods().get(0).screenedMovingRanges()).isZero();
        assertThat(chart.points().get(4).pointType()).isEqualTo(PointType.SPECIAL_CAUSE_IMPROVEMENT);
    }

    /** R's {@code set.seed(123); rnorm(20)}, the data of NHSRplotthedots' own ptd_spc_standard tests. */
    private static final double[] RNORM_123 = {
        -0.56047565,
        -0.23017749,
        1.55870831,
        0.07050839,
        0.12928774,
        1.71506499,
        0.46091621,
        -1.26506123,
        -0.68685285,
        -0.44566197,
        1.22408180,
        0.35981383,
        0.40077145,
        0.11068272,
        -0.55584113,
        1.78691314,
        0.49785048,
        -1.96661716,
        0.70135590,
        -0.47279141
    };

    @Test
    void matches_nhsr_plot_the_dots_snapshot_on_random_normal_data() {
        // tests/testthat/_snaps/ptd_spc_standard.md: mean_col 0.1416238, lpl -3.01138, upl 3.294627,
        // and summary(): 20 common cause points.
        SpcChart chart = Spc.xmr(weekly(RNORM_123), SCREENED);
        SpcPoint p = chart.latest();
        assertThat(p.centre()).isCloseTo(0.1416238, within(5e-8));
        assertThat(p.lpl()).isCloseTo(-3.01138, within(5e-6));
        assertThat(p.upl()).isCloseTo(3.294627, within(5e-7));
        assertThat(types(chart)).containsOnly(PointType.COMMON_CAUSE);
    }

    @Test
    void matches_nhsr_plot_the_dots_snapshot_with_an_outlier_screened_and_not() {
        // Same snapshot file with y[15] <- 10: mean 0.6694159; screened lpl -2.383666, upl 3.722497;
        // screen_outliers = FALSE lpl -4.596625, upl 5.935457. Screening must narrow the limits.
        double[] data = RNORM_123.clone();
        data[14] = 10;
        SpcChart screened = Spc.xmr(weekly(data), SCREENED);
        SpcChart unscreened = Spc.xmr(weekly(data), UNSCREENED);
        assertThat(screened.latest().centre()).isCloseTo(0.6694159, within(5e-8));
        assertThat(screened.latest().lpl()).isCloseTo(-2.383666, within(5e-7));
        assertThat(screened.latest().upl()).isCloseTo(3.722497, within(5e-7));
        assertThat(screened.periods().get(0).screenedMovingRanges()).isEqualTo(2);
        assertThat(unscreened.latest().centre()).isCloseTo(0.6694159, within(5e-8));
        assertThat(unscreened.latest().lpl()).isCloseTo(-4.596625, within(5e-7));
        assertThat(unscreened.latest().upl()).isCloseTo(5.935457, within(5e-7));
        assertThat(unscreened.latest().upl() - unscreened.latest().lpl())
                .isGreaterThan(screened.latest().upl() - screened.latest().lpl());
    }

    @Test
    void screening_keeps_moving_ranges_just_below_the_cut_and_drops_those_above() {
        // 0, 0, 0, 0, 3: moving ranges 0, 0, 0, 3; MR̄ = 0.75; cut = 3.267 × 0.75 = 2.45 → 3 is dropped,
        // leaving MR̄ = 0 (zero-width limits at the mean 0.6, so every point is outside them).
        SpcChart dropped = Spc.xmr(weekly(0, 0, 0, 0, 3), SCREENED);
        assertThat(dropped.periods().get(0).screenedMovingRanges()).isEqualTo(1);
        assertThat(dropped.periods().get(0).meanMovingRange().getAsDouble()).isZero();
        // 0, 0, 1, 0, 2: moving ranges 0, 1, 1, 2; MR̄ = 1; cut 3.267 → nothing dropped.
        SpcChart kept = Spc.xmr(weekly(0, 0, 1, 0, 2), SCREENED);
        assertThat(kept.periods().get(0).screenedMovingRanges()).isZero();
        assertThat(kept.periods().get(0).meanMovingRange().getAsDouble()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void constant_series_has_zero_width_limits_at_the_mean_and_only_common_cause() {
        // Every moving range is 0, so MR̄ = 0 and both limits equal the mean, screening on or off.
        // (NHSRplotthedots with screening returns NaN limits here; we document the difference.)
        for (XmrOptions options : new XmrOptions[] {SCREENED, UNSCREENED}) {
            SpcChart chart = Spc.xmr(weekly(repeat(5, 15)), options);
            assertThat(chart.points()).allSatisfy(p -> {
                assertThat(p.centre()).isEqualTo(5.0);
                assertThat(p.lpl()).isEqualTo(5.0);
                assertThat(p.upl()).isEqualTo(5.0);
                assertThat(p.pointType()).isEqualTo(PointType.COMMON_CAUSE);
            });
            assertThat(chart.periods().get(0).meanMovingRange().getAsDouble()).isZero();
            assertThat(chart.periods().get(0).screenedMovingRanges()).isZero();
            assertThat(chart.variation()).isEqualTo(PointType.COMMON_CAUSE);
        }
    }

    @Test
    void any_change_after_a_constant_fixed_baseline_is_outside_the_limits() {
        SpcChart chart = Spc.xmr(weekly(concat(repeat(5, 12), new double[] {6})), SCREENED.withFixAfterPoints(12));
        assertThat(chart.latest().upl()).isEqualTo(5.0);
        assertThat(chart.latest().pointType()).isEqualTo(PointType.SPECIAL_CAUSE_IMPROVEMENT);
        assertThat(chart.latest().rules()).containsExactly(SpcRule.OUTSIDE_LIMITS);
    }

    @Test
    void fewer_than_twelve_points_give_trial_limits_twelve_do_not() {
        double[] eleven = {3, 5, 4, 6, 5, 4, 6, 5, 3, 4, 5};
        SpcChart short11 = Spc.xmr(weekly(eleven), SCREENED);
        assertThat(short11.hasTrialLimits()).isTrue();
        assertThat(short11.periods().get(0).trialLimits()).isTrue();
        SpcChart full12 = Spc.xmr(weekly(concat(eleven, new double[] {4})), SCREENED);
        assertThat(full12.hasTrialLimits()).isFalse();
        // Trial limits are still calculated and used by the rules.
        assertThat(short11.latest().upl()).isGreaterThan(short11.latest().centre());
    }

    @Test
    void two_points_are_enough_one_point_is_not() {
        // 4, 6: mean 5, MR̄ 2, limits 5 ± 5.32.
        SpcChart two = Spc.xmr(weekly(4, 6), SCREENED);
        assertThat(two.latest().upl()).isCloseTo(10.32, within(1e-12));
        assertThat(two.hasTrialLimits()).isTrue();
        assertThatThrownBy(() -> Spc.xmr(weekly(4), SCREENED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2 points");
    }

    @Test
    void dates_must_be_strictly_increasing() {
        var rows = new ArrayList<>(weekly(1, 2, 3));
        rows.add(new Observation(Series.week(1), 4));
        assertThatThrownBy(() -> Spc.xmr(rows, SCREENED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of order");
        var dup = new ArrayList<>(weekly(1, 2, 3));
        dup.add(new Observation(Series.week(2), 4));
        assertThatThrownBy(() -> Spc.xmr(dup, SCREENED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate date");
    }

    @Test
    void constants_are_nhsr_plot_the_dots() {
        assertThat(Spc.XMR_LIMIT).isEqualTo(2.66);
        assertThat(Spc.XMR_NEAR_LIMIT).isEqualTo(2 * (2.66 / 3));
        assertThat(Spc.MOVING_RANGE_LIMIT).isEqualTo(3.267);
    }
}
