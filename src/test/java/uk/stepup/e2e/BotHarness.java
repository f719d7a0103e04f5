package uk.stepup.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import uk.stepup.app.BotModule;
import uk.stepup.app.ManualTimers;
import uk.stepup.app.SimulatedClock;
import uk.stepup.config.StepUpConfig;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.curriculum.CurriculumLoader;
import uk.stepup.prompts.YamlFrontMatter;
import uk.stepup.sandbox.Sandbox;
import uk.stepup.sandbox.SandboxChannel;
import uk.stepup.sandbox.SandboxGuild;
import uk.stepup.sandbox.SandboxMessage;
import uk.stepup.sandbox.SandboxOptions;
import uk.stepup.sandbox.SandboxRole;
import uk.stepup.sandbox.SandboxUser;
import uk.stepup.shared.WeeklyTime;

/**
 * The real bot (real SQLite file, real JDA) connected to the sandbox, with a simulated clock the test moves.
 * One guild with a coach, two managers-to-be and an outsider.
 */
final class BotHarness implements AutoCloseable {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Map<String, Curriculum> CURRICULA = loadCurricula();

    final Sandbox sandbox;
    final SandboxGuild guild;
    final SandboxRole coachRole;
    final SandboxUser coach;
    final SandboxUser alice;
    final SandboxUser bob;
    final SandboxUser carol;
    final SandboxUser outsider;
    final SandboxChannel general;
    final SimulatedClock clock;
    final Path database;
    BotModule bot;
    ManualTimers timers;

    private static Map<String, Curriculum> loadCurricula() {
        CurriculumLoader.LoadResult r = new CurriculumLoader(new YamlFrontMatter()).load(Path.of("prompts"));
        if (!r.ok()) {
            throw new IllegalStateException("prompts do not load: " + r.problems());
        }
        return r.curricula();
    }

    BotHarness(Path dir, Instant now) throws InterruptedException {
        clock = new SimulatedClock(now);
        sandbox = Sandbox.start(SandboxOptions.defaults().withClock(clock));
        guild = sandbox.createGuild("Care Homes North");
        coachRole = guild.createRole("Coach", 0);
        coach = sandbox.createUser("coach.cath", "Cath (coach)");
        alice = sandbox.createUser("alice", "Alice, Oak House");
        bob = sandbox.createUser("bob", "Bob, Elm Court");
        carol = sandbox.createUser("carol", "Carol, Oak House deputy");
        outsider = sandbox.createUser("olly", "Olly");
        guild.addMember(coach, coachRole);
        guild.addMember(alice);
        guild.addMember(bob);
        guild.addMember(carol);
        guild.addMember(outsider);
        general = guild.channelByName("general").orElseGet(() -> guild.createTextChannel("general", null));
        database = dir.resolve("stepup.db");
        start();
    }

    StepUpConfig config() {
        WeeklyTime prompt = WeeklyTime.parse("MONDAY 09:00").orElseThrow();
        return new StepUpConfig(
                new StepUpConfig.Discord(guild.id(), "Coach", sandbox.restBaseUrl(), sandbox.gatewayUrl()),
                new StepUpConfig.Storage(database),
                new StepUpConfig.Curriculum(Path.of("prompts"), "kloe-2017"),
                new StepUpConfig.Schedule(
                        LONDON,
                        prompt,
                        WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
                        WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                        WeeklyTime.parse("MONDAY 08:00").orElseThrow()));
    }

    /** Starts (or restarts) the bot on the same database. */
    void start() throws InterruptedException {
        AtomicReference<ManualTimers> ref = new AtomicReference<>();
        bot = new BotModule(config(), sandbox.botToken(), CURRICULA, clock, ticker -> {
            ManualTimers t = new ManualTimers(ticker);
            ref.set(t);
            return t;
        });
        timers = ref.get();
    }

    /** Stops the bot as a crash would leave things: nothing but the database survives. */
    void stop() {
        bot.close();
    }

    /** Moves the clock and lets the timers fire, as Quartz would at that moment. */
    void at(Instant t) {
        clock.set(t);
        timers.fire();
    }

    /**
     * Fires at every one-off wake-up the bot asked for (a post to try again, a task reminder) up to {@code until},
     * in order, as Quartz would; returns how many moments it fired at. The clock ends at the last of them.
     */
    int wakeUpsUntil(Instant until) {
        int n = 0;
        for (Instant t = timers.nextWakeup(until).orElse(null);
                t != null;
                t = timers.nextWakeup(until).orElse(null)) {
            if (t.isAfter(clock.instant())) {
                clock.set(t);
            }
            timers.fire();
            n++;
        }
        return n;
    }

    /**
     * Waits for the set-up jobs coaches started ({@code /cohort import}, {@code /cohort repair} answer at once and work
     * on in the background) and returns the cohort's {@code #coaches} channel's last message: the job's report.
     */
    SandboxMessage setupReport(String cohortName) {
        try {
            if (!bot.setupJobs.awaitIdle(Duration.ofMinutes(5))) {
                throw new AssertionError("the set-up job of " + cohortName + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        SandboxChannel coaches =
                guild.channelByName("SUO · " + cohortName, "coaches").orElseThrow();
        List<SandboxMessage> all = coaches.messages();
        return all.get(all.size() - 1);
    }

    @Override
    public void close() {
        try {
            bot.close();
        } finally {
            sandbox.close();
        }
    }
}
