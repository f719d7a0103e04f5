package uk.stepup.measures.spc;

import java.math.BigInteger;

/**
 * Anhøj's run-chart thresholds (Anhøj and Olesen 2014, as in qicharts2), for n useful observations
 * (points not on the median).
 */
public final class AnhojRules {

    private AnhojRules() {}

    /**
     * Longest run allowed before it signals a shift: {@code round(log2(n)) + 3}. A run longer than this
     * signals. (log2 of a whole number is never exactly x.5, so R's round-half-even never matters.)
     *
     * @throws IllegalArgumentException if n < 1
     */
    public static int longestRunLimit(int n) {
        requirePositive(n);
        return (int) Math.round(Math.log(n) / Math.log(2)) + 3;
    }

    /**
     * Fewest crossings of the median expected: {@code qbinom(0.05, n - 1, 0.5)}, the smallest c with
     * P(X ≤ c) ≥ 0.05 for X ~ Binomial(n − 1, ½). Fewer crossings than this signals. Computed exactly
     * with integers: 20 · Σ C(n−1, k) ≥ 2ⁿ⁻¹.
     *
     * @throws IllegalArgumentException if n < 1
     */
    public static int crossingsLimit(int n) {
        requirePositive(n);
        int trials = n - 1;
        BigInteger total = BigInteger.ONE.shiftLeft(trials);
        BigInteger twenty = BigInteger.valueOf(20);
        BigInteger coefficient = BigInteger.ONE;
        BigInteger cumulative = BigInteger.ZERO;
        for (int c = 0; c <= trials; c++) {
            if (c > 0) {
                coefficient =
                        coefficient.multiply(BigInteger.valueOf(trials - c + 1)).divide(BigInteger.valueOf(c));
            }
            cumulative = cumulative.add(coefficient);
            if (cumulative.multiply(twenty).compareTo(total) >= 0) {
                return c;
            }
        }
        return trials;
    }

    private static void requirePositive(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least 1 useful observation, got " + n);
        }
    }
}
