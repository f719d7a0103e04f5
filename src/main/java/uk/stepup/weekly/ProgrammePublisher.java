package uk.stepup.weekly;

import java.time.Instant;
import java.util.Optional;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;
import uk.stepup.curriculum.CurriculumItem;
import uk.stepup.deliveries.DeliveryLedger;
import uk.stepup.improvement.PdsaCycle;
import uk.stepup.summaries.WeeklySummary;

/**
 * Port: puts the programme's scheduled posts where people see them. Every post carries its delivery key so that,
 * after a crash between posting and recording, {@link #findDelivered} can tell whether it already went out. A post
 * in two places (the prompt and its thread, the summary and its copy in the thread) is two deliveries, so a failure
 * between them is retried for the part that is missing only.
 */
public interface ProgrammePublisher {

    /** The outcome of a post. */
    sealed interface Posted permits Sent, Failed, Skipped {}

    /** Posted; the id of the (first) message, or of the thread for {@link #postThread}. */
    record Sent(String messageId) implements Posted {}

    /**
     * Not posted, with a reason a coach can act on (for example a deleted channel). {@code passing} when Discord
     * failed or could not be reached (a 5xx its retries did not get past, the gateway still reconnecting): trying
     * again in a minute will likely work, and there is nothing for a coach to do.
     */
    record Failed(String reason, boolean passing) implements Posted {
        public Failed(String reason) {
            this(reason, false);
        }
    }

    /**
     * Deliberately not posted, because there is nowhere it belongs any more (e.g. the week's thread was deleted or a
     * moderator locked it); recorded so it is never tried again, and the coaches are told the reason.
     */
    record Skipped(String reason) implements Posted {}

    /** The week's prompt in {@code #this-week}, with a Check in button; the id of the message carrying the button. */
    Posted postPrompt(Cohort cohort, int week, CurriculumItem item, Instant deadline, DeliveryLedger.Key key);

    /** The week's discussion thread, started on the prompt's message; the thread's id. */
    Posted postThread(Cohort cohort, int week, CurriculumItem item, String promptMessageId, DeliveryLedger.Key key);

    /** The thread already started on the prompt's message, if any; its id. */
    Optional<String> findThread(Cohort cohort, String promptMessageId);

    /** A reminder in the home's own channel that mentions only the home's managers. */
    Posted postReminder(
            Cohort cohort, Home home, int week, CurriculumItem item, Instant deadline, DeliveryLedger.Key key);

    /** The week's summary in {@code #peer-learning}; never mentions anyone. */
    Posted postSummary(Cohort cohort, WeeklySummary summary, DeliveryLedger.Key key);

    /**
     * The same summary in the week's thread, for the discussion, also when Discord has archived the thread (posting
     * unarchives it); {@link Skipped} if the thread was deleted or locked.
     */
    Posted postSummaryInThread(Cohort cohort, WeeklySummary summary, String threadId, DeliveryLedger.Key key);

    /** The summary already in the week's thread, if any; its (first) message id. */
    Optional<String> findSummaryInThread(Cohort cohort, String threadId, DeliveryLedger.Key key);

    /** Looks in the target channel for a post already made with this key; the message id if found. */
    Optional<String> findDelivered(Cohort cohort, DeliveryLedger.Key key);

    /** Looks in the home's channel for a reminder already posted with this key; the message id if found. */
    Optional<String> findReminder(Cohort cohort, Home home, DeliveryLedger.Key key);

    /**
     * In the home's channel, once: the cycle passed its planned length without a Study, so how did it go? Mentions
     * nobody.
     */
    Posted postCycleReminder(Cohort cohort, Home home, PdsaCycle cycle, DeliveryLedger.Key key);

    /** Looks in the home's channel for that cycle's reminder already posted; the message id if found. */
    Optional<String> findCycleReminder(Cohort cohort, Home home, PdsaCycle cycle, DeliveryLedger.Key key);

    /** A note for the cohort's coaches only. */
    void tellCoaches(Cohort cohort, String text);
}
