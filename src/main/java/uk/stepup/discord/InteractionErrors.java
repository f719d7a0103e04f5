package uk.stepup.discord;

import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InteractionExpiredException;
import net.dv8tion.jda.api.exceptions.InteractionFailureException;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When Discord does not take the bot's answer to an interaction. Most such refusals are Discord's, not the bot's: the
 * answer reached Discord after the three-second deadline ({@code 10062 Unknown interaction}; the person already saw
 * "This interaction failed"), the interaction's fifteen minutes were over ({@code 10015}, {@code 50027}), or Discord
 * itself failed (5xx after JDA's retries), or the answer had already arrived and only its acknowledgement was lost
 * ({@code 40060} on JDA's retry). Those are logged at WARN, saying what the person saw; anything else is a
 * mistake of the bot's and stays an ERROR. Without this, JDA's default handler logs every one of them as an ERROR.
 */
final class InteractionErrors {
    private static final Logger LOG = LoggerFactory.getLogger(InteractionErrors.class);

    private InteractionErrors() {}

    /** True if the failure is Discord's (late, expired, or a server error), not a mistake in what the bot sent. */
    static boolean discordSide(Throwable t) {
        if (t instanceof ErrorResponseException e) {
            return interactionGone(e) || e.isServerError() || e.getResponse() != null && e.getResponse().code >= 500;
        }
        return t instanceof InteractionFailureException
                || t instanceof InteractionExpiredException
                || t instanceof TimeoutException;
    }

    /**
     * True if no answer can reach the person any more: Discord no longer knows the interaction (too late, or its
     * token expired), or it was already answered (JDA's retry of an answer whose acknowledgement was lost).
     */
    static boolean interactionGone(Throwable t) {
        if (!(t instanceof ErrorResponseException e)) {
            return t instanceof InteractionFailureException || t instanceof InteractionExpiredException;
        }
        ErrorResponse r = e.getErrorResponse();
        return r == ErrorResponse.UNKNOWN_INTERACTION
                || r == ErrorResponse.UNKNOWN_WEBHOOK
                || r == ErrorResponse.INVALID_WEBHOOK_TOKEN
                || r == ErrorResponse.INTERACTION_ALREADY_ACKNOWLEDGED;
    }

    /** A failure handler for an answer to {@code interaction}, e.g. {@code reply.queue(null, onFailure(e, "the reply"))}. */
    static Consumer<Throwable> onFailure(Interaction interaction, String what) {
        return t -> log(interaction, what, t);
    }

    static void log(Interaction interaction, String what, Throwable t) {
        String id = interaction.getId();
        if (t instanceof ErrorResponseException e && e.getErrorResponse() == ErrorResponse.UNKNOWN_INTERACTION) {
            LOG.warn(
                    "Interaction {}: Discord refused {} as too late (10062 Unknown interaction: an answer must reach it "
                            + "within 3 s); the person saw \"This interaction failed\" and can try again. What was done before "
                            + "answering stands.",
                    id,
                    what);
        } else if (t instanceof ErrorResponseException e
                && e.getErrorResponse() == ErrorResponse.INTERACTION_ALREADY_ACKNOWLEDGED) {
            LOG.warn(
                    "Interaction {}: Discord says it was already answered when {} was sent (40060). Most likely the "
                            + "first try reached it and only the acknowledgement was lost (a 5xx on the way back), so JDA tried "
                            + "again; if this keeps happening, check that only one copy of the bot runs with this token.",
                    id,
                    what);
        } else if (interactionGone(t)) {
            LOG.warn(
                    "Interaction {}: {} was not delivered because Discord no longer accepts answers to it ({}); the "
                            + "person saw \"This interaction failed\" or no update.",
                    id,
                    what,
                    summary(t));
        } else if (discordSide(t)) {
            LOG.warn(
                    "Interaction {}: Discord failed to take {} ({}); the person may have seen \"This interaction "
                            + "failed\" and can try again.",
                    id,
                    what,
                    summary(t));
        } else {
            LOG.error("Interaction {}: Discord refused {}", id, what, t);
        }
    }

    private static String summary(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int line = message.indexOf('\n');
        return line < 0 ? message : message.substring(0, line);
    }
}
