package uk.stepup.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.stepup.charts.Pngs.decode;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.stepup.summaries.ParticipationSeries;
import uk.stepup.summaries.WeekParticipation;

class ParticipationChartTest {
    private final PngCharts charts = new PngCharts();

    @Test
    void stacked_bars_use_the_on_time_late_and_missing_colours() {
        BufferedImage image = decode(charts.participationPng(new ParticipationSeries(
                "Check-ins",
                List.of(new WeekParticipation(1, "S1", 7, 2, 1), new WeekParticipation(2, "S2", 5, 0, 5)))));

        assertThat(image.getWidth()).isEqualTo(Sheet.WIDTH);
        assertThat(image.getHeight()).isBetween(600, 1100);
        assertThat(Pngs.count(image, Pngs.rgb(Palette.ON_TIME))).isGreaterThan(10_000);
        assertThat(Pngs.count(image, Pngs.rgb(Palette.LATE))).isGreaterThan(2_000);
        assertThat(Pngs.count(image, Pngs.rgb(Palette.NO_CHECKIN_HATCH))).isGreaterThan(1_000);
    }

    @Test
    void a_whole_programme_of_a_large_cohort_renders() {
        BufferedImage image = decode(charts.participationPng(ChartData.participation(15_000, 24, 3)));

        assertThat(image.getWidth()).isEqualTo(Sheet.WIDTH);
    }

    @Test
    void no_weeks_yet_gives_a_friendly_image() {
        BufferedImage image = decode(charts.participationPng(new ParticipationSeries("Check-ins", List.of())));

        assertThat(image.getHeight()).isBetween(200, 500);
    }

    @Test
    void a_week_with_no_homes_does_not_divide_by_zero() {
        BufferedImage image = decode(charts.participationPng(
                new ParticipationSeries("Check-ins", List.of(new WeekParticipation(1, "S1", 0, 0, 0)))));

        assertThat(image.getWidth()).isEqualTo(Sheet.WIDTH);
    }

    @Test
    void axis_steps_are_round_numbers() {
        assertThat(ParticipationPainter.niceStep(1)).isEqualTo(1);
        assertThat(ParticipationPainter.niceStep(8)).isEqualTo(2);
        assertThat(ParticipationPainter.niceStep(30)).isEqualTo(5);
        assertThat(ParticipationPainter.niceStep(600)).isEqualTo(100);
        assertThat(ParticipationPainter.niceStep(15_000)).isEqualTo(5_000);
    }
}
