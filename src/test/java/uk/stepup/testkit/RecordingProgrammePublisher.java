package uk.stepup.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;
import uk.stepup.curriculum.CurriculumItem;
import uk.stepup.deliveries.DeliveryLedger;
import uk.stepup.improvement.PdsaCycle;
import uk.stepup.summaries.WeeklySummary;
import uk.stepup.weekly.ProgrammePublisher;

/**
 * The one fake of {@link ProgrammePublisher}: remembers every scheduled post ({@link #posts}) and every note to the
 * coaches ({@link #told}), answers each post as it is told (sent, failed, or a test failure where no post is
 * expected), and finds nothing (no crash between posting and recording here). Thread-safe.
 */
public final class RecordingProgrammePublisher implements ProgrammePublisher {
    /** What was posted. */
    public enum Kind {
        PROMPT,
        THREAD,
        REMINDER,
        SUMMARY,
        SUMMARY_IN_THREAD,
        CYCLE_REMINDER
    }

    /** One post asked for; {@code home} for a reminder, {@code summary} for a summary and its copy. */
    public record Post(
            Kind kind, Cohort cohort, DeliveryLedger.Key key, Optional<Home> home, Optional<WeeklySummary> summary) {}

    public final List<Post> posts = new CopyOnWriteArrayList<>();
    /** The notes for the coaches, in order. */
    public final List<String> told = new CopyOnWriteArrayList<>();

    private final Function<Post, Posted> answer;

    /** Answers each post (after recording it) with {@code answer}, which may also throw to fail the test. */
    public RecordingProgrammePublisher(Function<Post, Posted> answer) {
        this.answer = answer;
    }

    /** Every post goes out, with message ids in order from 1. */
    public static RecordingProgrammePublisher sending() {
        AtomicLong ids = new AtomicLong();
        return new RecordingProgrammePublisher(p -> new Sent(String.valueOf(ids.incrementAndGet())));
    }

    /** Every post fails with {@code reason}: for worlds where the weekly posts are not exercised. */
    public static RecordingProgrammePublisher failing(String reason) {
        return new RecordingProgrammePublisher(p -> new Failed(reason));
    }

    /** Any post fails the test: only notes to the coaches are expected. */
    public static RecordingProgrammePublisher onlyTellingCoaches() {
        return new RecordingProgrammePublisher(p -> {
            throw new AssertionError("not expected: " + p.kind() + " " + p.key().asText());
        });
    }

    private Posted post(Post post) {
        posts.add(post);
        return answer.apply(post);
    }

    @Override
    public Posted postPrompt(Cohort cohort, int week, CurriculumItem item, Instant deadline, DeliveryLedger.Key key) {
        return post(new Post(Kind.PROMPT, cohort, key, Optional.empty(), Optional.empty()));
    }

    @Override
    public Posted postThread(
            Cohort cohort, int week, CurriculumItem item, String promptMessageId, DeliveryLedger.Key key) {
        return post(new Post(Kind.THREAD, cohort, key, Optional.empty(), Optional.empty()));
    }

    @Override
    public Optional<String> findThread(Cohort cohort, String promptMessageId) {
        return Optional.empty();
    }

    @Override
    public Posted postReminder(
            Cohort cohort, Home home, int week, CurriculumItem item, Instant deadline, DeliveryLedger.Key key) {
        return post(new Post(Kind.REMINDER, cohort, key, Optional.of(home), Optional.empty()));
    }

    @Override
    public Posted postSummary(Cohort cohort, WeeklySummary summary, DeliveryLedger.Key key) {
        return post(new Post(Kind.SUMMARY, cohort, key, Optional.empty(), Optional.of(summary)));
    }

    @Override
    public Posted postSummaryInThread(Cohort cohort, WeeklySummary summary, String threadId, DeliveryLedger.Key key) {
        return post(new Post(Kind.SUMMARY_IN_THREAD, cohort, key, Optional.empty(), Optional.of(summary)));
    }

    @Override
    public Optional<String> findSummaryInThread(Cohort cohort, String threadId, DeliveryLedger.Key key) {
        return Optional.empty();
    }

    @Override
    public Optional<String> findDelivered(Cohort cohort, DeliveryLedger.Key key) {
        return Optional.empty();
    }

    @Override
    public Optional<String> findReminder(Cohort cohort, Home home, DeliveryLedger.Key key) {
        return Optional.empty();
    }

    @Override
    public Posted postCycleReminder(Cohort cohort, Home home, PdsaCycle cycle, DeliveryLedger.Key key) {
        return post(new Post(Kind.CYCLE_REMINDER, cohort, key, Optional.of(home), Optional.empty()));
    }

    @Override
    public Optional<String> findCycleReminder(Cohort cohort, Home home, PdsaCycle cycle, DeliveryLedger.Key key) {
        return Optional.empty();
    }

    @Override
    public void tellCoaches(Cohort cohort, String text) {
        told.add(text);
    }
}
