package uk.stepup.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.measures.spc.ImprovementDirection;

/** What the cohort sees: aggregates over homes, with small counts suppressed. */
class CohortMeasuresTest {
    static final LocalDate W1 = MeasuresFixture.START;
    static final LocalDate W2 = W1.plusWeeks(1);
    static final LocalDate W3 = W1.plusWeeks(2);

    @TempDir
    Path dir;

    MeasuresFixture f;
    CohortMeasures cohort;

    @BeforeEach
    void open() {
        f = new MeasuresFixture(dir);
        cohort = new CohortMeasures(f.measures, f.renderer);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void a_plain_measure_is_the_mean_per_home_and_a_small_total_count_is_suppressed() {
        Measure falls = f.falls();
        List<CohortMeasures.Aggregate> a = CohortMeasures.aggregate(
                falls,
                List.of(
                        f.value(falls, f.oak, W1, 6), f.value(falls, f.elm, W1, 8),
                        f.value(falls, f.oak, W2, 1), f.value(falls, f.elm, W2, 2),
                        f.value(falls, f.oak, W3, 0), f.value(falls, f.elm, W3, 0)),
                W3);
        assertThat(a).hasSize(3);
        assertThat(a.get(0)).isEqualTo(new CohortMeasures.Aggregate(W1, 7, 2, false));
        assertThat(a.get(1).suppressed()).isTrue();
        assertThat(a.get(1).value()).isNaN();
        assertThat(a.get(2)).isEqualTo(new CohortMeasures.Aggregate(W3, 0, 2, false));
    }

    @Test
    void values_that_are_not_counts_are_not_suppressed() {
        Measure hours =
                f.plain("Hours of training", ImprovementDirection.INCREASE, Frequency.WEEKLY, OptionalDouble.empty());
        List<CohortMeasures.Aggregate> a = CohortMeasures.aggregate(
                hours, List.of(f.value(hours, f.oak, W1, 0.5), f.value(hours, f.elm, W1, 1.5)), W1);
        assertThat(a.get(0)).isEqualTo(new CohortMeasures.Aggregate(W1, 1, 2, false));
    }

    @Test
    void a_rate_is_pooled_and_a_pooled_numerator_of_one_to_four_is_suppressed() {
        Measure rate = f.fallsRate(Frequency.WEEKLY);
        List<CohortMeasures.Aggregate> a = CohortMeasures.aggregate(
                rate,
                List.of(
                        f.rate(rate, f.oak, W1, 3, 800),
                        f.rate(rate, f.elm, W1, 4, 900),
                        f.rate(rate, f.oak, W2, 1, 800),
                        f.rate(rate, f.elm, W2, 2, 900),
                        f.rate(rate, f.oak, W3, 0, 800)),
                W3);
        assertThat(a.get(0).value()).isCloseTo(7 / 1700.0 * 1000, within(1e-9));
        assertThat(a.get(0).suppressed()).isFalse();
        assertThat(a.get(1).suppressed()).isTrue();
        assertThat(a.get(1).value()).isNaN();
        assertThat(a.get(2)).isEqualTo(new CohortMeasures.Aggregate(W3, 0, 1, false));
    }

    @Test
    void periods_after_the_summary_s_week_are_left_out() {
        Measure falls = f.falls();
        assertThat(CohortMeasures.aggregate(
                        falls, List.of(f.value(falls, f.oak, W1, 6), f.value(falls, f.oak, W2, 7)), W1))
                .extracting(CohortMeasures.Aggregate::period)
                .containsExactly(W1);
    }

    @Test
    void the_digest_shows_less_than_five_and_never_draws_or_uses_a_suppressed_value() {
        assertThat(cohort.digest(f.cohort, 1, W1)).isEmpty();
        Measure falls = f.falls();
        f.fallsRate(Frequency.MONTHLY);
        assertThat(cohort.digest(f.cohort, 1, W1)).isEmpty();
        f.weekly(falls, f.oak, W3, 9, 8, 7, 6, 1);
        f.weekly(falls, f.elm, W3, 9, 10, 9, 8, 2);
        CohortMeasures.Digest d = cohort.digest(f.cohort, 3, W3).orElseThrow();
        assertThat(d.chart().orElseThrow().filename()).isEqualTo("cohort-measures-week-3.png");
        assertThat(d.lines()).hasSize(2);
        assertThat(d.lines().get(0).measure()).isEqualTo("Falls");
        assertThat(d.lines().get(0).details())
                .startsWith(" (mean per home, lower is better): latest <5, week of 18 Jan 2027, 2 homes")
                .contains("(at the latest charted period)")
                .doesNotContain("1.5");
        assertThat(d.lines().get(1).measure()).isEqualTo("Falls rate");
        assertThat(d.lines().get(1).text())
                .as("plain text, no Markdown")
                .startsWith("Falls rate (pooled rate")
                .contains("no values yet");
        MeasurePanels panels = f.renderer.panels.get(0);
        assertThat(panels.title()).isEqualTo("Spring 2027 · measures after week 3");
        MeasureChart chart = panels.panels().get(0);
        assertThat(chart.suppressed()).containsExactly(W3);
        assertThat(chart.spc().orElseThrow().points())
                .hasSize(4)
                .noneSatisfy(p -> assertThat(p.date()).isEqualTo(W3));
        assertThat(chart.programmeStart()).contains(MeasuresFixture.START);
        assertThat(panels.panels().get(1).spc()).isEmpty();
        assertThat(panels.panels().get(1).note()).isEqualTo("No values yet.");
    }

    @Test
    void a_digest_with_too_few_values_to_chart_carries_its_lines_but_no_image() {
        Measure falls = f.falls();
        f.weekly(falls, f.oak, W1, 6);
        f.weekly(falls, f.elm, W1, 8);
        CohortMeasures.Digest d = cohort.digest(f.cohort, 1, W1).orElseThrow();
        assertThat(d.lines())
                .singleElement()
                .extracting(CohortMeasures.Line::details)
                .asString()
                .contains("too few values to chart yet");
        assertThat(d.chart())
                .as("an image of empty panels tells the homes nothing")
                .isEmpty();
        assertThat(f.renderer.panels).isEmpty();
    }

    @Test
    void homes_of_other_cohorts_never_count() {
        Measure falls = f.falls();
        f.weekly(falls, f.oak, W2, 6, 8);
        List<CohortMeasures.CohortSeries> series = cohort.series(f.cohort, W2);
        assertThat(series.get(0).aggregates())
                .extracting(CohortMeasures.Aggregate::homes)
                .containsExactly(1, 1);
    }
}
