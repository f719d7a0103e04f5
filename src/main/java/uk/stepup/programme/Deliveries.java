package uk.stepup.programme;

import java.time.Clock;
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
import uk.stepup.cohorts.DeliveryLedger;
import uk.stepup.cohorts.DeliveryLedger.Key;

/**
 * The protocol every scheduled post follows, whatever it is: skip it (and say so) when it is no longer useful; claim
 * it in the ledger so only one caller posts; after an interrupted attempt, look for the post a crash left unrecorded;
 * post; record it as sent. A failed post is reported to the cohort's coaches and tried again at the next tick. Late
 * and skipped posts are added to {@code notes}, which the tick sends to the coaches.
 */
final class Deliveries {
    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

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
    private final Clock clock;

    Deliveries(DeliveryLedger ledger, ProgrammePublisher publisher, Clock clock) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** A post the programme publisher can find again by itself (prompts and summaries). */
    void deliver(Cohort cohort, Key key, Instant due, boolean useful, Set<String> done,
                 List<String> notes, String what, Post post) {
        deliver(cohort, key, due, useful, done, notes, what, k -> publisher.findDelivered(cohort, k), post);
    }

    void deliver(Cohort cohort, Key key, Instant due, boolean useful, Set<String> done,
                 List<String> notes, String what, Find find, Post post) {
        if (done.contains(key.asText())) {
            return;
        }
        Instant now = clock.instant();
        if (!useful) {
            ledger.markSkipped(key, due, now, "no longer useful when the bot caught up");
            if (cohort.createdAt().isBefore(due)) {
                notes.add(what + ", due " + local(due, cohort.zone()) + ", was skipped because its moment had passed");
            }
            return;
        }
        boolean late = now.isAfter(due.plus(WeeklyProgramme.GRACE)) && cohort.createdAt().isBefore(due);
        DeliveryLedger.Claim claim = ledger.claim(key, due, now, late, true);
        if (!claim.won()) {
            return;
        }
        if (claim.entry().attempts() > 1) {
            Optional<String> already = find.find(key);
            if (already.isPresent()) {
                ledger.markSent(key, already.get(), now);
                return;
            }
        }
        ProgrammePublisher.Posted result = post.send(key);
        if (result instanceof ProgrammePublisher.Sent sent) {
            ledger.markSent(key, sent.messageId(), clock.instant());
            if (late) {
                notes.add(what + ", due " + local(due, cohort.zone()) + ", was posted late at " + local(now, cohort.zone()));
            }
        } else if (result instanceof ProgrammePublisher.Failed failed) {
            LOG.warn("Could not post {}: {}", key.asText(), failed.reason());
            publisher.tellCoaches(cohort, "I could not post " + what + ": " + failed.reason()
                    + " I will try again at the next scheduled time; `/cohort repair` re-creates missing channels.");
        }
    }

    static String local(Instant t, ZoneId zone) {
        return DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK).format(t.atZone(zone));
    }
}
