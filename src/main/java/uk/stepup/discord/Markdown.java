package uk.stepup.discord;

import java.time.Instant;
import java.util.Collection;
import net.dv8tion.jda.api.utils.TimeFormat;

/**
 * Discord's own words, written in one place: user mentions, timestamps each reader sees in their own time zone
 * (JDA's {@link TimeFormat}), and bold. Features hand the adapter user ids, instants and names; only this package
 * turns them into Discord Markdown.
 */
final class Markdown {
    private Markdown() {}

    /** A user mention; whether it pings is decided by the message's allowed mentions, not here. */
    static String user(String userId) {
        return "<@" + userId + ">";
    }

    /** Each user mentioned, each followed by a space (the greeting of a reminder). */
    static String users(Collection<String> userIds) {
        StringBuilder who = new StringBuilder();
        userIds.forEach(id -> who.append(user(id)).append(' '));
        return who.toString();
    }

    /** A moment Discord shows in the reader's own time zone, e.g. {@code <t:1767600000:F>}. */
    static String time(Instant t, TimeFormat style) {
        return style.format(t);
    }

    static String bold(String text) {
        return "**" + text + "**";
    }
}
