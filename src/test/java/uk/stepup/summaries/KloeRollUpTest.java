package uk.stepup.summaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;

class KloeRollUpTest {

    /** "O O G" as the Safe KLOEs S1, S2, S3. */
    static Map<String, Rating> safe(String spec) {
        Map<String, Rating> out = new LinkedHashMap<>();
        String[] parts = spec.trim().split("\\s+");
        for (int i = 0; i < parts.length; i++) {
            out.put("S" + (i + 1), Rating.parse(parts[i]).orElseThrow());
        }
        return out;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "G, GOOD",
        "O, OUTSTANDING",
        "O O G, OUTSTANDING",
        "O G, GOOD",
        "O O G G, GOOD",
        "O O O G, OUTSTANDING",
        "RI G O, GOOD",
        "RI RI G, REQUIRES_IMPROVEMENT",
        "O O O O O O, OUTSTANDING",
        "O O O O RI, OUTSTANDING",
        "O O O O I, REQUIRES_IMPROVEMENT",
        "I G G, REQUIRES_IMPROVEMENT",
        "I RI G, REQUIRES_IMPROVEMENT",
        "I I G, INADEQUATE",
        "I RI, INADEQUATE"
    })
    void lowerMedianCappedByAnyInadequate(String spec, Rating expected) {
        assertThat(KloeRollUp.keyQuestionRating(KeyQuestion.SAFE, safe(spec))).contains(expected);
    }

    @Test
    void order_of_entry_does_not_matter() {
        Map<String, Rating> a = Map.of("S1", Rating.GOOD, "S2", Rating.OUTSTANDING, "S3", Rating.OUTSTANDING);
        Map<String, Rating> b = Map.of("S3", Rating.GOOD, "S1", Rating.OUTSTANDING, "S2", Rating.OUTSTANDING);
        assertThat(KloeRollUp.keyQuestionRating(KeyQuestion.SAFE, a))
                .isEqualTo(KloeRollUp.keyQuestionRating(KeyQuestion.SAFE, b))
                .contains(Rating.OUTSTANDING);
    }

    @Test
    void a_key_question_with_nothing_rated_has_no_rating() {
        assertThat(KloeRollUp.keyQuestionRating(KeyQuestion.CARING, safe("G G")))
                .isEmpty();
        Map<String, Rating> unrated = new HashMap<>();
        unrated.put("C1", null);
        assertThat(KloeRollUp.keyQuestionRating(KeyQuestion.CARING, unrated)).isEmpty();
    }

    @Test
    void only_rated_kloes_count() {
        Map<String, Rating> kloes = new HashMap<>();
        kloes.put("C1", Rating.OUTSTANDING);
        kloes.put("C2", null);
        assertThat(KloeRollUp.keyQuestionRating(KeyQuestion.CARING, kloes)).contains(Rating.OUTSTANDING);
    }

    @Test
    void all_key_questions_at_once_in_cqc_order() {
        Map<String, Rating> kloes = new HashMap<>();
        kloes.put("w1", Rating.GOOD);
        kloes.put("S1", Rating.REQUIRES_IMPROVEMENT);
        kloes.put(" e7 ", Rating.OUTSTANDING);
        kloes.put("R3", Rating.INADEQUATE);
        Map<KeyQuestion, Rating> byKq = KloeRollUp.keyQuestionRatings(kloes);
        assertThat(byKq)
                .containsExactly(
                        Map.entry(KeyQuestion.SAFE, Rating.REQUIRES_IMPROVEMENT),
                        Map.entry(KeyQuestion.EFFECTIVE, Rating.OUTSTANDING),
                        Map.entry(KeyQuestion.RESPONSIVE, Rating.INADEQUATE),
                        Map.entry(KeyQuestion.WELL_LED, Rating.GOOD));
    }

    @Test
    void feeds_the_projection() {
        Map<String, Rating> kloes = new HashMap<>();
        kloes.putAll(Map.of(
                "S1",
                Rating.GOOD,
                "S2",
                Rating.GOOD,
                "E1",
                Rating.OUTSTANDING,
                "E2",
                Rating.OUTSTANDING,
                "E3",
                Rating.GOOD,
                "C1",
                Rating.OUTSTANDING,
                "C2",
                Rating.OUTSTANDING,
                "R1",
                Rating.GOOD,
                "W1",
                Rating.GOOD,
                "W2",
                Rating.OUTSTANDING));
        Projection p = RatingProjection.project(KloeRollUp.keyQuestionRatings(kloes), kloes, false);
        assertThat(p.rating()).contains(Rating.OUTSTANDING);
        kloes.put("S3", Rating.INADEQUATE);
        assertThat(RatingProjection.project(KloeRollUp.keyQuestionRatings(kloes), kloes, false)
                        .rating())
                .contains(Rating.GOOD);
    }

    @ParameterizedTest
    @CsvSource({"S1, SAFE", "s6, SAFE", "E7, EFFECTIVE", "C3, CARING", "R1, RESPONSIVE", "' W5 ', WELL_LED"})
    void codes_name_their_key_question(String code, KeyQuestion expected) {
        assertThat(KloeRollUp.keyQuestionOf(code)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"S7", "E8", "C4", "R4", "W6", "S0", "S10", "X1", "SS1", "1S", "", "Safe"})
    void unknown_codes_are_rejected(String code) {
        assertThatThrownBy(() -> KloeRollUp.keyQuestionOf(code)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KloeRollUp.keyQuestionRatings(Map.of(code, Rating.GOOD)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_missing_code_is_rejected() {
        assertThatThrownBy(() -> KloeRollUp.keyQuestionOf(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_framework_has_twenty_four_kloes() {
        assertThat(Arrays.stream(KeyQuestion.values()).mapToInt(KloeRollUp::kloeCount))
                .containsExactly(6, 7, 3, 3, 5);
        assertThat(Arrays.stream(KeyQuestion.values())
                        .mapToInt(KloeRollUp::kloeCount)
                        .sum())
                .isEqualTo(24);
    }

    @Test
    void outstanding_share_counts_only_rated_kloes() {
        Map<String, Rating> kloes =
                Map.of("E1", Rating.OUTSTANDING, "E2", Rating.GOOD, "E3", Rating.GOOD, "E4", Rating.OUTSTANDING);
        assertThat(KloeRollUp.outstandingShare(KeyQuestion.EFFECTIVE, kloes)).isEqualTo(0.5);
        assertThat(KloeRollUp.outstandingShare(KeyQuestion.CARING, kloes)).isZero();
    }
}
