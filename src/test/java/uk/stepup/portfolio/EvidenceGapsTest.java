package uk.stepup.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;

/** The gap rules at their edges: plain values, no database. */
class EvidenceGapsTest {
    static final LocalDate TODAY = LocalDate.of(2027, 8, 31);

    static Evidence entry(int week, LocalDate date, Rating rating, boolean cited) {
        return new Evidence(
                week,
                date,
                "S1",
                rating,
                "did",
                cited ? Optional.of("notes") : Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false);
    }

    static List<Gap.Kind> kinds(List<Evidence> entries, Optional<Rating> baseline) {
        return EvidenceGaps.of("S1", "Safeguarding", KeyQuestion.SAFE, entries, baseline, TODAY).stream()
                .map(Gap::kind)
                .toList();
    }

    @Test
    void an_item_not_reached_yet_has_no_evidence_and_nothing_else() {
        List<Gap> gaps =
                EvidenceGaps.of("S1", "Safeguarding", KeyQuestion.SAFE, List.of(), Optional.of(Rating.GOOD), TODAY);
        assertThat(gaps).extracting(Gap::kind).containsExactly(Gap.Kind.NO_EVIDENCE);
        assertThat(gaps.get(0).words()).contains("No check-in has covered this yet");
    }

    @Test
    void a_check_in_without_evidence_is_a_gap_naming_its_week() {
        List<Gap> gaps = EvidenceGaps.of(
                "S1",
                "Safeguarding",
                KeyQuestion.SAFE,
                List.of(entry(3, TODAY.minusDays(1), Rating.GOOD, false)),
                Optional.of(Rating.GOOD),
                TODAY);
        assertThat(gaps).extracting(Gap::kind).containsExactly(Gap.Kind.NO_EVIDENCE);
        assertThat(gaps.get(0).words()).isEqualTo("The week 3 check-in cited no evidence.");
    }

    @Test
    void evidence_exactly_six_months_old_is_current_and_a_day_older_is_not() {
        LocalDate sixMonths = LocalDate.of(2027, 2, 28);
        assertThat(EvidenceGaps.currentFrom(TODAY)).isEqualTo(sixMonths);
        assertThat(kinds(List.of(entry(1, sixMonths, Rating.GOOD, true)), Optional.of(Rating.GOOD)))
                .isEmpty();
        assertThat(kinds(List.of(entry(1, sixMonths.minusDays(1), Rating.GOOD, true)), Optional.of(Rating.GOOD)))
                .containsExactly(Gap.Kind.OLD_EVIDENCE);
    }

    @Test
    void only_the_newest_evidence_counts_for_age() {
        assertThat(kinds(
                        List.of(
                                entry(1, TODAY.minusYears(1), Rating.GOOD, true),
                                entry(20, TODAY.minusMonths(1), Rating.GOOD, true)),
                        Optional.of(Rating.GOOD)))
                .isEmpty();
    }

    @Test
    void outstanding_needs_current_evidence_whatever_the_baseline() {
        assertThat(kinds(List.of(entry(2, TODAY, Rating.OUTSTANDING, true)), Optional.of(Rating.OUTSTANDING)))
                .isEmpty();
        assertThat(kinds(List.of(entry(2, TODAY, Rating.OUTSTANDING, false)), Optional.of(Rating.OUTSTANDING)))
                .containsExactly(Gap.Kind.NO_EVIDENCE, Gap.Kind.RATING_ABOVE_EVIDENCE);
        assertThat(kinds(List.of(entry(2, TODAY.minusMonths(7), Rating.OUTSTANDING, true)), Optional.empty()))
                .containsExactly(Gap.Kind.OLD_EVIDENCE, Gap.Kind.RATING_ABOVE_EVIDENCE);
    }

    @Test
    void above_the_baseline_needs_current_evidence_level_or_below_does_not() {
        Optional<Rating> ri = Optional.of(Rating.REQUIRES_IMPROVEMENT);
        List<Gap> above = EvidenceGaps.of(
                "S1", "Safeguarding", KeyQuestion.SAFE, List.of(entry(5, TODAY, Rating.GOOD, false)), ri, TODAY);
        assertThat(above).extracting(Gap::kind).containsExactly(Gap.Kind.NO_EVIDENCE, Gap.Kind.RATING_ABOVE_EVIDENCE);
        assertThat(above.get(1).words())
                .isEqualTo("Self-rated Good (week 5), above your CQC rating for Safe (Requires improvement), with no"
                        + " current evidence cited.");
        assertThat(kinds(List.of(entry(5, TODAY, Rating.REQUIRES_IMPROVEMENT, false)), ri))
                .containsExactly(Gap.Kind.NO_EVIDENCE);
        assertThat(kinds(List.of(entry(5, TODAY, Rating.GOOD, false)), Optional.empty()))
                .containsExactly(Gap.Kind.NO_EVIDENCE);
    }

    @Test
    void the_latest_self_rating_is_judged_even_when_earlier_weeks_had_evidence() {
        // Old evidence in week 1, then Outstanding without evidence in week 30: stale, and above what it shows.
        assertThat(kinds(
                        List.of(
                                entry(1, TODAY.minusMonths(8), Rating.GOOD, true),
                                entry(30, TODAY.minusDays(2), Rating.OUTSTANDING, false)),
                        Optional.of(Rating.GOOD)))
                .containsExactly(Gap.Kind.OLD_EVIDENCE, Gap.Kind.RATING_ABOVE_EVIDENCE);
    }

    @Test
    void the_rules_are_written_for_each_kind() {
        assertThat(EvidenceGaps.RULES).hasSize(Gap.Kind.values().length);
        for (Gap.Kind k : Gap.Kind.values()) {
            assertThat(EvidenceGaps.RULES.get(k.ordinal())).startsWith(k.label() + ":");
        }
    }
}
