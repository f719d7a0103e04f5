package uk.stepup.weekly;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;
import uk.stepup.deliveries.DeliveryLedger;
import uk.stepup.deliveries.DeliveryLedger.Key;
import uk.stepup.deliveries.DeliveryLedger.Kind;

/**
 * The mid-week reminder: from the week's reminder time, a reminder to each home that has not checked in, each claimed,
 * sent and recorded on its own (the exactly-once protocol per home), side by side on the posts executor. A reminder
 * is useful only before the week's check-in window closes.
 */
final class CheckinReminders {
    private final Deliveries deliveries;
    private final ProgrammePublisher publisher;
    private final DeliveryLedger ledger;
    private final Executor posts;

    CheckinReminders(Deliveries deliveries, ProgrammePublisher publisher, DeliveryLedger ledger, Executor posts) {
        this.deliveries = deliveries;
        this.publisher = publisher;
        this.ledger = ledger;
        this.posts = posts;
    }

    static Key reminderKey(long cohortId, int week, long homeId) {
        return new Key(cohortId, week, Kind.REMINDER, "home-" + homeId);
    }

    /** Sends the week's reminders if their time has come, to every home still without a check-in. */
    void send(Tick tick, Tick.Week week) {
        Cohort cohort = tick.cohort();
        Instant now = tick.now();
        Instant reminderAt = tick.calendar().reminderAt(week.number()).orElseThrow();
        if (reminderAt.isAfter(now)) {
            return;
        }
        int w = week.number();
        Set<Long> thisWeek = tick.checkedIn().get().getOrDefault(w, Set.of());
        List<Runnable> reminders = new ArrayList<>();
        for (Home home : tick.enrolled().get()) {
            Key key = reminderKey(cohort.id(), w, home.id());
            if (thisWeek.contains(home.id()) && tick.claimed().contains(key.asText())) {
                // Its reminder failed and was waiting for another try: the home no longer needs it.
                ledger.markSkipped(key, reminderAt, now, "the home checked in before the reminder could be sent");
            }
            if (thisWeek.contains(home.id()) || tick.done().contains(key.asText())) {
                continue;
            }
            reminders.add(() -> deliveries.deliver(
                    cohort,
                    key,
                    reminderAt,
                    tick.beforeClose(week),
                    tick.done(),
                    tick.notes(),
                    "the week " + w + " reminder to " + home.name(),
                    k -> publisher.findReminder(cohort, home, k),
                    k -> publisher.postReminder(cohort, home, w, week.item(), week.close(), k)));
        }
        Once.runAll(posts, reminders);
    }
}
