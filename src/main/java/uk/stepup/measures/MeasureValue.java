package uk.stepup.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One home's value of one measure for one period: an aggregate number, never anything about a resident. For a
 * rate, the numerator and denominator are kept as well as the value they make.
 *
 * @param period the period's first day: the Monday of a week, or the first of a month
 * @param week   the programme week whose form it was entered in; empty for imported history
 */
public record MeasureValue(
        long measureId,
        long homeId,
        LocalDate period,
        double value,
        OptionalDouble numerator,
        OptionalDouble denominator,
        Source source,
        OptionalInt week,
        String enteredBy,
        Instant enteredAt) {

    /** Where a value came from. */
    public enum Source {
        ENTERED,
        IMPORTED
    }

    public MeasureValue {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(week, "week");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a measure value is a finite number, not " + value);
        }
        if (numerator.isPresent() != denominator.isPresent()) {
            throw new IllegalArgumentException("a rate has both a numerator and a denominator, or neither");
        }
        if (denominator.isPresent() && !(denominator.getAsDouble() > 0)) {
            throw new IllegalArgumentException("a denominator is above 0");
        }
    }
}
