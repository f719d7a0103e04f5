package uk.stepup.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;

class RatingProjectionTest {

    /** "O G G RI I" in CQC order (Safe, Effective, Caring, Responsive, Well-led); "-" means not rated. */
    static Map<KeyQuestion, Rating> ratings(String spec) {
        String[] parts = spec.trim().split("\\s+");
        Map<KeyQuestion, Rating> out = new EnumMap<>(KeyQuestion.class);
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].equals("-")) {
                out.put(KeyQuestion.values()[i], Rating.parse(parts[i]).orElseThrow());
            }
        }
        return out;
    }

    static Rating projected(String spec) {
        return RatingProjection.project(ratings(spec)).rating().orElseThrow();
    }

    @Nested
    class AggregationRules {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            // Outstanding: at least two Outstanding and the rest Good
            "O O G G G, OUTSTANDING",
            "G G G O O, OUTSTANDING",
            "O O O G G, OUTSTANDING",
            "O O O O G, OUTSTANDING",
            "O O O O O, OUTSTANDING",
            // Good: none Inadequate and at most one Requires improvement
            "G G G G G, GOOD",
            "O G G G G, GOOD",
            "O O G G RI, GOOD",
            "O O O O RI, GOOD",
            "RI G G G G, GOOD",
            "RI O G G G, GOOD",
            // Requires improvement: two or more RI, or exactly one Inadequate
            "RI RI G G G, REQUIRES_IMPROVEMENT",
            "RI RI O O O, REQUIRES_IMPROVEMENT",
            "RI RI RI RI RI, REQUIRES_IMPROVEMENT",
            "I G G G G, REQUIRES_IMPROVEMENT",
            "I O O O O, REQUIRES_IMPROVEMENT",
            "I RI G G G, REQUIRES_IMPROVEMENT",
            "I RI RI RI RI, REQUIRES_IMPROVEMENT",
            // Inadequate: two or more Inadequate
            "I I G G G, INADEQUATE",
            "I I O O O, INADEQUATE",
            "G G G I I, INADEQUATE",
            "I I RI RI RI, INADEQUATE",
            "I I I I I, INADEQUATE"
        })
        void followsCqcPrinciples(String spec, Rating expected) {
            assertThat(projected(spec)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0} with a breach -> {1}")
        @CsvSource({
            "O O O O O, REQUIRES_IMPROVEMENT",
            "G G G G G, REQUIRES_IMPROVEMENT",
            "RI G G G G, REQUIRES_IMPROVEMENT",
            "I G G G G, REQUIRES_IMPROVEMENT",
            "I I G G G, INADEQUATE"
        })
        void aBreachCapsAtRequiresImprovementButNeverRaises(String spec, Rating expected) {
            assertThat(RatingProjection.project(ratings(spec), true).rating()).contains(expected);
        }

        /** Every one of the 1024 combinations, against the brief's rules written out one by one. */
        @Test
        void every_combination_matches_the_rules_in_order() {
            for (List<Rating> combo : allCombinations()) {
                Map<KeyQuestion, Rating> map = new EnumMap<>(KeyQuestion.class);
                for (int i = 0; i < 5; i++) {
                    map.put(KeyQuestion.values()[i], combo.get(i));
                }
                long inadequate =
                        combo.stream().filter(r -> r == Rating.INADEQUATE).count();
                long ri = combo.stream()
                        .filter(r -> r == Rating.REQUIRES_IMPROVEMENT)
                        .count();
                long outstanding =
                        combo.stream().filter(r -> r == Rating.OUTSTANDING).count();
                boolean restGood = combo.stream().allMatch(r -> r.compareTo(Rating.GOOD) >= 0);
                Rating expected = inadequate >= 2
                        ? Rating.INADEQUATE
                        : (inadequate == 0 && ri <= 1)
                                ? (outstanding >= 2 && restGood ? Rating.OUTSTANDING : Rating.GOOD)
                                : Rating.REQUIRES_IMPROVEMENT;
                assertThat(RatingProjection.project(map).rating())
                        .as(combo.toString())
                        .contains(expected);
                Rating capped =
                        expected.compareTo(Rating.REQUIRES_IMPROVEMENT) > 0 ? Rating.REQUIRES_IMPROVEMENT : expected;
                assertThat(RatingProjection.project(map, true).rating())
                        .as("breach " + combo)
                        .contains(capped);
            }
        }

        @Test
        void improving_any_one_key_question_never_lowers_the_overall() {
            for (List<Rating> combo : allCombinations()) {
                Map<KeyQuestion, Rating> map = new EnumMap<>(KeyQuestion.class);
                for (int i = 0; i < 5; i++) {
                    map.put(KeyQuestion.values()[i], combo.get(i));
                }
                Rating before = RatingProjection.aggregate(map, false);
                for (KeyQuestion kq : KeyQuestion.values()) {
                    Map<KeyQuestion, Rating> better = new EnumMap<>(map);
                    better.put(kq, map.get(kq).oneBetter());
                    assertThat(RatingProjection.aggregate(better, false))
                            .as(combo + " lifting " + kq)
                            .isGreaterThanOrEqualTo(before);
                }
            }
        }

        private List<List<Rating>> allCombinations() {
            List<List<Rating>> out = new ArrayList<>();
            Rating[] values = Rating.values();
            for (int n = 0; n < 1024; n++) {
                List<Rating> combo = new ArrayList<>();
                for (int i = 0, x = n; i < 5; i++, x /= 4) {
                    combo.add(values[x % 4]);
                }
                out.add(combo);
            }
            return out;
        }
    }

    @Nested
    class MissingKeyQuestions {

        @Test
        void nothing_rated_yet() {
            Projection p = RatingProjection.project(Map.of());
            assertThat(p.rating()).isEmpty();
            assertThat(p.headline()).isEqualTo("Not enough ratings yet");
            assertThat(p.missing()).containsExactly(KeyQuestion.values());
            assertThat(p.explanation())
                    .isEqualTo("Not enough ratings yet: 0 of 5 key questions self-rated, Safe,"
                            + " Effective, Caring, Responsive and Well-led still to go.");
            assertThat(p.toMoveUp())
                    .isEqualTo(
                            "Self-rate Safe, Effective, Caring, Responsive and Well-led to see an indicative overall rating.");
        }

        @Test
        void one_missing_key_question_can_still_decide_the_result() {
            Projection p = RatingProjection.project(ratings("G G G G -"));
            assertThat(p.rating()).isEmpty();
            assertThat(p.missing()).containsExactly(KeyQuestion.WELL_LED);
            assertThat(p.explanation())
                    .isEqualTo("Not enough ratings yet: 4 of 5 key questions self-rated,"
                            + " Well-led still to go. So far the best it could be is Good.");
        }

        @Test
        void no_ceiling_is_mentioned_while_outstanding_is_still_possible() {
            Projection p = RatingProjection.project(ratings("O O - G G"));
            assertThat(p.rating()).isEmpty();
            assertThat(p.explanation()).doesNotContain("best it could be");
        }

        @Test
        void null_ratings_count_as_not_rated() {
            Map<KeyQuestion, Rating> map = new HashMap<>(ratings("G G G G G"));
            map.put(KeyQuestion.CARING, null);
            assertThat(RatingProjection.project(map).missing()).containsExactly(KeyQuestion.CARING);
        }

        @Test
        void two_inadequate_settle_it_whatever_the_rest_say() {
            Projection p = RatingProjection.project(ratings("I - I - -"));
            assertThat(p.rating()).contains(Rating.INADEQUATE);
            assertThat(p.missing())
                    .containsExactly(KeyQuestion.EFFECTIVE, KeyQuestion.RESPONSIVE, KeyQuestion.WELL_LED);
            assertThat(p.toMoveUp())
                    .isEqualTo("Lift Safe or Caring from Inadequate to at least Requires"
                            + " improvement. Also self-rate Effective, Responsive and Well-led.");
        }

        @Test
        void two_requires_improvement_with_one_to_go_is_already_settled() {
            // The missing one can only make it Requires improvement (Good or better) or keep it there (Inadequate
            // makes one Inadequate, still Requires improvement).
            assertThat(RatingProjection.project(ratings("RI RI G G -")).rating())
                    .contains(Rating.REQUIRES_IMPROVEMENT);
            assertThat(RatingProjection.project(ratings("RI RI G - -")).rating())
                    .isEmpty();
        }

        @Test
        void one_inadequate_with_one_to_go_is_not_settled() {
            Projection p = RatingProjection.project(ratings("I G G G -"));
            assertThat(p.rating()).isEmpty();
            assertThat(p.explanation()).endsWith("So far the best it could be is Requires improvement.");
        }

        @Test
        void a_breach_with_one_to_go_is_settled_at_requires_improvement() {
            Projection p = RatingProjection.project(ratings("G G G G -"), true);
            assertThat(p.rating()).contains(Rating.REQUIRES_IMPROVEMENT);
            assertThat(p.toMoveUp())
                    .startsWith("Put right the breach of regulations")
                    .endsWith("Also self-rate Well-led.");
        }
    }

    @Nested
    class Explanations {

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "I G G G I | 2 key questions are self-rated Inadequate (Safe and Well-led); two or more normally means"
                            + " Inadequate overall.",
                    "G I G G G | Effective is self-rated Inadequate; with any key question Inadequate the overall rating is"
                            + " normally no better than Requires improvement.",
                    "RI G RI G G | 2 key questions are self-rated Requires improvement (Safe and Caring); two or more"
                            + " normally means Requires improvement overall.",
                    "G G G RI G | No key question is Inadequate and only Responsive is Requires improvement; that normally"
                            + " gives Good overall.",
                    "G G G G G | Every key question is Good or better, with none Outstanding; that normally gives Good"
                            + " overall.",
                    "G G O G G | Every key question is Good or better, with only Caring Outstanding; that normally gives"
                            + " Good overall.",
                    "G O G G O | 2 key questions are self-rated Outstanding (Effective and Well-led) and the rest Good; that"
                            + " normally gives Outstanding overall."
                })
        void oneLineSaysWhy(String spec, String explanation) {
            assertThat(RatingProjection.project(ratings(spec)).explanation()).isEqualTo(explanation);
        }

        @Test
        void a_breach_is_named_as_the_reason() {
            assertThat(RatingProjection.project(ratings("O O G G G"), true).explanation())
                    .isEqualTo(
                            "You've noted a breach of regulations, which normally caps the overall rating at Requires"
                                    + " improvement.");
        }
    }

    @Nested
    class WhatWouldMoveItUp {

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "I I G G G | Lift Safe or Effective from Inadequate to at least Requires improvement.",
                    "I I G G I | Lift two of Safe, Effective and Well-led from Inadequate to at least Requires improvement.",
                    "I I I I I | Lift four of Safe, Effective, Caring, Responsive and Well-led from Inadequate to at least"
                            + " Requires improvement.",
                    "I G G G G | Lift Safe from Inadequate to at least Requires improvement.",
                    "I G RI G G | Lift Safe from Inadequate to Good, or lift Safe to Requires improvement and Caring to"
                            + " Good.",
                    "I RI RI G G | Lift Safe from Inadequate to Good, and Effective or Caring from Requires improvement to"
                            + " Good.",
                    "RI RI G G G | Lift Safe or Effective from Requires improvement to Good.",
                    "RI RI RI G G | Lift two of Safe, Effective and Caring from Requires improvement to Good.",
                    "G G G G G | Lift two key questions to Outstanding (any of Safe, Effective, Caring, Responsive or"
                            + " Well-led).",
                    "G G O G G | Lift one more key question to Outstanding (any of Safe, Effective, Responsive or"
                            + " Well-led).",
                    "O O G G RI | Lift Well-led from Requires improvement to Good.",
                    "RI G G G G | Lift Safe from Requires improvement to Good, and lift two key questions to Outstanding"
                            + " (any of Effective, Caring, Responsive or Well-led).",
                    "O O O O O | Outstanding is the top level: keep your evidence current so that it holds."
                })
        void specificNextSteps(String spec, String toMoveUp) {
            assertThat(RatingProjection.project(ratings(spec)).toMoveUp()).isEqualTo(toMoveUp);
        }

        @Test
        void the_closest_key_questions_come_from_the_kloe_ratings() {
            Map<String, Rating> kloes = Map.of(
                    "S1",
                    Rating.GOOD,
                    "E1",
                    Rating.OUTSTANDING,
                    "E2",
                    Rating.GOOD,
                    "C1",
                    Rating.OUTSTANDING,
                    "C2",
                    Rating.GOOD,
                    "R1",
                    Rating.GOOD,
                    "W1",
                    Rating.OUTSTANDING);
            Projection p = RatingProjection.project(ratings("G G G G O"), kloes, false);
            assertThat(p.toMoveUp())
                    .isEqualTo("Lift one more key question to Outstanding (Effective or Caring are closest).");
        }

        @Test
        void the_single_closest_is_named_alone() {
            Map<String, Rating> kloes = Map.of(
                    "E1",
                    Rating.OUTSTANDING,
                    "E2",
                    Rating.GOOD,
                    "C1",
                    Rating.OUTSTANDING,
                    "C2",
                    Rating.OUTSTANDING,
                    "C3",
                    Rating.GOOD);
            assertThat(RatingProjection.project(ratings("G G G G O"), kloes, false)
                            .toMoveUp())
                    .isEqualTo("Lift one more key question to Outstanding (Caring is closest).");
            assertThat(RatingProjection.project(ratings("G G G G G"), kloes, false)
                            .toMoveUp())
                    .isEqualTo("Lift two key questions to Outstanding (Effective and Caring are closest).");
        }

        @Test
        void a_breach_comes_first_and_key_question_steps_follow() {
            assertThat(RatingProjection.project(ratings("G G G G G"), true).toMoveUp())
                    .isEqualTo(
                            "Put right the breach of regulations: while it stands, the overall rating normally can't be"
                                    + " better than Requires improvement.");
            assertThat(RatingProjection.project(ratings("RI RI G G G"), true).toMoveUp())
                    .isEqualTo(
                            "Put right the breach of regulations: while it stands, the overall rating normally can't be"
                                    + " better than Requires improvement. Lift Safe or Effective from Requires improvement"
                                    + " to Good.");
        }

        /** Following the advice really does reach the next level. */
        @Test
        void the_advice_for_two_inadequate_works() {
            assertThat(projected("RI I G G G")).isEqualTo(Rating.REQUIRES_IMPROVEMENT);
            assertThat(projected("G RI RI G G")).isEqualTo(Rating.REQUIRES_IMPROVEMENT);
            assertThat(projected("G I G G G")).isEqualTo(Rating.REQUIRES_IMPROVEMENT);
            assertThat(projected("G RI G G G")).isEqualTo(Rating.GOOD);
        }
    }

    @Nested
    class Labelling {

        @Test
        void every_projection_carries_the_self_assessment_label() {
            Projection p = RatingProjection.project(ratings("O O G G G"));
            assertThat(p.headline()).isEqualTo("Indicative overall rating: Outstanding");
            assertThat(p.label()).isEqualTo(RatingProjection.SELF_ASSESSMENT_LABEL);
            assertThat(RatingProjection.SELF_ASSESSMENT_LABEL).startsWith("Self-assessment, not a CQC judgement");
            assertThat(RatingProjection.CAVEAT).contains("normally", "professional judgement", "breach");
        }

        @Test
        void projections_are_values() {
            Projection a = RatingProjection.project(ratings("G G G G G"));
            Projection b = RatingProjection.project(ratings("G G G G G"));
            assertThat(a).isEqualTo(b);
            assertThat(a.rating()).isEqualTo(Optional.of(Rating.GOOD));
            assertThat(a.missing()).isEmpty();
        }
    }
}
