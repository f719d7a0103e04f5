package uk.stepup.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.shared.UserText;

/**
 * {@code /broadcast}: a coach's message to one cohort's {@code #announcements}, or to every running cohort on the
 * coach's server. The message is posted as written but made inert: it never pings anyone. It goes through the
 * privacy guard first: an identifier stops it.
 */
public final class BroadcastService {
    /** Discord's limit for a message, which the command's option enforces too (counted as Discord counts). */
    public static final int MESSAGE_MAX = 2000;

    private final CohortRepository cohorts;
    private final CoachPublisher publisher;
    private final PrivacyGuard guard;

    public BroadcastService(CohortRepository cohorts, CoachPublisher publisher, PrivacyGuard guard) {
        this.cohorts = cohorts;
        this.publisher = publisher;
        this.guard = guard;
    }

    public Outcome toCohort(Actor actor, Cohort cohort, String text) {
        return send(actor, List.of(cohort), text);
    }

    /** To every running (not ended) cohort on the coach's server. */
    public Outcome toAll(Actor actor, String text) {
        if (!actor.coach()) {
            return Outcome.refused(Outcome.COACHES_ONLY);
        }
        List<Cohort> running = cohorts.inGuild(actor.guildId()).stream()
                .filter(c -> c.status() != Cohort.Status.ENDED)
                .toList();
        if (running.isEmpty()) {
            return Outcome.invalid("There is no running cohort on this server to send to.");
        }
        return send(actor, running, text);
    }

    private Outcome send(Actor actor, List<Cohort> targets, String raw) {
        if (!actor.coach()) {
            return Outcome.refused(Outcome.COACHES_ONLY);
        }
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty() || UserText.length(text) > MESSAGE_MAX) {
            return Outcome.invalid("Write a message of 1 to " + MESSAGE_MAX + " characters.");
        }
        Optional<String> identifiers = guard.identifiers("message", text);
        if (identifiers.isPresent()) {
            return Outcome.invalid("Every home in the cohort reads a broadcast. " + identifiers.get());
        }
        List<String> sent = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Cohort c : targets) {
            CoachPublisher.Posted p = publisher.postBroadcast(c, text, actor.displayName());
            if (p instanceof CoachPublisher.Failed f) {
                failed.add(c.name() + ": " + f.reason());
            } else {
                sent.add(c.name());
            }
        }
        StringBuilder s = new StringBuilder();
        if (!sent.isEmpty()) {
            s.append(
                    sent.size() == 1
                            ? "Posted your message to #announcements of " + sent.get(0) + "."
                            : "Posted your message to " + sent.size() + " cohorts: " + String.join(", ", sent) + ".");
            s.append(" It pings nobody.");
        }
        if (!failed.isEmpty()) {
            s.append(s.length() == 0 ? "" : "\n")
                    .append("I could not post to ")
                    .append(failed.size())
                    .append(failed.size() == 1 ? " cohort" : " cohorts")
                    .append(":\n- ")
                    .append(String.join("\n- ", failed))
                    .append("\n`/cohort repair` re-creates missing channels.");
        }
        return sent.isEmpty() ? Outcome.invalid(s.toString()) : Outcome.done(s.toString());
    }
}
