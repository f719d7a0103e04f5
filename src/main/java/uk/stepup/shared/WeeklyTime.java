package uk.stepup.shared;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** A day of the week and a local wall-clock time, written {@code MONDAY 09:00}. */
public record WeeklyTime(DayOfWeek day, LocalTime time) {

    /** Parses {@code MONDAY 09:00}, {@code Mon 9:00} or {@code THU 12:00}; empty when it is not one. */
    public static Optional<WeeklyTime> parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\s+");
        if (parts.length != 2) {
            return Optional.empty();
        }
        String d = parts[0].toUpperCase(Locale.ROOT);
        DayOfWeek day = null;
        for (DayOfWeek candidate : DayOfWeek.values()) {
            if (candidate.name().equals(d)
                    || (d.length() == 3 && candidate.name().startsWith(d))) {
                day = candidate;
            }
        }
        try {
            LocalTime time = LocalTime.parse(parts[1].length() == 4 ? "0" + parts[1] : parts[1]);
            return day == null ? Optional.empty() : Optional.of(new WeeklyTime(day, time));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Days after Monday (Monday 0 … Sunday 6): the offset of this time within a programme week. */
    public int dayOffset() {
        return day.getValue() - 1;
    }

    @Override
    public String toString() {
        return day + " " + time;
    }
}
