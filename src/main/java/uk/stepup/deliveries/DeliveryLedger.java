package uk.stepup.deliveries;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Port: the record of every scheduled post, keyed by (cohort, week, kind, target), so that a double fire, a retry
 * or a restart never sends twice and a crash never loses a post.
 *
 * <p>Protocol: {@link #claim} before posting (only one caller wins), {@link #markSent} after Discord accepted the
 * post. A claim left behind by a crash is found with {@link #unfinished} and reconciled on start.
 */
public interface DeliveryLedger {

    enum Kind {
        PROMPT,
        REMINDER,
        SUMMARY,
        TASK_REMINDER,
        SESSION_REMINDER,
        /** A home's PDSA cycle past its planned length without a Study (week 0, target {@code cycle-<id>}). */
        CYCLE_REMINDER
    }

    /**
     * @param week   the programme week, or 0 for posts that belong to no week (task and session reminders)
     * @param target where or to whom: {@code this-week}, {@code home-<id>}, or for week 0 the task or session it is
     *               about, e.g. {@code task-<id>:home-<id>}
     */
    record Key(long cohortId, int week, Kind kind, String target) {
        public String asText() {
            return cohortId + ":" + week + ":" + kind.name().toLowerCase(Locale.ROOT) + ":" + target;
        }
    }

    enum Status {
        CLAIMED,
        SENT,
        SKIPPED
    }

    record Entry(
            Key key,
            Instant dueAt,
            Status status,
            int attempts,
            Optional<String> messageId,
            Instant claimedAt,
            Optional<Instant> sentAt,
            boolean late,
            Optional<String> note) {}

    /** Result of a claim: whether this caller may post, and the entry as it now stands. */
    record Claim(boolean won, Entry entry) {}

    /**
     * Claims the key. Wins if no entry exists; also wins (a retry, attempts + 1) if the entry is CLAIMED but was never
     * marked sent and {@code retryUnfinished} is true. Never wins for SENT or SKIPPED.
     */
    Claim claim(Key key, Instant dueAt, Instant now, boolean late, boolean retryUnfinished);

    void markSent(Key key, String messageId, Instant at);

    /** Records that the post was deliberately not sent (e.g. a reminder whose deadline passed while down). */
    void markSkipped(Key key, Instant dueAt, Instant at, String note);

    Optional<Entry> find(Key key);

    /** Entries claimed but not sent: posts interrupted by a crash. */
    List<Entry> unfinished();

    List<Entry> forCohortWeek(long cohortId, int week);

    /**
     * The status of every delivery of the cohort by its key's text, and nothing else: a tick reads this once to know
     * what is left to do. At 15,000 homes and 24 weeks that is 360,000 reminders, so reading whole entries (times
     * parsed, message ids) took over a second a tick.
     */
    Map<String, Status> statuses(long cohortId);

    /** The cohort's entries of one kind, for example its prompts, without reading the others. */
    List<Entry> forCohort(long cohortId, Kind kind);
}
