package uk.stepup.weekly;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.stepup.checkins.CheckinRepository;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.ProgrammeCalendar;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.curriculum.CurriculumItem;
import uk.stepup.deliveries.DeliveryLedger;
import uk.stepup.deliveries.DeliveryLedger.Key;
import uk.stepup.deliveries.DeliveryLedger.Kind;
import uk.stepup.shared.Outcome;
import uk.stepup.summaries.WeeklySummary;
import uk.stepup.summaries.WeeklySummaryBuilder;

/**
 * The weekly summary: the week's peer-learning summary in the cohort's {@code #peer-learning} and its copy in the
 * week's thread, each exactly once through the delivery ledger. The tick posts it at the week's summary time (still
 * useful until the next summary is due); a coach's {@code /summary} posts it sooner with the same ledger key
 * ({@link #postNow}), so the scheduled one is never sent twice. What the summary says is built by
 * {@code summaries.WeeklySummaryBuilder}; how it reads in Discord, by the Discord adapter.
 */
final class WeeklySummaryPost {
    private static final Logger LOG = LoggerFactory.getLogger(WeeklySummaryPost.class);
    static final String PEER_LEARNING = "peer-learning";

    private final CohortRepository cohorts;
    private final HomeRepository homes;
    private final CheckinRepository checkins;
    private final DeliveryLedger ledger;
    private final Deliveries deliveries;
    private final ProgrammePublisher publisher;
    private final WeeklySummaryBuilder summaries;
    private final Supplier<Map<String, Curriculum>> curricula;
    private final Clock clock;
    private final Executor posts;

    WeeklySummaryPost(
            CohortRepository cohorts,
            HomeRepository homes,
            CheckinRepository checkins,
            DeliveryLedger ledger,
            Deliveries deliveries,
            ProgrammePublisher publisher,
            WeeklySummaryBuilder summaries,
            Supplier<Map<String, Curriculum>> curricula,
            Clock clock,
            Executor posts) {
        this.cohorts = cohorts;
        this.homes = homes;
        this.checkins = checkins;
        this.ledger = ledger;
        this.deliveries = deliveries;
        this.publisher = publisher;
        this.summaries = summaries;
        this.curricula = curricula;
        this.clock = clock;
        this.posts = posts;
    }

    static Key summaryKey(long cohortId, int week) {
        return new Key(cohortId, week, Kind.SUMMARY, PEER_LEARNING);
    }

    /** The summary's copy in the week's thread. */
    static Key copyKey(long cohortId, int week) {
        return new Key(cohortId, week, Kind.SUMMARY, WeeklyPrompt.THREAD);
    }

    /** Posts the week's summary and its copy in the week's thread, if their time has come and they are not yet sent. */
    void post(Tick tick, Tick.Week week, Optional<String> threadId) {
        Cohort cohort = tick.cohort();
        Instant now = tick.now();
        ProgrammeCalendar cal = tick.calendar();
        int w = week.number();
        Set<String> done = tick.done();
        Instant summaryAt = cal.summaryAt(w).orElseThrow();
        if (summaryAt.isAfter(now)) {
            return;
        }
        Optional<Instant> nextSummary = cal.summaryAt(w + 1);
        boolean useful = nextSummary.isEmpty() || now.isBefore(nextSummary.get());
        Key summaryKey = summaryKey(cohort.id(), w);
        Supplier<WeeklySummary> summary = Once.of(() ->
                summaries.build(cohort, w, tick.enrolled().get(), tick.rated().get()));
        Runnable post = () -> deliveries.deliver(
                cohort,
                summaryKey,
                summaryAt,
                useful,
                done,
                tick.notes(),
                "the week " + w + " summary",
                key -> publisher.postSummary(cohort, summary.get(), key));
        Key copyKey = copyKey(cohort.id(), w);
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
            // The summary and its copy in the week's thread are two posts to two places that both exist: they go out
            // side by side, a round trip sooner than one after the other, each through its own delivery. The summary
            // is built once, here, before the two share it.
            summary.get();
            Once.runAll(posts, List.of(post, copy));
        } else {
            post.run();
            if (deliveries.sent(summaryKey).isPresent()) {
                copy.run();
            }
        }
    }

    /**
     * A coach's {@code /summary}: the week's summary now, through the ledger with the scheduled summary's own key (the
     * caller holds the cohort's lock).
     */
    Outcome postNow(Cohort given, Optional<Integer> requested) {
        Cohort cohort = cohorts.byId(given.id()).orElse(given);
        Instant now = clock.instant();
        ProgrammeCalendar cal = ProgrammeCalendar.of(cohort, cohorts);
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
        Key summaryKey = summaryKey(cohort.id(), week);
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
                Once.of(() -> summaries.build(cohort, w, enrolled, checkins.ratedInCohort(cohort.id())));
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
        Optional<String> threadId = deliveries
                .sent(WeeklyPrompt.threadKey(cohort.id(), week))
                .or(() -> deliveries.sent(WeeklyPrompt.promptKey(cohort.id(), week)));
        threadId.ifPresent(tid -> deliveries.deliverPart(
                cohort,
                copyKey(cohort.id(), w),
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
}
