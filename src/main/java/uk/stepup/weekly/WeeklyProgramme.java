package uk.stepup.weekly;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.stepup.checkins.CheckinRepository;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.CohortTimers;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.ProgrammeCalendar;
import uk.stepup.cohorts.ProgrammeTicker;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.curriculum.CurriculumItem;
import uk.stepup.deliveries.DeliveryLedger;
import uk.stepup.deliveries.DeliveryLedger.Key;
import uk.stepup.deliveries.DeliveryLedger.Kind;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.summaries.WeeklySummary;
import uk.stepup.summaries.WeeklySummaryBuilder;

/**
 * The weekly rhythm of every cohort. {@link #tick} brings a cohort's scheduled posts up to date as of the clock:
 * it works out from the calendar which prompts, reminders and summaries are due, and sends each one that the
 * delivery ledger has not seen, exactly once; then the coach's task and session reminders ({@link CoachReminders}).
 * Timers call it at the cohort's weekly times and at those reminders' moments; start-up calls it to catch up;
 * calling it twice is harmless.
 *
 * <p>Catch-up rule (spec section 4): a post missed while the bot was down is still sent if it is still useful:
 * a prompt until its week's window closes, a reminder only before the deadline, a summary until the next one is
 * due. Anything sent more than {@link #GRACE} late, or skipped, is reported to the cohort's coaches.
 *
 * <p>Ticks of different cohorts run side by side (their posts share the publisher's pacing under Discord's global
 * limit); ticks of the same cohort, and a coach's {@link #summaryNow}, take the cohort's lock and run one at a time.
 * The ledger, not the lock, is what keeps every post to one: its claim is atomic.
 */
public final class WeeklyProgramme implements ProgrammeTicker {
    /** A post this much after its time counts as late and is reported to the coaches. */
    public static final Duration GRACE = Duration.ofMinutes(15);

    private static final Logger LOG = LoggerFactory.getLogger(WeeklyProgramme.class);
    static final String THIS_WEEK = "this-week";
    static final String PEER_LEARNING = "peer-learning";
    /** The target of the week's thread (kind PROMPT) and of the summary's copy in it (kind SUMMARY). */
    static final String THREAD = "thread";

    private final CohortRepository cohorts;
    private final HomeRepository homes;
    private final CheckinRepository checkins;
    private final DeliveryLedger ledger;
    private final ProgrammePublisher publisher;
    private final WeeklySummaryBuilder summaries;
    private final Supplier<Map<String, Curriculum>> curricula;
    private final CohortTimers timers;
    private final CoachReminders coachReminders;
    private final Clock clock;
    private final Deliveries deliveries;
    private final Executor posts;
    /** One lock per cohort: a cohort's ticks run one at a time, different cohorts' side by side. */
    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();

    /**
     * @param posts runs a week's reminders, one task per home, and {@link #tick} waits for all of them: several
     *     threads let reminders go out side by side (the publisher keeps them under Discord's limits), and
     *     {@code Runnable::run} sends them one after another
     */
    public WeeklyProgramme(
            CohortRepository cohorts,
            HomeRepository homes,
            CheckinRepository checkins,
            DeliveryLedger ledger,
            ProgrammePublisher publisher,
            WeeklySummaryBuilder summaries,
            Supplier<Map<String, Curriculum>> curricula,
            CohortTimers timers,
            CoachReminders coachReminders,
            Clock clock,
            Executor posts) {
        this.cohorts = cohorts;
        this.homes = homes;
        this.checkins = checkins;
        this.ledger = ledger;
        this.publisher = publisher;
        this.summaries = summaries;
        this.curricula = curricula;
        this.timers = timers;
        this.coachReminders = coachReminders;
        this.clock = clock;
        this.deliveries = new Deliveries(ledger, publisher, timers, clock);
        this.posts = posts;
    }

    /** The calendar of a cohort as it stands. */
    public ProgrammeCalendar calendar(Cohort cohort) {
        return ProgrammeCalendar.of(cohort, cohorts);
    }

