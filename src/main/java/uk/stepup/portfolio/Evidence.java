package uk.stepup.portfolio;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import uk.stepup.shared.Rating;

/**
 * One check-in of the home, cited as evidence for an item of the framework: the week, the day it was written (in the
 * cohort's time zone), the self-rating and the home's own words.
 *
 * @param code     the item the check-in was for, in the cohort's framework (the same as the item's code unless the
 *                 portfolio is read under another framework)
 * @param date     the day the check-in was first sent
 * @param evidence the evidence the home cited; empty when it cited none
 */
public record Evidence(
        int week,
        LocalDate date,
        String code,
        Rating rating,
        String did,
        Optional<String> evidence,
        Optional<String> nextStep,
        Optional<String> highlight,
        boolean late) {

    public Evidence {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(nextStep, "nextStep");
        Objects.requireNonNull(highlight, "highlight");
    }

    /** True when the home cited evidence in this check-in. */
    public boolean cited() {
        return evidence.isPresent();
    }
}
