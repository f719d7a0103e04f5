package uk.stepup.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes what happened in the sandbox as Markdown a person can read on a phone: every guild, channel by category
 * with threads under their parent, then DMs. Each message shows author, local time, text (mentions and
 * {@code <t:...>} timestamps rendered), embeds, buttons like {@code [Check in]} and attachments (written to a
 * {@code files/} folder next to the transcript and linked). Ephemeral replies are marked "only visible to X", and
 * interactions that failed show Discord's "This interaction failed".
 */
public final class TranscriptWriter {
    private static final Pattern USER = Pattern.compile("<@!?(\\d+)>");
    private static final Pattern ROLE = Pattern.compile("<@&(\\d+)>");
    private static final Pattern CHANNEL = Pattern.compile("<#(\\d+)>");
    private static final Pattern TIMESTAMP = Pattern.compile("<t:(-?\\d+)(?::([tTdDfFR]))?>");

    private final ZoneId zone;
    private final DateTimeFormatter day;
    private final DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private TranscriptWriter(ZoneId zone) {
        this.zone = zone;
        this.day = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    }

    /** Writes the transcript with times in Europe/London; returns the file. */
    public static Path write(Sandbox sb, Path file) {
        return write(sb, file, ZoneId.of("Europe/London"));
    }

    /** Writes the transcript with times in the given zone; returns the file. */
    public static Path write(Sandbox sb, Path file, ZoneId zone) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            String text = new TranscriptWriter(zone).renderTo(sb, dir);
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Markdown without writing attachment files (links then point to the sandbox URLs). */
    public static String render(Sandbox sb, ZoneId zone) {
        return new TranscriptWriter(zone).renderTo(sb, null);
    }

    private String renderTo(Sandbox sb, Path dir) {
        StringBuilder out = new StringBuilder();
        out.append("# Discord transcript\n\n");
        out.append("_Times are ").append(zone.getId()).append("._\n");
        InteractionIndex interactions = new InteractionIndex(sb.interactions());
        for (SandboxGuild g : sb.guilds()) {
            out.append("\n## ").append(g.name()).append("\n");
            List<SandboxChannel> channels = g.channels();
            for (SandboxChannel c : channels) {
                if (c.parent().isEmpty() && !c.isCategory()) {
                    channel(sb, out, c, "###", interactions, dir);
                }
            }
            for (SandboxChannel cat : channels) {
                if (cat.isCategory()) {
                    out.append("\n### ").append(cat.name()).append("\n");
                    for (SandboxChannel c : g.channelsIn(cat)) {
                        channel(sb, out, c, "####", interactions, dir);
                    }
                }
            }
        }
        List<SandboxChannel> dms = new ArrayList<>(sb.dmChannels());
        if (!dms.isEmpty()) {
            out.append("\n## Direct messages\n");
            for (SandboxChannel dm : dms) {
                out.append("\n### With ")
                        .append(dm.recipient().map(SandboxUser::displayName).orElse("?"))
                        .append("\n");
                messages(sb, out, dm, interactions, dir);
            }
        }
        return out.toString();
    }

    private void channel(
            Sandbox sb, StringBuilder out, SandboxChannel c, String heading, InteractionIndex interactions, Path dir) {
        out.append("\n").append(heading).append(" #").append(c.name()).append("\n");
        if (c.topic().isPresent()) {
            out.append("_").append(c.topic().get()).append("_\n");
        }
        messages(sb, out, c, interactions, dir);
        for (SandboxChannel t : c.threads()) {
            out.append("\n")
                    .append(heading)
                    .append("# 🧵 ")
                    .append(t.name())
                    .append(" _(thread in #")
                    .append(c.name())
                    .append(")_\n");
            messages(sb, out, t, interactions, dir);
        }
    }

    private record Entry(Instant at, SandboxMessage message, InteractionHandle failure) {}

    /** The interactions indexed once, so a big programme's transcript takes time in proportion to its size. */
    private static final class InteractionIndex {
        private final Map<String, InteractionHandle> byId = new HashMap<>();
        private final Map<String, List<InteractionHandle>> failedByChannel = new HashMap<>();

        InteractionIndex(List<InteractionHandle> all) {
            for (InteractionHandle h : all) {
                byId.put(h.id(), h);
                if (h.failed()) {
                    failedByChannel
                            .computeIfAbsent(h.channel().id(), k -> new ArrayList<>())
                            .add(h);
                }
            }
        }

        Optional<InteractionHandle> byId(String id) {
            return Optional.ofNullable(byId.get(id));
        }

        List<InteractionHandle> failedIn(SandboxChannel c) {
            return failedByChannel.getOrDefault(c.id(), List.of());
        }
    }

