package uk.stepup.app.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.stepup.app.SimulatedClock;
import uk.stepup.config.StepUpConfig;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.sandbox.Sandbox;
import uk.stepup.sandbox.SandboxOptions;
import uk.stepup.sandbox.SandboxStats;
import uk.stepup.shared.WeeklyTime;
import uk.stepup.storage.Database;
import uk.stepup.storage.JdbcCohortRepository;

/**
 * A whole simulated programme on the built-in local Discord: a coach creates a cohort and imports homes, and every
 * week the bot posts the prompt, simulated managers check in (some on time, some late, some not at all), reminders
 * go out, and summaries follow. Same code paths as {@code run}; only the clock and the people are simulated. At the
 * end it writes what a coach would take away: the outcome report ({@code report.html}) and its charts
 * ({@code charts/*.png}).
 *
 * <p>This class wires the run together. The people are {@link Cast}, {@link SimulatedCoach} and
 * {@link SimulatedManagers}; what happens week by week is {@link DemoScript}; the simulated time is
 * {@link Timeline}; the words are {@link DemoText} ({@code demo-text.yaml}); the files written are
 * {@link DemoOutput}.
 */
public final class Demo {
    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** The simulated programme starts on this Monday; the coach sets it up the Wednesday before. */
    static final LocalDate START = LocalDate.of(2027, 1, 4);
    /**
     * How long a simulated person waits for the bot. Generous: under Discord's rate limits the import gives every
     * manager the cohort's role before it creates any channel (so that a manager not on the server enrols nobody),
     * and twelve homes wait out one ten-second window for each.
     */
    static final Duration WAIT = Duration.ofSeconds(60);
    /** Mixed into the seed for the managers' follow-up answers, which draw on their own random stream. */
    private static final long FOLLOW_UP_SALT = 0x5EED_F011_0775L;

    /** At most this many homes share one Discord server: Discord allows 500 channels per server. */
    public static final int HOMES_PER_SERVER = 300;

    public record Result(
            Path transcript,
            Path database,
            Path report,
            Path charts,
            int checkins,
            int late,
            int missed,
            int violations,
            int cohorts,
            int tasksDone,
            int attended,
            int measureValues,
            long requestsChecked,
            int operationsChecked) {}

    private final int homes;
    private final int homesPerServer;
    private final int weeks;
    private final Path out;
    private final long seed;
    private final Map<String, Curriculum> curricula;
    private final DemoBot.Starter starter;

    public Demo(int homes, int weeks, Path out, long seed, Map<String, Curriculum> curricula) {
        this(homes, weeks, out, seed, curricula, HOMES_PER_SERVER, DemoBot::inProcess);
    }

    /**
     * @param seed           the simulated people's randomness: the same seed gives the same transcript
     * @param homesPerServer at most this many homes on one Discord server
     * @param starter        the bot to drive: {@link DemoBot#inProcess} or one in another process
     */
    public Demo(
            int homes,
            int weeks,
            Path out,
            long seed,
            Map<String, Curriculum> curricula,
            int homesPerServer,
            DemoBot.Starter starter) {
        this.homesPerServer = homesPerServer;
        this.starter = starter;
        this.homes = homes;
        this.weeks = weeks;
        this.out = out;
        this.seed = seed;
        this.curricula = curricula;
    }

    public Result run() throws InterruptedException {
        DemoOutput output = new DemoOutput(out);
        output.prepare();
        DemoText text = DemoText.load();
        SimulatedClock clock = new SimulatedClock(
                START.minusDays(5).atTime(10, 0).atZone(LONDON).toInstant());
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withClock(clock))) {
            Cast cast = Cast.create(sandbox, text, homes, homesPerServer);
            StepUpConfig config = config(sandbox, cast.commandGuildId(), output.database());
            List<DemoServer> servers = new ArrayList<>();
            SimulatedManagers managers;
            int missed;
            try (DemoBot bot = starter.start(config, sandbox.botToken(), curricula, clock);
                    Database db = Database.open(output.database())) {
                Timeline timeline = new Timeline(clock, bot);
                managers = new SimulatedManagers(
                        sandbox, timeline, text, new Random(seed), new Random(seed ^ FOLLOW_UP_SALT), weeks);
                managers.tellStory(
                        cast.managers().get(0).get(0), text.improvement().falls());
                SimulatedCoach coach = new SimulatedCoach(sandbox, cast.coach(), text, timeline, managers);
                JdbcCohortRepository cohorts = new JdbcCohortRepository(db);
                for (int s = 0; s < cast.guilds().size(); s++) {
                    servers.add(coach.setUp(
                            cohorts, cast.guilds().get(s), cast.managers().get(s), cast.cohortName(text, s)));
                }
                ImprovementStory story = new ImprovementStory(sandbox, timeline, text, cast.coach());
                missed = new DemoScript(sandbox, timeline, coach, managers, story)
                        .play(servers, cohorts, curricula, weeks);
            }
            output.writeTranscript(sandbox);
            output.writeReports(servers.stream().map(s -> s.cohort().id()).toList(), curricula, clock);
            // Every REST request of the run was checked against Discord's OpenAPI document. The count depends on
            // timing (retries, rate limits), so it goes to the log and the console, not the deterministic transcript.
            SandboxStats stats = sandbox.stats();
            LOG.info(
                    "Demo: {}; {} violations",
                    stats.openApiSummary(),
                    sandbox.violations().size());
            return new Result(
                    output.transcript(),
                    output.database(),
                    output.report(),
                    output.charts(),
                    managers.checkins(),
                    managers.late(),
                    missed,
                    sandbox.violations().size(),
                    servers.size(),
                    managers.tasksDone(),
                    managers.attended(),
                    managers.measureValues(),
                    stats.openApiChecked(),
                    stats.openApiOperations().size());
        }
    }

    /** The bot's configuration for the demo: the sandbox as Discord, the database in the output folder. */
    private static StepUpConfig config(Sandbox sandbox, String guildId, Path database) {
        return new StepUpConfig(
                new StepUpConfig.Discord(guildId, "Coach", sandbox.restBaseUrl(), sandbox.gatewayUrl()),
                new StepUpConfig.Storage(database),
                new StepUpConfig.Curriculum(Path.of("prompts"), "kloe-2017"),
                new StepUpConfig.Schedule(
                        LONDON,
                        WeeklyTime.parse("MONDAY 09:00").orElseThrow(),
                        WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
                        WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                        WeeklyTime.parse("MONDAY 08:00").orElseThrow()));
    }
}
