package uk.stepup.cohorts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;

/**
 * Long set-up as background jobs (spec section 10): {@code /cohort import} and {@code /cohort repair}.
 *
 * <p>Discord lets a bot create about one channel, and give about one role, a second in a server (10 per 10 s each), so
 * 300 homes with two managers each take some fifteen minutes: as long as an interaction token lives. The coach is
 * therefore answered at once, once the file is known to be good (every row valid, no clash with the cohort, room on
 * the server), and the work goes on here, one job at a time, with a note in the cohort's {@code #coaches} about once
 * a minute and a final report there as an ordinary message that mentions only the coach who started it.
 *
 * <p><b>Admitting managers happens in the job, before anything is stored.</b> Whether a manager is on the server is
 * only known by giving them the cohort's role (one request each, the answer to an unknown member being Unknown
 * Member), and 600 managers at 10 per 10 s take about ten minutes: far past the three seconds of the quick answer,
 * though inside the token's fifteen. The file stays all or nothing: the job first admits every manager and only then
 * stores the homes; if any manager is not on the server it takes the role back from the others and reports the lines
 * to fix, and nothing is imported. Storing first and admitting later would leave a mistyped id enrolled as a manager.
 *
 * <p>Every step is recorded as it is done, so a restart resumes the job where it stopped, and every step can be done
 * twice: giving a role someone has changes nothing, a home that has its channel is skipped, and a channel created
 * just before a crash is found by its name rather than created again.
 */
public final class SetupJobService {
    private static final Logger LOG = LoggerFactory.getLogger(SetupJobService.class);
    /** A progress note at most this often. */
    static final Duration NOTE_EVERY = Duration.ofMinutes(1);
    /** Discord's pace for set-up: 10 role changes, and 10 channel creations, per 10 s per server. */
    static final double SECONDS_PER_REQUEST = 1.0;

    private final CohortRepository cohorts;
    private final HomeRepository homes;
    private final CohortSpaces spaces;
    private final EnrolmentService enrolment;
    private final SetupJobRepository jobs;
    private final SetupNotes notes;
    private final Executor executor;
    private final Clock clock;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile boolean stopping;

    public SetupJobService(
            CohortRepository cohorts,
            HomeRepository homes,
            CohortSpaces spaces,
            EnrolmentService enrolment,
            SetupJobRepository jobs,
            SetupNotes notes,
            Executor executor,
            Clock clock) {
        this.cohorts = cohorts;
        this.homes = homes;
        this.spaces = spaces;
        this.enrolment = enrolment;
        this.jobs = jobs;
        this.notes = notes;
        this.executor = executor;
        this.clock = clock;
    }

    /**
     * {@code /cohort import}: checks the file at once, then imports it in the background. Synchronized, with
     * {@link #startRepair}, so that two commands at once cannot both start a job for one cohort.
     */
    public synchronized Outcome startImport(Actor actor, Cohort cohort, String csvText) {
        if (!actor.coach()) {
            return Outcome.refused(Outcome.COACHES_ONLY);
        }
        Optional<Outcome> busy = busy(cohort);
        if (busy.isPresent()) {
            return busy.get();
        }
        EnrolmentService.Check check = enrolment.check(actor, cohort, csvText);
        if (check instanceof EnrolmentService.Refused refused) {
            return refused.why();
        }
        EnrolmentService.Checked checked = (EnrolmentService.Checked) check;
        int homeCount = checked.file().homes().size();
        int managers = checked.managerIds().size();
        SetupJob job = jobs.start(
                cohort.id(),
                SetupJob.Kind.IMPORT,
                actor.userId(),
                Optional.of(csvText),
                SetupJob.Phase.ADMIT,
                clock.instant());
        LOG.info("Import job {} for cohort {}: {} homes, {} managers", job.id(), cohort.id(), homeCount, managers);
        submit(job.id(), false);
        return Outcome.done("The file is good: " + plural(homeCount, "home") + " with " + plural(managers, "manager")
                + " for " + cohort.name() + ". I am giving the managers the cohort's role, then setting up each home's"
                + " private channel; Discord lets a bot do about one of these a second, so this takes "
                + about(managers + homeCount) + ". Progress and the final report come in the cohort's #coaches channel."
                + " If a manager is not on this server, nothing is imported and the report names the line to fix.");
    }