    /** Re-creates every running cohort's timers and catches up on anything missed (called once at start). */
    public void start() {
        for (Cohort c : cohorts.running()) {
            timers.schedule(c);
            tick(c.id());
        }
    }

    @Override
    public void tick(long cohortId) {
        ReentrantLock lock = lockOf(cohortId);
        lock.lock();
        try {
            tickLocked(cohortId);
        } finally {
            lock.unlock();
        }
    }

    private ReentrantLock lockOf(long cohortId) {
        return locks.computeIfAbsent(cohortId, k -> new ReentrantLock());
    }

    private void tickLocked(long cohortId) {
        Optional<Cohort> found = cohorts.byId(cohortId);
        // A paused cohort still finishes the weeks that already ran (reminders, summaries); the calendar has no
        // weeks from the pause on, so nothing new starts.
        if (found.isEmpty() || found.get().status() == Cohort.Status.ENDED) {
            return;
        }
        Cohort cohort = found.get();
        Instant now = clock.instant();
        List<String> codes = cohorts.items(cohortId);
        ProgrammeCalendar cal = calendar(cohort);
        Curriculum curriculum = curricula.get().get(cohort.framework());
        // What is settled (sent or skipped) and what was claimed but not finished, as of the start of the tick.
        Set<String> done = new HashSet<>();
        Set<String> claimed = new HashSet<>();
        ledger.statuses(cohortId)
                .forEach((key, status) -> (status == DeliveryLedger.Status.CLAIMED ? claimed : done).add(key));
        // The homes and the check-ins' ratings are read at most once per tick, when first needed, and shared by the
        // reminders, the task reminders and the summary: at 15,000 homes and 24 weeks, reading the homes and the
        // week's check-ins for every week (and again for tasks and the summary) took tens of seconds.
        Supplier<List<Home>> enrolled = once(() -> homes.inCohort(cohortId));
        Supplier<List<CheckinRepository.Rated>> rated = once(() -> checkins.ratedInCohort(cohortId));
        Supplier<Map<Integer, Set<Long>>> checkedIn = once(() -> byWeek(rated.get()));
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        for (int week = 1; week <= codes.size(); week++) {
            Optional<Instant> promptAt = cal.promptAt(week);
            if (promptAt.isEmpty() || promptAt.get().isAfter(now)) {
                break;
            }
            CurriculumItem item = curriculum
                    .byCode(codes.get(week - 1))
                    .orElseThrow(() -> new IllegalStateException("Curriculum item missing; run validate"));
            Instant close = cal.closeAt(week).orElseThrow();
            int w = week;
            Key promptKey = new Key(cohortId, week, Kind.PROMPT, THIS_WEEK);
            deliveries.deliver(
                    cohort,
                    promptKey,
                    promptAt.get(),
                    now.isBefore(close),
                    done,
                    notes,
                    "the week " + week + " prompt (" + item.code() + ")",
                    key -> publisher.postPrompt(cohort, w, item, close, key));
            Optional<String> promptId = sent(promptKey);
            Key threadKey = new Key(cohortId, week, Kind.PROMPT, THREAD);
            promptId.ifPresent(id -> deliveries.deliverPart(
                    cohort,
                    threadKey,
                    promptKey,
                    promptAt.get(),
                    now.isBefore(close),
                    done,
                    "the week " + w + " thread",
                    key -> publisher.findThread(cohort, id),
                    key -> publisher.postThread(cohort, w, item, id, key)));

            Instant reminderAt = cal.reminderAt(week).orElseThrow();
            if (!reminderAt.isAfter(now)) {
                Set<Long> thisWeek = checkedIn.get().getOrDefault(week, Set.of());
                List<Runnable> reminders = new ArrayList<>();
                for (Home home : enrolled.get()) {
                    Key key = new Key(cohortId, week, Kind.REMINDER, "home-" + home.id());
                    if (thisWeek.contains(home.id()) && claimed.contains(key.asText())) {
                        // Its reminder failed and was waiting for another try: the home no longer needs it.
                        ledger.markSkipped(
                                key, reminderAt, now, "the home checked in before the reminder could be sent");
                    }
                    if (thisWeek.contains(home.id()) || done.contains(key.asText())) {
                        continue;
                    }
                    // Each reminder is claimed, sent and marked on its own: the exactly-once protocol per home.
                    reminders.add(() -> deliveries.deliver(
                            cohort,
                            key,
                            reminderAt,
                            now.isBefore(close),
                            done,
                            notes,
                            "the week " + w + " reminder to " + home.name(),
                            k -> publisher.findReminder(cohort, home, k),
                            k -> publisher.postReminder(cohort, home, w, item, close, k)));
                }
                runAll(reminders);
            }

            Instant summaryAt = cal.summaryAt(week).orElseThrow();
            if (!summaryAt.isAfter(now)) {
                Optional<Instant> nextSummary = cal.summaryAt(week + 1);
                boolean useful = nextSummary.isEmpty() || now.isBefore(nextSummary.get());
                Key summaryKey = new Key(cohortId, week, Kind.SUMMARY, PEER_LEARNING);
                Supplier<WeeklySummary> summary = once(() -> summaries.build(cohort, w, enrolled.get(), rated.get()));
                Runnable post = () -> deliveries.deliver(
                        cohort,
                        summaryKey,
                        summaryAt,
                        useful,
                        done,
                        notes,
                        "the week " + w + " summary",
                        key -> publisher.postSummary(cohort, summary.get(), key));
                // Before the thread had its own delivery, its id was the prompt's (Discord gives a thread started on a
                // message that message's id).
                Optional<String> threadId = sent(threadKey).or(() -> promptId);
                Key copyKey = new Key(cohortId, week, Kind.SUMMARY, THREAD);
                Runnable copy = () -> threadId.ifPresent(tid -> deliveries.deliverPart(
                        cohort,
                        copyKey,
                        summaryKey,
                        summaryAt,
                        useful,
                        done,
                        "the week " + w + " summary in its thread",
                        key -> publisher.findSummaryInThread(cohort, tid, key),
                        key -> publisher.postSummaryInThread(cohort, summary.get(), tid, key)));
                boolean both = useful
                        && threadId.isPresent()
                        && !done.contains(summaryKey.asText())
                        && !done.contains(copyKey.asText());
                if (both) {
                    // The summary and its copy in the week's thread are two posts to two places that both exist: they
                    // go
                    // out side by side, a round trip sooner than one after the other, each through its own delivery.
                    // The summary is built once, here, before the two share it.
                    summary.get();
                    runAll(List.of(post, copy));
                } else {
                    post.run();
                    if (sent(summaryKey).isPresent()) {
                        copy.run();
                    }
                }
            }
        }
        coachReminders.reconcile(cohort, deliveries, done, notes, enrolled);
        if (!notes.isEmpty()) {
            publisher.tellCoaches(
                    cohort, "While the bot was offline some posts missed their time:\n- " + String.join("\n- ", notes));
        }
        if (cal.finished(now)
                && cohorts.byId(cohortId)
                        .map(c -> c.status() == Cohort.Status.ACTIVE)
                        .orElse(false)) {
            cohorts.setStatus(cohortId, Cohort.Status.ENDED, Optional.empty());
            timers.cancel(cohortId);
            LOG.info("Cohort {} finished its programme", cohortId);
        }
    }

