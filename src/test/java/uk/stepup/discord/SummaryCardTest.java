package uk.stepup.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import uk.stepup.shared.Rating;
import uk.stepup.summaries.Heatmap;
import uk.stepup.summaries.WeeklySummary;

class SummaryCardTest {

    private static WeeklySummary summary(List<WeeklySummary.SharedHighlight> shown, int more) {
        return new WeeklySummary(
                1,
                "National",
                5,
                "S5",
                "Medicines",
                15_000,
                12_000,
                700,
                2_300,
                Map.of(Rating.GOOD, 9_000, Rating.OUTSTANDING, 3_700),
                shown,
                more,
                Optional.of("S6"),
                Optional.of("Infection control"),
                false,
                new Heatmap("National", List.of(), List.of()),
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void a_summary_that_shows_some_of_the_highlights_says_how_many_more_homes_shared_one() {
        List<WeeklySummary.SharedHighlight> ten = IntStream.range(0, 10)
                .mapToObj(i -> new WeeklySummary.SharedHighlight(Optional.empty(), "Idea " + i))
                .toList();
        EmbedCard card = JdaProgrammePublisher.summaryCard(summary(ten, 3_719));
        assertThat(card.fields())
                .filteredOn(f -> f.name().startsWith("Highlight "))
                .hasSize(10);
        assertThat(card.fields())
                .filteredOn(f -> f.name().equals("More highlights"))
                .singleElement()
                .extracting(EmbedCard.Field::value)
                .asString()
                .isEqualTo(
                        "3,719 more homes shared a highlight this week. These 10 were picked at random; your coach can"
                                + " see every one.");
        assertThat(card.pack()).as("one message").hasSize(1);
    }

    @Test
    void a_summary_that_shows_every_highlight_says_nothing_more() {
        EmbedCard card = JdaProgrammePublisher.summaryCard(
                summary(List.of(new WeeklySummary.SharedHighlight(Optional.of("Oak House"), "Tea with families.")), 0));
        assertThat(card.fields())
                .extracting(EmbedCard.Field::name)
                .doesNotContain("More highlights")
                .contains("Highlight 1 · Oak House");
    }
}
