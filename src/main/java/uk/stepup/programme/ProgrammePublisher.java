package uk.stepup.programme;

import java.time.Instant;
import java.util.Optional;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.DeliveryLedger;
import uk.stepup.cohorts.Home;
import uk.stepup.curriculum.CurriculumItem;
import uk.stepup.summaries.WeeklySummary;

/**
 * Port: puts the programme's scheduled posts where people see them. Every post carries its delivery key so that,
 * after a crash between posting and recording, {@link #findDelivered} can tell whether it already went out.
 */
public interface ProgrammePublisher {

    /** The outcome of a post. */
    sealed interface Posted permits Sent, Failed {
    }

    /** Posted; the id of the (first) message. */
    record Sent(String messageId) implements Posted {
    }

    /** Not posted, with a reason a coach can act on (for example a deleted channel). */
    record Failed(String reason) implements Posted {
    }

    /** The week's prompt in {@code #this-week}, with a Check in button, and the week's discussion thread. */
    Posted postPrompt(Cohort cohort, int week, CurriculumItem item, Instant deadline, DeliveryLedger.Key key);

    /** A reminder in the home's own channel that mentions only the home's managers. */
    Posted postReminder(Cohort cohort, Home home, int week, CurriculumItem item, Instant deadline, DeliveryLedger.Key key);

    /** The week's summary in {@code #peer-learning} and in the week's thread; never mentions anyone. */
    Posted postSummary(Cohort cohort, WeeklySummary summary, DeliveryLedger.Key key);

    /** Looks in the target channel for a post already made with this key; the message id if found. */
    Optional<String> findDelivered(Cohort cohort, DeliveryLedger.Key key);

    /** Looks in the home's channel for a reminder already posted with this key; the message id if found. */
    Optional<String> findReminder(Cohort cohort, Home home, DeliveryLedger.Key key);

    /** A note for the cohort's coaches only. */
    void tellCoaches(Cohort cohort, String text);
}
