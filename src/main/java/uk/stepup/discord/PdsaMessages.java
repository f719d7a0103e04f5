package uk.stepup.discord;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.improvement.PdsaCycle;
import uk.stepup.improvement.PdsaService;
import uk.stepup.measures.Measure;
import uk.stepup.shared.UserText;

/**
 * The words of PDSA cycles on Discord: a cycle's message in its home's channel (its state, with the Do, Study and Act
 * buttons and the share choice), the list, the Study reminder, and a refusal that hands back what was typed. Every
 * text stays within Discord's 2,000 characters; people's text is made unable to ping.
 */
final class PdsaMessages {
    /** How much of each text a cycle's message shows, so five of them and the framing fit in one message. */
    static final int SHOWN = 280;

    static final int LIST_MAX = 1900;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

    private PdsaMessages() {}

    static String day(LocalDate d) {
        return DAY.format(d);
    }

    private static String text(String s) {
        return Mentions.neutralise(UserText.shorten(s, SHOWN));
    }

    private static String weeks(int n) {
        return n + (n == 1 ? " week" : " weeks");
    }

    /** "Cycle 2 · Night-time checks" */
    static String name(PdsaCycle c) {
        return "Cycle " + c.number() + " · " + Mentions.neutralise(c.changeIdea());
    }

    static String shareWords(HighlightShare share) {
        return switch (share) {
            case ANONYMOUS -> "shared with the cohort without your home's name";
            case NAMED -> "shared with the cohort with your home's name";
            case NONE -> "not shared with the cohort";
        };
    }

    /** The cycle's message: where it stands, step by step. */
    static String card(PdsaService.Card card) {
        PdsaCycle c = card.cycle();
        StringBuilder s = new StringBuilder("📋 **PDSA ")
                .append(name(c))
                .append("** · ")
                .append(Mentions.neutralise(card.home()))
                .append('\n');
        s.append("**")
                .append(c.stage().label())
                .append("** · ")
                .append(card.measure().map(m -> "measure: " + m.name() + " · ").orElse(""))
                .append("started ")
                .append(day(c.start()))
                .append(" for ")
                .append(weeks(c.plannedWeeks()))
                .append(", to ")
                .append(day(c.plannedEnd()))
                .append('\n');
        if (card.studyOverdue()) {
            s.append("⏰ Its planned length has passed: press **Study** and say how it went.\n");
        }
        s.append("**Plan:** ").append(text(c.plan())).append('\n');
        s.append("**Prediction:** ").append(text(c.prediction())).append('\n');
        s.append("**Do:** ")
                .append(c.done().map(d -> text(d.text())).orElse("_not yet_"))
                .append('\n');
        s.append("**Study:** ")
                .append(c.studied().map(d -> text(d.text())).orElse("_not yet_"))
                .append('\n');
        s.append("**Act:** ")
                .append(c.act()
                        .map(a -> a.decision().label() + ": " + text(a.text()))
                        .orElse("_not yet_"))
                .append('\n');
        s.append("This cycle is ").append(shareWords(c.share())).append('.');
        card.adapts().ifPresent(n -> s.append(" It adapts cycle ").append(n).append('.'));
        if (c.act().isEmpty()) {
            s.append("\nOnly your home's managers and the coaches can press the buttons.");
        }
        return EmbedCard.fit(s.toString(), EmbedCard.CONTENT_MAX);
    }

    /** Do, Study and Act while the cycle is open; the share choice always (the chosen one is greyed). */
    static List<ActionRow> rows(PdsaCycle c) {
        List<ActionRow> rows = new ArrayList<>();
        if (c.act().isEmpty()) {
            rows.add(ActionRow.of(
                    Button.primary(PdsaInteractions.stepId(c.id(), "do"), "Do"),
                    Button.primary(PdsaInteractions.stepId(c.id(), "study"), "Study"),
                    Button.success(PdsaInteractions.stepId(c.id(), "act"), "Act")));
        }
        rows.add(ActionRow.of(
                shareButton(c, HighlightShare.ANONYMOUS, "Share anonymously"),
                shareButton(c, HighlightShare.NAMED, "Share with our name"),
                shareButton(c, HighlightShare.NONE, "Don't share")));
        return rows;
    }