    /**
     * {@code /summary [cohort] [week]}: a coach posts a week's summary now (spec section 6), through the ledger with
     * the scheduled summary's own key, so the scheduled one is not sent again and a second request is told where the
     * first went. Without a week, the current week: the latest whose prompt is out (the week homes are checking in
     * for, or on the Monday morning before the new prompt the week just summarised). A week that has not started, or
     * that the cohort does not have, is refused with the weeks that can be summarised.
     */
    public Outcome summaryNow(Actor actor, Cohort cohort, Optional<Integer> requested) {
        if (!actor.coach()) {
            return Outcome.refused(Outcome.COACHES_ONLY);
        }
        ReentrantLock lock = lockOf(cohort.id());
        lock.lock();
        try {
            return summaryNowLocked(cohort, requested);
        } finally {
            lock.unlock();
        }
    }

    private Outcome summaryNowLocked(Cohort given, Optional<Integer> requested) {
        Cohort cohort = cohorts.byId(given.id()).orElse(given);
        Instant now = clock.instant();
        ProgrammeCalendar cal = calendar(cohort);
        Optional<Integer> current = cal.currentWeek(now);
        int weeks = cal.weeks();
        String upTo = current.map(
                        c -> c == 1 ? " Week 1 is the only week so far." : " Weeks 1 to " + c + " can be summarised.")
                .orElse("");
        int week;
        if (requested.isPresent()) {
            week = requested.get();
            if (week < 1 || week > weeks) {
                return Outcome.invalid(
                        cohort.name() + " has " + weeks + " weeks: choose a week from 1 to " + weeks + "." + upTo);
            }
            Optional<Instant> prompt = cal.promptAt(week);
            if (prompt.isEmpty()) {
                return Outcome.invalid(
                        "Week " + week + " of " + cohort.name() + " has no date yet: the cohort is paused. "
                                + "A week can be summarised once it has begun." + upTo);
            }
            if (prompt.get().isAfter(now)) {
                return Outcome.invalid("Week " + week + " of " + cohort.name()
                        + " has not started yet: its prompt is due " + Deliveries.local(prompt.get(), cohort.zone())
                        + ". A week can be summarised once it has begun." + upTo);
            }
        } else if (current.isEmpty()) {
            return Outcome.invalid(cohort.name() + " has no week to summarise yet"
                    + cal.promptAt(1)
                            .map(t -> ": week 1 starts " + Deliveries.local(t, cohort.zone()) + ".")
                            .orElse("."));
        } else {
            week = current.get();
        }
        Key summaryKey = new Key(cohort.id(), week, Kind.SUMMARY, PEER_LEARNING);
        Optional<DeliveryLedger.Entry> before = ledger.find(summaryKey);
        if (before.isPresent() && before.get().status() == DeliveryLedger.Status.SENT) {
            DeliveryLedger.Entry e = before.get();
            return Outcome.invalid("Week " + week + "'s summary of " + cohort.name() + " was already posted"
                    + e.sentAt()
                            .map(t -> " " + Deliveries.local(t, cohort.zone()))
                            .orElse("")
                    + e.messageId()
                            .flatMap(id -> link(cohort, id))
                            .map(l -> ": " + l)
                            .orElse(" in #peer-learning.")
                    + " A summary is posted once.");
        }
        if (before.isPresent() && before.get().status() == DeliveryLedger.Status.SKIPPED) {
            return Outcome.invalid("Week " + week + "'s summary of " + cohort.name() + " was not posted"
                    + before.get().note().map(n -> " (" + n + ")").orElse("") + ", and a summary is settled once. "
                    + "`/cohort status` shows that week's check-ins.");
        }
        if (cohort.channels().peerLearningId().isEmpty()) {
            return Outcome.invalid(
                    cohort.name() + " has no #peer-learning channel. Run `/cohort repair`, then try again.");
        }
        List<String> codes = cohorts.items(cohort.id());
        Curriculum curriculum = curricula.get().get(cohort.framework());
        CurriculumItem item = curriculum
                .byCode(codes.get(week - 1))
                .orElseThrow(() -> new IllegalStateException("Curriculum item missing; run validate"));
        Instant summaryAt = cal.summaryAt(week).orElseThrow();
        int w = week;
        List<Home> enrolled = homes.inCohort(cohort.id());
        Supplier<WeeklySummary> summary =
                once(() -> summaries.build(cohort, w, enrolled, checkins.ratedInCohort(cohort.id())));
        List<String> notes = new ArrayList<>();
        ProgrammePublisher.Posted posted = deliveries.deliver(
                cohort,
                summaryKey,
                summaryAt,
                true,
                Set.of(),
                notes,
                "the week " + week + " summary",
                key -> publisher.postSummary(cohort, summary.get(), key));
        Optional<DeliveryLedger.Entry> after = ledger.find(summaryKey);
        if (after.isEmpty() || after.get().status() != DeliveryLedger.Status.SENT) {
            String why = posted instanceof ProgrammePublisher.Failed f
                    ? " (" + f.reason() + ")"
                    : posted == null ? " (it is being posted by the scheduled run right now)" : "";
            return Outcome.invalid("I could not post week " + week + "'s summary now" + why + ". "
                    + (summaryAt.isAfter(now)
                            ? "It still goes out at its usual time, " + Deliveries.local(summaryAt, cohort.zone()) + "."
                            : "I will try again shortly; `/cohort repair` re-creates missing channels."));
        }
        // The copy in the week's thread, as the tick would post it.
        Key promptKey = new Key(cohort.id(), week, Kind.PROMPT, THIS_WEEK);
        Optional<String> threadId =
                sent(new Key(cohort.id(), week, Kind.PROMPT, THREAD)).or(() -> sent(promptKey));
        threadId.ifPresent(tid -> deliveries.deliverPart(
                cohort,
                new Key(cohort.id(), w, Kind.SUMMARY, THREAD),
                summaryKey,
                summaryAt,
                true,
                Set.of(),
                "the week " + w + " summary in its thread",
                key -> publisher.findSummaryInThread(cohort, tid, key),
                key -> publisher.postSummaryInThread(cohort, summary.get(), tid, key)));
        String where = after.get()
                .messageId()
                .flatMap(id -> link(cohort, id))
                .map(l -> ": " + l)
                .orElse(".");
        StringBuilder s = new StringBuilder(
                "Posted week " + week + "'s summary (" + item.code() + " " + item.title() + ") to #peer-learning of "
                        + cohort.name() + (threadId.isPresent() ? " and the week's thread" : "") + where);
        if (summaryAt.isAfter(now)) {
            s.append("\nThe scheduled summary (")
                    .append(Deliveries.local(summaryAt, cohort.zone()))
                    .append(
                            ") will not be posted again. Check-ins are still accepted until then; any that come after this")
                    .append(" summary show in `/cohort status`, the export and the report, not in a weekly summary.");
        }
        LOG.info("Cohort {}: week {} summary posted by a coach", cohort.id(), week);
        return Outcome.done(s.toString());
    }

