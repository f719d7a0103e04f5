package uk.stepup.weekly;

import java.util.Optional;
import uk.stepup.cohorts.Cohort;
import uk.stepup.deliveries.DeliveryLedger.Key;
import uk.stepup.deliveries.DeliveryLedger.Kind;

/**
 * The Monday prompt: week N's KLOE prompt in the cohort's {@code #this-week}, then the week's discussion thread
 * started on it, each exactly once through the delivery ledger. Both are still useful until the week's check-in
 * window closes. When it is due is the calendar's business ({@code ProgrammeCalendar.promptAt}); the timer that wakes
 * the tick at that moment is the scheduling adapter's.
 */
final class WeeklyPrompt {
    static final String THIS_WEEK = "this-week";
    /** The target of the week's thread (kind PROMPT) and of the summary's copy in it (kind SUMMARY). */
    static final String THREAD = "thread";

    private final Deliveries deliveries;
    private final ProgrammePublisher publisher;

    WeeklyPrompt(Deliveries deliveries, ProgrammePublisher publisher) {
        this.deliveries = deliveries;
        this.publisher = publisher;
    }

    static Key promptKey(long cohortId, int week) {
        return new Key(cohortId, week, Kind.PROMPT, THIS_WEEK);
    }

    static Key threadKey(long cohortId, int week) {
        return new Key(cohortId, week, Kind.PROMPT, THREAD);
    }

    /** Posts the week's prompt and its thread if they are due and not yet sent; the thread's id, if there is one. */
    Optional<String> post(Tick tick, Tick.Week week) {
        Cohort cohort = tick.cohort();
        int w = week.number();
        Key promptKey = promptKey(cohort.id(), w);
        deliveries.deliver(
                cohort,
                promptKey,
                week.promptAt(),
                tick.beforeClose(week),
                tick.done(),
                tick.notes(),
                "the week " + w + " prompt (" + week.item().code() + ")",
                key -> publisher.postPrompt(cohort, w, week.item(), week.close(), key));
        Optional<String> promptId = deliveries.sent(promptKey);
        Key threadKey = threadKey(cohort.id(), w);
        promptId.ifPresent(id -> deliveries.deliverPart(
                cohort,
                threadKey,
                promptKey,
                week.promptAt(),
                tick.beforeClose(week),
                tick.done(),
                "the week " + w + " thread",
                key -> publisher.findThread(cohort, id),
                key -> publisher.postThread(cohort, w, week.item(), id, key)));
        // Before the thread had its own delivery, its id was the prompt's (Discord gives a thread started on a
        // message that message's id).
        return deliveries.sent(threadKey).or(() -> promptId);
    }
}
