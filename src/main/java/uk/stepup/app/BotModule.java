package uk.stepup.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.stepup.charts.PngCharts;
import uk.stepup.checkins.CheckinService;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortDefaults;
import uk.stepup.cohorts.CohortService;
import uk.stepup.cohorts.CohortTimers;
import uk.stepup.cohorts.EnrolmentService;
import uk.stepup.cohorts.ProgrammeTicker;
import uk.stepup.cohorts.SetupJobService;
import uk.stepup.cohorts.WeeklyRhythm;
import uk.stepup.config.StepUpConfig;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.discord.ActionInteractions;
import uk.stepup.discord.AimCommand;
import uk.stepup.discord.BroadcastCommand;
import uk.stepup.discord.CheckinInteractions;
import uk.stepup.discord.CohortCommand;
import uk.stepup.discord.CohortStatusCommand;
import uk.stepup.discord.CommandRegistrar;
import uk.stepup.discord.DiscordConnection;
import uk.stepup.discord.ExportCommand;
import uk.stepup.discord.HomeMeasuresCommand;
import uk.stepup.discord.InteractionRouter;
import uk.stepup.discord.JdaCoachPublisher;
import uk.stepup.discord.JdaCohortSpaces;
import uk.stepup.discord.JdaProgrammePublisher;
import uk.stepup.discord.JdaSetupNotes;
import uk.stepup.discord.MeasureInteractions;
import uk.stepup.discord.MeasureSetupCommand;
import uk.stepup.discord.PdsaCommand;
import uk.stepup.discord.PdsaInteractions;
import uk.stepup.discord.PermissionSelfCheck;
import uk.stepup.discord.PortfolioCommand;
import uk.stepup.discord.ProgressCommand;
import uk.stepup.discord.RecalculationInteractions;
import uk.stepup.discord.RequestPacer;
import uk.stepup.discord.ScoreCommand;
import uk.stepup.discord.SessionCommand;
import uk.stepup.discord.SummaryCommand;
import uk.stepup.discord.TaskCommand;
import uk.stepup.measures.MeasureEntryService;
import uk.stepup.storage.Database;
import uk.stepup.storage.JdbcCheckinRepository;
import uk.stepup.storage.JdbcCohortRepository;
import uk.stepup.storage.JdbcDeliveryLedger;
import uk.stepup.storage.JdbcHomeRepository;
import uk.stepup.storage.JdbcMeasureRepository;
import uk.stepup.storage.JdbcSessionRepository;
import uk.stepup.storage.JdbcTaskRepository;
import uk.stepup.summaries.CohortStatusService;
import uk.stepup.summaries.DataExportService;
import uk.stepup.summaries.ProgressService;
import uk.stepup.tasks.SessionService;
import uk.stepup.tasks.TaskService;
import uk.stepup.weekly.WeeklyProgramme;

/**
 * The composition root: the Discord, Quartz and SQLite adapters are built here with plain constructors and handed to
 * {@link Features}, which wires the features' use cases; then the Discord commands are wired to those use cases. Read
 * this class and {@link Features} to see what the bot is made of.
 */
