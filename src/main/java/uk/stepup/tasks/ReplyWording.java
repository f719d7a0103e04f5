package uk.stepup.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import uk.stepup.shared.UserText;

/** Shared wording helpers for the coach tools' replies: dates as the cohort reads them (adapters use them too). */
public final class ReplyWording {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.UK);

    private ReplyWording() {}

    /** User text on one line: runs of white space (line breaks of any kind included) become one space. */
    static String oneLine(String text) {
        return UserText.oneLine(text);
    }

    static Optional<String> optional(Optional<String> text) {
        return text.map(String::strip).filter(t -> !t.isEmpty());
    }

    public static String day(LocalDate date) {
        return DAY.format(date);
    }

    public static String shortDay(LocalDate date) {
        return SHORT_DAY.format(date);
    }

    public static String when(Instant t, ZoneId zone) {
        return WHEN.format(t.atZone(zone));
    }
}
