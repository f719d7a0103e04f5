package uk.stepup.weekly;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortTimers;
import uk.stepup.deliveries.DeliveryLedger;
import uk.stepup.deliveries.DeliveryLedger.Key;

/**
 * The protocol every scheduled post follows, whatever it is: skip it (and say so) when it is no longer useful; claim
 * it in the ledger so only one caller posts; after an interrupted attempt, look for the post a crash left unrecorded;
 * post; record it as sent. A post Discord failed to take (a 5xx, the gateway reconnecting) is tried again a minute
 * later, then at growing intervals, without troubling the coaches; any other failed post is reported to the cohort's
 * coaches and tried again at the next tick. A post with nowhere left to go (the week's thread was deleted) is
 * recorded as skipped, never tried again, and the coaches are told why. Late and skipped posts are added to
 * {@code notes}, which the tick sends to the coaches.
 */
final class Deliveries {
    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
    /** The first retry after Discord failed; each further one waits twice as long, up to {@link #RETRY_MAX}. */
    static final Duration RETRY = Duration.ofMinutes(1);

    static final Duration RETRY_MAX = Duration.ofMinutes(30);

    /** Makes the post. */
    interface Post {
        ProgrammePublisher.Posted send(Key key);
    }

    /** Finds a post already made for the key (after a crash between posting and recording); its message id. */
    interface Find {
        Optional<String> find(Key key);
    }

    private final DeliveryLedger ledger;
    private final ProgrammePublisher publisher;
    private final CohortTimers timers;
    private final Clock clock;

    Deliveries(DeliveryLedger ledger, ProgrammePublisher publisher, CohortTimers timers, Clock clock) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.timers = timers;
        this.clock = clock;
    }

    /** The message id of a post the ledger has as sent (before this tick, or during it). */
    Optional<String> sent(Key key) {
        return ledger.find(key)
                .filter(e -> e.status() == DeliveryLedger.Status.SENT)
                .flatMap(DeliveryLedger.Entry::messageId);
    }

    /** A post the programme publisher can find again by itself (prompts and summaries). */
    ProgrammePublisher.Posted deliver(
            Cohort cohort,
            Key key,
            Instant due,
            boolean useful,
            Set<String> done,
            List<String> notes,
            String what,
            Post post) {
        return deliver(cohort, key, due, useful, done, notes, what, k -> publisher.findDelivered(cohort, k), post);
    }

    /**
     * Delivers the post by the protocol above.
     *
     * @return what the publisher answered, or null if it was not asked (settled before, skipped, claimed by another
     *     caller, or found already posted)
     */
    ProgrammePublisher.Posted deliver(
            Cohort cohort,
            Key key,
            Instant due,
            boolean useful,
            Set<String> done,
            List<String> notes,
            String what,
            Find find,
            Post post) {
        if (done.contains(key.asText())) {
            return null;
        }
        Instant now = clock.instant();
        if (!useful) {
            ledger.markSkipped(key, due, now, "no longer useful when the bot caught up");
            if (cohort.createdAt().isBefore(due)) {
                notes.add(what + ", due " + local(due, cohort.zone()) + ", was skipped because its moment had passed");
            }
            return null;
        }
        boolean late = now.isAfter(due.plus(WeeklyProgramme.GRACE))
                && cohort.createdAt().isBefore(due);
        DeliveryLedger.Claim claim = ledger.claim(key, due, now, late, true);
        if (!claim.won()) {
            return null;
        }
        if (claim.entry().attempts() > 1) {
            Optional<String> already = find.find(key);
            if (already.isPresent()) {
                ledger.markSent(key, already.get(), now);
                return null;
            }
        }
        ProgrammePublisher.Posted result = post.send(key);
        if (settle(cohort, key, due, claim, what, result) && late) {
            notes.add(
                    what + ", due " + local(due, cohort.zone()) + ", was posted late at " + local(now, cohort.zone()));
        }
        return result;
    }

    /**
     * The second part of a post (the prompt's thread, the summary's copy in it), delivered on its own so that a
     * failure after the first part is retried for this part alone. Once its moment has passed it is no longer tried,
     * and nobody is told. It looks before posting on a retry, and when the first part went out before this tick
     * ({@code parentEarlier}): then the part may exist from before it had a delivery of its own.
     */
    void deliverPart(
            Cohort cohort,
            Key key,
            Key parent,
            Instant due,
            boolean useful,
            Set<String> done,
            String what,
            Find find,
            Post post) {
        if (done.contains(key.asText()) || !useful) {
            return;
        }
        Instant now = clock.instant();
        DeliveryLedger.Claim claim = ledger.claim(key, due, now, false, true);
        if (!claim.won()) {
            return;
        }
        if (claim.entry().attempts() > 1 || done.contains(parent.asText())) {
            Optional<String> already = find.find(key);
            if (already.isPresent()) {
                ledger.markSent(key, already.get(), now);
                return;
            }
        }
        settle(cohort, key, due, claim, what, post.send(key));
    }

    /** Records the outcome; true if it was sent. */
    private boolean settle(
            Cohort cohort,
            Key key,
            Instant due,
            DeliveryLedger.Claim claim,
            String what,
            ProgrammePublisher.Posted result) {
        if (result instanceof ProgrammePublisher.Sent sent) {
            ledger.markSent(key, sent.messageId(), clock.instant());
            return true;
        }
        if (result instanceof ProgrammePublisher.Skipped skipped) {
            // Nowhere left to post it (the week's thread was deleted): recorded, so never tried again, and said once.
            ledger.markSkipped(key, due, clock.instant(), skipped.reason());
            publisher.tellCoaches(cohort, "I did not post " + what + ": " + skipped.reason());
        } else if (result instanceof ProgrammePublisher.Failed failed && failed.passing()) {
            Instant retry = clock.instant().plus(retryAfter(claim.entry().attempts()));
            LOG.warn("Discord did not take {} ({}); trying again at {}", key.asText(), failed.reason(), retry);
            timers.wakeAt(cohort.id(), retry);
        } else if (result instanceof ProgrammePublisher.Failed failed) {
            LOG.warn("Could not post {}: {}", key.asText(), failed.reason());
            publisher.tellCoaches(
                    cohort,
                    "I could not post " + what + ": " + failed.reason()
                            + " I will try again at the next scheduled time; `/cohort repair` re-creates missing channels.");
        }
        return false;
    }

    /** One minute after the first failed attempt, then twice as long each time, at most {@link #RETRY_MAX}. */
    static Duration retryAfter(int attempts) {
        Duration d = RETRY;
        for (int i = 1; i < attempts && d.compareTo(RETRY_MAX) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(RETRY_MAX) < 0 ? d : RETRY_MAX;
    }

    static String local(Instant t, ZoneId zone) {
        return DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK).format(t.atZone(zone));
    }
}
