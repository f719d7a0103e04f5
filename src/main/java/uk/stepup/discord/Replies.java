package uk.stepup.discord;

import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.requests.ErrorResponse;
import uk.stepup.shared.Outcome;

/** How the bot answers a person: ephemeral, within Discord's limits, never pinging anyone. */
public final class Replies {
    private Replies() {}

    /** An outcome as one message: a warning or stop sign for problems, plain text when done. */
    public static String text(Outcome o) {
        String prefix = switch (o.kind()) {
            case DONE -> "";
            case REFUSED -> "⛔ ";
            case INVALID -> "⚠️ ";
        };
        return EmbedCard.fit(prefix + o.message(), EmbedCard.CONTENT_MAX);
    }

    /** Hooks for deferrals Discord took although JDA was told otherwise, by interaction id, while being handled. */
    private static final Map<String, InteractionHook> RECOVERED = new ConcurrentHashMap<>();

    /**
     * Defers the reply (only the person sees "thinking"), for commands whose work can take longer than Discord's
     * three seconds. If the deferral reached Discord but its acknowledgement was lost (a 5xx on the way back), JDA's
     * retry is refused as already acknowledged (40060) and JDA gives up on the interaction's hook; the command carries
     * on and answers through a fresh hook, since the deferred reply is there to be edited. Any other refusal throws.
     */
    static void defer(IReplyCallback cb) {
        try {
            cb.deferReply(true).complete();
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() != ErrorResponse.INTERACTION_ALREADY_ACKNOWLEDGED) {
                throw e;
            }
            InteractionErrors.log(cb, "the deferral (carrying on: the deferred reply is there)", e);
            RECOVERED.put(cb.getId(), InteractionHook.from(cb.getJDA(), cb.getToken()));
        }
    }

    /** The hook to answer a deferred interaction through. */
    static InteractionHook hook(IReplyCallback cb) {
        InteractionHook recovered = RECOVERED.get(cb.getId());
        return recovered != null ? recovered : cb.getHook();
    }

    /** Called when the interaction's handler has finished (its answers are queued). */
    static void handled(String interactionId) {
        RECOVERED.remove(interactionId);
    }

    /** Replies only to the person (or edits the deferred reply), with mentions off. */
    public static void ephemeral(IReplyCallback cb, String content) {
        String fitted = EmbedCard.fit(content, EmbedCard.CONTENT_MAX);
        if (cb.isAcknowledged()) {
            hook(cb).editOriginal(fitted)
                    .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                    .queue(null, InteractionErrors.onFailure(cb, "the edit of its deferred reply"));
        } else {
            cb.reply(fitted)
                    .setEphemeral(true)
                    .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                    .queue(null, InteractionErrors.onFailure(cb, "the reply"));
        }
    }

    public static void ephemeral(IReplyCallback cb, Outcome outcome) {
        ephemeral(cb, text(outcome));
    }
}