    /** A link to a message in the cohort's #peer-learning, as Discord writes one. */
    private static Optional<String> link(Cohort cohort, String messageId) {
        return cohort.channels()
                .peerLearningId()
                .map(channel -> "https://discord.com/channels/" + cohort.guildId() + "/" + channel + "/" + messageId);
    }

    /** The message id of a post the ledger has as sent (before this tick, or during it). */
    private Optional<String> sent(Key key) {
        return ledger.find(key)
                .filter(e -> e.status() == DeliveryLedger.Status.SENT)
                .flatMap(DeliveryLedger.Entry::messageId);
    }

    /** Which homes checked in for each week: week → home ids. */
    private static Map<Integer, Set<Long>> byWeek(List<CheckinRepository.Rated> rated) {
        Map<Integer, Set<Long>> out = new HashMap<>();
        rated.forEach(c -> out.computeIfAbsent(c.week(), k -> new HashSet<>()).add(c.homeId()));
        return out;
    }

    /** The value, worked out on the first call and kept (for one tick, on one thread). */
    private static <T> Supplier<T> once(Supplier<T> read) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = read.get();
                }
                return value;
            }
        };
    }

    /** Runs the tasks on the posts executor and waits for every one; the first failure is rethrown after all end. */
    private void runAll(List<Runnable> tasks) {
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (Runnable task : tasks) {
            running.add(CompletableFuture.runAsync(task, posts));
        }
        RuntimeException failure = null;
        for (CompletableFuture<Void> f : running) {
            try {
                f.join();
            } catch (CompletionException | CancellationException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
