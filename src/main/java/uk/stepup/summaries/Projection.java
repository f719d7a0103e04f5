package uk.stepup.summaries;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;

/**
 * An indicative overall rating projected from a home's own key-question self-ratings. Always show it with
 * {@link #label()}: it is a self-assessment, not a CQC judgement.
 *
 * @param rating      the projected overall rating; empty means "not enough ratings yet"
 * @param explanation one line on why, in CQC's words
 * @param toMoveUp    one line on what would move it up a level (or, when it is incomplete, what to rate next)
 * @param missing     key questions with no self-rating yet, in CQC's order
 */
public record Projection(Optional<Rating> rating, String explanation, String toMoveUp, List<KeyQuestion> missing) {

    public Projection {
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(toMoveUp, "toMoveUp");
        missing = List.copyOf(missing);
    }

    /** "Indicative overall rating: Good" or "Not enough ratings yet". */
    public String headline() {
        return rating.map(r -> "Indicative overall rating: " + r.label()).orElse(RatingProjection.NOT_ENOUGH_RATINGS);
    }

    /** {@link RatingProjection#SELF_ASSESSMENT_LABEL}, to show beside the headline every time. */
    public String label() {
        return RatingProjection.SELF_ASSESSMENT_LABEL;
    }
}