    private static Button shareButton(PdsaCycle c, HighlightShare share, String label) {
        return Button.secondary(PdsaInteractions.shareId(c.id(), share), label).withDisabled(c.share() == share);
    }

    static MessageCreateData create(PdsaService.Card card) {
        return new MessageCreateBuilder()
                .setContent(card(card))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .setComponents(rows(card.cycle()))
                .build();
    }

    static MessageEditData edit(PdsaService.Card card) {
        return new MessageEditBuilder()
                .setContent(card(card))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .setComponents(rows(card.cycle()))
                .build();
    }

    /** The Study reminder in the home's channel, once per cycle. */
    static String reminder(PdsaCycle c) {
        return EmbedCard.fit(
                "⏰ Cycle " + c.number() + " \"" + Mentions.neutralise(c.changeIdea()) + "\" was planned for "
                        + weeks(c.plannedWeeks()) + ": how did it go? Press **Study** on its message and say what "
                        + "the data showed against your prediction. `/pdsa list` shows all your cycles.",
                EmbedCard.CONTENT_MAX);
    }

    /** {@code /pdsa list}: a line per cycle, newest last, cut to fit with "…and N more". */
    static String list(PdsaService.Listing listing) {
        if (listing instanceof PdsaService.NotListed n) {
            return Replies.text(n.why());
        }
        PdsaService.Listed l = (PdsaService.Listed) listing;
        StringBuilder out = new StringBuilder("**")
                .append(Mentions.neutralise(l.home()))
                .append("** · PDSA cycles in ")
                .append(Mentions.neutralise(l.cohort()))
                .append(" (only you see this)\n");
        if (l.cycles().isEmpty()) {
            return out.append("No cycles yet. Start one with `/pdsa new`: a change idea, what you will do, what you "
                            + "predict, and for how long.")
                    .toString();
        }
        List<String> lines = new ArrayList<>();
        for (PdsaService.Card card : l.cycles()) {
            PdsaCycle c = card.cycle();
            lines.add("**" + c.number() + ". " + Mentions.neutralise(UserText.shorten(c.changeIdea(), 80)) + "** · "
                    + c.stage().label()
                    + card.measure().map(Measure::name).map(m -> " · " + m).orElse("")
                    + " · " + SHORT.format(c.start()) + " → " + SHORT.format(c.plannedEnd())
                    + (card.studyOverdue() ? " · ⏰ Study overdue" : ""));
        }
        int shown = 0;
        for (String line : lines) {
            String more = "\n…and " + (lines.size() - shown) + " more.";
            if (out.length() + line.length() + 1 + more.length() > LIST_MAX) {
                return out.append(more).toString();
            }
            out.append('\n').append(line);
            shown++;
        }
        return out.toString();
    }

    /** A refusal with what the person typed quoted back, so nothing is lost; split into messages if long. */
    static List<String> refused(PdsaService.Refused r) {
        StringBuilder s = new StringBuilder(Replies.text(r.why()));
        boolean any = r.typed().values().stream().anyMatch(v -> !v.isBlank());
        if (any) {
            s.append("\n\nWhat you typed, to copy and fix:");
            for (Map.Entry<String, String> e : r.typed().entrySet()) {
                if (e.getValue().isBlank()) {
                    continue;
                }
                s.append("\n**").append(e.getKey()).append("**\n");
                for (String line : e.getValue().split("\n", -1)) {
                    s.append("> ").append(Mentions.neutralise(line)).append('\n');
                }
            }
        }
        return EmbedCard.chunks(s.toString().strip(), EmbedCard.CONTENT_MAX);
    }
}