    /** {@code /cohort repair}: re-creates missing channels and fixes permissions, in the background. */
    public synchronized Outcome startRepair(Actor actor, Cohort cohort) {
        if (!actor.coach()) {
            return Outcome.refused(Outcome.COACHES_ONLY);
        }
        Optional<Outcome> busy = busy(cohort);
        if (busy.isPresent()) {
            return busy.get();
        }
        int homeCount = homes.inCohort(cohort.id()).size();
        SetupJob job = jobs.start(
                cohort.id(),
                SetupJob.Kind.REPAIR,
                actor.userId(),
                Optional.empty(),
                SetupJob.Phase.COHORT,
                clock.instant());
        LOG.info("Repair job {} for cohort {}: {} homes", job.id(), cohort.id(), homeCount);
        submit(job.id(), false);
        return Outcome.done("Repairing " + cohort.name() + ": its channels, then the private channels of its "
                + plural(homeCount, "home") + " and their managers' access (" + about(1 + 2 * homeCount)
                + "). Progress and the report come in the cohort's #coaches channel.");
    }

    private Optional<Outcome> busy(Cohort cohort) {
        return jobs.unfinished().stream()
                .filter(j -> j.cohortId() == cohort.id())
                .findFirst()
                .map(j -> Outcome.invalid((j.kind() == SetupJob.Kind.IMPORT ? "An import into " : "A repair of ")
                        + cohort.name() + " is still running; its report will come in the cohort's #coaches channel."
                        + " Try again once it is done."));
    }

    /** True if the cohort has a set-up job not yet done (the start-up provisioning leaves its homes to the job). */
    public boolean running(long cohortId) {
        return jobs.unfinished().stream().anyMatch(j -> j.cohortId() == cohortId);
    }

    /** At start-up: carries on every job a stop interrupted. */
    public void resumeUnfinished() {
        for (SetupJob job : jobs.unfinished()) {
            LOG.info(
                    "Resuming set-up job {} for cohort {} at {} {}", job.id(), job.cohortId(), job.phase(), job.done());
            submit(job.id(), true);
        }
    }

    /** Stops taking further steps (the bot is shutting down); unfinished jobs resume at the next start. */
    public void stop() {
        stopping = true;
    }

    /** Waits until no job is queued or running; false if that took longer than {@code timeout}. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (pending.get() > 0) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private void submit(long jobId, boolean resumed) {
        pending.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    run(jobId, resumed);
                } catch (RuntimeException e) {
                    if (stopping) {
                        LOG.info("Set-up job {} interrupted by the shutdown; it resumes at the next start", jobId);
                    } else {
                        LOG.error("Set-up job {} stopped; it resumes at the next start", jobId, e);
                    }
                } finally {
                    pending.decrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            pending.decrementAndGet();
            LOG.warn("Set-up job {} not started now ({}); it resumes at the next start", jobId, e.toString());
        }
    }

    /** One job from wherever it stands to its report. */
    private void run(long jobId, boolean resumed) {
        Progress p = new Progress(jobs.byId(jobId).orElseThrow());
        if (resumed) {
            p.note("The bot restarted during the " + p.what() + " of **"
                    + p.cohort().name() + "**; carrying on where it" + " stopped.");
        }
        while (!stopping) {
            SetupJob job = jobs.byId(jobId).orElseThrow();
            switch (job.phase()) {
                case ADMIT -> admit(p, job);
                case DISMISS -> dismiss(p, job);
                case STORE -> store(p, job);
                case COHORT -> repairCohort(p, job);
                case CHANNELS -> channels(p, job);
                case REFUSED, REPORT -> {
                    report(p, job);
                    jobs.finish(jobId, clock.instant());
                    LOG.info("Set-up job {} done", jobId);
                    return;
                }
                case DONE -> {
                    return;
                }
            }
        }
    }