public final class BotModule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BotModule.class);
    /**
     * Posts in flight at once, shared by the cohorts ticking side by side. A post's turn is more than its round trip
     * (claiming it in the ledger, JDA, recording it as sent): at a 100 ms round trip eight threads managed barely more
     * than the 48 a second the pacer allows, so any stall left the pacer's slots unused; sixteen keep it busy.
     */
    private static final int POST_THREADS = 16;

    public final Database database;
    public final JdbcCohortRepository cohorts;
    public final JdbcHomeRepository homes;
    public final JdbcCheckinRepository checkins;
    public final JdbcDeliveryLedger ledger;
    public final JdbcTaskRepository tasks;
    public final JdbcSessionRepository sessions;
    public final JdbcMeasureRepository measures;
    public final JDA jda;
    /** The features' use cases, as {@link Features} wires them for every caller. */
    public final Features features;

    public final WeeklyProgramme programme;
    public final CohortService admin;
    public final EnrolmentService enrolment;
    public final SetupJobService setupJobs;
    public final CheckinService desk;
    public final ProgressService progress;
    public final TaskService taskBoard;
    public final SessionService sessionDesk;
    public final MeasureEntryService measureDesk;
    public final CohortStatusService status;
    public final DataExportService export;
    private final CohortTimers timers;
    private final ExecutorService events;
    private final ExecutorService posts;
    private final ExecutorService setup;

    /**
     * Opens the database, connects to Discord, wires the features and starts the programme (timers rebuilt from the
     * database, missed posts caught up).
     *
     * @param timerFactory builds the timers given the ticker to call (real Quartz for {@code run}; the demo drives time itself)
     */
    public BotModule(
            StepUpConfig config,
            String token,
            Map<String, Curriculum> curricula,
            Clock clock,
            Function<ProgrammeTicker, CohortTimers> timerFactory)
            throws InterruptedException {
        database = Database.open(config.storage().database());
        Repositories store = Repositories.over(database);
        cohorts = store.cohorts();
        homes = store.homes();
        checkins = store.checkins();
        ledger = store.ledger();
        tasks = store.tasks();
        sessions = store.sessions();
        measures = store.measures();

        events = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "discord-events");
            t.setDaemon(true);
            return t;
        });
        jda = DiscordConnection.connect(
                token, config.discord().apiUrl(), config.discord().gatewayUrl(), events);

        PngCharts charts = new PngCharts();
        // Scheduled posts and coach posts share one pacer: together they stay under Discord's global limit.
        RequestPacer pacer = RequestPacer.underGlobalLimit();
        JdaProgrammePublisher publisher = new JdaProgrammePublisher(jda, ledger, charts, pacer);
        // A week's reminders go out side by side: with Discord ~100 ms away, one at a time would manage ten a second,
        // a fifth of what the global limit allows. The publisher paces them under that limit.
        posts = Executors.newFixedThreadPool(POST_THREADS, r -> {
            Thread t = new Thread(r, "programme-posts");
            t.setDaemon(true);
            return t;
        });
        // Set-up jobs run one at a time: Discord's limits on channels and roles are per server, and a second job would
        // only share them.
        setup = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "setup-jobs");
            t.setDaemon(true);
            return t;
        });
        WeeklyRhythm rhythm = new WeeklyRhythm(
                config.schedule().prompt(),
                config.schedule().reminder(),
                config.schedule().close(),
                config.schedule().summary());
        CohortDefaults defaults = new CohortDefaults(
                config.curriculum().framework(), config.schedule().zone(), rhythm);
        features = new Features(
                store,
                curricula,
                defaults,
                new Features.Outlets(
                        publisher,
                        new JdaCoachPublisher(jda, pacer),
                        new JdaCohortSpaces(jda, config.discord().coachRole()),
                        new JdaSetupNotes(jda, pacer)),
                new Features.Runners(timerFactory, posts, setup),
                charts,
                clock);
        timers = features.timers;
        programme = features.programme;
        enrolment = features.enrolment;
        admin = features.cohorts;
        setupJobs = features.setupJobs;
        desk = features.checkins;
        progress = features.progress;
        measureDesk = features.measureEntry;
        taskBoard = features.tasks;
        sessionDesk = features.sessions;
        status = features.status;
        export = features.export;

        ActionInteractions actionInteractions = new ActionInteractions(features.actions);
        CheckinInteractions checkinInteractions =
                new CheckinInteractions(desk, Optional.of(measureDesk), Optional.of(actionInteractions));
        ProgressCommand progressCommand = new ProgressCommand(progress, charts);
        TaskCommand taskCommand = new TaskCommand(taskBoard, admin);
        SessionCommand sessionCommand = new SessionCommand(sessionDesk, admin);
        MeasureSetupCommand measureCommand =
                new MeasureSetupCommand(admin, features.measureDefinitions, features.measureImport);
        MeasureInteractions measureInteractions = new MeasureInteractions(measureDesk);
        RecalculationInteractions recalculationInteractions = new RecalculationInteractions(features.recalculations);
        PdsaInteractions pdsaInteractions = new PdsaInteractions(features.pdsa);
        InteractionRouter router = new InteractionRouter(
                List.of(
                        new CohortCommand(admin, enrolment, setupJobs, List.of(new CohortStatusCommand(status))),
                        checkinInteractions,
                        progressCommand,
                        taskCommand,
                        sessionCommand,
                        new BroadcastCommand(features.broadcasts, admin),
                        new SummaryCommand(programme, admin),
                        measureCommand,
                        new HomeMeasuresCommand(features.homeMeasures, Optional.of(features.recalculations)),
                        new ExportCommand(admin, export),
                        new AimCommand(features.aims),
                        new PdsaCommand(features.pdsa),
                        new ScoreCommand(features.progressScores, admin),
                        new PortfolioCommand(features.portfolio)),
                List.of(
                        checkinInteractions,
                        progressCommand,
                        taskCommand,
                        sessionCommand,
                        measureInteractions,
                        recalculationInteractions,
                        pdsaInteractions,
                        actionInteractions),
                List.of(
                        checkinInteractions,
                        measureInteractions,
                        recalculationInteractions,
                        pdsaInteractions,
                        actionInteractions),
                config.discord().coachRole());
        jda.addEventListener(router);
        // Commands in every configured server now, and in any the bot joins while running.
        CommandRegistrar registrar =
                new CommandRegistrar(jda, router.definitions(), config.discord().guildIds());
        jda.addEventListener(registrar);
        registrar.register();
        checkPermissions(publisher, registrar);
        enrolment.provisionMissing(setupJobs::running).forEach(p -> LOG.warn("Home channel not created: {}", p));
        setupJobs.resumeUnfinished();
        programme.start();
        desk.forgetExpired();
        measureDesk.forgetExpired();
        LOG.info("Bot ready: {} running cohorts", cohorts.running().size());
    }

    /**
     * Spec section 10: on every server, are the bot's permissions and role position enough? Anything missing is logged
     * and posted in the {@code #coaches} channel of each cohort running there, in Discord's words.
     */
    private void checkPermissions(JdaProgrammePublisher publisher, CommandRegistrar registrar) {
        List<Cohort> running = cohorts.running();
        for (PermissionSelfCheck.ServerReport report : new PermissionSelfCheck(jda).check(running)) {
            if (!registrar.serves(report.guildId())) {
                continue;
            }
            if (report.ok()) {
                LOG.info("Permission check on server {}: the bot has everything it needs", report.guildId());
                continue;
            }
            report.problems()
                    .forEach(p -> LOG.warn(
                            "Permission check on server {} ({}): {}", report.guildId(), report.guildName(), p));
            String note = "⚠️ **The bot's permissions on this server need fixing.** Found when it started:\n"
                    + String.join(
                            "\n", report.problems().stream().map(p -> "• " + p).toList());
            running.stream()
                    .filter(c -> c.guildId().equals(report.guildId()))
                    .forEach(c -> publisher.tellCoaches(c, note));
        }
    }

    @Override
    public void close() {
        setupJobs.stop();
        setup.shutdownNow();
        if (timers instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("Timers did not stop cleanly: {}", e.getMessage());
            }
        }
        // Graceful: requests already queued (a note to coaches, a reply) finish before the connection closes.
        jda.shutdown();
        try {
            if (!jda.awaitShutdown(Duration.ofSeconds(10))) {
                jda.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jda.shutdownNow();
        }
        posts.shutdownNow();
        events.shutdownNow();
        try {
            // A step in flight finishes or fails before the database closes under it.
            setup.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        database.close();
    }
}
