package uk.stepup.measures.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.stepup.measures.spc.Series.weekly;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Run charts around the median with Anhøj's rules (as qicharts2). */
class RunChartTest {

    @ParameterizedTest(name = "n = {0}: longest run > {1} or crossings < {2} signal")
    @CsvSource({
        // Anhøj & Olesen 2014 / qicharts2 "runs-limits" table: round(log2(n)) + 3 and qbinom(0.05, n - 1, 0.5).
        "1, 3, 0",
        "2, 4, 0",
        "10, 6, 2",
        "11, 6, 2",
        "12, 7, 3",
        "14, 7, 4",
        "17, 7, 5",
        "19, 7, 6",
        "20, 7, 6",
        "22, 7, 7",
        "23, 8, 7",
        "24, 8, 8",
        "27, 8, 9",
        "30, 8, 10",
        "40, 8, 14",
        "50, 9, 19",
        "100, 10, 41"
    })
    void anhojThresholds(int n, int longestRunLimit, int crossingsLimit) {
        assertThat(AnhojRules.longestRunLimit(n)).isEqualTo(longestRunLimit);
        assertThat(AnhojRules.crossingsLimit(n)).isEqualTo(crossingsLimit);
    }

    @Test
    void thresholds_need_at_least_one_useful_observation() {
        assertThatThrownBy(() -> AnhojRules.longestRunLimit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnhojRules.crossingsLimit(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void random_looking_series_has_no_signal() {
        // 12 values, median 5.5; sides alternate, so every run has length 1 and there are 11 crossings.
        // (Anhøj's rules do not flag too many crossings.)
        RunChart chart = Spc.runChart(weekly(3, 8, 2, 9, 4, 7, 1, 10, 5, 6, 3, 8));
        assertThat(chart.median()).isEqualTo(5.5);
        assertThat(chart.usefulObservations()).isEqualTo(12);
        assertThat(chart.longestRun()).isEqualTo(1);
        assertThat(chart.crossings()).isEqualTo(11);
        assertThat(chart.longestRunLimit()).isEqualTo(7);
        assertThat(chart.crossingsLimit()).isEqualTo(3);
        assertThat(chart.signal()).isFalse();
    }

    @Test
    void a_step_change_gives_few_crossings_but_not_a_long_run_at_twelve_points() {
        // 1..12: median 6.5, six below then six above. Longest run 6 is not > 7; 1 crossing < 3 signals.
        RunChart chart = Spc.runChart(weekly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
        assertThat(chart.longestRun()).isEqualTo(6);
        assertThat(chart.shiftSignal()).isFalse();
        assertThat(chart.crossings()).isEqualTo(1);
        assertThat(chart.crossingsSignal()).isTrue();
        assertThat(chart.points()).noneMatch(RunPoint::longRun);
    }

    @Test
    void sides_are_taken_against_the_median_of_an_even_count() {
        // 16 values; sorted, the 8th and 9th are 6 and 7, so the median is 6.5 and no point is on it.
        double[] y = {2, 8, 1, 9, 6, 7, 8, 9, 6, 7, 8, 9, 3, 4, 2, 1};
        RunChart chart = Spc.runChart(weekly(y));
        assertThat(chart.median()).isEqualTo(6.5);
        List<RunPoint.Side> sides = chart.points().stream().map(RunPoint::side).toList();
        assertThat(sides)
                .containsExactly(
                        RunPoint.Side.BELOW,
                        RunPoint.Side.ABOVE,
                        RunPoint.Side.BELOW,
                        RunPoint.Side.ABOVE,
                        RunPoint.Side.BELOW,
                        RunPoint.Side.ABOVE,
                        RunPoint.Side.ABOVE,
                        RunPoint.Side.ABOVE,
                        RunPoint.Side.BELOW,
                        RunPoint.Side.ABOVE,
                        RunPoint.Side.ABOVE,
                        RunPoint.Side.ABOVE,
                        RunPoint.Side.BELOW,
                        RunPoint.Side.BELOW,
                        RunPoint.Side.BELOW,
                        RunPoint.Side.BELOW);
        assertThat(chart.longestRun()).isEqualTo(4); // the last four
        assertThat(chart.crossings()).isEqualTo(8); // 9 runs
        assertThat(chart.signal()).isFalse();
    }

    @Test
    void eight_in_a_row_signals_a_shift_at_twenty_points_and_its_points_are_marked() {
        // 1..10 below and 11..20 above the median 10.5. Runs: 4 below, 1 above, 3 below, 1 above,
        // 3 below, then 8 above. For n = 20 the longest run allowed is 7, so 8 signals; 5 crossings are
        // also fewer than the 6 expected.
        double[] y = {1, 2, 3, 4, 11, 5, 6, 7, 12, 8, 9, 10, 13, 14, 15, 16, 17, 18, 19, 20};
        RunChart chart = Spc.runChart(weekly(y));
        assertThat(chart.median()).isEqualTo(10.5);
        assertThat(chart.longestRun()).isEqualTo(8);
        assertThat(chart.longestRunLimit()).isEqualTo(7);
        assertThat(chart.shiftSignal()).isTrue();
        assertThat(chart.crossings()).isEqualTo(5);
        assertThat(chart.crossingsLimit()).isEqualTo(6);
        assertThat(chart.crossingsSignal()).isTrue();
        assertThat(chart.points().subList(12, 20)).allMatch(RunPoint::longRun);
        assertThat(chart.points().subList(0, 12)).noneMatch(RunPoint::longRun);
    }

    @Test
    void a_run_of_exactly_the_limit_does_not_signal() {
        // 18 values, median 9.5; the last seven (13..18 and 10) are above. For n = 18 the limit is 7,
        // and a run must be longer than the limit to signal.
        double[] y = {1, 2, 3, 11, 4, 5, 6, 12, 7, 8, 9, 13, 14, 15, 16, 17, 18, 10};
        RunChart chart = Spc.runChart(weekly(y));
        assertThat(chart.usefulObservations()).isEqualTo(18);
        assertThat(chart.longestRunLimit()).isEqualTo(7);
        assertThat(chart.longestRun()).isEqualTo(7);
        assertThat(chart.shiftSignal()).isFalse();
    }

    @Test
    void points_on_the_median_are_not_useful_and_neither_break_nor_extend_a_run() {
        // 9 values, median 4 (the middle value, which appears three times): the 4s are skipped.
        // Useful: 1, 2, 5, 6, 7, 3 → sides B B A A A B: runs 2, 3, 1; crossings 2.
        RunChart chart = Spc.runChart(weekly(1, 2, 4, 5, 4, 6, 7, 3, 4));
        assertThat(chart.median()).isEqualTo(4);
        assertThat(chart.usefulObservations()).isEqualTo(6);
        assertThat(chart.longestRun()).isEqualTo(3);
        assertThat(chart.crossings()).isEqualTo(2);
        assertThat(chart.points().get(2).side()).isEqualTo(RunPoint.Side.ON_MEDIAN);
    }

    @Test
    void constant_series_has_no_useful_observations_and_no_signal() {
        RunChart chart = Spc.runChart(weekly(3, 3, 3, 3));
        assertThat(chart.usefulObservations()).isZero();
        assertThat(chart.longestRunLimit()).isZero();
        assertThat(chart.signal()).isFalse();
    }
}