    private void admit(Progress p, SetupJob job) {
        EnrolmentCsv.Ok file = file(job);
        List<String> managers = new EnrolmentService.Checked(file).managerIds();
        if (job.done() == 0) {
            p.note("Importing " + plural(file.homes().size(), "home") + " with " + plural(managers.size(), "manager")
                    + " into **" + p.cohort().name() + "**: "
                    + about(managers.size() + file.homes().size())
                    + ". First each manager gets the cohort's role (which"
                    + " also shows they are on this server), then each home gets its private channel.");
        }
        for (int i = job.done(); i < managers.size() && !stopping; i++) {
            String id = managers.get(i);
            try {
                List<String> found =
                        enrolment.admitOne(p.cohort(), id) ? List.of() : List.of(EnrolmentService.notMember(file, id));
                jobs.step(job.id(), SetupJob.Phase.ADMIT, i + 1, found, clock.instant());
            } catch (CohortSpaces.SpaceException e) {
                // Without the role nobody's membership can be checked; the homes go ahead as before, and the report
                // says to fix the bot's role and run /cohort repair, which admits them. Unless a manager was already
                // found not to be on the server: then the file is refused as it would have been.
                LOG.warn("Giving managers the cohort's role failed: {}", e.getMessage());
                boolean refused = !jobs.byId(job.id()).orElseThrow().problems().isEmpty();
                jobs.step(
                        job.id(),
                        refused ? SetupJob.Phase.DISMISS : SetupJob.Phase.STORE,
                        0,
                        List.of("the managers could not be given the cohort's role: " + e.getMessage()),
                        clock.instant());
                return;
            }
            int n = i + 1;
            p.progress(() -> "Giving managers the cohort's role: " + n + " of " + managers.size() + " done.");
        }
        if (stopping) {
            return;
        }
        SetupJob now = jobs.byId(job.id()).orElseThrow();
        jobs.step(
                job.id(),
                now.problems().isEmpty() ? SetupJob.Phase.STORE : SetupJob.Phase.DISMISS,
                0,
                List.of(),
                clock.instant());
    }

    /** The file was refused after managers were admitted: the role is taken back from every one of them. */
    private void dismiss(Progress p, SetupJob job) {
        List<String> managers = new EnrolmentService.Checked(file(job)).managerIds();
        for (int i = job.done(); i < managers.size() && !stopping; i++) {
            enrolment.dismiss(p.cohort(), List.of(managers.get(i)));
            jobs.step(job.id(), SetupJob.Phase.DISMISS, i + 1, List.of(), clock.instant());
        }
        if (!stopping) {
            jobs.step(job.id(), SetupJob.Phase.REFUSED, 0, List.of(), clock.instant());
        }
    }

    private void store(Progress p, SetupJob job) {
        EnrolmentCsv.Ok file = file(job);
        boolean stored = file.homes().stream()
                .allMatch(h -> homes.byName(job.cohortId(), h.name()).isPresent());
        if (!stored) {
            try {
                enrolment.store(p.cohort(), file);
            } catch (HomeRepository.EnrolmentConflictException e) {
                // Someone enrolled a home or manager of the file while the job admitted managers.
                jobs.step(job.id(), SetupJob.Phase.DISMISS, 0, List.of(e.getMessage()), clock.instant());
                return;
            }
        }
        jobs.step(job.id(), SetupJob.Phase.CHANNELS, 0, List.of(), clock.instant());
    }

    private void repairCohort(Progress p, SetupJob job) {
        List<String> found = new ArrayList<>();
        try {
            Cohort.Channels ch = spaces.provisionCohort(p.cohort());
            cohorts.saveChannels(p.cohort().id(), ch);
        } catch (CohortSpaces.SpaceException e) {
            LOG.warn("Repairing cohort {} failed: {}", p.cohort().id(), e.getMessage());
            found.add("the cohort's own channels: " + e.getMessage());
        }
        jobs.step(job.id(), SetupJob.Phase.CHANNELS, 0, found, clock.instant());
        p.refresh();
        p.note("Repairing **" + p.cohort().name() + "**: "
                + (found.isEmpty()
                        ? "its channels are in place; now the private channels of its "
                        : "its own channels could not be put right (" + found.get(0)
                                + "); trying the private channels of its ")
                + plural(homes.inCohort(job.cohortId()).size(), "home") + ".");
    }

    private void channels(Progress p, SetupJob job) {
        List<Home> targets = targets(job);
        for (int i = job.done(); i < targets.size() && !stopping; i++) {
            Home home = homes.byId(targets.get(i).id()).orElse(targets.get(i));
            Optional<String> problem;
            if (job.kind() == SetupJob.Kind.REPAIR) {
                problem = enrolment.provisionHome(p.cohort(), home);
            } else {
                problem = home.channelId().isPresent() ? Optional.empty() : enrolment.channel(p.cohort(), home);
            }
            jobs.step(job.id(), SetupJob.Phase.CHANNELS, i + 1, problem.stream().toList(), clock.instant());
            int n = i + 1;
            p.progress(() -> "Home channels: " + n + " of " + targets.size() + " done.");
        }
        if (!stopping) {
            jobs.step(job.id(), SetupJob.Phase.REPORT, 0, List.of(), clock.instant());
        }
    }

