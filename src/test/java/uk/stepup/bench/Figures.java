package uk.stepup.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The benchmark figures, each with its reference and their ratio, printed as they come and as one table at the end. */
final class Figures {
    /** One figure: what was measured, its value, the reference it is judged against, and value / reference. */
    record Row(String name, String value, String reference, String ratio) {}

    private final List<Row> rows = new ArrayList<>();

    synchronized void add(String name, String value, String reference, String ratio) {
        Row row = new Row(name, value, reference, ratio);
        rows.add(row);
        System.out.printf(Locale.ROOT, "BENCH  %-48s %14s   reference %-16s ratio %s%n", name, value, reference, ratio);
    }

    /** A figure with no reference to compare against (context for the others). */
    synchronized void note(String name, String value) {
        add(name, value, "-", "-");
    }

    synchronized String table() {
        int w0 = "Figure".length();
        int w1 = "Measured".length();
        int w2 = "Reference".length();
        for (Row r : rows) {
            w0 = Math.max(w0, r.name().length());
            w1 = Math.max(w1, r.value().length());
            w2 = Math.max(w2, r.reference().length());
        }
        String format = "| %-" + w0 + "s | %" + w1 + "s | %-" + w2 + "s | %s%n";
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, format, "Figure", "Measured", "Reference", "Ratio"));
        s.append(String.format(
                Locale.ROOT, "|%s|%s|%s|-------%n", "-".repeat(w0 + 2), "-".repeat(w1 + 2), "-".repeat(w2 + 2)));
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, format, r.name(), r.value(), r.reference(), r.ratio()));
        }
        return s.toString();
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }

    static String perSecond(double rate) {
        return String.format(Locale.ROOT, "%,.0f/s", rate);
    }

    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2fx", r);
    }

    /** The q-quantile (0..1) by nearest rank: the smallest value with at least q of the values at or below it. */
    static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
