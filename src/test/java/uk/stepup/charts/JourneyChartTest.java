package uk.stepup.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.stepup.charts.Pngs.decode;
import static uk.stepup.charts.Pngs.rgb;

import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;
import uk.stepup.summaries.RatingJourney;

class JourneyChartTest {
    private final PngCharts charts = new PngCharts();

    @Test
    void a_whole_journey_draws_every_rating_colour_and_the_baseline() {
        List<Optional<Rating>> ratings = List.of(
                Optional.of(Rating.REQUIRES_IMPROVEMENT),
                Optional.of(Rating.GOOD),
                Optional.empty(),
                Optional.of(Rating.OUTSTANDING),
                Optional.of(Rating.INADEQUATE),
                Optional.of(Rating.GOOD));
        RatingJourney journey =
                RatingJourney.of("Rosewood Lodge", "", ChartData.KLOES, ratings, Map.of(KeyQuestion.SAFE, Rating.GOOD));
        BufferedImage image = decode(charts.journeyPng(journey));

        assertThat(image.getWidth()).isEqualTo(Sheet.WIDTH);
        assertThat(image.getHeight()).isBetween(1000, 2000);
        for (Rating r : Rating.values()) {
            assertThat(Pngs.count(image, rgb(Palette.fill(r)))).as(r.label()).isGreaterThan(300);
        }
        assertThat(Pngs.count(image, rgb(Palette.NO_CHECKIN_HATCH))).isGreaterThan(300);
        assertThat(Pngs.count(image, rgb(Palette.INK)))
                .as("dashed baseline and text")
                .isGreaterThan(2_000);
    }

    @Test
    void before_any_checkin_the_baselines_still_show() {
        RatingJourney journey = RatingJourney.of(
                "Rosewood Lodge",
                "",
                ChartData.KLOES,
                List.of(),
                Map.of(KeyQuestion.SAFE, Rating.GOOD, KeyQuestion.WELL_LED, Rating.INADEQUATE));

        BufferedImage image = decode(charts.journeyPng(journey));

        assertThat(image.getHeight()).isBetween(1000, 2000);
    }

    @Test
    void a_journey_with_no_key_questions_gives_a_friendly_image() {
        BufferedImage image = decode(charts.journeyPng(new RatingJourney("Rosewood Lodge", List.of())));

        assertThat(image.getHeight()).isBetween(200, 500);
    }

    @Test
    void a_long_framework_renders() {
        List<String> codes = Collections.nCopies(40, "W1");
        List<Optional<Rating>> ratings = Collections.nCopies(40, Optional.of(Rating.GOOD));

        BufferedImage image = decode(charts.journeyPng(RatingJourney.of("Long", "", codes, ratings, Map.of())));

        assertThat(image.getWidth()).isEqualTo(Sheet.WIDTH);
    }
}
