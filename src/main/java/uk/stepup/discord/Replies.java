package uk.stepup.discord;

import java.util.EnumSet;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import uk.stepup.shared.Outcome;

/** How the bot answers a person: ephemeral, within Discord's limits, never pinging anyone. */
public final class Replies {
    private Replies() {
    }

    /** An outcome as one message: a warning or stop sign for problems, plain text when done. */
    public static String text(Outcome o) {
        String prefix = switch (o.kind()) {
            case DONE -> "";
            case REFUSED -> "⛔ ";
            case INVALID -> "⚠️ ";
        };
        return Card.fit(prefix + o.message(), Card.CONTENT_MAX);
    }

    /** Replies only to the person (or edits the deferred reply), with mentions off. */
    public static void ephemeral(IReplyCallback cb, String content) {
        String fitted = Card.fit(content, Card.CONTENT_MAX);
        if (cb.isAcknowledged()) {
            cb.getHook().editOriginal(fitted).setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                    .queue(null, InteractionErrors.onFailure(cb, "the edit of its deferred reply"));
        } else {
            cb.reply(fitted).setEphemeral(true).setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                    .queue(null, InteractionErrors.onFailure(cb, "the reply"));
        }
    }

    public static void ephemeral(IReplyCallback cb, Outcome outcome) {
        ephemeral(cb, text(outcome));
    }
}
