package uk.stepup.summaries;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;

/**
 * One key question of a home's journey: its KLOE self-ratings week by week against its CQC baseline.
 *
 * @param keyQuestion the key question
 * @param baseline    the home's CQC rating for it when it joined; empty when not rated
 * @param points      the weeks so far for this key question's KLOEs, in programme order
 */
public record KeyQuestionJourney(KeyQuestion keyQuestion, Optional<Rating> baseline, List<JourneyPoint> points) {

    public KeyQuestionJourney {
        Objects.requireNonNull(keyQuestion, "keyQuestion");
        Objects.requireNonNull(baseline, "baseline");
        points = List.copyOf(points);
    }

    public boolean hasCheckins() {
        return points.stream().anyMatch(p -> p.rating().isPresent());
    }
}
