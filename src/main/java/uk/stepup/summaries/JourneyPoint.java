package uk.stepup.summaries;

import java.util.Objects;
import java.util.Optional;
import uk.stepup.shared.Rating;

/**
 * A home's self-rating for one KLOE, in the week the cohort worked on it.
 *
 * @param week   the programme week, from 1
 * @param code   the KLOE code, e.g. "S3"
 * @param rating the home's self-rating; empty when the home did not check in that week
 */
public record JourneyPoint(int week, String code, Optional<Rating> rating) {

    public JourneyPoint {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(rating, "rating");
    }
}
