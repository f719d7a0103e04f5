package uk.stepup.measures;

import java.util.Objects;

/**
 * How a rate measure is made from two aggregate counts: value = numerator ÷ denominator × per. For example falls
 * per 1,000 occupied bed days is {@code new Rate("falls", "occupied bed days", 1000)}, and the percentage of
 * residents weighed this month is {@code new Rate("residents weighed", "residents", 100)}.
 */
public record Rate(String numeratorLabel, String denominatorLabel, double per) {
    public Rate {
        Objects.requireNonNull(numeratorLabel, "numeratorLabel");
        Objects.requireNonNull(denominatorLabel, "denominatorLabel");
        if (!Double.isFinite(per) || per <= 0) {
            throw new IllegalArgumentException("per must be a number above 0, not " + per);
        }
    }

    /** The rate for one period; the denominator must be above 0. */
    public double of(double numerator, double denominator) {
        return numerator / denominator * per;
    }

    /** "falls ÷ occupied bed days × 1,000" (the multiplier left out when it is 1). */
    public String describe() {
        return numeratorLabel + " ÷ " + denominatorLabel + (per == 1 ? "" : " × " + Numbers.format(per));
    }
}
