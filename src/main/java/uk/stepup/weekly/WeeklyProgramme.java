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
import uk.stepup.improvement.CycleRepository;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.summaries.WeeklySummaryBuilder;

/**
 * The weekly rhythm of every cohort. {@link #tick} brings a cohort's scheduled posts up to date as of the clock:
 * it works out from the calendar which weeks have begun and, for each, sends what is due and not yet in the delivery
 * ledger, exactly once: the Monday prompt and its thread ({@link WeeklyPrompt}), the mid-week reminders
 * ({@link CheckinReminders}), the weekly summary and its copy in the thread ({@link WeeklySummaryPost}); then the
 * Study reminders of PDSA cycles past their planned length ({@link CycleReminders}), the coach's task and session
 * reminders ({@link CoachReminders}); then ends a cohort whose last summary is out. The
 * week's close is not a post: it is the moment check-ins become late ({@code ProgrammeCalendar.closeAt}), after which
 * a missed prompt or reminder is no longer useful.
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
    private final WeeklyPrompt prompt;
    private final CheckinReminders reminders;
    private final WeeklySummaryPost summary;
    private final Optional<CycleReminders> cycleReminders;
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
        this(
                cohorts,
                homes,
                checkins,
                ledger,
                publisher,
                summaries,
                curricula,
                timers,
                coachReminders,
                clock,
                posts,
                Optional.empty());
    }

    /** As above, with the Study reminders of the homes' PDSA cycles ({@link CycleReminders}). */
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
            Executor posts,
            Optional<CycleRepository> cycles) {
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
        this.prompt = new WeeklyPrompt(deliveries, publisher);
        this.reminders = new CheckinReminders(deliveries, publisher, ledger, posts);
        this.summary = new WeeklySummaryPost(
                cohorts, homes, checkins, ledger, deliveries, publisher, summaries, curricula, clock, posts);
        this.cycleReminders = cycles.map(c -> new CycleReminders(c, homes, publisher, timers, clock));
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
        Supplier<List<Home>> enrolled = Once.of(() -> homes.inCohort(cohortId));
        Supplier<List<CheckinRepository.Rated>> rated = Once.of(() -> checkins.ratedInCohort(cohortId));
        Supplier<Map<Integer, Set<Long>>> checkedIn = Once.of(() -> byWeek(rated.get()));
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        Tick tick = new Tick(cohort, now, cal, done, claimed, notes, enrolled, rated, checkedIn);
        for (int week = 1; week <= codes.size(); week++) {
            Optional<Instant> promptAt = cal.promptAt(week);
            if (promptAt.isEmpty() || promptAt.get().isAfter(now)) {
                break;
            }
            CurriculumItem item = curriculum
                    .byCode(codes.get(week - 1))
                    .orElseThrow(() -> new IllegalStateException("Curriculum item missing; run validate"));
            Tick.Week w =
                    new Tick.Week(week, item, promptAt.get(), cal.closeAt(week).orElseThrow());
            Optional<String> threadId = prompt.post(tick, w);
            reminders.send(tick, w);
            summary.post(tick, w, threadId);
        }
        cycleReminders.ifPresent(r -> r.send(cohort, deliveries, done, notes));
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
            return summary.postNow(cohort, requested);
        } finally {
            lock.unlock();
        }
    }

    /** Which homes checked in for each week: week → home ids. */
    private static Map<Integer, Set<Long>> byWeek(List<CheckinRepository.Rated> rated) {
        Map<Integer, Set<Long>> out = new HashMap<>();
        rated.forEach(c -> out.computeIfAbsent(c.week(), k -> new HashSet<>()).add(c.homeId()));
        return out;
    }
}
