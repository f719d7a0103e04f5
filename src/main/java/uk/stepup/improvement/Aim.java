package uk.stepup.improvement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a home is trying to accomplish with one measure: from a value to a value by a date, and the home's own words
 * ("fewer falls at night: 9 to 5 per 1,000 bed days by June"). The {@code to} value is the target line on the home's
 * chart.
 */
public record Aim(
        long id,
        long homeId,
        long measureId,
        double from,
        double to,
        LocalDate by,
        String words,
        String setBy,
        Instant setAt) {

    /** Longest aim in words: one phone line or two. */
    public static final int WORDS_MAX = 200;

    public Aim {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(words, "words");
        Objects.requireNonNull(setBy, "setBy");
        Objects.requireNonNull(setAt, "setAt");
    }
}
