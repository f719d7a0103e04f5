package uk.stepup.portfolio;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;

/**
 * One key question of the portfolio: the home's CQC rating when it joined, its self-assessment now (its items' latest
 * self-ratings rolled up as the progress view does) and every item of the framework under it.
 */
public record KeyQuestionSection(
        KeyQuestion keyQuestion,
        Optional<Rating> baseline,
        Optional<Rating> selfAssessment,
        List<PortfolioItem> items) {

    public KeyQuestionSection {
        Objects.requireNonNull(keyQuestion, "keyQuestion");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(selfAssessment, "selfAssessment");
        items = List.copyOf(items);
    }

    /** "Good → Outstanding (up 1)", "Good (no self-rating yet)", "not rated → Good". */
    public String journey() {
        String from = baseline.map(Rating::label).orElse("not rated");
        if (selfAssessment.isEmpty()) {
            return from + " (no self-rating yet)";
        }
        String to = selfAssessment.get().label();
        if (baseline.isEmpty()) {
            return from + " → " + to;
        }
        int d = selfAssessment.get().compareTo(baseline.get());
        return from + " → " + to + (d > 0 ? " (up " + d + ")" : d < 0 ? " (down " + (-d) + ")" : " (same)");
    }

    public List<Gap> gaps() {
        return items.stream().flatMap(i -> i.gaps().stream()).toList();
    }

    public List<Evidence> entries() {
        return items.stream().flatMap(i -> i.entries().stream()).toList();
    }
}
