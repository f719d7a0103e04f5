package uk.stepup.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.stepup.charts.Pngs.decode;
import static uk.stepup.charts.Pngs.rgb;

import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import uk.stepup.measures.Frequency;
import uk.stepup.measures.MeasureChart;
import uk.stepup.measures.MeasurePanels;
import uk.stepup.measures.spc.ImprovementDirection;
import uk.stepup.measures.spc.Observation;
import uk.stepup.measures.spc.PointType;
import uk.stepup.measures.spc.Spc;
import uk.stepup.measures.spc.SpcChart;
import uk.stepup.measures.spc.SpcPoint;
import uk.stepup.measures.spc.XmrOptions;

/** The Making Data Count chart: decodes, the right colour at each point, lines and badges, samples to look at. */
class SpcChartTest {
    static final LocalDate START = LocalDate.of(2027, 1, 4);
    /** Ten ordinary weeks, then seven lower ones, then one far above: improvement, then concern. */
    static final double[] FALLS = {8, 9, 7, 8, 10, 8, 9, 7, 8, 9, 4, 3, 4, 5, 3, 4, 4, 16};

    private final PngCharts charts = new PngCharts();

    static List<Observation> weekly(LocalDate first, double... values) {
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new Observation(first.plusWeeks(i), values[i]));
        }
        return out;
    }

    static SpcChart xmr(List<Observation> obs, ImprovementDirection d, Double target) {
        XmrOptions o = XmrOptions.defaults().withImprovement(d);
        return Spc.xmr(obs, target == null ? o : o.withTarget(target));
    }

    static MeasureChart chart(String title, SpcChart spc, List<LocalDate> suppressed, Optional<LocalDate> start) {
        return chart(title, "Oak House · falls · weekly · lower is better", spc, suppressed, start);
    }

    static MeasureChart chart(
            String title, String subtitle, SpcChart spc, List<LocalDate> suppressed, Optional<LocalDate> start) {
        return new MeasureChart(title, subtitle, Frequency.WEEKLY, Optional.of(spc), suppressed, start, "");
    }

    @Test
    void every_point_has_its_making_data_count_colour() {
        SpcChart spc = xmr(weekly(START, FALLS), ImprovementDirection.DECREASE, 6.0);
        MeasureChart chart = chart("Falls", spc, List.of(), Optional.empty());
        BufferedImage image = decode(charts.measurePng(chart));
        assertThat(image.getWidth()).isEqualTo(Sheet.WIDTH);
        assertThat(image.getHeight()).isBetween(700, 1200);

        List<Point2D> centres = SpcPainter.pointCentres(chart);
        assertThat(spc.points())
                .extracting(SpcPoint::pointType)
                .contains(PointType.COMMON_CAUSE, PointType.SPECIAL_CAUSE_IMPROVEMENT, PointType.SPECIAL_CAUSE_CONCERN);
        for (int i = 0; i < centres.size(); i++) {
            Point2D c = centres.get(i);
            assertThat(rgb(image, (int) Math.round(c.getX()), (int) Math.round(c.getY())))
                    .as("point %d (%s)", i, spc.points().get(i).pointType())
                    .isEqualTo(rgb(Palette.spc(spc.points().get(i).pointType())));
        }
        assertThat(rgb(Palette.SPC_IMPROVEMENT)).isEqualTo(0x00B0F0);
        assertThat(rgb(Palette.SPC_CONCERN)).isEqualTo(0xE46C0A);
        assertThat(rgb(Palette.SPC_COMMON)).isEqualTo(0xA6A6A6);
        assertThat(rgb(Palette.SPC_NEUTRAL)).isEqualTo(0x490092);
    }

    @Test
    void the_target_is_red_the_mean_black_and_the_limits_dashed() {
        SpcChart spc = xmr(weekly(START, FALLS), ImprovementDirection.DECREASE, 6.0);
        MeasureChart chart = chart("Falls", spc, List.of(), Optional.empty());
        BufferedImage image = decode(charts.measurePng(chart));
        List<Point2D> centres = SpcPainter.pointCentres(chart);
        int left = (int) centres.get(0).getX();
        int right = (int) centres.get(centres.size() - 1).getX();

        int target = (int) Math.round(SpcPainter.yOf(chart, 6.0));
        Rectangle targetRow = new Rectangle(left, target - 1, right - left, 3);
        assertThat(Pngs.count(image, targetRow, rgb(Palette.SPC_TARGET))).isGreaterThan((right - left) / 2);

        int mean = (int) Math.round(SpcPainter.yOf(chart, spc.latest().centre()));
        assertThat(Pngs.count(image, new Rectangle(left, mean - 1, right - left, 3), 0x000000))
                .isGreaterThan((right - left) / 2);

        int upper = (int) Math.round(SpcPainter.yOf(chart, spc.latest().upl()));
        int dashes = Pngs.count(image, new Rectangle(left, upper - 1, right - left, 3), rgb(Palette.SPC_LIMIT));
        assertThat(dashes)
                .as("dashed: drawn, with gaps")
                .isGreaterThan((right - left) / 3)
                .isLessThan(3 * (right - left) * 9 / 10);
    }

    @Test
    void the_badges_say_what_the_icons_mean() {
        SpcChart spc = xmr(weekly(START, 5, 6, 5, 4, 6, 5), ImprovementDirection.INCREASE, null);
        BufferedImage image = decode(charts.measurePng(chart("Activities", spc, List.of(), Optional.empty())));
        // Common cause (grey badge) and "no target" (light grey badge) near the top-left, with words beside.
        Rectangle badges = new Rectangle(0, 60, 600, 180);
        assertThat(Pngs.count(image, badges, rgb(Palette.SPC_COMMON))).isGreaterThan(500);
        assertThat(Pngs.dark(image, badges)).as("badge words").isGreaterThan(1500);
    }

    @Test
    void a_neutral_measure_is_purple_and_a_cohort_chart_marks_suppressed_periods() {
        double[] up = {3, 4, 3, 4, 3, 4, 3, 8, 9, 8, 9, 8, 9, 8, 9};
        List<Observation> obs = weekly(START, up);
        SpcChart spc = xmr(obs, ImprovementDirection.NEUTRAL, null);
        assertThat(spc.points()).extracting(SpcPoint::pointType).contains(PointType.SPECIAL_CAUSE_NEUTRAL_HIGH);
        BufferedImage image = decode(charts.measurePng(chart("Mood", spc, List.of(), Optional.empty())));
        assertThat(Pngs.count(image, rgb(Palette.SPC_NEUTRAL))).isGreaterThan(1000);
        assertThat(Pngs.count(image, rgb(Palette.SPC_IMPROVEMENT))).isZero();
    }

    @Test
    void a_chart_without_enough_points_is_a_friendly_image() {
        MeasureChart empty = new MeasureChart(
                "Falls",
                "Oak House",
                Frequency.WEEKLY,
                Optional.empty(),
                List.of(),
                Optional.empty(),
                "One value so far: a chart needs at least two.");
        assertThat(decode(charts.measurePng(empty)).getHeight()).isBetween(200, 500);
        BufferedImage panels = decode(charts.panelsPng(new MeasurePanels("Spring 2027", "", List.of())));
        assertThat(panels.getHeight()).isBetween(200, 500);
    }

    @Test
    void small_multiples_fit_twelve_measures_in_one_image() {
        List<MeasureChart> panels = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            SpcChart spc = xmr(
                    weekly(START, FALLS),
                    i % 3 == 0 ? ImprovementDirection.INCREASE : ImprovementDirection.DECREASE,
                    i % 2 == 0 ? 6.0 : null);
            panels.add(chart("Measure " + (i + 1), spc, List.of(), Optional.empty()));
        }
        BufferedImage image = decode(charts.panelsPng(
                new MeasurePanels("Spring 2027 · measures after week 18", "Cohort aggregates", panels)));
        assertThat(image.getWidth()).isEqualTo(Sheet.WIDTH);
        assertThat(image.getHeight()).isLessThanOrEqualTo(Sheet.MAX_HEIGHT).isGreaterThan(2000);
        assertThat(Pngs.count(image, rgb(Palette.SPC_IMPROVEMENT))).isGreaterThan(1000);
        assertThat(Pngs.count(image, rgb(Palette.SPC_CONCERN))).isGreaterThan(1000);
    }

    @Test
    void writes_samples_for_people_to_look_at() throws IOException {
        Files.createDirectories(ChartSamplesTest.SAMPLES);
        SpcChart falls = xmr(weekly(START, FALLS), ImprovementDirection.DECREASE, 6.0);
        sample(
                "spc-falls-improvement-then-concern.png",
                charts.measurePng(chart("Falls", falls, List.of(), Optional.empty())));

        List<Observation> history = new ArrayList<>();
        Random random = new Random(3);
        LocalDate first = START.minusMonths(24).withDayOfMonth(1);
        for (int m = 0; m < 30; m++) {
            double base = m < 24 ? 7 : 4.5;
            history.add(new Observation(first.plusMonths(m), Math.round((base + random.nextGaussian()) * 100) / 100.0));
        }
        SpcChart monthly = Spc.xmr(
                history,
                XmrOptions.defaults()
                        .withImprovement(ImprovementDirection.DECREASE)
                        .withTarget(5)
                        .withFixAfterPoints(24));
        sample(
                "spc-monthly-rate-with-baseline.png",
                charts.measurePng(new MeasureChart(
                        "Falls per 1,000 occupied bed days",
                        "Oak House · falls per 1,000 occupied bed days "
                                + "(falls ÷ occupied bed days × 1,000) · monthly · lower is better · target 5",
                        Frequency.MONTHLY,
                        Optional.of(monthly),
                        List.of(),
                        Optional.of(Frequency.MONTHLY.periodOf(START)),
                        "Mean and limits from the 24 values before the programme started.")));

        SpcChart trial = xmr(weekly(START, 5, 7, 6, 8, 7), ImprovementDirection.INCREASE, 10.0);
        sample(
                "spc-trial-limits.png",
                charts.measurePng(chart(
                        "Activities offered",
                        "Oak House · activities · weekly · higher is better · target 10",
                        trial,
                        List.of(),
                        Optional.empty())));

        List<Observation> cohort = weekly(START, 9, 8, 9, 7, 8);
        cohort.add(new Observation(START.plusWeeks(6), 6));
        cohort.add(new Observation(START.plusWeeks(7), 7));
        SpcChart withGap = xmr(cohort, ImprovementDirection.DECREASE, null);
        MeasureChart cohortFalls = new MeasureChart(
                "Falls",
                "mean per home · falls · lower is better",
                Frequency.WEEKLY,
                Optional.of(withGap),
                List.of(START.plusWeeks(5)),
                Optional.empty(),
                "");
        sample("spc-cohort-suppressed.png", charts.measurePng(cohortFalls));

        List<MeasureChart> panels = new ArrayList<>();
        panels.add(cohortFalls);
        panels.add(new MeasureChart(
                "Falls per 1,000 occupied bed days",
                "pooled rate · per 1,000 bed days · lower is better",
                Frequency.MONTHLY,
                Optional.of(monthly),
                List.of(),
                Optional.of(Frequency.MONTHLY.periodOf(START)),
                ""));
        panels.add(chart(
                "Residents weighed",
                "mean per home · % · higher is better · target 95",
                xmr(weekly(START, 80, 85, 82, 90, 88, 91, 93, 95), ImprovementDirection.INCREASE, 95.0),
                List.of(),
                Optional.empty()));
        panels.add(new MeasureChart(
                "Hospital admissions",
                "mean per home · admissions · lower is better",
                Frequency.WEEKLY,
                Optional.empty(),
                List.of(),
                Optional.empty(),
                "No values yet."));
        panels.add(chart(
                "Mood",
                "mean per home · score · neither way is better",
                xmr(weekly(START, 3, 4, 3, 4, 3, 4, 3, 8, 9, 8, 9, 8, 9, 8, 9), ImprovementDirection.NEUTRAL, null),
                List.of(),
                Optional.empty()));
        byte[] png = charts.panelsPng(new MeasurePanels(
                "Spring 2027 · measures after week 8",
                "Cohort aggregates: mean per " + "home, or the pooled rate for rates. Counts of 1 to 4 show as <5.",
                panels));
        // Five panels side by side and in rows: wider and taller than one chart.
        BufferedImage image = sample("spc-cohort-small-multiples.png", png);
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(600);
        assertThat(image.getHeight()).isGreaterThan(300);
    }

    /** Writes a sample for a person to open, once it decodes and is drawn on (what a test can check of a picture). */
    private static BufferedImage sample(String name, byte[] png) throws IOException {
        BufferedImage image = Pngs.assertDrawn(name, png, 300);
        Files.write(ChartSamplesTest.SAMPLES.resolve(name), png);
        return image;
    }
}
