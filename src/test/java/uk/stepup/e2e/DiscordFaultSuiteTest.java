package uk.stepup.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.InteractionHook;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.stepup.checkins.Checkin;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.ProgrammeCalendar;
import uk.stepup.deliveries.DeliveryLedger;
import uk.stepup.discord.ComponentIds;
import uk.stepup.sandbox.InteractionHandle;
import uk.stepup.sandbox.SandboxAttachment;
import uk.stepup.sandbox.SandboxChannel;
import uk.stepup.sandbox.SandboxFaults;
import uk.stepup.sandbox.SandboxMessage;
import uk.stepup.sandbox.SandboxModal;
import uk.stepup.sandbox.SandboxUser;
import uk.stepup.sandbox.TranscriptWriter;
import uk.stepup.sandbox.Violation;

/**
 * The Discord fault suite: the real bot, the real JDA client and a real SQLite file on the sandbox while Discord
 * misbehaves, through a busy programme of ten homes. Each chapter is one programme week with one kind of fault at
 * chosen moments: the gateway dropped and resumed (with what it missed replayed, late), re-identified after op 9 (with
 * nothing replayed) and unavailable for longer than the interaction deadline; 5xx on every route the bot uses, before
 * Discord did the work and after it (the answer lost on the way back); 429 storms per route and global in the middle
 * of a fan-out and of a summary; answers reaching Discord 2.5, 2.9 and 3.2 s after the interaction. The last chapter
 * runs a seeded random schedule of all of them over further weeks. After every week the witnesses must agree:
 * <ul>
 *   <li>no lost check-in: every check-in a manager was told about is stored, with exactly one revision per distinct
 *       answer (a retry after "This interaction failed" is "already saved", never a second revision), and a submit
 *       that never reached the bot left nothing behind;
 *   <li>no duplicate post: each prompt, thread, reminder and summary (and its copy in the thread) is in the sandbox
 *       exactly once, and the delivery ledger says SENT with that message's id (SKIPPED only for a reminder to a home
 *       that checked in first); the coaches were told nothing, since Discord recovered from every fault;
 *   <li>every interaction was acknowledged in time or failed visibly for the person ("This interaction failed"), and
 *       the only Discord rules broken are the ones a fault forced (a late answer; JDA repeating a request whose answer
 *       was lost);
 *   <li>no ERROR logged ({@link NoErrorLogs}): a fault that is Discord's is a WARN.
 * </ul>
 * The default run adds 12 random faults over 3 weeks to the chapters' two dozen (about 45 s); {@code -Dfaults=80} runs a
 * longer schedule (about 18 weeks, a few minutes) and {@code -DfaultSeed=N} another one. The transcript of what
 * people saw is written to {@code target/fault-suite/transcript.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DiscordFaultSuiteTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Instant CREATED = Instant.parse("2027-02-24T10:00:00Z");
    static final int HOMES = 10;
    static final String MESSAGE_POST = "POST channels/{channel_id}/messages";
    static final String THREAD_CREATE = "POST channels/{channel_id}/messages/{message_id}/threads";
    static final String CALLBACK = "POST interactions/{interaction_id}/{token}/callback";
    static final String WEBHOOK_EDIT = "PATCH webhooks/{application_id}/{token}/messages/{message_id}";
    /**
     * Discord rules the bot may be recorded as breaking only because a fault forced it: answering after the deadline,
     * and, once an answer was lost on its way back, JDA's retry of a thread or a callback that had in fact been done.
     */
    final Set<String> forcedByFaults = ConcurrentHashMap.newKeySet();
    /** The set-up job's notes and report in #coaches (ids), which come before the faults. */
    final Set<String> setUpNotes = ConcurrentHashMap.newKeySet();

    @RegisterExtension
    static final EndToEnd e2e = EndToEnd.startingAt(CREATED).withoutRuleCheck();

    BotHarness h;
    Cohort cohort;
    ProgrammeCalendar cal;
    final List<SandboxUser> managers = new ArrayList<>();
    final List<Home> homes = new ArrayList<>();
    /** What each check-in must be: key {@code homeId:week}. */
    final Map<String, Expected> expected = new ConcurrentHashMap<>();

    final AtomicInteger faults = new AtomicInteger();
    final AtomicInteger toldFailed = new AtomicInteger();
    final AtomicInteger retries = new AtomicInteger();
    final AtomicInteger alreadySaved = new AtomicInteger();
    final Set<Integer> weeksRun = Collections.synchronizedSet(new TreeSet<>());
    /** Weeks whose witnesses all agreed: every post exactly once, every check-in stored as expected. */
    final AtomicInteger weeksVerified = new AtomicInteger();

    long started;

    record Expected(String did, int revisions) {}

    @BeforeAll
    void start() throws Exception {
        started = System.nanoTime();
        h = e2e.harness();
        StringBuilder csv =
                new StringBuilder("home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\n");
        for (int i = 0; i < HOMES; i++) {
            SandboxUser m = h.sandbox.createUser("manager" + i, "Manager " + i);
            h.guild.addMember(m);
            managers.add(m);
            csv.append("Home ").append(i).append(",,").append(m.id()).append(",,,,,,\n");
        }
        // Set-up under Discord's limits on channels and roles (10 per 10 s each): a few seconds for ten homes.
        h.sandbox
                .as(h.coach, h.guild)
                .slash("cohort create", Map.of("name", "Faults", "start", "2027-03-01"), h.general)
                .awaitReply(WAIT);
        h.sandbox
                .as(h.coach, h.guild)
                .slash(
                        "cohort import",
                        Map.of(
                                "file",
                                SandboxAttachment.of(
                                        "homes.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8))),
                        h.general)
                .awaitReply(WAIT);
        assertThat(h.setupReport("Faults").content()).contains("Imported " + HOMES + " homes");
        // The import's notes and report, before any fault: what the weeks' witnesses look at comes after.
        h.guild
                .channelByName("SUO · Faults", "coaches")
                .orElseThrow()
                .messages()
                .forEach(m -> setUpNotes.add(m.id()));
        cohort = h.bot.cohorts.byName(h.guild.id(), "Faults").orElseThrow();
        cal = h.bot.programme.calendar(cohort);
        for (int i = 0; i < HOMES; i++) {
            homes.add(h.bot.homes.byName(cohort.id(), "Home " + i).orElseThrow());
        }
        h.sandbox.clearViolations();
        h.sandbox.resetStats();
        forcedByFaults.addAll(Set.of("interaction-deadline", "interaction-late"));
    }

    @AfterEach
    void settle() {
        // Whatever happened, nothing may be left half-answered: each interaction was acknowledged or failed.
        h.sandbox.await(WAIT, () -> h.sandbox.interactions().stream().allMatch(i -> i.isAcknowledged() || i.failed()));
        h.sandbox.faults().clear();
    }

    @AfterAll
    void stop() {
        TranscriptWriter.write(h.sandbox, Path.of("target", "fault-suite", "transcript.md"));
        var stats = h.sandbox.stats();
        long posts = botPosts();
        System.out.printf(
                "Discord fault suite: %d of %d weeks verified (each post exactly once, each check-in stored "
                        + "once as last answered); %d check-ins (%d revisions), %d faults injected, %d interactions "
                        + "(%d failed for the person, %d tries again, %d 'already saved'), %d posts, %d gateway "
                        + "identifies and %d resumes, %d 429s (%d global), %.1f s%n",
                weeksVerified.get(),
                weeksRun.size(),
                expected.size(),
                expected.values().stream().mapToInt(Expected::revisions).sum(),
                faults.get(),
                stats.interactions(),
                stats.failedInteractions(),
                retries.get(),
                alreadySaved.get(),
                posts,
                stats.identifies(),
                stats.resumes(),
                stats.rateLimited(),
                stats.globalRateLimited(),
                (System.nanoTime() - started) / 1e9);
    }

    // ---- the chapters ----

    @Test
    @Order(1)
    void the_gateway_drops_and_resumes_during_a_busy_week_and_interactions_it_held_are_replayed() {
        int w = 1;
        arm(MESSAGE_POST, 1, SandboxFaults::dropGateway); // in the middle of posting the prompt
        h.at(cal.promptAt(w).orElseThrow());
        SandboxMessage prompt = prompt(w);
        arm(CALLBACK, 3, SandboxFaults::requestReconnect); // op 7 while managers check in
        for (int i = 0; i < 4; i++) {
            checkIn(i, prompt, "Check in", did(w, i, "first"));
        }

        // A gateway outage of 3.5 s: manager 4 submits the form she has open, manager 5 presses Check in.
        SandboxModal open4 = open(4, prompt, "Check in");
        long resumes = h.sandbox.stats().resumes();
        injected(f -> f.gatewayOutage(Duration.ofMillis(3500)));
        InteractionHandle submit4 = submit(4, open4, did(w, 4, "first"));
        InteractionHandle click5 = h.sandbox.as(managers.get(5), h.guild).clickLabel(prompt, "Check in");
        assertThat(submit4.awaitResponse(WAIT).failed())
                .as("a submit while the gateway is down fails for the person")
                .isTrue();
        assertThat(click5.awaitResponse(WAIT).failed()).isTrue();
        toldFailed.addAndGet(2);
        h.sandbox.await(WAIT, () -> h.sandbox.stats().resumes() > resumes && h.sandbox.connectedSessions() == 1);
        // Discord replays what the session missed: the bot stores the submit (whole), though too late to answer it.
        h.sandbox.await(WAIT, () -> h.bot.checkins.find(homes.get(4).id(), w).isPresent());
        expect(4, w, did(w, 4, "first"));
        // Manager 4's form is still open with her answers; she presses Submit again and is told it is already saved.
        InteractionHandle again = submit(4, open4, did(w, 4, "first")).awaitResponse(WAIT);
        retries.incrementAndGet();
        assertThat(again.failed()).isFalse();
        assertThat(again.awaitReply(WAIT).content()).contains("Already saved");
        alreadySaved.incrementAndGet();
        checkIn(5, prompt, "Check in", did(w, 5, "first"));
        assertCheckins();

        arm(MESSAGE_POST, 3, SandboxFaults::dropGateway); // during the reminders
        h.at(cal.reminderAt(w).orElseThrow());
        checkIn(6, reminder(w, 6), "Check in now", did(w, 6, "late"));
        h.at(cal.closeAt(w).orElseThrow());
        arm(MESSAGE_POST, 1, SandboxFaults::requestReconnect); // as the summary goes out
        h.at(cal.summaryAt(w).orElseThrow());
        verifyWeek(w, Set.of(0, 1, 2, 3, 4, 5));
    }

    @Test
    @Order(2)
    void the_gateway_re_identifies_during_the_fan_out_and_an_interaction_in_the_gap_fails_cleanly() throws Exception {
        int w = 2;
        h.at(cal.promptAt(w).orElseThrow());
        SandboxMessage prompt = prompt(w);
        for (int i = 0; i < 3; i++) {
            checkIn(i, prompt, "Check in", did(w, i, "first"));
        }
        SandboxModal open3 = open(3, prompt, "Check in");
        // At the second reminder: op 9 (not resumable), and the new IDENTIFY is not answered for 3.5 s. JDA drops its
        // cache and identifies again in the middle of the fan-out; the reminders after it wait for the server to be
        // back instead of reporting their channels missing.
        long identifies = h.sandbox.stats().identifies();
        arm(MESSAGE_POST, 2, f -> f.invalidateSession().gatewayOutage(Duration.ofMillis(3500)));
        ExecutorService ticker = Executors.newSingleThreadExecutor();
        try {
            Future<?> reminders = ticker.submit(() -> h.at(cal.reminderAt(w).orElseThrow()));
            h.sandbox.await(WAIT, () -> h.sandbox.faults().armed() == 0);
            // A manager submits in the gap: no session gets it, so it fails for her and nothing is stored.
            InteractionHandle lost = submit(3, open3, did(w, 3, "first"));
            assertThat(lost.awaitResponse(WAIT).failed()).isTrue();
            toldFailed.incrementAndGet();
            h.sandbox.await(WAIT, () -> h.sandbox.stats().identifies() > identifies);
            awaitBotConnected();
            // A fresh session replays nothing: nothing half-saved, and her form is still open.
            assertThat(h.bot.checkins.find(homes.get(3).id(), w)).isEmpty();
            InteractionHandle again = submit(3, open3, did(w, 3, "first")).awaitResponse(WAIT);
            retries.incrementAndGet();
            assertThat(again.awaitReply(WAIT).content()).contains("Saved your week " + w);
            expect(3, w, did(w, 3, "first"));
            reminders.get(60, TimeUnit.SECONDS);
        } finally {
            ticker.shutdownNow();
        }
        checkIn(4, reminder(w, 4), "Check in now", did(w, 4, "late"));
        h.at(cal.closeAt(w).orElseThrow());
        h.at(cal.summaryAt(w).orElseThrow());
        verifyWeek(w, Set.of(0, 1, 2));
    }

    @Test
    @Order(3)
    void server_errors_on_every_route_the_bot_uses_are_retried_or_fail_visibly_and_nothing_is_lost() {
        int w = 3;
        // The prompt and its thread are made, but both answers are lost (504): JDA sends each again. The prompt's
        // nonce makes Discord return the first message; the thread is already there (160004), and the bot sees it is.
        injected(f -> f.lostAnswers(MESSAGE_POST, 1, 504).lostAnswers(THREAD_CREATE, 1, 504));
        forcedByFaults.add("thread-exists");
        h.at(cal.promptAt(w).orElseThrow());
        SandboxMessage prompt = prompt(w);

        // The button's callback: one 502, retried by JDA within the deadline.
        injected(f -> f.serverErrors(CALLBACK, 1, 502));
        checkIn(0, prompt, "Check in", did(w, 0, "first"));
        // The submit's callback is taken but its answer lost (504): the manager sees her reply, and JDA's retry is
        // told the interaction was already answered (40060), a WARN.
        SandboxModal open1 = open(1, prompt, "Check in");
        injected(f -> f.lostAnswers(CALLBACK, 1, 504));
        forcedByFaults.add("interaction-double-ack");
        InteractionHandle saved1 = submit(1, open1, did(w, 1, "first")).awaitResponse(WAIT);
        assertThat(saved1.failed()).isFalse();
        assertThat(saved1.awaitReply(WAIT).content()).contains("Saved your week " + w);
        expect(1, w, did(w, 1, "first"));
        h.sandbox.await(WAIT, () -> doubleAcks() > 0);
        // Three 503s: JDA's fourth try comes 3.5 s after the first, too late. The check-in was committed before the
        // answer, so it is stored once; the manager's second press is told it is already saved.
        SandboxModal open2 = open(2, prompt, "Check in");
        injected(f -> f.serverErrors(CALLBACK, 3, 503));
        InteractionHandle late = submit(2, open2, did(w, 2, "first")).awaitResponse(WAIT);
        assertThat(late.failed()).isTrue();
        toldFailed.incrementAndGet();
        h.sandbox.await(WAIT, () -> h.bot.checkins.find(homes.get(2).id(), w).isPresent());
        expect(2, w, did(w, 2, "first"));
        h.sandbox.await(WAIT, () -> !open2.isSubmitted());
        InteractionHandle again = submit(2, open2, did(w, 2, "first")).awaitResponse(WAIT);
        retries.incrementAndGet();
        assertThat(again.awaitReply(WAIT).content()).contains("Already saved");
        alreadySaved.incrementAndGet();

        // A command that does slow work defers; the edit of its deferred reply is made but answered 504, and made
        // again.
        injected(f -> f.lostAnswers(WEBHOOK_EDIT, 1, 504));
        InteractionHandle status = h.sandbox
                .as(h.coach, h.guild)
                .slash("cohort status", Map.of("cohort", "Faults"), h.general)
                .awaitResponse(WAIT);
        assertThat(status.callbackType()).isEqualTo(5);
        assertThat(status.awaitReply(WAIT).content()).contains("Home 0");
        // The deferral itself is taken but its answer lost: JDA's retry is refused (40060), and the command carries on.
        long doubleAcks = doubleAcks();
        injected(f -> f.lostAnswers(CALLBACK, 1, 504));
        InteractionHandle status2 = h.sandbox
                .as(h.coach, h.guild)
                .slash("cohort status", Map.of("cohort", "Faults"), h.general)
                .awaitResponse(WAIT);
        assertThat(status2.callbackType()).isEqualTo(5);
        assertThat(status2.awaitReply(WAIT).content()).contains("Home 0");
        h.sandbox.await(WAIT, () -> doubleAcks() > doubleAcks);

        // Reminders: a 500 (which JDA does not retry) on one, a 502 on another, a lost answer on a third.
        arm(MESSAGE_POST, 2, f -> f.serverErrors(MESSAGE_POST, 1, 500));
        arm(MESSAGE_POST, 4, f -> f.serverErrors(MESSAGE_POST, 1, 502));
        arm(MESSAGE_POST, 6, f -> f.lostAnswers(MESSAGE_POST, 1, 504));
        h.at(cal.reminderAt(w).orElseThrow());
        // The post Discord refused is tried again a minute later, not days later, and reaches its home once.
        h.wakeUpsUntil(cal.reminderAt(w).orElseThrow().plus(Duration.ofMinutes(30)));
        h.at(cal.closeAt(w).orElseThrow());
        arm(MESSAGE_POST, 2, f -> f.serverErrors(MESSAGE_POST, 1, 500)); // the summary's copy in the thread
        h.at(cal.summaryAt(w).orElseThrow());
        h.wakeUpsUntil(cal.summaryAt(w).orElseThrow().plus(Duration.ofMinutes(30)));
        verifyWeek(w, Set.of(0, 1, 2));
    }

    @Test
    @Order(4)
    void rate_limit_storms_per_route_and_global_delay_the_fan_out_and_the_summary_but_deliver_everything_once() {
        int w = 4;
        injected(f -> f.rateLimitBurst(MESSAGE_POST, 1));
        h.at(cal.promptAt(w).orElseThrow());
        SandboxMessage prompt = prompt(w);
        checkIn(0, prompt, "Check in", did(w, 0, "first"));
        // A global storm does not hold up interactions: Discord exempts them from the global limit.
        injected(f -> f.globalRateLimit(Duration.ofSeconds(1)));
        checkIn(1, prompt, "Check in", did(w, 1, "first"));

        long global = h.sandbox.stats().globalRateLimited();
        arm(MESSAGE_POST, 3, f -> f.rateLimitBurst(MESSAGE_POST, 2));
        arm(MESSAGE_POST, 6, f -> f.globalRateLimit(Duration.ofMillis(1000)));
        h.at(cal.reminderAt(w).orElseThrow());
        assertThat(h.sandbox.stats().globalRateLimited()).isGreaterThan(global);
        h.at(cal.closeAt(w).orElseThrow());
        arm(
                MESSAGE_POST,
                1,
                f -> f.globalRateLimit(Duration.ofMillis(1500))); // the summary, and its copy in the thread
        h.at(cal.summaryAt(w).orElseThrow());
        verifyWeek(w, Set.of(0, 1));
    }

    @Test
    @Order(5)
    void answers_near_the_three_second_deadline_are_in_time_or_fail_visibly_and_the_check_in_is_stored_once() {
        int w = 5;
        h.at(cal.promptAt(w).orElseThrow());
        SandboxMessage prompt = prompt(w);
        SandboxModal[] forms = {open(0, prompt, "Check in"), open(1, prompt, "Check in"), open(2, prompt, "Check in")};
        // At the same moment: three managers submit and the bot's answers reach Discord 2.5, 2.9 and 3.2 s late; a
        // fourth presses Check in and the form reaches Discord 3.2 s late; a coach runs a command that defers first,
        // and the deferral is 2.5 s late.
        int[] delays = {2500, 2900, 3200};
        for (int i = 0; i < 3; i++) {
            int d = delays[i];
            injected(f -> f.delayCallbacks(managers.get(d == 2500 ? 0 : d == 2900 ? 1 : 2), Duration.ofMillis(d), 1));
        }
        injected(f -> f.delayCallbacks(managers.get(3), Duration.ofMillis(3200), 1));
        injected(f -> f.delayCallbacks(h.coach, Duration.ofMillis(2500), 1));
        InteractionHandle[] submits = new InteractionHandle[3];
        for (int i = 0; i < 3; i++) {
            submits[i] = submit(i, forms[i], did(w, i, "first"));
        }
        InteractionHandle noForm = h.sandbox.as(managers.get(3), h.guild).clickLabel(prompt, "Check in");
        InteractionHandle status =
                h.sandbox.as(h.coach, h.guild).slash("cohort status", Map.of("cohort", "Faults"), h.general);

        // 2.5 s: in time.
        assertThat(submits[0].awaitResponse(WAIT).failed()).isFalse();
        assertThat(submits[0].callbackLatency().orElseThrow()).isGreaterThanOrEqualTo(Duration.ofMillis(2500));
        assertThat(submits[0].awaitReply(WAIT).content()).contains("Saved your week " + w);
        // 3.2 s: too late. Stored (committed before the answer), refused by Discord (10062), the person told it failed.
        assertThat(submits[2].awaitResponse(WAIT).failed()).isTrue();
        // 2.9 s: either side of the deadline, depending on the machine; right either way.
        submits[1].awaitResponse(WAIT);
        for (int i = 0; i < 3; i++) {
            int home = i;
            h.sandbox.await(
                    WAIT, () -> h.bot.checkins.find(homes.get(home).id(), w).isPresent());
            expect(i, w, did(w, i, "first"));
            if (submits[i].failed()) {
                toldFailed.incrementAndGet();
                // The form is still open; a second press is told the check-in is already saved.
                InteractionHandle again =
                        submit(i, forms[i], did(w, i, "first")).awaitResponse(WAIT);
                retries.incrementAndGet();
                assertThat(again.awaitReply(WAIT).content()).contains("Already saved");
                alreadySaved.incrementAndGet();
            } else {
                assertThat(submits[i].awaitReply(WAIT).content()).contains("Saved your week " + w);
            }
        }
        // The Check in button answered 3.2 s late: the form never opened, nothing is stored; the next press works.
        assertThat(noForm.awaitResponse(WAIT).failed()).isTrue();
        toldFailed.incrementAndGet();
        assertThat(h.bot.checkins.find(homes.get(3).id(), w)).isEmpty();
        checkIn(3, prompt, "Check in", did(w, 3, "first"));
        // A command that does slow work defers first: its deferral holds at 2.5 s, and the answer follows.
        assertThat(status.awaitResponse(WAIT).failed()).isFalse();
        assertThat(status.callbackType()).isEqualTo(5);
        assertThat(status.awaitReply(WAIT).content()).contains("Home 3");

        // Slow message posts (each answer 800 ms late) during the reminders: a check-in meanwhile is answered at once.
        injected(f -> f.delayResponses(MESSAGE_POST, Duration.ofMillis(800)));
        ExecutorService ticker = Executors.newSingleThreadExecutor();
        try {
            Future<?> reminders = ticker.submit(() -> h.at(cal.reminderAt(w).orElseThrow()));
            h.sandbox.await(WAIT, () -> h.sandbox.stats().requests(MESSAGE_POST) > 0 || reminders.isDone());
            InteractionHandle during = checkIn(4, prompt, "Check in", did(w, 4, "first"));
            assertThat(during.callbackLatency().orElseThrow()).isLessThan(Duration.ofSeconds(1));
            reminders.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            ticker.shutdownNow();
        }
        h.sandbox.faults().clear();
        h.at(cal.closeAt(w).orElseThrow());
        h.at(cal.summaryAt(w).orElseThrow());
        verifyWeek(w, Set.of(0, 1, 2, 3));
    }

    /** One random fault: what it is and how to start it. */
    record Fault(String name, Consumer<SandboxFaults> start) {}

    @Test
    @Order(6)
    void a_seeded_random_schedule_of_faults_over_several_weeks_loses_nothing_and_posts_nothing_twice()
            throws Exception {
        int wanted = Integer.getInteger("faults", 12);
        long seed = Long.getLong("faultSeed", 7L);
        Random random = new Random(seed);
        int firstWeek = 6;
        int weeks = Math.max(1, Math.min(cal.weeks() - firstWeek, (wanted + 3) / 4));
        int perWeek = (wanted + weeks - 1) / weeks;
        System.out.printf(
                "Random fault schedule: seed %d, %d faults over weeks %d-%d%n",
                seed, wanted, firstWeek, firstWeek + weeks - 1);
        ExecutorService people = Executors.newFixedThreadPool(4);
        try {
            for (int w = firstWeek; w < firstWeek + weeks; w++) {
                randomWeek(w, perWeek, random, people);
            }
        } finally {
            people.shutdownNow();
        }
    }

    @Test
    @Order(7)
    void an_interaction_token_expiring_during_an_import_loses_nothing_the_report_reaches_coaches() throws Exception {
        // A world of its own: its clock jumps a quarter of an hour while the import runs.
        try (BotHarness w = new BotHarness(e2e.dir().resolve("token"), CREATED)) {
            int homeCount = 12;
            StringBuilder csv = new StringBuilder(
                    "home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\n");
            for (int i = 0; i < homeCount; i++) {
                SandboxUser m = w.sandbox.createUser("tm" + i, "Token manager " + i);
                w.guild.addMember(m);
                csv.append("Token home ").append(i).append(",,").append(m.id()).append(",,,,,,\n");
            }
            w.sandbox
                    .as(w.coach, w.guild)
                    .slash("cohort create", Map.of("name", "Tokens", "start", "2027-03-01"), w.general)
                    .awaitReply(WAIT);
            SandboxChannel coaches =
                    w.guild.channelByName("SUO · Tokens", "coaches").orElseThrow();
            InteractionHandle started = w.sandbox
                    .as(w.coach, w.guild)
                    .slash(
                            "cohort import",
                            Map.of(
                                    "file",
                                    SandboxAttachment.of(
                                            "homes.csv",
                                            "text/csv",
                                            csv.toString().getBytes(StandardCharsets.UTF_8))),
                            w.general);
            assertThat(started.awaitReply(WAIT).content())
                    .contains("The file is good")
                    .contains("#coaches");
            w.sandbox.awaitMessage(coaches, m -> m.content().startsWith("Importing " + homeCount + " homes"), WAIT);

            // Sixteen minutes later by Discord's clock, with the managers still being admitted (Discord's 10 role
            // changes per 10 s): the import's interaction token has expired.
            assertThat(w.bot.setupJobs.running(w.bot.cohorts
                            .byName(w.guild.id(), "Tokens")
                            .orElseThrow()
                            .id()))
                    .isTrue();
            w.clock.set(w.clock.instant().plus(Duration.ofMinutes(16)));
            Throwable late = Assertions.catchThrowable(() -> InteractionHook.from(w.bot.jda, started.token())
                    .editOriginal("too late")
                    .complete());
            assertThat(late).isInstanceOf(ErrorResponseException.class);
            assertThat(((ErrorResponseException) late).getErrorCode()).isEqualTo(50027);

            SandboxMessage report = w.setupReport("Tokens");
            assertThat(report.content())
                    .contains("Imported " + homeCount + " homes with " + homeCount + " managers")
                    .contains("Every home has its private channel");
            assertThat(report.interactionId())
                    .as("an ordinary message, not an answer through the token")
                    .isEmpty();
            assertThat(report.pingedUserIds()).containsExactly(w.coach.id());
            assertThat(coaches.messages())
                    .as("a progress note once Discord's clock had moved on")
                    .anyMatch(m -> m.content().startsWith("Giving managers the cohort's role:")
                            || m.content().startsWith("Home channels:"));
            assertThat(coaches.messages())
                    .allMatch(
                            m -> m.id().equals(report.id()) || m.pingedUserIds().isEmpty());
            Cohort tokens = w.bot.cohorts.byName(w.guild.id(), "Tokens").orElseThrow();
            assertThat(w.bot.homes.inCohort(tokens.id()))
                    .hasSize(homeCount)
                    .allMatch(x -> x.channelId().isPresent());
            // The only rule broken is the test's own use of the dead token; the bot never tried it.
            assertThat(w.sandbox.violations()).extracting(Violation::rule).containsOnly("interaction-token-expired");
            assertThat(w.sandbox.violations()).hasSize(1);
        }
    }

    private void randomWeek(int w, int count, Random random, ExecutorService people) throws Exception {
        // Spread the week's faults over its phases: prompt, check-ins, reminders (with check-ins meanwhile), late
        // check-ins from the reminders, summary.
        List<List<Fault>> phases = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            phases.add(new ArrayList<>());
        }
        boolean outage = false;
        for (int i = 0; i < count; i++) {
            int phase = random.nextInt(5);
            Fault f = randomFault(random, phase, !outage);
            outage |= f.name().startsWith("outage");
            phases.get(phase).add(f);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < HOMES; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        List<Integer> early = order.subList(0, 4 + random.nextInt(3));
        List<Integer> late = order.subList(early.size(), early.size() + random.nextInt(3));
        int taken = early.size() + late.size();
        List<Integer> during = order.subList(taken, taken + random.nextInt(3));

        armAll(phases.get(0), MESSAGE_POST, 2, random);
        h.at(cal.promptAt(w).orElseThrow());
        settleFaults();
        h.wakeUpsUntil(cal.promptAt(w).orElseThrow().plus(Duration.ofMinutes(30)));
        SandboxMessage prompt = prompt(w);

        armAll(phases.get(1), CALLBACK, 2 * early.size(), random);
        Set<Integer> changers = new HashSet<>();
        early.forEach(i -> {
            if (random.nextDouble() < 0.3) {
                changers.add(i);
            }
        });
        runPeople(people, early, i -> {
            checkIn(i, prompt, "Check in", did(w, i, "first"));
            if (changers.contains(i)) {
                // Some managers come back and change their answers: a second revision, not a second check-in.
                checkIn(i, prompt, "Check in", did(w, i, "changed"));
            }
        });
        settleFaults();

        Set<Integer> before = new HashSet<>(early);
        armAll(phases.get(2), MESSAGE_POST, HOMES - early.size(), random);
        ExecutorService ticker = Executors.newSingleThreadExecutor();
        try {
            Future<?> reminders = ticker.submit(() -> h.at(cal.reminderAt(w).orElseThrow()));
            // A busy Thursday noon: while the reminders go out, some managers check in from the prompt.
            runPeople(people, during, i -> checkIn(i, prompt, "Check in", did(w, i, "first")));
            reminders.get(2, TimeUnit.MINUTES);
        } finally {
            ticker.shutdownNow();
        }
        settleFaults();
        h.wakeUpsUntil(cal.reminderAt(w).orElseThrow().plus(Duration.ofHours(1)));

        armAll(phases.get(3), CALLBACK, 2 * Math.max(1, late.size()), random);
        runPeople(people, late, i -> checkIn(i, reminder(w, i), "Check in now", did(w, i, "late")));
        settleFaults();

        h.at(cal.closeAt(w).orElseThrow());
        armAll(phases.get(4), MESSAGE_POST, 2, random);
        h.at(cal.summaryAt(w).orElseThrow());
        settleFaults();
        h.wakeUpsUntil(cal.summaryAt(w).orElseThrow().plus(Duration.ofMinutes(30)));
        verifyWeek(w, before);
    }

    private Fault randomFault(Random r, int phase, boolean outageAllowed) {
        boolean interactions = phase >= 1 && phase <= 3;
        List<Fault> menu = new ArrayList<>(List.of(
                new Fault("gateway drop", SandboxFaults::dropGateway),
                new Fault("op 7 reconnect", SandboxFaults::requestReconnect),
                new Fault("op 9 invalid session", SandboxFaults::invalidateSession),
                new Fault("502 on a post", f -> f.serverErrors(MESSAGE_POST, 1 + r.nextInt(2), 502)),
                new Fault("500 on a post", f -> f.serverErrors(MESSAGE_POST, 1, 500)),
                new Fault("answer to a post lost", f -> f.lostAnswers(MESSAGE_POST, 1, 502 + 2 * r.nextInt(2))),
                new Fault("429 burst", f -> f.rateLimitBurst(MESSAGE_POST, 1 + r.nextInt(3))),
                new Fault("global 429 storm", f -> f.globalRateLimit(Duration.ofMillis(800 + r.nextInt(1200)))),
                new Fault("slow posts", f -> f.delayResponses(MESSAGE_POST, Duration.ofMillis(100 + r.nextInt(400))))));
        if (phase == 0) {
            menu.add(new Fault("503 on the thread", f -> f.serverErrors(THREAD_CREATE, 1, 503)));
            menu.add(new Fault("500 on the thread", f -> f.serverErrors(THREAD_CREATE, 1, 500)));
            menu.add(new Fault("answer to the thread lost", f -> {
                forcedByFaults.add("thread-exists");
                f.lostAnswers(THREAD_CREATE, 1, 504);
            }));
        }
        if (interactions) {
            menu.add(new Fault(
                    "5xx on a callback", f -> f.serverErrors(CALLBACK, 1 + r.nextInt(3), 502 + r.nextInt(3))));
            menu.add(new Fault("answer to a callback lost", f -> {
                forcedByFaults.add("interaction-double-ack");
                f.lostAnswers(CALLBACK, 1, 504);
            }));
            menu.add(new Fault(
                    "slow callback",
                    f -> f.delayRequests(
                            CALLBACK,
                            Duration.ofMillis(List.of(2500, 2900, 3200).get(r.nextInt(3))),
                            1)));
            if (outageAllowed) {
                menu.add(new Fault("outage", f -> f.gatewayOutage(Duration.ofMillis(3500))));
            }
        }
        return menu.get(r.nextInt(menu.size()));
    }

    private void armAll(List<Fault> faultsOfPhase, String route, int requests, Random r) {
        for (Fault f : faultsOfPhase) {
            h.sandbox.faults().when(route, 1 + r.nextInt(Math.max(1, requests)), x -> {
                faults.incrementAndGet();
                f.start().accept(x);
            });
        }
    }

    /** Faults that never got their moment are disarmed; storms and slow answers end with the phase. */
    private void settleFaults() {
        h.sandbox.faults().clear();
        awaitBotConnected();
    }

    private interface Person {
        void act(int i) throws Exception;
    }

    private void runPeople(ExecutorService people, List<Integer> who, Person person) throws Exception {
        List<Future<?>> running = new ArrayList<>();
        for (int i : who) {
            running.add(people.submit(() -> {
                person.act(i);
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get(2, TimeUnit.MINUTES);
        }
    }

    // ---- people ----

    private static String did(int week, int home, String which) {
        return "Week " + week + ": the team talked it through at handover (" + which + " answer from home " + home
                + ").";
    }

    /** Opens the form from a post's button, pressing again (as a person would) while Discord says it failed. */
    private SandboxModal open(int i, SandboxMessage post, String label) {
        for (int attempt = 1; ; attempt++) {
            InteractionHandle click = h.sandbox
                    .as(managers.get(i), h.guild)
                    .clickLabel(post, label)
                    .awaitResponse(WAIT);
            if (!click.failed()) {
                return click.modal();
            }
            toldFailed.incrementAndGet();
            retries.incrementAndGet();
            assertThat(attempt)
                    .as("manager " + i + " pressed " + label + " again and again")
                    .isLessThan(6);
            awaitBotConnected();
        }
    }

    private InteractionHandle submit(int i, SandboxModal modal, String did) {
        return h.sandbox.as(managers.get(i), h.guild).submitModal(modal, Map.of("rating", List.of("good"), "did", did));
    }

    /**
     * A manager checks in: opens the form, submits, and while Discord says "This interaction failed" submits the
     * still-open form again. Returns the interaction that was answered.
     */
    private InteractionHandle checkIn(int i, SandboxMessage post, String label, String did) {
        SandboxModal modal = open(i, post, label);
        for (int attempt = 1; ; attempt++) {
            InteractionHandle s = submit(i, modal, did).awaitResponse(WAIT);
            if (!s.failed()) {
                String reply = s.awaitReply(WAIT).content();
                assertThat(reply).containsAnyOf("Saved your week", "Updated (version", "Already saved");
                if (reply.contains("Already saved")) {
                    alreadySaved.incrementAndGet();
                }
                expect(i, weekOf(modal), did);
                return s;
            }
            toldFailed.incrementAndGet();
            retries.incrementAndGet();
            assertThat(attempt)
                    .as("manager " + i + " submitted again and again")
                    .isLessThan(6);
            awaitBotConnected();
            h.sandbox.await(WAIT, () -> !modal.isSubmitted());
        }
    }

    private static int weekOf(SandboxModal modal) {
        return ComponentIds.decode(modal.customId()).orElseThrow().intArg(1);
    }

    /** Records what must be stored: a new answer is one more revision, the same answer again is not. */
    private void expect(int i, int week, String did) {
        expected.compute(
                homes.get(i).id() + ":" + week,
                (k, e) -> e == null
                        ? new Expected(did, 1)
                        : e.did().equals(did) ? e : new Expected(did, e.revisions() + 1));
    }

    // ---- faults ----

    private void injected(Consumer<SandboxFaults> fault) {
        faults.incrementAndGet();
        fault.accept(h.sandbox.faults());
    }

    private void arm(String route, int nth, Consumer<SandboxFaults> fault) {
        h.sandbox.faults().when(route, nth, f -> {
            faults.incrementAndGet();
            fault.accept(f);
        });
    }

    private void awaitBotConnected() {
        h.sandbox.await(
                WAIT, () -> h.sandbox.connectedSessions() == 1 && h.bot.jda.getStatus() == JDA.Status.CONNECTED);
    }

    // ---- witnesses ----

    private SandboxChannel channel(String id) {
        return h.sandbox.channel(id).orElseThrow();
    }

    private SandboxChannel thisWeek() {
        return channel(cohort.channels().thisWeekId().orElseThrow());
    }

    private SandboxChannel peerLearning() {
        return channel(cohort.channels().peerLearningId().orElseThrow());
    }

    private static boolean hasButton(SandboxMessage m, ComponentIds.Action action, Object... args) {
        String id = ComponentIds.encode(action, args);
        return m.components().stream().anyMatch(c -> id.equals(c.customId()));
    }

    private static List<SandboxMessage> botPosts(SandboxChannel c, Predicate<SandboxMessage> p) {
        return c.messages().stream()
                .filter(m -> m.isFromBot() && !m.isEphemeral() && !m.isSystem())
                .filter(p)
                .toList();
    }

    private long botPosts() {
        return h.guild.channels().stream()
                .flatMap(c -> c.messages().stream())
                .filter(m -> m.isFromBot() && !m.isEphemeral() && !m.isSystem())
                .count();
    }

    private SandboxMessage prompt(int w) {
        List<SandboxMessage> p =
                botPosts(thisWeek(), m -> hasButton(m, ComponentIds.Action.CHECKIN_OPEN, cohort.id(), w, "p"));
        assertThat(p).as("the week " + w + " prompt").hasSize(1);
        return p.get(0);
    }

    private SandboxMessage reminder(int w, int i) {
        Home home = homes.get(i);
        List<SandboxMessage> r = botPosts(
                channel(home.channelId().orElseThrow()),
                m -> hasButton(m, ComponentIds.Action.CHECKIN_OPEN, cohort.id(), w, "r" + home.id()));
        assertThat(r).as("the week " + w + " reminder to " + home.name()).hasSize(1);
        return r.get(0);
    }

    /**
     * The week's witnesses: the sandbox (what people see) and the delivery ledger (what the bot believes) agree that
     * each post went out exactly once; every check-in is stored as expected; only forced rules were broken.
     *
     * @param checkedInBeforeReminders homes with a check-in stored before the reminder tick (no reminder owed)
     */
    private void verifyWeek(int w, Set<Integer> checkedInBeforeReminders) {
        weeksRun.add(w);
        awaitBotConnected();
        Map<String, DeliveryLedger.Entry> ledger = new LinkedHashMap<>();
        h.bot.ledger
                .forCohortWeek(cohort.id(), w)
                .forEach(e -> ledger.put(e.key().kind() + ":" + e.key().target(), e));

        SandboxMessage prompt = prompt(w);
        assertSent(ledger.get("PROMPT:this-week"), prompt.id(), "prompt");
        assertThat(thisWeek().threads().stream().filter(t -> t.id().equals(prompt.id())))
                .as("the week " + w + " thread")
                .hasSize(1);
        SandboxChannel thread = channel(prompt.id());

        for (int i = 0; i < HOMES; i++) {
            Home home = homes.get(i);
            List<SandboxMessage> r = botPosts(
                    channel(home.channelId().orElseThrow()),
                    m -> hasButton(m, ComponentIds.Action.CHECKIN_OPEN, cohort.id(), w, "r" + home.id()));
            DeliveryLedger.Entry e = ledger.get("REMINDER:home-" + home.id());
            assertThat(r).as("week " + w + " reminders to " + home.name()).hasSizeLessThanOrEqualTo(1);
            if (checkedInBeforeReminders.contains(i)) {
                assertThat(r)
                        .as("no reminder to " + home.name() + ", which had checked in")
                        .isEmpty();
                assertThat(e).isNull();
            } else if (e == null || e.status() == DeliveryLedger.Status.SKIPPED) {
                // A home that checked in while the reminders were going out is owed none.
                assertThat(r).isEmpty();
                assertThat(h.bot.checkins.find(home.id(), w))
                        .as("no reminder only for a home that checked in")
                        .isPresent();
            } else {
                assertThat(r)
                        .as("the week " + w + " reminder to " + home.name())
                        .hasSize(1);
                assertSent(e, r.get(0).id(), "reminder to " + home.name());
            }
        }

        String title = "Week " + w + " summary";
        List<SandboxMessage> summary = botPosts(
                peerLearning(), m -> m.embeds().stream().anyMatch(x -> x.title().startsWith(title)));
        assertThat(summary).as("the week " + w + " summary").hasSize(1);
        assertThat(hasButton(summary.get(0), ComponentIds.Action.PROGRESS, cohort.id(), w))
                .isTrue();
        assertSent(ledger.get("SUMMARY:peer-learning"), summary.get(0).id(), "summary");
        assertThat(botPosts(
                        thread, m -> m.embeds().stream().anyMatch(x -> x.title().startsWith(title))))
                .as("the week " + w + " summary in the week's thread")
                .hasSize(1);

        assertThat(botPosts(channel(coachesId()), m -> !setUpNotes.contains(m.id())))
                .as("notes to coaches: a fault Discord recovered from is no news")
                .isEmpty();
        assertCheckins();
        List<Violation> broken = h.sandbox.violations().stream()
                .filter(v -> !forcedByFaults.contains(v.rule()))
                .toList();
        assertThat(broken)
                .as("Discord rules broken other than late answers forced by faults")
                .isEmpty();
        weeksVerified.incrementAndGet();
    }

    /** Callbacks Discord refused as already answered: JDA's repeats after an answer lost on the way back. */
    private long doubleAcks() {
        return h.sandbox.violations().stream()
                .filter(v -> v.rule().equals("interaction-double-ack"))
                .count();
    }

    private String coachesId() {
        return h.guild.channelByName("SUO · Faults", "coaches").orElseThrow().id();
    }

    private void assertSent(DeliveryLedger.Entry e, String messageId, String what) {
        assertThat(e).as("ledger entry for the " + what).isNotNull();
        assertThat(e.status()).as("ledger status of the " + what).isEqualTo(DeliveryLedger.Status.SENT);
        assertThat(e.messageId()).as("ledger message of the " + what).isEqualTo(Optional.of(messageId));
    }

    /** Every check-in is stored whole, as the manager last answered, with one revision per distinct answer. */
    private void assertCheckins() {
        expected.forEach((key, exp) -> {
            long homeId = Long.parseLong(key.split(":")[0]);
            int week = Integer.parseInt(key.split(":")[1]);
            Checkin c = h.bot.checkins
                    .find(homeId, week)
                    .orElseThrow(() -> new AssertionError("check-in " + key + " lost"));
            assertThat(c.answers().didThisWeek()).as("check-in " + key).isEqualTo(exp.did());
            assertThat(c.revisions()).as("revisions of check-in " + key).isEqualTo(exp.revisions());
            assertThat(h.bot.checkins.revisions(c.id()))
                    .as("revision rows of check-in " + key)
                    .hasSize(exp.revisions());
        });
        for (int w : weeksRun) {
            assertThat(h.bot.checkins.forCohortWeek(cohort.id(), w))
                    .as("check-ins of week " + w)
                    .hasSize((int) expected.keySet().stream()
                            .filter(k -> k.endsWith(":" + w))
                            .count());
        }
    }
}
