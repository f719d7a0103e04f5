package uk.stepup.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Numbers as managers type them and as people read them. Typed: digits with an optional sign, decimal point and
 * thousands commas in the right places ("12", "-0.5", "1,234.5"); nothing else, so a note or a name is never taken
 * for a number. Shown: at most two decimals below 100, one below 1,000, none above, trailing zeros dropped, with
 * thousands commas ("1,234", "4.25", "0.3").
 */
public final class Numbers {
    /** Largest magnitude a typed number may have: anything bigger is a typo, or not an aggregate count. */
    public static final double MAX_MAGNITUDE = 1e9;

    private static final Pattern NUMBER =
            Pattern.compile("[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.[0-9]+)?|[+-]?\\.[0-9]+");

    private Numbers() {}

    /** The number typed, or empty if the text is not just a number within {@link #MAX_MAGNITUDE}. */
    public static Optional<Double> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.length() > 30 || !NUMBER.matcher(t).matches()) {
            return Optional.empty();
        }
        double v = new BigDecimal(t.replace(",", "").replace("+", "")).doubleValue();
        return Math.abs(v) <= MAX_MAGNITUDE ? Optional.of(v) : Optional.empty();
    }

    /** For people: "1,234", "4.25", "0.3", "-2". */
    public static String format(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        double a = Math.abs(v);
        int decimals = a < 100 ? 2 : a < 1000 ? 1 : 0;
        BigDecimal rounded =
                BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.UK));
        return f.format(rounded);
    }

    /** True for whole numbers (counts). */
    public static boolean whole(double v) {
        return Double.isFinite(v) && v == Math.rint(v);
    }
}
