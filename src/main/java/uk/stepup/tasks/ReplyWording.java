package uk.stepup.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import uk.stepup.shared.UserText;

/** Shared wording helpers for the coach tools' replies. */
final class ReplyWording {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.UK);
    /** Replies stay well inside Discord's 2000 characters. */
    static final int REPLY_MAX = 1800;

    private ReplyWording() {}

    /** User text on one line: runs of white space (line breaks of any kind included) become one space. */
    static String oneLine(String text) {
        return UserText.oneLine(text);
    }

    static Optional<String> optional(Optional<String> text) {
        return text.map(String::strip).filter(t -> !t.isEmpty());
    }

    static String day(LocalDate date) {
        return DAY.format(date);
    }

    static String shortDay(LocalDate date) {
        return SHORT_DAY.format(date);
    }

    static String when(Instant t, ZoneId zone) {
        return WHEN.format(t.atZone(zone));
    }

    /** A mention that shows the person's name; replies are sent with mentions off, so it pings nobody. */
    static String person(String userId, String askingUserId) {
        return userId.equals(askingUserId) ? "you" : "<@" + userId + ">";
    }

    /** Lines under a heading, cut to fit a reply with "…and N more". */
    static String lines(String heading, List<String> lines, String more) {
        StringBuilder out = new StringBuilder(heading);
        int shown = 0;
        for (String line : lines) {
            if (out.length() + line.length() + 1 > REPLY_MAX) {
                break;
            }
            out.append('\n').append(line);
            shown++;
        }
        if (shown < lines.size()) {
            out.append("\n…and ")
                    .append(lines.size() - shown)
                    .append(" more ")
                    .append(more)
                    .append('.');
        }
        return out.toString();
    }
}
