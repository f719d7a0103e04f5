package uk.stepup.measures.spc;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A numerator over a denominator for one period, for p-charts (residents weighed / residents)
 * and u-charts (falls / occupied bed days). The plotted value is {@code numerator / denominator}.
 */
public record CountObservation(LocalDate date, double numerator, double denominator) {
    public CountObservation {
        Objects.requireNonNull(date, "date");
        if (!Double.isFinite(numerator) || numerator < 0) {
            throw new IllegalArgumentException(
                    "numerator on " + date + " must be a finite number >= 0, not " + numerator);
        }
        if (!Double.isFinite(denominator) || denominator <= 0) {
            throw new IllegalArgumentException(
                    "denominator on " + date + " must be a finite number > 0, not " + denominator);
        }
    }

    public double value() {
        return numerator / denominator;
    }
}
