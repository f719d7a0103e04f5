package uk.stepup.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A long summary is split across messages so that no message breaks one of Discord's embed limits. */
class EmbedCardTest {

    @Test
    void a_summary_of_far_more_than_6000_characters_is_split_within_every_limit_and_loses_nothing() {
        List<EmbedCard.Field> fields = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            String text = ("Highlight " + i + ": ").repeat(1) + "x".repeat(400 + i * 7);
            fields.add(new EmbedCard.Field("Highlight " + i + " · a home in the cohort", text, false));
            all.append(text);
        }
        fields.add(new EmbedCard.Field("One very long field", "word ".repeat(700), false));
        EmbedCard card = new EmbedCard(
                "Week 3 summary · S3 Staffing", "12 of 12 homes checked in.", fields, Optional.of("footer"), 0);
        assertThat(card.size()).isGreaterThan(30_000);

        List<List<EmbedCard>> messages = card.pack();
        assertThat(messages.size()).isGreaterThan(5);
        StringBuilder packed = new StringBuilder();
        for (List<EmbedCard> message : messages) {
            assertThat(message).hasSizeLessThanOrEqualTo(EmbedCard.EMBEDS_PER_MESSAGE_MAX);
            assertThat(message.stream().mapToInt(EmbedCard::size).sum())
                    .isLessThanOrEqualTo(EmbedCard.MESSAGE_EMBED_TOTAL_MAX);
            for (EmbedCard c : message) {
                assertThat(c.fields()).hasSizeLessThanOrEqualTo(EmbedCard.FIELDS_MAX);
                assertThat(c.title().length()).isLessThanOrEqualTo(EmbedCard.TITLE_MAX);
                assertThat(c.description().length()).isLessThanOrEqualTo(EmbedCard.DESCRIPTION_MAX);
                for (EmbedCard.Field f : c.fields()) {
                    assertThat(f.value().length()).isBetween(1, EmbedCard.FIELD_VALUE_MAX);
                    assertThat(f.name().length()).isLessThanOrEqualTo(EmbedCard.FIELD_NAME_MAX);
                    packed.append(f.value());
                }
            }
        }
        assertThat(packed.toString()).contains(all.toString().substring(0, 2000));
        assertThat(packed.toString().replace(" ", "")).contains("word".repeat(700));
        assertThat(messages.get(messages.size() - 1)
                        .get(messages.get(messages.size() - 1).size() - 1)
                        .footer())
                .contains("footer");
    }

    /**
     * Thousands of cards of every shape: many short fields (so a card fills its 25 fields before a message fills
     * its 6000 characters), long ones, long titles and footers. Found a 6064-character summary in a 600-home demo.
     */
    @Test
    void every_shape_of_card_packs_within_the_limits_in_order() {
        Random random = new Random(42);
        for (int round = 0; round < 3000; round++) {
            List<EmbedCard.Field> fields = new ArrayList<>();
            int count = 1 + random.nextInt(90);
            int typical = 1 + random.nextInt(random.nextBoolean() ? 300 : 1100);
            for (int i = 0; i < count; i++) {
                fields.add(new EmbedCard.Field(
                        "F" + i + " " + "n".repeat(random.nextInt(random.nextInt(10) == 0 ? 300 : 40)),
                        "v" + i + "." + "x".repeat(random.nextInt(typical)),
                        false));
            }
            EmbedCard card = new EmbedCard(
                    "T".repeat(1 + random.nextInt(random.nextInt(5) == 0 ? 300 : 80)),
                    "d".repeat(random.nextInt(random.nextInt(5) == 0 ? 5000 : 200)),
                    fields,
                    random.nextBoolean() ? Optional.of("f".repeat(1 + random.nextInt(200))) : Optional.empty(),
                    0);
            List<String> seen = new ArrayList<>();
            for (List<EmbedCard> message : card.pack()) {
                assertThat(message).hasSizeBetween(1, EmbedCard.EMBEDS_PER_MESSAGE_MAX);
                assertThat(message.stream().mapToInt(EmbedCard::size).sum())
                        .as("round %d", round)
                        .isLessThanOrEqualTo(EmbedCard.MESSAGE_EMBED_TOTAL_MAX);
                for (EmbedCard c : message) {
                    assertThat(c.fields()).hasSizeLessThanOrEqualTo(EmbedCard.FIELDS_MAX);
                    c.fields().forEach(f -> seen.add(f.value()));
                }
            }
            List<String> expected = new ArrayList<>();
            fields.forEach(f -> expected.addAll(EmbedCard.chunks(f.value(), EmbedCard.FIELD_VALUE_MAX)));
            assertThat(seen).as("round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void a_short_card_stays_one_message() {
        EmbedCard card = new EmbedCard("t", "d", List.of(new EmbedCard.Field("a", "b", false)), Optional.empty(), 0);
        assertThat(card.pack()).hasSize(1);
        assertThat(card.pack().get(0)).hasSize(1);
    }
}
