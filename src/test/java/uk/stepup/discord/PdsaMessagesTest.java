package uk.stepup.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.improvement.PdsaCycle;
import uk.stepup.improvement.PdsaService;
import uk.stepup.shared.Outcome;

/** A cycle's message, the list and a refusal stay within Discord's 2,000 characters and cannot ping. */
class PdsaMessagesTest {
    static final Instant AT = Instant.parse("2027-01-04T09:00:00Z");

    private static PdsaCycle cycle(int number, String text) {
        PdsaCycle.Step step = new PdsaCycle.Step(text, "alice", AT);
        return new PdsaCycle(
                number,
                1,
                number,
                OptionalLong.empty(),
                OptionalLong.empty(),
                "x".repeat(PdsaCycle.IDEA_MAX),
                text,
                text,
                LocalDate.of(2027, 1, 4),
                2,
                HighlightShare.ANONYMOUS,
                Optional.of(step),
                Optional.of(step),
                Optional.of(new PdsaCycle.Act(PdsaCycle.Decision.ADAPT, text, "alice", AT)),
                "alice",
                AT);
    }

    private static PdsaService.Card card(PdsaCycle c) {
        return new PdsaService.Card(c, "Oak House", "Spring 2027", Optional.of("1"), Optional.empty(), true);
    }

    @Test
    void a_cycle_with_every_text_at_its_longest_fits_one_message_and_cannot_ping() {
        String longest = "@everyone " + "y".repeat(PdsaCycle.TEXT_MAX - 10);
        String text = PdsaMessages.card(card(cycle(1, longest)));
        assertThat(text.length()).isLessThanOrEqualTo(EmbedCard.CONTENT_MAX);
        assertThat(text).doesNotContain("@everyone").contains("**Adapted**");
    }

    @Test
    void the_list_of_a_home_with_many_cycles_is_cut_to_fit() {
        List<PdsaService.Card> cards = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            cards.add(card(cycle(i, "plan")));
        }
        String text = PdsaMessages.list(new PdsaService.Listed("Oak House", "Spring 2027", cards));
        assertThat(text.length()).isLessThanOrEqualTo(EmbedCard.CONTENT_MAX);
        assertThat(text).contains("more.").contains("⏰ Study overdue");
    }

    @Test
    void a_refusal_quotes_back_every_text_in_messages_within_the_limit() {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put(PdsaService.IDEA, "i".repeat(PdsaCycle.IDEA_MAX));
        typed.put(PdsaService.PLAN, "p".repeat(PdsaCycle.TEXT_MAX));
        typed.put(PdsaService.PREDICTION, "q".repeat(PdsaCycle.TEXT_MAX));
        List<String> parts =
                PdsaMessages.refused(new PdsaService.Refused(Outcome.invalid("Nothing was saved."), typed));
        assertThat(parts)
                .hasSizeGreaterThan(1)
                .allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(EmbedCard.CONTENT_MAX));
        assertThat(String.join("", parts))
                .contains("p".repeat(PdsaCycle.TEXT_MAX))
                .contains("q".repeat(100));
    }
}
