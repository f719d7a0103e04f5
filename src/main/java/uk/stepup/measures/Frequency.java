package uk.stepup.measures;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/**
 * How often a measure has a value. A weekly value belongs to the calendar week (its Monday); a monthly value to the
 * calendar month (its first day). Periods are stored as that date, so values from check-ins and from a history
 * import line up.
 */
public enum Frequency {
    WEEKLY("weekly"),
    MONTHLY("monthly");

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

    private final String code;

    Frequency(String code) {
        this.code = code;
    }

    /** {@code weekly} or {@code monthly}. */
    public String code() {
        return code;
    }

    /** Reads {@code weekly} or {@code monthly} in any case; empty otherwise. */
    public static Optional<Frequency> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (Frequency f : values()) {
            if (f.code.equals(t)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The period {@code date} falls in: its week's Monday, or the first of its month. */
    public LocalDate periodOf(LocalDate date) {
        return this == WEEKLY ? date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : date.withDayOfMonth(1);
    }

    /** The period before this one. */
    public LocalDate previous(LocalDate period) {
        return this == WEEKLY ? period.minusWeeks(1) : period.minusMonths(1);
    }

    /** For people: "week of 4 Jan 2027" or "Jan 2027". */
    public String label(LocalDate period) {
        return this == WEEKLY ? "week of " + DAY_MONTH_YEAR.format(period) : MONTH_YEAR.format(period);
    }

    /** For a chart's axis: "4 Jan" or "Jan 2027". */
    public String axisLabel(LocalDate period) {
        return this == WEEKLY ? DAY_MONTH.format(period) : MONTH_YEAR.format(period);
    }
}
