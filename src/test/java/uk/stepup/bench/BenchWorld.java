package uk.stepup.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import uk.stepup.app.BotModule;
import uk.stepup.app.ManualTimers;
import uk.stepup.app.SimulatedClock;
import uk.stepup.cohorts.Cohort;
import uk.stepup.config.StepUpConfig;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.curriculum.CurriculumLoader;
import uk.stepup.prompts.YamlFrontMatter;
import uk.stepup.sandbox.Sandbox;
import uk.stepup.sandbox.SandboxChannel;
import uk.stepup.sandbox.SandboxGuild;
import uk.stepup.sandbox.SandboxOptions;
import uk.stepup.sandbox.SandboxUser;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.shared.WeeklyTime;

/**
 * A sandbox with Discord's default limits, any number of servers, and the real bot (real SQLite file, real JDA)
 * on a simulated clock. Set up servers and people first, then {@link #startBot()}; cohorts are created by a coach
 * through {@code /cohort create} and homes are enrolled through the enrolment use case (the CSV import).
 */
final class BenchWorld implements AutoCloseable {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CSV_HEADER =
            "home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\n";

    final SimulatedClock clock;
    final Sandbox sandbox;
    final SandboxUser coach;
    final Path database;
    BotModule bot;
    ManualTimers timers;

    BenchWorld(Path dir, Instant now) {
        clock = new SimulatedClock(now);
        sandbox = Sandbox.start(SandboxOptions.defaults().withClock(clock));
        coach = sandbox.createUser("coach.cath", "Cath (coach)");
        database = dir.resolve("stepup.db");
    }

    static Map<String, Curriculum> curricula() {
        CurriculumLoader.LoadResult r = new CurriculumLoader(new YamlFrontMatter()).load(Path.of("prompts"));
        if (!r.ok()) {
            throw new IllegalStateException("prompts do not load: " + r.problems());
        }
        return r.curricula();
    }

    /** A server with a Coach role held by the coach. */
    SandboxGuild server(String name) {
        SandboxGuild g = sandbox.createGuild(name);
        g.addMember(coach, g.createRole("Coach", 0));
        return g;
    }

    /** {@code count} new people, members of the server. */
    List<SandboxUser> people(SandboxGuild guild, String prefix, int count) {
        List<SandboxUser> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            SandboxUser u = sandbox.createUser(prefix + i, "Manager " + prefix + i);
            guild.addMember(u);
            out.add(u);
        }
        return out;
    }

    void startBot() throws InterruptedException {
        WeeklyTime prompt = WeeklyTime.parse("MONDAY 09:00").orElseThrow();
        // No guild id: commands go to every server the bot is in.
        StepUpConfig config = new StepUpConfig(
                new StepUpConfig.Discord(null, "Coach", sandbox.restBaseUrl(), sandbox.gatewayUrl()),
                new StepUpConfig.Storage(database),
                new StepUpConfig.Curriculum(Path.of("prompts"), "kloe-2017"),
                new StepUpConfig.Schedule(
                        LONDON,
                        prompt,
                        WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
                        WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                        WeeklyTime.parse("MONDAY 08:00").orElseThrow()));
        AtomicReference<ManualTimers> ref = new AtomicReference<>();
        bot = new BotModule(config, sandbox.botToken(), curricula(), clock, ticker -> {
            ManualTimers t = new ManualTimers(ticker);
            ref.set(t);
            return t;
        });
        timers = ref.get();
    }

    /** The coach creates a cohort with {@code /cohort create} in #general, through the bot. */
    Cohort createCohort(SandboxGuild guild, String name, String start) {
        SandboxChannel general = guild.channelByName("general").orElseThrow();
        String reply = sandbox.as(coach, guild)
                .slash("cohort create", Map.of("name", name, "start", start), general)
                .awaitReply(WAIT)
                .content();
        return bot.cohorts
                .byName(guild.id(), name)
                .orElseThrow(() -> new AssertionError("cohort not created: " + reply));
    }

    /** Enrols one home per manager (home i managed by person i) through the enrolment use case, as the CSV import does. */
    Outcome enrol(SandboxGuild guild, Cohort cohort, String homePrefix, List<SandboxUser> managers) {
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        int i = 0;
        for (SandboxUser m : managers) {
            i++;
            csv.append(String.format(
                    "%s %03d,1-%d,%s,Good,Requires improvement,Good,Good,Good,Good%n",
                    homePrefix, i, 100_000_000L + i * 7919L, m.id()));
        }
        return bot.enrolment.importCsv(new Actor(coach.id(), "Cath", guild.id(), true), cohort, csv.toString());
    }

    /** Moves the clock and lets the timers fire, as Quartz would at that moment. */
    void at(Instant t) {
        clock.set(t);
        timers.fire();
    }

    @Override
    public void close() {
        try {
            if (bot != null) {
                bot.close();
            }
        } finally {
            sandbox.close();
        }
    }
}