    /** The homes a job gives channels to, in a fixed order: the file's, or every home of the cohort for a repair. */
    private List<Home> targets(SetupJob job) {
        if (job.kind() == SetupJob.Kind.REPAIR) {
            return homes.inCohort(job.cohortId()).stream()
                    .sorted(Comparator.comparingLong(Home::id))
                    .toList();
        }
        List<Home> out = new ArrayList<>();
        for (var h : file(job).homes()) {
            homes.byName(job.cohortId(), h.name()).ifPresent(out::add);
        }
        return out;
    }

    private void report(Progress p, SetupJob job) {
        String took = took(Duration.between(job.startedAt(), clock.instant()));
        String name = "**" + p.cohort().name() + "**";
        String text;
        if (job.phase() == SetupJob.Phase.REFUSED) {
            text = "Nothing was imported into " + name + " (" + took
                    + "): fix these rows and import the file again."
                    + " The managers of the file no longer have the cohort's role.\n"
                    + CohortService.listed(job.problems());
        } else if (job.kind() == SetupJob.Kind.IMPORT) {
            EnrolmentCsv.Ok file = file(job);
            int managers =
                    file.homes().stream().mapToInt(h -> h.managerIds().size()).sum();
            text = "Imported " + plural(file.homes().size(), "home") + " with " + plural(managers, "manager")
                    + " into " + name + " (" + took + ")."
                    + (job.problems().isEmpty()
                            ? " Every home has its private channel; its managers can check in each week."
                            : "\nThese could not be set up; fix what each says, then run `/cohort repair`:\n"
                                    + CohortService.listed(job.problems()));
        } else {
            int all = homes.inCohort(job.cohortId()).size();
            text = "Repaired " + name + " (" + took + ")."
                    + (job.problems().isEmpty()
                            ? " Its channels and all " + plural(all, "home channel") + " are in place."
                            : "\nStill failing; fix what each says, then run `/cohort repair` again:\n"
                                    + CohortService.listed(job.problems()));
        }
        notes.post(p.cohort(), text, Optional.of(job.startedBy()));
    }

    private EnrolmentCsv.Ok file(SetupJob job) {
        // The file was checked when the job started; it is read the same way again.
        EnrolmentCsv.Result parsed = EnrolmentCsv.parse(job.file().orElseThrow(), enrolment.csv(), enrolment.guard());
        if (parsed instanceof EnrolmentCsv.Ok ok) {
            return ok;
        }
        throw new IllegalStateException("the file of set-up job " + job.id() + " no longer reads");
    }

    /** The job's cohort and when the last note went out. */
    private final class Progress {
        private final SetupJob job;
        private Cohort cohort;
        private Instant lastNote = Instant.MIN;

        Progress(SetupJob job) {
            this.job = job;
            this.cohort = cohorts.byId(job.cohortId()).orElseThrow();
        }

        Cohort cohort() {
            return cohort;
        }

        void refresh() {
            cohort = cohorts.byId(job.cohortId()).orElseThrow();
        }

        String what() {
            return job.kind() == SetupJob.Kind.IMPORT ? "import" : "repair";
        }

        void note(String text) {
            lastNote = clock.instant();
            notes.post(cohort, text, Optional.empty());
        }

        /** A progress note if a minute has passed since the last one. */
        void progress(Supplier<String> text) {
            if (!clock.instant().isBefore(lastNote.plus(NOTE_EVERY))) {
                note(text.get());
            }
        }
    }

    private static String about(int requests) {
        long minutes = Math.round(requests * SECONDS_PER_REQUEST / 60);
        return minutes < 1 ? "under a minute" : minutes == 1 ? "about a minute" : "about " + minutes + " minutes";
    }

    private static String took(Duration d) {
        long minutes = d.toMinutes();
        return minutes < 1 ? "in under a minute" : minutes == 1 ? "in 1 minute" : "in " + minutes + " minutes";
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
