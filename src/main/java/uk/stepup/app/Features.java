package uk.stepup.app;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import uk.stepup.actions.ActionService;
import uk.stepup.charts.PngCharts;
import uk.stepup.checkins.CheckinService;
import uk.stepup.cohorts.CohortDefaults;
import uk.stepup.cohorts.CohortService;
import uk.stepup.cohorts.CohortSpaces;
import uk.stepup.cohorts.CohortTimers;
import uk.stepup.cohorts.EnrolmentService;
import uk.stepup.cohorts.ProgrammeTicker;
import uk.stepup.cohorts.SetupJobService;
import uk.stepup.cohorts.SetupNotes;
import uk.stepup.csv.JacksonCsv;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.export.ExportFiles;
import uk.stepup.improvement.AimService;
import uk.stepup.improvement.ImprovementNotes;
import uk.stepup.improvement.PdsaService;
import uk.stepup.improvement.ProgressScoreService;
import uk.stepup.improvement.RecalculationService;
import uk.stepup.measures.CohortMeasures;
import uk.stepup.measures.HomeMeasuresService;
import uk.stepup.measures.MeasureDefinitionService;
import uk.stepup.measures.MeasureEntryService;
import uk.stepup.measures.MeasureImportService;
import uk.stepup.portfolio.PortfolioService;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.summaries.CohortStatusService;
import uk.stepup.summaries.DataExportService;
import uk.stepup.summaries.ProgrammeHistoryLoader;
import uk.stepup.summaries.ProgressService;
import uk.stepup.summaries.SharedChanges;
import uk.stepup.summaries.WeeklySummaryBuilder;
import uk.stepup.tasks.BroadcastService;
import uk.stepup.tasks.CoachPublisher;
import uk.stepup.tasks.SessionService;
import uk.stepup.tasks.TaskService;
import uk.stepup.weekly.CoachReminders;
import uk.stepup.weekly.ProgrammePublisher;
import uk.stepup.weekly.WeeklyProgramme;

/**
 * Every feature's use case, built from its ports with plain constructors and no Discord in sight: the one wiring that
 * {@link BotModule} (with Discord's publishers and Quartz), the demo and the tests (with recording fakes and manual
 * timers) all use. Nothing starts here; {@link BotModule} starts the programme once Discord is connected.
 */
public final class Features {
    /** Where the features' posts and channels go: Discord for the bot, recording fakes in tests. */
    public record Outlets(
            ProgrammePublisher programmePosts, CoachPublisher coachPosts, CohortSpaces spaces, SetupNotes setupNotes) {}

    /**
     * When the features run their work: the cohorts' timers (given the ticker they call), the threads a week's posts
     * go out on side by side, and the one thread set-up jobs run on.
     */
    public record Runners(Function<ProgrammeTicker, CohortTimers> timers, Executor posts, Executor setupJobs) {}

    public final CohortTimers timers;
    public final PrivacyGuard guard;
    public final WeeklySummaryBuilder summaries;
    public final CoachReminders coachReminders;
    public final WeeklyProgramme programme;
    public final EnrolmentService enrolment;
    public final CohortService cohorts;
    public final SetupJobService setupJobs;
    public final CheckinService checkins;
    public final ActionService actions;
    public final HomeMeasuresService homeMeasures;
    public final ProgressService progress;
    public final MeasureEntryService measureEntry;
    public final MeasureDefinitionService measureDefinitions;
    public final MeasureImportService measureImport;
    public final TaskService tasks;
    public final SessionService sessions;
    public final CohortStatusService status;
    public final BroadcastService broadcasts;
    public final DataExportService export;
    public final PortfolioService portfolio;
    /** A home's aims for its measures ({@code /aim}). */
    public final AimService aims;
    /** Recalculating a home's limits after a sustained shift: offered by the bot, decided by a person. */
    public final RecalculationService recalculations;

    public final ProgressScoreService progressScores;
    public final PdsaService pdsa;

