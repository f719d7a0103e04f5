package uk.stepup.measures.spc;

import java.time.LocalDate;
import java.util.Objects;

/** One value of a measure for one period, e.g. falls in the week starting {@code date}. */
public record Observation(LocalDate date, double value) {
    public Observation {
        Objects.requireNonNull(date, "date");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value on " + date + " must be a finite number, not " + value);
        }
    }
}
