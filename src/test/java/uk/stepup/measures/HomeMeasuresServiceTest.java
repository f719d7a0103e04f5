package uk.stepup.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.UnaryOperator;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.measures.spc.Assurance;
import uk.stepup.measures.spc.ImprovementDirection;
import uk.stepup.measures.spc.PointType;
import uk.stepup.measures.spc.SpcChart;
import uk.stepup.measures.spc.VariationIcon;

/** A home's own charts: direction, target, baseline and what the manager reads. */
class HomeMeasuresServiceTest {
    /** Ten ordinary weeks, then seven lower ones: a shift below the mean. */
    static final double[] SHIFT_DOWN = {8, 9, 7, 8, 10, 8, 9, 7, 8, 9, 4, 3, 4, 5, 3, 4, 4};

    /** The emphasis Discord's side passes in. */
    static final UnaryOperator<String> BOLD = s -> "**" + s + "**";

    @TempDir
    Path dir;

    MeasuresFixture f;
    HomeMeasuresService view;

    @BeforeEach
    void open() {
        f = new MeasuresFixture(dir);
        view = new HomeMeasuresService(f.cohorts, f.homes, f.measures, f.renderer);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private HomeMeasuresService.Status status(Measure m) {
        return view.statuses(f.cohort, f.oak).stream()
                .filter(s -> s.measure().id() == m.id())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void a_shift_down_is_an_improvement_when_lower_is_better_and_a_concern_when_higher_is() {
        Measure falls = f.falls();
        Measure activities =
                f.plain("Activities", ImprovementDirection.INCREASE, Frequency.WEEKLY, OptionalDouble.empty());
        Measure mood = f.plain("Mood", ImprovementDirection.NEUTRAL, Frequency.WEEKLY, OptionalDouble.empty());
        for (Measure m : List.of(falls, activities, mood)) {
            f.weekly(m, f.oak, f.monday(17), SHIFT_DOWN);
        }
        SpcChart down = status(falls).chart().orElseThrow();
        assertThat(down.variation()).isEqualTo(PointType.SPECIAL_CAUSE_IMPROVEMENT);
        assertThat(down.variationIcon()).isEqualTo(VariationIcon.IMPROVEMENT_LOW);
        assertThat(down.hasTrialLimits()).isFalse();
        assertThat(status(falls).line(BOLD))
                .startsWith("Latest **4**, week of 26 Apr 2027")
                .contains("Special cause improvement (lower)")
                .contains("17 values")
                .doesNotContain("trial");
        assertThat(status(activities).chart().orElseThrow().variationIcon()).isEqualTo(VariationIcon.CONCERN_LOW);
        assertThat(status(mood).chart().orElseThrow().variationIcon()).isEqualTo(VariationIcon.NEUTRAL_LOW);
        assertThat(status(mood).line(BOLD)).contains("Special cause, neutral (lower)");
    }

    @Test
    void a_target_gives_the_assurance_icon() {
        Measure easy = f.plain("Easy", ImprovementDirection.DECREASE, Frequency.WEEKLY, OptionalDouble.of(40));
        Measure hard = f.plain("Hard", ImprovementDirection.DECREASE, Frequency.WEEKLY, OptionalDouble.of(-20));
        Measure close = f.plain("Close", ImprovementDirection.DECREASE, Frequency.WEEKLY, OptionalDouble.of(7));
        double[] steady = {7, 8, 6, 7, 9, 7, 6, 8, 7, 6, 8, 7};
        for (Measure m : List.of(easy, hard, close)) {
            f.weekly(m, f.oak, f.monday(12), steady);
        }
        assertThat(status(easy).chart().orElseThrow().assurance()).contains(Assurance.CONSISTENT_PASS);
        assertThat(status(easy).line(BOLD))
                .contains("Common cause variation")
                .contains("Consistently passing the target");
        assertThat(status(hard).chart().orElseThrow().assurance()).contains(Assurance.CONSISTENT_FAIL);
        assertThat(status(close).line(BOLD)).contains("Hit and miss against the target");
    }

    @Test
    void under_twelve_values_the_limits_are_trial_limits_and_under_two_there_is_no_chart() {
        Measure falls = f.falls();
        assertThat(status(falls).chart()).isEmpty();
        assertThat(status(falls).line(BOLD)).isEqualTo("No values yet.");
        f.weekly(falls, f.oak, f.monday(1), 5);
        assertThat(status(falls).chart()).isEmpty();
        assertThat(status(falls).line(BOLD)).contains("a chart needs at least two values");
        f.weekly(falls, f.oak, f.monday(3), 6, 4);
        assertThat(status(falls).chart().orElseThrow().hasTrialLimits()).isTrue();
        assertThat(status(falls).line(BOLD)).contains("3 values, trial limits");
    }

    @Test
    void twelve_values_from_before_the_programme_fix_the_mean_and_limits() {
        Measure falls = f.falls();
        double[] values = {8, 9, 7, 8, 10, 8, 9, 7, 8, 9, 8, 9, 5, 4, 5, 4};
        f.weekly(falls, f.oak, f.monday(4), values); // 12 weeks before 4 January, then weeks 1 to 4
        SpcChart chart = status(falls).chart().orElseThrow();
        assertThat(chart.periods().get(0).baselinePoints()).isEqualTo(12);
        assertThat(chart.latest().centre()).isCloseTo(100.0 / 12, Offset.offset(1e-9));
        assertThat(chart.latest().pointType()).isEqualTo(PointType.SPECIAL_CAUSE_IMPROVEMENT);
        MeasureChart drawn = view.chart(f.cohort, f.oak, status(falls));
        assertThat(drawn.programmeStart()).contains(MeasuresFixture.START);
        assertThat(drawn.note()).contains("from the 12 values before the programme started");
        assertThat(drawn.subtitle()).startsWith("Oak House · count · weekly · lower is better");
    }

    @Test
    void a_rate_s_line_shows_its_counts() {
        Measure rate = f.fallsRate(Frequency.MONTHLY);
        f.measures.saveValues(List.of(
                f.rate(rate, f.oak, LocalDate.of(2026, 11, 1), 5, 1600),
                f.rate(rate, f.oak, LocalDate.of(2026, 12, 1), 7, 1700)));
        assertThat(status(rate).line(BOLD)).startsWith("Latest **4.12** (7 ÷ 1,700), Dec 2026");
    }

    @Test
    void the_manager_s_view_has_a_status_per_measure_and_a_chart_for_each_with_two_values() {
        assertThat(view.forManager(f.alice, 10))
                .isEqualTo(new HomeMeasuresService.NoMeasures("Oak House", "Spring 2027"));
        Measure falls = f.falls();
        Measure rate = f.fallsRate(Frequency.MONTHLY);
        f.weekly(falls, f.oak, f.monday(17), SHIFT_DOWN);
        f.weekly(falls, f.elm, f.monday(2), 1, 2);
        HomeMeasuresService.Measures v = (HomeMeasuresService.Measures) view.forManager(f.alice, 10);
        assertThat(v.home()).isEqualTo("Oak House");
        assertThat(v.cohort()).isEqualTo("Spring 2027");
        assertThat(v.statuses()).extracting(st -> st.measure().id()).containsExactly(falls.id(), rate.id());
        assertThat(v.statuses().get(0).line(BOLD)).contains("Special cause improvement (lower)");
        assertThat(v.statuses().get(1).line(BOLD)).isEqualTo("No values yet.");
        assertThat(v.anyChart()).isTrue();
        assertThat(v.charts()).extracting(ChartImage::filename).containsExactly("measure-1-falls.png");
        assertThat(f.renderer.charts).hasSize(1);
        assertThat(f.renderer.charts.get(0).spc().orElseThrow().points()).hasSize(SHIFT_DOWN.length);
        assertThat(f.renderer.charts.get(0).subtitle()).startsWith("Oak House");

        assertThat(view.forManager(f.coach, 10)).isEqualTo(new HomeMeasuresService.NotAManager(true));
        assertThat(view.forManager(f.outsider, 10)).isEqualTo(new HomeMeasuresService.NotAManager(false));
        assertThat(view.progress(f.oak))
                .hasValueSatisfying(p -> assertThat(p)
                        .contains("Falls: latest 4 · Special cause improvement (lower)")
                        .contains("Falls rate: no values yet"));
    }

    @Test
    void no_more_charts_are_drawn_than_asked_for() {
        for (int i = 1; i <= MeasureDefinitionService.MAX_MEASURES; i++) {
            Measure m = f.measures.add(new MeasureRepository.NewMeasure(
                    f.cohort.id(),
                    "Measure number " + i + " with a long name",
                    "things counted per 1,000 occupied bed days",
                    ImprovementDirection.DECREASE,
                    OptionalDouble.of(5),
                    Frequency.WEEKLY,
                    Optional.of(new Rate("things counted", "occupied bed days", 1000)),
                    "coach",
                    MeasuresFixture.CREATED));
            f.measures.saveValues(
                    List.of(f.rate(m, f.oak, f.monday(1), 3, 800), f.rate(m, f.oak, f.monday(2), 4, 810)));
        }
        HomeMeasuresService.Measures v = (HomeMeasuresService.Measures) view.forManager(f.alice, 10);
        assertThat(v.statuses()).hasSize(MeasureDefinitionService.MAX_MEASURES);
        assertThat(v.charts()).hasSize(10);
    }

    @Test
    void chart_file_names_are_plain_ascii() {
        Measure m = new Measure(
                3,
                1,
                "Chutes / « Falls » per 1,000 bed-days — résidents",
                "x",
                ImprovementDirection.DECREASE,
                OptionalDouble.empty(),
                Frequency.WEEKLY,
                Optional.empty(),
                3,
                "c",
                MeasuresFixture.CREATED);
        assertThat(HomeMeasuresService.filename(m)).isEqualTo("measure-3-chutes-falls-per-1-000-bed-days-resident.png");
    }
}