    /**
     * Builds every use case, in the order they depend on each other.
     *
     * @param charts draws the measures' charts in summaries and replies (the publisher draws the rest with the same)
     */
    public Features(
            Repositories store,
            Map<String, Curriculum> curricula,
            CohortDefaults defaults,
            Outlets outlets,
            Runners runners,
            PngCharts charts,
            Clock clock) {
        Supplier<Map<String, Curriculum>> curriculum = () -> curricula;
        guard = new PrivacyGuard(clock);
        AtomicReference<WeeklyProgramme> programmeRef = new AtomicReference<>();
        timers = runners.timers().apply(cohortId -> programmeRef.get().tick(cohortId));
        summaries = new WeeklySummaryBuilder(
                store.cohorts(),
                store.homes(),
                store.checkins(),
                curricula,
                Optional.of(new CohortMeasures(store.measures(), charts)),
                Optional.of(store.tasks()),
                clock,
                Optional.of(new SharedChanges(store.cycles(), store.measures())));
        CoachPublisher coachPosts = outlets.coachPosts();
        coachReminders = new CoachReminders(store.tasks(), store.sessions(), store.homes(), coachPosts, timers, clock);
        programme = new WeeklyProgramme(
                store.cohorts(),
                store.homes(),
                store.checkins(),
                store.ledger(),
                outlets.programmePosts(),
                summaries,
                curriculum,
                timers,
                coachReminders,
                clock,
                runners.posts(),
                Optional.of(store.cycles()));
        programmeRef.set(programme);

        JacksonCsv csv = new JacksonCsv();
        enrolment = new EnrolmentService(store.cohorts(), store.homes(), outlets.spaces(), guard, csv, clock);
        cohorts = new CohortService(
                store.cohorts(), outlets.spaces(), timers, programme, curriculum, defaults, guard, clock);
        setupJobs = new SetupJobService(
                store.cohorts(),
                store.homes(),
                outlets.spaces(),
                enrolment,
                store.setupJobs(),
                outlets.setupNotes(),
                runners.setupJobs(),
                clock);
        actions = new ActionService(store.cohorts(), store.homes(), store.actions(), guard, clock);
        checkins = new CheckinService(
                store.cohorts(),
                store.homes(),
                store.checkins(),
                curriculum,
                guard,
                store.heldCheckins(),
                actions,
                clock);
        homeMeasures = new HomeMeasuresService(
                store.cohorts(),
                store.homes(),
                store.measures(),
                charts,
                new ImprovementNotes(store.aims(), store.cycles(), store.recalculations()));
        aims = new AimService(store.cohorts(), store.homes(), store.measures(), store.aims(), guard, clock);
        recalculations = new RecalculationService(
                store.cohorts(), store.homes(), homeMeasures, store.cycles(), store.recalculations(), guard, clock);
        progress = new ProgressService(
                store.cohorts(),
                store.homes(),
                store.checkins(),
                curriculum,
                Optional.of(homeMeasures),
                Optional.of(store.actions()),
                clock);
        measureEntry = new MeasureEntryService(
                store.cohorts(), store.homes(), store.measures(), guard, store.measureDrafts(), clock);
        measureDefinitions =
                new MeasureDefinitionService(store.cohorts(), store.homes(), store.measures(), guard, clock);
        measureImport = new MeasureImportService(store.cohorts(), store.homes(), store.measures(), guard, csv, clock);
        tasks = new TaskService(
                store.tasks(), store.cohorts(), store.homes(), coachPosts, timers::wakeAt, guard, clock);
        sessions = new SessionService(
                store.sessions(), store.cohorts(), store.homes(), coachPosts, timers::wakeAt, guard, clock);
        status = new CohortStatusService(
                store.cohorts(),
                store.homes(),
                store.checkins(),
                store.tasks(),
                store.sessions(),
                clock,
                store.cycles(),
                store.actions());
        pdsa = new PdsaService(store.cycles(), store.measures(), store.homes(), store.cohorts(), guard, clock);
        broadcasts = new BroadcastService(store.cohorts(), coachPosts, guard);
        ProgrammeHistoryLoader histories = new ProgrammeHistoryLoader(
                        store.cohorts(),
                        store.homes(),
                        store.checkins(),
                        store.ledger(),
                        store.reportQueries(),
                        store.measures(),
                        curriculum,
                        clock)
                .withImprovement(new ProgrammeHistoryLoader.ImprovementSource(
                        store.aims(), store.cycles(), store.recalculations(), store.progressScores()));
        export = new DataExportService(histories, new ExportFiles(csv), Optional.of(store.actions()));
        progressScores = new ProgressScoreService(store.progressScores(), store.cohorts(), store.homes(), guard, clock);
        portfolio = Portfolios.service(store, curricula, charts, clock);
    }
}
