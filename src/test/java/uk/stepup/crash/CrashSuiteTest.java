package uk.stepup.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.app.SimulatedClock;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.ProgrammeCalendar;
import uk.stepup.sandbox.InteractionHandle;
import uk.stepup.sandbox.Sandbox;
import uk.stepup.sandbox.SandboxAttachment;
import uk.stepup.sandbox.SandboxChannel;
import uk.stepup.sandbox.SandboxGuild;
import uk.stepup.sandbox.SandboxMessage;
import uk.stepup.sandbox.SandboxOptions;
import uk.stepup.sandbox.SandboxRole;
import uk.stepup.sandbox.SandboxUser;
import uk.stepup.storage.Database;
import uk.stepup.storage.JdbcCheckinRepository;
import uk.stepup.storage.JdbcCohortRepository;
import uk.stepup.storage.JdbcHomeRepository;

/**
 * The crash suite: the bot runs as a child process and is killed with SIGKILL at random moments (during ticks that
 * post prompts, reminders and summaries, and during check-in writes), then restarted on the same database. After
 * every crash: each acknowledged check-in is in the database, each prompt and summary was posted exactly once, no
 * reminder twice, and SQLite's integrity check passes. CI runs 10 crashes; {@code -Dcrashes=50} runs the full suite.
 */
class CrashSuiteTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final int HOMES = 6;
    static final int WEEKS = 3;

    @TempDir
    Path dir;

    Sandbox sandbox;
    SandboxGuild guild;
    Path control;
    Path database;
    Process worker;
    int workerRuns;
    int tickNo;
    final Random random = new Random(Long.getLong("crashSeed", 42));

    @Test
    void the_programme_survives_sigkill_at_random_moments() throws Exception {
        int crashesWanted = Integer.getInteger("crashes", 10);
        control = Files.createDirectories(dir.resolve("control"));
        database = dir.resolve("crash.db");
        SimulatedClock clock = new SimulatedClock(Instant.parse("2026-12-30T10:00:00Z"));
        setTime(clock, clock.instant());
        sandbox = Sandbox.start(SandboxOptions.defaults().withClock(clock));
        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
        try {
            guild = sandbox.createGuild("Crash test");
            SandboxRole coachRole = guild.createRole("Coach", 0);
            SandboxUser coach = sandbox.createUser("coach", "Coach");
            guild.addMember(coach, coachRole);
            List<SandboxUser> managers = new ArrayList<>();
            StringBuilder csv = new StringBuilder(
                    "home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\n");
            for (int i = 0; i < HOMES; i++) {
                SandboxUser m = sandbox.createUser("m" + i, "Manager " + i);
                guild.addMember(m);
                managers.add(m);
                csv.append("Home ").append(i).append(",,").append(m.id()).append(",,,,,,\n");
            }
            SandboxChannel general =
                    guild.channelByName("general").orElseGet(() -> guild.createTextChannel("general", null));
            startWorker();
            sandbox.as(coach, guild)
                    .slash("cohort create", Map.of("name", "Crash", "start", "2027-01-04"), general)
                    .awaitReply(WAIT);
            sandbox.as(coach, guild)
                    .slash(
                            "cohort import",
                            Map.of(
                                    "file",
                                    SandboxAttachment.of(
                                            "h.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8))),
                            general)
                    .awaitReply(WAIT);
            // The import goes on in the background; its report in #coaches says it is done.
            sandbox.awaitMessage(
                    guild.channelByName("SUO · Crash", "coaches").orElseThrow(),
                    m -> m.content().contains("Imported 6 homes"),
                    WAIT.multipliedBy(3));

            ProgrammeCalendar cal;
            Cohort cohort;
            try (Database db = Database.open(database)) {
                cohort =
                        new JdbcCohortRepository(db).byName(guild.id(), "Crash").orElseThrow();
                cal = ProgrammeCalendar.of(cohort, 24, List.of());
            }
            SandboxChannel thisWeek = sandbox.channel(
                            cohort.channels().thisWeekId().orElseThrow())
                    .orElseThrow();
            Set<String> acknowledged = new HashSet<>();
            int crashes = 0;
            int actions = WEEKS * (4 + HOMES);
            double p = Math.min(0.9, (double) crashesWanted / actions);
            for (int week = 1; week <= WEEKS || workerRuns - 1 < crashesWanted; week++) {
                if (week > 24) {
                    break;
                }
                List<Instant> moments = List.of(
                        cal.promptAt(week).orElseThrow(),
                        cal.reminderAt(week).orElseThrow(),
                        cal.closeAt(week).orElseThrow(),
                        cal.summaryAt(week).orElseThrow());
                for (int m = 0; m < moments.size(); m++) {
                    setTime(clock, moments.get(m));
                    if (random.nextDouble() < p) {
                        killSoon(killer);
                    }
                    tick();
                    if (m == 0) {
                        // Managers check in between the prompt and the reminder; the bot may die under them.
                        int w = week;
                        SandboxMessage prompt = sandbox.awaitMessage(
                                thisWeek,
                                msg -> !msg.isEphemeral()
                                        && msg.embeds().stream()
                                                .anyMatch(e -> e.title().startsWith("Week " + w + " ")),
                                WAIT);
                        for (int i = 0; i < HOMES; i++) {
                            if (random.nextInt(4) == 0) {
                                continue;
                            }
                            setTime(clock, moments.get(0).plusSeconds(600L * (i + 1)));
                            if (random.nextDouble() < p) {
                                killSoon(killer);
                            }
                            ensureWorker();
                            if (checkIn(managers.get(i), prompt, week)) {
                                acknowledged.add(i + ":" + week);
                            }
                        }
                    }
                    ensureWorker();
                }
            }
            // Settle: one more tick on a live bot, then stop it and look at the evidence.
            ensureWorker();
            tick();
            stopWorker();
            crashes = workerRuns - 1;
            assertThat(crashes).isGreaterThanOrEqualTo(crashesWanted);

            try (Database db = Database.open(database)) {
                assertThat(db.integrityCheck()).isEqualTo("ok");
                JdbcHomeRepository homes = new JdbcHomeRepository(db);
                JdbcCheckinRepository checkins = new JdbcCheckinRepository(db);
                for (String ack : acknowledged) {
                    int home = Integer.parseInt(ack.split(":")[0]);
                    int week = Integer.parseInt(ack.split(":")[1]);
                    Home h = homes.byName(cohort.id(), "Home " + home).orElseThrow();
                    assertThat(checkins.find(h.id(), week))
                            .as("acknowledged check-in " + ack)
                            .isPresent();
                }
                int weeksRun = lastWeek(cal, clock.instant());
                SandboxChannel peer = sandbox.channel(
                                cohort.channels().peerLearningId().orElseThrow())
                        .orElseThrow();
                for (int w = 1; w <= weeksRun; w++) {
                    String prefix = "Week " + w + " ";
                    assertThat(thisWeek.messages().stream()
                                    .filter(msg -> !msg.isEphemeral()
                                            && msg.embeds().stream()
                                                    .anyMatch(e -> e.title().startsWith(prefix))))
                            .as("prompt of week " + w)
                            .hasSize(1);
                    String summary = "Week " + w + " summary";
                    assertThat(peer.messages().stream()
                                    .filter(msg -> !msg.isEphemeral()
                                            && msg.embeds().stream()
                                                    .anyMatch(e -> e.title().startsWith(summary))))
                            .as("summary of week " + w)
                            .hasSize(1);
                }
                for (Home h : homes.inCohort(cohort.id())) {
                    SandboxChannel channel =
                            sandbox.channel(h.channelId().orElseThrow()).orElseThrow();
                    for (int w = 1; w <= weeksRun; w++) {
                        String marker = "your week " + w + " check-in";
                        assertThat(channel.messages().stream()
                                        .filter(msg -> msg.content().contains(marker)))
                                .as("reminders to " + h.name() + " in week " + w)
                                .hasSizeLessThanOrEqualTo(1);
                    }
                }
            }
            // A person acting while the bot lay dead sees "This interaction failed", as on Discord; nothing else may
            // break.
            assertThat(sandbox.violations().stream().filter(v -> !v.rule().equals("interaction-deadline")))
                    .isEmpty();
            System.out.printf(
                    "Crash suite: %d SIGKILL restarts over %d weeks, %d acknowledged check-ins all stored, %d bot starts%n",
                    crashes, lastWeek(cal, clock.instant()), acknowledged.size(), workerRuns);
        } finally {
            killer.shutdownNow();
            if (worker != null) {
                worker.destroyForcibly();
            }
            sandbox.close();
        }
    }

    private static int lastWeek(ProgrammeCalendar cal, Instant now) {
        int last = 0;
        for (int w = 1; w <= cal.weeks(); w++) {
            if (cal.summaryAt(w).map(t -> !t.isAfter(now)).orElse(false)) {
                last = w;
            }
        }
        return last;
    }

    private void setTime(SimulatedClock clock, Instant t) {
        clock.set(t);
        FileClock.set(dir.resolve("control").resolve("clock"), t);
    }

    private boolean checkIn(SandboxUser manager, SandboxMessage prompt, int week) {
        try {
            InteractionHandle open =
                    sandbox.as(manager, guild).clickLabel(prompt, "Check in").awaitResponse(WAIT);
            if (open.failed()) {
                return false;
            }
            InteractionHandle saved = sandbox.as(manager, guild)
                    .submitModal(
                            open.modal(),
                            Map.of(
                                    "rating",
                                    List.of("good"),
                                    "did",
                                    "Week " + week + ": talked it through at handover."))
                    .awaitResponse(WAIT);
            return !saved.failed() && saved.awaitReply(WAIT).content().contains("check-in");
        } catch (AssertionError e) {
            return false; // the bot died under this person: not acknowledged, so nothing is owed
        }
    }

    /** Kills the worker with SIGKILL after a random delay of up to 400 ms. */
    private void killSoon(ScheduledExecutorService killer) {
        Process target = worker;
        killer.schedule(() -> target.destroyForcibly(), random.nextInt(400), TimeUnit.MILLISECONDS);
    }

    private void tick() throws IOException, InterruptedException {
        int n = ++tickNo;
        Path done = control.resolve(String.format("done-%06d", n));
        Files.writeString(control.resolve(String.format("tick-%06d", n)), "tick");
        long end = System.nanoTime() + WAIT.toNanos();
        while (!Files.exists(done)) {
            if (!worker.isAlive()) {
                Files.deleteIfExists(control.resolve(String.format("tick-%06d", n)));
                ensureWorker(); // a restart catches up by itself; tick once more on the new process
                tick();
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("tick " + n + " not done; see " + control);
            }
            Thread.sleep(10);
        }
    }

    private void ensureWorker() throws IOException, InterruptedException {
        if (worker == null || !worker.isAlive()) {
            if (worker != null) {
                worker.waitFor();
                sandbox.await(WAIT, () -> sandbox.connectedSessions() == 0);
            }
            startWorker();
        }
    }

    private void startWorker() throws IOException {
        workerRuns++;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        worker = new ProcessBuilder(
                        java,
                        "-Djava.awt.headless=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashWorker.class.getName(),
                        control.toString(),
                        database.toString(),
                        sandbox.restBaseUrl(),
                        sandbox.gatewayUrl(),
                        sandbox.botToken(),
                        guild.id())
                .redirectErrorStream(true)
                .redirectOutput(control.resolve("worker-" + workerRuns + ".log").toFile())
                .start();
        Path ready = control.resolve("ready-" + worker.pid());
        sandbox.await(Duration.ofSeconds(60), () -> Files.exists(ready) || !worker.isAlive());
        if (!worker.isAlive()) {
            // Killed while starting (a scheduled kill can land here too): start again.
            startWorker();
        }
    }

    private void stopWorker() throws InterruptedException {
        worker.destroyForcibly();
        worker.waitFor();
    }
}