    private void messages(Sandbox sb, StringBuilder out, SandboxChannel c, InteractionIndex interactions, Path dir) {
        List<Entry> entries = new ArrayList<>();
        c.messages().forEach(m -> entries.add(new Entry(m.createdAt(), m, null)));
        for (InteractionHandle h : interactions.failedIn(c)) {
            entries.add(new Entry(h.clockAt, null, h));
        }
        entries.sort(Comparator.comparing(Entry::at));
        if (entries.isEmpty()) {
            out.append("\n_No messages._\n");
            return;
        }
        String lastDay = null;
        for (Entry e : entries) {
            ZonedDateTime at = e.at().atZone(zone);
            String d = day.format(at);
            if (!d.equals(lastDay)) {
                out.append("\n**— ").append(d).append(" —**\n");
                lastDay = d;
            }
            if (e.failure() != null) {
                out.append("\n⚠️ ")
                        .append(time.format(at))
                        .append(" · ")
                        .append(e.failure().user().displayName())
                        .append(" used ")
                        .append(e.failure().description())
                        .append(" — _This interaction failed_\n");
                continue;
            }
            message(sb, out, e.message(), at, interactions, dir);
        }
    }

    private void message(
            Sandbox sb,
            StringBuilder out,
            SandboxMessage m,
            ZonedDateTime at,
            InteractionIndex interactions,
            Path dir) {
        out.append("\n");
        if (m.isSystem()) {
            String what = switch (m.type()) {
                case 6 -> "pinned a message";
                case 18 -> "started a thread: " + m.content();
                default -> "system message (type " + m.type() + ")";
            };
            out.append("_")
                    .append(time.format(at))
                    .append(" · ")
                    .append(m.author().displayName())
                    .append(" ")
                    .append(what)
                    .append("_\n");
            return;
        }
        m.interactionId().flatMap(interactions::byId).ifPresent(h -> {
            if (h.type() == InteractionHandle.APPLICATION_COMMAND) {
                out.append("↪ _")
                        .append(h.user().displayName())
                        .append(" used ")
                        .append(h.description())
                        .append("_\n");
            }
        });
        out.append("**").append(m.author().displayName()).append("**");
        if (m.isFromBot()) {
            out.append(" `BOT`");
        }
        out.append(" · ").append(time.format(at));
        if (m.editedAt().isPresent()) {
            out.append(" _(edited)_");
        }
        if (m.isPinned()) {
            out.append(" 📌");
        }
        out.append("\n");
        if (m.isEphemeral()) {
            String who = m.ephemeralFor()
                    .flatMap(sb::user)
                    .map(SandboxUser::displayName)
                    .orElse("?");
            out.append("> 👁 _Only visible to ").append(who).append("_\n");
        }
        if (m.isLoading()) {
            out.append("> _").append(m.author().displayName()).append(" is thinking…_\n");
        }
        List<String> lines = new ArrayList<>();
        if (!m.content().isEmpty()) {
            lines.add(readable(sb, m.content(), m.createdAt()));
        }
        m.textDisplays().forEach(t -> lines.add(readable(sb, t, m.createdAt())));
        for (SandboxEmbed e : m.embeds()) {
            lines.add("");
            if (e.author() != null) {
                lines.add("_" + e.author() + "_");
            }
            if (e.title() != null) {
                lines.add("**" + readable(sb, e.title(), m.createdAt()) + "**");
            }
            if (e.description() != null) {
                lines.add(readable(sb, e.description(), m.createdAt()));
            }
            for (SandboxEmbed.Field f : e.fields()) {
                lines.add("**" + readable(sb, f.name(), m.createdAt()) + "**");
                lines.add(readable(sb, f.value(), m.createdAt()));
            }
            if (e.imageUrl() != null) {
                lines.add("![image](" + link(m, e.imageUrl(), dir) + ")");
            }
            if (e.footer() != null) {
                lines.add("_" + readable(sb, e.footer(), m.createdAt()) + "_");
            }
        }
        List<SandboxComponent> components = m.components();
        if (!components.isEmpty()) {
            StringBuilder row = new StringBuilder();
            int current = -1;
            for (SandboxComponent c : components) {
                if (c.row() != current && row.length() > 0) {
                    lines.add(row.toString().trim());
                    row.setLength(0);
                }
                current = c.row();
                if (c.isButton()) {
                    row.append("`[").append(c.label() == null ? "•" : c.label()).append("]`");
                    if (c.disabled()) {
                        row.append("_(disabled)_");
                    }
                    row.append(' ');
                } else {
                    row.append("`[▾ ")
                            .append(c.placeholder() == null ? "choose" : c.placeholder())
                            .append(": ")
                            .append(String.join(
                                    " / ",
                                    c.options().stream()
                                            .map(SandboxComponent.Option::label)
                                            .toList()))
                            .append("]` ");
                }
            }
            if (row.length() > 0) {
                lines.add(row.toString().trim());
            }
        }
        for (SandboxAttachment a : m.attachments()) {
            boolean shownInEmbed = m.embeds().stream().anyMatch(e -> a.url().equals(e.imageUrl()));
            if (shownInEmbed) {
                continue;
            }
            String target = link(m, a.url(), dir);
            lines.add(
                    (a.isImage()
                            ? "![" + a.filename() + "](" + target + ")"
                            : "📎 [" + a.filename() + "](" + target + ")"));
        }
        Map<String, List<String>> reactions = m.reactions();
        if (!reactions.isEmpty()) {
            StringBuilder r = new StringBuilder();
            reactions.forEach((emoji, users) ->
                    r.append(emoji).append(' ').append(users.size()).append("  "));
            lines.add(r.toString().trim());
        }
        for (String line : lines) {
            for (String l : line.split("\n", -1)) {
                out.append(l.isEmpty() ? ">" : "> " + l).append("\n");
            }
        }
    }

