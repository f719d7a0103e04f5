package uk.stepup.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import uk.stepup.measures.spc.ImprovementDirection;
import uk.stepup.measures.spc.Observation;
import uk.stepup.measures.spc.SpcChart;

/**
 * The offer rule at its edges: 6 against 7 points, a shift that starts before the change, a change not adopted, a
 * point on the mean, a run at the start of its period, and what confirming and undoing a recalculation do to the
 * offer.
 */
class SustainedShiftTest {
    /** Monday 4 January 2027: the programme's first week. */
    static final LocalDate START = LocalDate.of(2027, 1, 4);

    /** Ten ordinary weeks, then seven lower ones (the change was adopted in week 11). */
    static final double[] SEVEN_LOWER = {8, 9, 7, 8, 10, 8, 9, 7, 8, 9, 4, 3, 4, 5, 3, 4, 4};

    static final Measure FALLS = new Measure(
            1,
            1,
            "Falls",
            "falls",
            ImprovementDirection.DECREASE,
            OptionalDouble.empty(),
            Frequency.WEEKLY,
            Optional.empty(),
            1,
            "coach",
            Instant.parse("2026-12-30T10:00:00Z"));

    static LocalDate week(int index) {
        return START.plusWeeks(index);
    }

    static List<Observation> series(double... values) {
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new Observation(week(i), values[i]));
        }
        return out;
    }

    static ChartMarker adoptedAt(int index) {
        return new ChartMarker(2, week(index), "Night-time checks: adopted", true);
    }

    static HomeChartNotes.Notes notes(List<LocalDate> recalculated, ChartMarker... markers) {
        return new HomeChartNotes.Notes(OptionalDouble.empty(), Optional.empty(), recalculated, List.of(markers));
    }

    static SpcChart chart(List<Observation> obs, HomeChartNotes.Notes notes) {
        return MeasureSpc.chart(FALLS, obs, START, notes).orElseThrow();
    }

    static Optional<SustainedShift.Offer> offer(double[] values, List<LocalDate> recalculated, ChartMarker... markers) {
        HomeChartNotes.Notes n = notes(recalculated, markers);
        return SustainedShift.find(chart(series(values), n), n.markers());
    }

    @Test
    void seven_points_below_the_mean_after_an_adopted_change_are_offered_from_the_first_of_them() {
        Optional<SustainedShift.Offer> offer = offer(SEVEN_LOWER, List.of(), adoptedAt(10));
        assertThat(offer).isPresent();
        assertThat(offer.get().from()).isEqualTo(week(10));
        assertThat(offer.get().points()).isEqualTo(7);
        assertThat(offer.get().side()).isEqualTo(SustainedShift.Side.BELOW);
        assertThat(offer.get().change().number()).isEqualTo(2);
    }

    @Test
    void six_points_are_not_yet_a_sustained_shift() {
        double[] six = Arrays.copyOf(SEVEN_LOWER, SEVEN_LOWER.length - 1);
        assertThat(offer(six, List.of(), adoptedAt(10))).isEmpty();
    }

    @Test
    void a_change_adopted_before_the_run_explains_it_too() {
        assertThat(offer(SEVEN_LOWER, List.of(), adoptedAt(4)).orElseThrow().from())
                .isEqualTo(week(10));
    }

    @Test
    void a_shift_that_starts_before_the_change_is_not_offered() {
        assertThat(offer(SEVEN_LOWER, List.of(), adoptedAt(11))).isEmpty();
    }

    @Test
    void a_change_not_adopted_explains_nothing() {
        ChartMarker testing = new ChartMarker(2, week(10), "Night-time checks: under way", false);
        ChartMarker abandoned = new ChartMarker(3, week(9), "Sensor mats: abandoned", false);
        assertThat(offer(SEVEN_LOWER, List.of(), testing, abandoned)).isEmpty();
        assertThat(offer(SEVEN_LOWER, List.of())).isEmpty();
    }

    @Test
    void a_point_exactly_on_the_mean_breaks_the_run() {
        // Twenty values averaging exactly 6: three below, one on the mean, then six below.
        double[] values = {8, 9, 7, 8, 10, 8, 9, 7, 8, 9, 4, 3, 4, 6, 3, 4, 4, 3, 3, 3};
        SpcChart c = chart(series(values), HomeChartNotes.Notes.NONE);
        assertThat(c.points().get(13).centre()).isEqualTo(6.0);
        assertThat(offer(values, List.of(), adoptedAt(10))).isEmpty();
        // One lower instead of on the mean, and the nine in a row are offered.
        double[] below = values.clone();
        below[13] = 5.9;
        assertThat(offer(below, List.of(), adoptedAt(10)).orElseThrow().points())
                .isEqualTo(10);
    }

    @Test
    void a_run_must_leave_two_points_before_it_in_its_period() {
        ChartMarker first = adoptedAt(0);
        assertThat(offer(new double[] {4, 3, 4, 5, 3, 4, 4, 9, 8, 10}, List.of(), first))
                .as("run from index 0")
                .isEmpty();
        assertThat(offer(new double[] {9, 4, 3, 4, 5, 3, 4, 4, 9, 8}, List.of(), first))
                .as("run from index 1")
                .isEmpty();
        assertThat(offer(new double[] {9, 8, 4, 3, 4, 5, 3, 4, 4, 9}, List.of(), first)
                        .orElseThrow()
                        .from())
                .as("run from index 2")
                .isEqualTo(week(2));
    }

    @Test
    void after_confirming_the_new_period_has_its_own_mean_and_the_same_date_is_not_offered_again() {
        List<Observation> obs = series(SEVEN_LOWER);
        HomeChartNotes.Notes confirmed = notes(List.of(week(10)), adoptedAt(10));
        SpcChart c = chart(obs, confirmed);
        assertThat(c.periods()).hasSize(2);
        assertThat(c.points().get(16).centre()).isCloseTo(27.0 / 7, offset(1e-9));
        assertThat(c.points().get(0).centre()).isCloseTo(83.0 / 10, offset(1e-9));
        assertThat(SustainedShift.find(c, confirmed.markers())).isEmpty();
    }

    @Test
    void undoing_restores_the_single_period_and_the_offer() {
        List<Observation> obs = series(SEVEN_LOWER);
        HomeChartNotes.Notes undone = notes(List.of(), adoptedAt(10));
        SpcChart c = chart(obs, undone);
        assertThat(c.periods()).hasSize(1);
        assertThat(SustainedShift.find(c, undone.markers()).orElseThrow().from())
                .isEqualTo(week(10));
    }

    @Test
    void applied_recalculations_keep_only_dates_of_values_that_leave_two_values_each_side() {
        List<Observation> obs = series(SEVEN_LOWER);
        assertThat(MeasureSpc.appliedRecalculations(obs, List.of())).isEmpty();
        assertThat(MeasureSpc.appliedRecalculations(obs, List.of(week(10)))).containsExactly(week(10));
        assertThat(MeasureSpc.appliedRecalculations(obs, List.of(week(10).plusDays(1))))
                .as("not a value's date")
                .isEmpty();
        assertThat(MeasureSpc.appliedRecalculations(obs, List.of(week(40))))
                .as("after the last value")
                .isEmpty();
        assertThat(MeasureSpc.appliedRecalculations(obs, List.of(week(1))))
                .as("one value before")
                .isEmpty();
        assertThat(MeasureSpc.appliedRecalculations(obs, List.of(week(2))))
                .as("two values before")
                .containsExactly(week(2));
        assertThat(MeasureSpc.appliedRecalculations(obs, List.of(week(16))))
                .as("one value after")
                .isEmpty();
        assertThat(MeasureSpc.appliedRecalculations(obs, List.of(week(15))))
                .as("two values after")
                .containsExactly(week(15));
        assertThat(MeasureSpc.appliedRecalculations(obs, List.of(week(11), week(10))))
                .as("one value between two dates: the later is left out")
                .containsExactly(week(10));
        assertThat(MeasureSpc.appliedRecalculations(obs, List.of(week(12), week(10), week(10))))
                .as("sorted, duplicates once")
                .containsExactly(week(10), week(12));
    }
}
