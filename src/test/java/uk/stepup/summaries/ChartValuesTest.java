package uk.stepup.summaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;

class ChartValuesTest {
    private static final Optional<Rating> G = Optional.of(Rating.GOOD);

    @Test
    void a_heatmap_row_must_have_one_cell_per_column() {
        assertThatThrownBy(() ->
                        new Heatmap("t", List.of("S1", "S2"), List.of(new HeatmapRow("Home A", List.of(G), false))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Home A")
                .hasMessageContaining("1 cells for 2");
    }

    @Test
    void chart_values_copy_their_lists() {
        List<String> codes = new ArrayList<>(List.of("S1"));
        Heatmap heatmap = new Heatmap("t", null, codes, List.of(new HeatmapRow("Home A", List.of(G), false)));
        codes.add("S2");

        assertThat(heatmap.columnCodes()).containsExactly("S1");
        assertThat(heatmap.subtitle()).isEmpty();
        assertThat(heatmap.hasCheckins()).isTrue();
    }

    @Test
    void week_participation_rejects_nonsense() {
        assertThatThrownBy(() -> new WeekParticipation(0, "S1", 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WeekParticipation(1, "S1", -1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new WeekParticipation(3, "S3", 5, 2, 1).homes()).isEqualTo(8);
    }

    @Test
    void a_journey_groups_the_weeks_by_key_question_and_keeps_every_baseline() {
        List<String> codes = List.of("S1", "S2", "E1", "C1", "S3");
        RatingJourney journey = RatingJourney.of(
                "Rosewood Lodge",
                "",
                codes,
                List.of(G, Optional.empty(), Optional.of(Rating.OUTSTANDING), G),
                Map.of(KeyQuestion.SAFE, Rating.REQUIRES_IMPROVEMENT));

        assertThat(journey.keyQuestions())
                .extracting(KeyQuestionJourney::keyQuestion)
                .containsExactly(KeyQuestion.values());
        KeyQuestionJourney safe = journey.keyQuestions().get(0);
        assertThat(safe.baseline()).contains(Rating.REQUIRES_IMPROVEMENT);
        assertThat(safe.points())
                .containsExactly(new JourneyPoint(1, "S1", G), new JourneyPoint(2, "S2", Optional.empty()));
        assertThat(journey.keyQuestions().get(1).points())
                .containsExactly(new JourneyPoint(3, "E1", Optional.of(Rating.OUTSTANDING)));
        assertThat(journey.keyQuestions().get(4).points()).isEmpty();
        assertThat(journey.keyQuestions().get(4).baseline()).isEmpty();
        assertThat(journey.hasCheckins()).isTrue();
    }

    @Test
    void a_journey_rejects_codes_without_a_key_question_and_duplicate_panels() {
        assertThatThrownBy(() -> RatingJourney.of("t", "", List.of("X1"), List.of(G), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X1");
        KeyQuestionJourney safe = new KeyQuestionJourney(KeyQuestion.SAFE, Optional.empty(), List.of());
        assertThatThrownBy(() -> new RatingJourney("t", List.of(safe, safe)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