    private static String contentName(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the attachment behind a sandbox URL into files/ and returns the relative link. */
    private String link(SandboxMessage m, String url, Path dir) {
        if (dir == null || url == null) {
            return url;
        }
        for (SandboxAttachment a : m.attachments()) {
            if (a.url().equals(url)) {
                // Named by content, not by the attachment's id: posts that go out side by side (a summary and its copy
                // in the
                // week's thread) get their ids in either order, and the transcript of a seeded demo must not change
                // with it.
                String name = contentName(a.bytes()) + "-" + a.filename().replaceAll("[^A-Za-z0-9._-]", "_");
                try {
                    Path files = dir.resolve("files");
                    Files.createDirectories(files);
                    Files.write(files.resolve(name), a.bytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return "files/" + name;
            }
        }
        return url;
    }

    private String readable(Sandbox sb, String text, Instant said) {
        String t = replace(
                USER,
                text,
                id -> "@" + sb.user(id).map(SandboxUser::displayName).orElse("unknown-user"));
        t = replace(
                ROLE,
                t,
                id -> "@"
                        + sb.guilds().stream()
                                .flatMap(g -> g.role(id).stream())
                                .map(SandboxRole::name)
                                .findFirst()
                                .orElse("deleted-role"));
        t = replace(
                CHANNEL, t, id -> "#" + sb.channel(id).map(SandboxChannel::name).orElse("deleted-channel"));
        Matcher m = TIMESTAMP.matcher(t);
        StringBuilder sbuf = new StringBuilder();
        while (m.find()) {
            ZonedDateTime at = Instant.ofEpochSecond(Long.parseLong(m.group(1))).atZone(zone);
            String style = m.group(2) == null ? "f" : m.group(2);
            String shown = switch (style) {
                case "t" -> time.format(at);
                case "T" -> DateTimeFormatter.ofPattern("HH:mm:ss", Locale.UK).format(at);
                case "d" ->
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT)
                            .withLocale(Locale.UK)
                            .format(at);
                case "D" ->
                    DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).format(at);
                case "F" ->
                    DateTimeFormatter.ofPattern("EEEE d MMMM yyyy HH:mm", Locale.UK)
                            .format(at);
                case "R" -> relative(Duration.between(said, at.toInstant()));
                default ->
                    DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.UK).format(at);
            };
            m.appendReplacement(sbuf, Matcher.quoteReplacement(shown));
        }
        m.appendTail(sbuf);
        return sbuf.toString();
    }

    /** As Discord shows a relative timestamp to someone reading the message when it was posted. */
    static String relative(Duration ahead) {
        long s = Math.abs(ahead.getSeconds());
        String span;
        if (s < 45) {
            span = "a few seconds";
        } else if (s < 90) {
            span = "a minute";
        } else if (s < 45 * 60) {
            span = Math.round(s / 60.0) + " minutes";
        } else if (s < 90 * 60) {
            span = "an hour";
        } else if (s < 22 * 3600) {
            span = Math.round(s / 3600.0) + " hours";
        } else if (s < 36 * 3600) {
            span = "a day";
        } else if (s < 26 * 86400) {
            span = Math.round(s / 86400.0) + " days";
        } else if (s < 45 * 86400) {
            span = "a month";
        } else {
            span = Math.round(s / (30.0 * 86400)) + " months";
        }
        return ahead.isNegative() ? span + " ago" : "in " + span;
    }

    private static String replace(Pattern p, String text, Function<String, String> f) {
        Matcher m = p.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(f.apply(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
