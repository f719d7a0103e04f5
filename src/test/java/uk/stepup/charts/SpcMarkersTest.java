package uk.stepup.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.stepup.charts.Pngs.count;
import static uk.stepup.charts.Pngs.decode;
import static uk.stepup.charts.Pngs.rgb;

import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.stepup.measures.ChartMarker;
import uk.stepup.measures.Frequency;
import uk.stepup.measures.MeasureChart;
import uk.stepup.measures.MeasurePanels;
import uk.stepup.measures.spc.ImprovementDirection;
import uk.stepup.measures.spc.Observation;
import uk.stepup.measures.spc.Spc;
import uk.stepup.measures.spc.SpcChart;
import uk.stepup.measures.spc.XmrOptions;

/**
 * A home's changes on its chart: a numbered marker with a thin line at each change's period, the list of changes under
 * the chart, the target named on its line; samples in {@code target/chart-samples/} for a person to look at.
 */
class SpcMarkersTest {
    static final LocalDate START = SpcChartTest.START;
    private final PngCharts charts = new PngCharts();

    static MeasureChart chart(List<ChartMarker> markers, Double target) {
        SpcChart spc =
                SpcChartTest.xmr(SpcChartTest.weekly(START, SpcChartTest.FALLS), ImprovementDirection.DECREASE, target);
        return new MeasureChart(
                "Falls at Oak House",
                "Oak House · falls · weekly · lower is better",
                Frequency.WEEKLY,
                Optional.of(spc),
                List.of(),
                Optional.empty(),
                target == null ? "" : "Aim: fewer falls at night, 9 to 5 a week by June",
                markers);
    }

    static List<ChartMarker> markers() {
        return List.of(
                new ChartMarker(1, START.plusWeeks(3), "Night-time checks: abandoned", false),
                new ChartMarker(
                        2, START.plusWeeks(9).plusDays(2), "Night-time checks, with a sensor mat: adopted", true),
                // Starts in the same week as cycle 2: its circle must not hide cycle 2's number.
                new ChartMarker(3, START.plusWeeks(9), "Hydration round at 3pm: under way", false),
                new ChartMarker(
                        4,
                        START.plusWeeks(17),
                        "A much longer change idea that a manager typed on a phone, about footwear checks on every"
                                + " admission and after every hospital stay, with the family asked to bring slippers"
                                + " that fit: planned",
                        false),
                // Starts after the latest value: listed, not on the plot.
                new ChartMarker(5, START.plusWeeks(30), "Falls huddle after handover: planned", false));
    }

    @Test
    void markers_are_drawn_in_their_own_colour_and_the_list_makes_the_chart_taller() throws IOException {
        byte[] plain = charts.measurePng(chart(List.of(), 6.0));
        byte[] marked = charts.measurePng(chart(markers(), 6.0));
        BufferedImage without = decode(plain);
        BufferedImage with = decode(marked);
        keep("spc-markers.png", marked);
        keep("spc-markers-none.png", plain);
        assertThat(with.getWidth()).isEqualTo(Sheet.WIDTH);
        // The strip above the plot, and under it five changes, one of them on two lines.
        assertThat(with.getHeight()).isGreaterThanOrEqualTo(without.getHeight() + 6 * 32);
        assertThat(count(without, rgb(Palette.MARKER))).isZero();
        assertThat(count(with, rgb(Palette.MARKER))).isGreaterThan(500);

        // Each point keeps its Making Data Count colour with the markers drawn.
        MeasureChart chart = chart(markers(), 6.0);
        List<Point2D> centres = SpcPainter.pointCentres(chart);
        SpcChart spc = chart.spc().orElseThrow();
        for (int i = 0; i < centres.size(); i++) {
            Point2D c = centres.get(i);
            assertThat(rgb(with, (int) Math.round(c.getX()), (int) Math.round(c.getY())))
                    .as("point %d", i)
                    .isEqualTo(rgb(Palette.spc(spc.points().get(i).pointType())));
        }
        // Marker lines at cycle 1's week (week 4) and cycles 2 and 3's week (week 10), between the points.
        for (int week : new int[] {3, 9}) {
            Point2D p = centres.get(week);
            int x = (int) Math.round(p.getX());
            int found = count(with, new Rectangle(x - 2, (int) p.getY() + 30, 5, 40), rgb(Palette.MARKER_LINE));
            assertThat(found).as("line at week %d", week + 1).isGreaterThan(0);
        }
    }

    @Test
    void panels_show_the_lines_without_the_list() throws IOException {
        MeasureChart marked = chart(markers(), null);
        MeasureChart plain = chart(List.of(), null);
        byte[] withLines = charts.panelsPng(new MeasurePanels("Oak House", "2 measures", List.of(marked, marked)));
        byte[] without = charts.panelsPng(new MeasurePanels("Oak House", "2 measures", List.of(plain, plain)));
        keep("spc-panels-markers.png", withLines);
        assertThat(decode(withLines).getHeight())
                .isLessThanOrEqualTo(decode(without).getHeight() + 48);
        assertThat(count(decode(withLines), rgb(Palette.MARKER_LINE))).isGreaterThan(0);
    }

    private static void keep(String name, byte[] png) throws IOException {
        Path samples = Path.of("target", "chart-samples");
        Files.createDirectories(samples);
        Files.write(samples.resolve(name), png);
    }

    @Test
    void trial_limits_are_counted_per_period_once_limits_are_recalculated() {
        List<Observation> values = SpcChartTest.weekly(START, 9, 11, 8, 10, 12, 9, 6, 5, 6, 5, 6, 5, 5, 6);
        SpcChart one = Spc.xmr(values.subList(0, 8), XmrOptions.defaults());
        SpcChart two = Spc.xmr(
                values,
                XmrOptions.defaults().withRebaseDates(List.of(values.get(6).date())));

        assertThat(SpcPainter.trialNote(one)).startsWith("Trial limits: calculated from 8 points (fewer than 12)");
        assertThat(SpcPainter.trialNote(two))
                .startsWith("Trial limits: calculated from 6 and 8 points in its 2 periods (fewer than 12)");
    }

    @Test
    void a_home_s_aim_is_named_as_the_aim() throws IOException {
        MeasureChart target = chart(List.of(), 6.0);
        MeasureChart aim = new MeasureChart(
                target.title(),
                target.subtitle(),
                target.frequency(),
                target.spc(),
                target.suppressed(),
                target.programmeStart(),
                target.note(),
                target.markers(),
                true);

        assertThat(target.targetName()).isEqualTo("target");
        assertThat(aim.targetName()).isEqualTo("aim");
        assertThat(charts.measurePng(aim)).isNotEqualTo(charts.measurePng(target));
    }
}
