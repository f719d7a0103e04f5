package uk.stepup.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.app.Features;
import uk.stepup.app.ManualTimers;
import uk.stepup.app.Reports;
import uk.stepup.app.Repositories;
import uk.stepup.app.SimulatedClock;
import uk.stepup.charts.PngCharts;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortDefaults;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.discord.CohortStatusCommand;
import uk.stepup.discord.SummaryPacking;
import uk.stepup.report.HtmlReport;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.storage.Database;
import uk.stepup.storage.JdbcActionRepository;
import uk.stepup.storage.JdbcCheckinRepository;
import uk.stepup.storage.JdbcCohortRepository;
import uk.stepup.storage.JdbcCycleRepository;
import uk.stepup.storage.JdbcHomeRepository;
import uk.stepup.storage.JdbcSessionRepository;
import uk.stepup.storage.JdbcTaskRepository;
import uk.stepup.summaries.CohortStatusService;
import uk.stepup.summaries.WeeklySummary;
import uk.stepup.summaries.WeeklySummaryBuilder;
import uk.stepup.testkit.FakeCohortSpaces;
import uk.stepup.testkit.RecordingCoachPublisher;
import uk.stepup.testkit.RecordingProgrammePublisher;
import uk.stepup.weekly.ProgrammePublisher;
import uk.stepup.weekly.WeeklyProgramme;

/**
 * The weekly summary and the outcome report at scale, from a real SQLite file seeded with 24 weeks of a programme
 * ({@link ScaleSeed}). Not part of the default build: run with {@code mvn -B -Pbench verify} (this class alone:
 * add {@code -Dtest='ScaleBenchmark*'}; {@code -Dbench.scaleDb=FILE} keeps the seeded database for the next run).
 *
 * <p>One database holds what a national run would: a cohort of 600 homes; one cohort of 15,000 homes, which the
 * database and the summary path can hold and which is the worst case for every per-cohort query, the heatmap and the
 * report (on Discord such a cohort has no channel per home: a server holds 500 channels); and 15,000 homes as they
 * would really run, 31 cohorts of 483 or 484 homes, each on its own server, all with the same weekly times, so all 31
 * summaries fall due at the same moment.
 *
 * <ol>
 *   <li>The summary moment: {@link WeeklyProgramme#tick} at Monday 08:00 after week 24, wired as {@code BotModule}
 *       wires it (real repositories, the summary builder with measures and tasks, the coach reminders), with a
 *       publisher that does everything the Discord publisher does before its first request (heatmap PNG drawn by
 *       {@link PngCharts}, card packed into messages by the publisher's own code) and then stops. Every other post is
 *       already in the seeded ledger, so any attempt to post one fails the benchmark. Targets: 600 homes 300 ms,
 *       15,000 homes 3 s.</li>
 *   <li>The outcome report: what the {@code report} verb does (open the database through Flyway, read the history,
 *       draw the charts, write the HTML). Targets: 600 homes 2 s, 15,000 homes 20 s.</li>
 * </ol>
 * Each figure: the first run at that size (cold: the database just reopened, so SQLite's cache and prepared
 * statements are empty; for the first figure also the JIT), then the median and p95 of the runs after a warm-up, with
 * the CPU time of the thread doing the work (it is single-threaded) so a figure taken while other processes load the
 * machine can be read fairly. The heatmaps and the reports are kept in {@code target/bench/} to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleBenchmark {
    static final int SMALL = 600;
    static final int NATIONAL = 15_000;
    static final int REGIONS = 31;
    static final double SUMMARY_SMALL_MS = 300;
    static final double SUMMARY_NATIONAL_MS = 3_000;
    static final String SMALL_NAME = "Spring 2027 (600)";
    static final String NATIONAL_NAME = "National 2027";
    static final double REPORT_SMALL_MS = 2_000;
    static final double REPORT_NATIONAL_MS = 20_000;
    /** A third of Discord's 3-second acknowledgement, for {@code /cohort status}. */
    static final double STATUS_MS = 1_000;
    /** Where the heatmaps and reports are kept to look at after a run. */
    static final Path OUT = Path.of("target", "bench");

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @TempDir
    static Path dir;

    final Figures figures = new Figures();
    Map<String, Curriculum> curricula;
    Path file;
    Database db;
    ScaleSeed.Seeded small;
    ScaleSeed.Seeded national;
    final List<ScaleSeed.Seeded> regions = new ArrayList<>();

    @BeforeAll
    void seed() throws IOException {
        curricula = BenchWorld.curricula();
        // -Dbench.scaleDb=FILE keeps the seeded database there and reuses it next time (delete it when the seeding
        // changes); by default every run seeds a fresh one.
        String keep = System.getProperty("bench.scaleDb", "");
        file = keep.isBlank() ? dir.resolve("national.db") : Path.of(keep);
        boolean reuse = Files.exists(file);
        db = Database.open(file);
        if (reuse) {
            small = ScaleSeed.load(db, curricula, SMALL_NAME);
            national = ScaleSeed.load(db, curricula, NATIONAL_NAME);
            for (int r = 0; r < REGIONS; r++) {
                regions.add(ScaleSeed.load(db, curricula, regionName(r)));
            }
            System.out.printf(Locale.ROOT, "Reusing the seeded database %s (%,d MB)%n", file, size(file) >> 20);
            return;
        }
        long t0 = System.nanoTime();
        small = ScaleSeed.cohort(
                db, curricula, "200000000000000001", SMALL_NAME, SMALL, 1, ScaleSeed.throughRepositories(db));
        long t1 = System.nanoTime();
        national = ScaleSeed.cohort(
                db, curricula, "200000000000000002", NATIONAL_NAME, NATIONAL, 2, ScaleSeed.batched(db));
        for (int r = 0; r < REGIONS; r++) {
            int homes = NATIONAL / REGIONS + (r < NATIONAL % REGIONS ? 1 : 0);
            regions.add(ScaleSeed.cohort(
                    db,
                    curricula,
                    Long.toString(300000000000000001L + r),
                    regionName(r),
                    homes,
                    10 + r,
                    ScaleSeed.batched(db)));
        }
        long t2 = System.nanoTime();
        int regional = regions.stream().mapToInt(s -> s.homes().size()).sum();
        assertThat(regional).isEqualTo(NATIONAL);
        System.out.printf(
                Locale.ROOT,
                "Seeded %,d homes through the repositories in %s (%,d check-ins); %,d + %,d homes"
                        + " batched in %s; database %,d MB%n",
                SMALL,
                Figures.seconds(Duration.ofNanos(t1 - t0)),
                small.checkins(),
                NATIONAL,
                regional,
                Figures.seconds(Duration.ofNanos(t2 - t1)),
                size(file) >> 20);
    }

    private static String regionName(int r) {
        return "Region " + (r + 1) + " 2027";
    }

    @AfterAll
    void printTable() {
        if (db != null) {
            db.close();
        }
        System.out.println();
        System.out.println("Scale benchmarks on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", max heap "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
        System.out.print(figures.table());
    }

    /** The batched seeding stores exactly what the repositories store for the same cohort. */
    @Test
    @Order(0)
    void batched_seeding_stores_what_the_repositories_store() {
        try (Database check = Database.open(dir.resolve("check.db"))) {
            ScaleSeed.Seeded a = ScaleSeed.cohort(
                    check, curricula, "200000000000000009", "Check A", 40, 99, ScaleSeed.throughRepositories(check));
            ScaleSeed.Seeded b = ScaleSeed.cohort(
                    check, curricula, "200000000000000009", "Check B", 40, 99, ScaleSeed.batched(check));
            List<String> viaRepositories = ScaleSeed.rows(check, a.cohort().id());
            assertThat(viaRepositories).hasSizeGreaterThan(1000);
            assertThat(ScaleSeed.rows(check, b.cohort().id())).containsExactlyElementsOf(viaRepositories);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 1. The summary moment
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void summary_of_600_homes() {
        summaryMoment("Summary moment, 600 homes (1 cohort)", List.of(small), SUMMARY_SMALL_MS, 5, 15);
    }

    @Test
    @Order(2)
    void summary_of_15000_homes_in_one_cohort() {
        summaryMoment("Summary moment, 15,000 homes (1 cohort)", List.of(national), SUMMARY_NATIONAL_MS, 2, 7);
    }

    @Test
    @Order(3)
    void summary_of_15000_homes_in_31_cohorts() {
        summaryMoment("Summary moment, 15,000 homes (31 cohorts)", regions, SUMMARY_NATIONAL_MS, 2, 7);
    }

    private void summaryMoment(String name, List<ScaleSeed.Seeded> cohorts, double targetMs, int warmUp, int runs) {
        reopen();
        Instant due = cohorts.get(0).summaryDue();
        SimulatedClock clock = new SimulatedClock(due);
        Moment moment = new Moment(db, curricula, clock);
        cohorts.forEach(s -> moment.timers.schedule(s.cohort()));

        Machine machine = new Machine();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        double cold = moment.fire(cohorts);
        double coldCpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6;
        double[] times = new double[runs];
        double[] cpu = new double[runs];
        for (int i = -warmUp; i < runs; i++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            double ms = moment.fire(cohorts);
            if (i >= 0) {
                times[i] = ms;
                cpu[i] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
            }
        }
        Machine.Report load = machine.stop();
        SummaryPacking.Packed packed = moment.last.get();
        ScaleSeed.Seeded first = cohorts.get(0);

        // Where the time goes, for the first cohort: building the summary, then drawing and packing it.
        WeeklySummaryBuilder builder = moment.summaries;
        double build = median(5, () -> builder.build(first.cohort(), 24));
        WeeklySummary summary = builder.build(first.cohort(), 24);
        PngCharts charts = new PngCharts();
        double heatmap = median(5, () -> charts.heatmapPng(summary.heatmap()));
        double pack = median(5, () -> SummaryPacking.pack(charts, first.cohort(), summary));
        byte[] png = charts.heatmapPng(summary.heatmap());
        int[] size = pngSize(png);

        double median = Figures.quantile(times, 0.5);
        double p95 = Figures.quantile(times, 0.95);
        System.out.printf(
                Locale.ROOT,
                "%s: cold %.1f ms (CPU %.1f ms); warm median %.1f ms, p95 %.1f ms over %d runs"
                        + " (min %.1f, max %.1f; CPU median %.1f ms); one cohort's summary: build %.1f ms, heatmap %.1f ms,"
                        + " heatmap + packing %.1f ms; heatmap %d x %d px, %,d bytes; %d messages (+%d in the thread), %d"
                        + " embeds, %,d characters; files %s%n",
                name,
                cold,
                coldCpu,
                median,
                p95,
                runs,
                Figures.quantile(times, 0),
                Figures.quantile(times, 1),
                Figures.quantile(cpu, 0.5),
                build,
                heatmap,
                pack,
                size[0],
                size[1],
                png.length,
                packed.channelMessages(),
                packed.threadMessages(),
                packed.embeds(),
                packed.embedCharacters(),
                packed.files());
        System.out.println(name + ": " + load.describe());
        figures.add(name + ", warm median", Figures.ms(median), Figures.ms(targetMs), verdict(median, targetMs));
        figures.add(name + ", warm p95", Figures.ms(p95), Figures.ms(targetMs), verdict(p95, targetMs));
        figures.add(name + ", cold (first run)", Figures.ms(cold), Figures.ms(targetMs), verdict(cold, targetMs));
        figures.note(
                name + ": CPU of the ticking thread, median / cold",
                Figures.ms(Figures.quantile(cpu, 0.5)) + " / " + Figures.ms(coldCpu));
        figures.note(
                name + ": build / heatmap / heatmap+packing",
                String.format(Locale.ROOT, "%.0f / %.0f / %.0f ms", build, heatmap, pack));
        figures.note(
                name + ": heatmap PNG",
                String.format(Locale.ROOT, "%d x %d px, %,d kB", size[0], size[1], png.length / 1024));
        figures.note(
                name + ": messages (+ thread copy)",
                packed.channelMessages() + " (+" + packed.threadMessages() + "), "
                        + String.format(Locale.ROOT, "%,d", packed.embedCharacters()) + " characters");
        figures.note(
                name + ": load avg / GC max",
                String.format(
                        Locale.ROOT,
                        "%.1f / %s",
                        Math.max(load.loadBefore(), load.loadAfter()),
                        Figures.ms(load.gcLongestMs())));
        writeQuietly(OUT.resolve("summary-heatmap-" + first.homes().size() + ".png"), png);

        // Within Discord's limits: 10 embeds and 10 files per message, no file over 10 MiB.
        assertThat(packed.maxEmbedsInMessage()).isLessThanOrEqualTo(10);
        assertThat(packed.maxFilesInMessage()).isLessThanOrEqualTo(10);
        assertThat(packed.largestFile()).isLessThanOrEqualTo(10L * 1024 * 1024);
        assertThat(moment.summariesPosted).isEqualTo((1 + warmUp + runs) * cohorts.size());
        assertThat(moment.publisher.told).as("nothing to tell the coaches").isEmpty();
    }

    @Test
    @Order(6)
    void cohort_status_of_600_and_15000_homes() {
        cohortStatus("/cohort status, 600 homes", small, 5, 15);
        cohortStatus("/cohort status, 15,000 homes", national, 2, 7);
    }

    /**
     * {@code /cohort status} answers within Discord's 3-second acknowledgement (it is not deferred), so the work from
     * the command to its reply text is measured against a third of that, leaving room for Discord's round trips.
     */
    private void cohortStatus(String name, ScaleSeed.Seeded seeded, int warmUp, int runs) {
        reopen();
        Clock clock = Clock.fixed(seeded.summaryDue().plus(Duration.ofDays(2)), ZoneOffset.UTC);
        CohortStatusService status = new CohortStatusService(
                new JdbcCohortRepository(db),
                new JdbcHomeRepository(db),
                new JdbcCheckinRepository(db),
                new JdbcTaskRepository(db),
                new JdbcSessionRepository(db),
                clock,
                new JdbcCycleRepository(db),
                new JdbcActionRepository(db));
        Actor coach = new Actor("coach", "Coach", seeded.cohort().guildId(), true);
        String[] reply = new String[1];
        Supplier<Double> command = () -> {
            long t0 = System.nanoTime();
            Outcome o = CohortStatusCommand.said(status.report(coach, seeded.cohort()));
            reply[0] = o.message();
            return (System.nanoTime() - t0) / 1e6;
        };
        Machine machine = new Machine();
        double cold = command.get();
        double[] times = new double[runs];
        for (int i = -warmUp; i < runs; i++) {
            double ms = command.get();
            if (i >= 0) {
                times[i] = ms;
            }
        }
        Machine.Report load = machine.stop();
        double median = Figures.quantile(times, 0.5);
        double p95 = Figures.quantile(times, 0.95);
        System.out.printf(
                Locale.ROOT,
                "%s: cold %.0f ms; warm median %.0f ms, p95 %.0f ms over %d runs; reply %,d" + " characters%n",
                name,
                cold,
                median,
                p95,
                runs,
                reply[0].length());
        System.out.println(name + ": " + load.describe());
        figures.add(name + ", warm median", Figures.ms(median), Figures.ms(STATUS_MS), verdict(median, STATUS_MS));
        figures.add(name + ", cold (first run)", Figures.ms(cold), Figures.ms(STATUS_MS), verdict(cold, STATUS_MS));
        assertThat(reply[0]).contains("status").hasSizeLessThanOrEqualTo(2000);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 2. The outcome report
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    @Order(4)
    void report_of_600_homes() throws IOException {
        report("Outcome report, 600 homes", small, REPORT_SMALL_MS, 1, 5);
    }

    @Test
    @Order(5)
    void report_of_15000_homes() throws IOException {
        report("Outcome report, 15,000 homes", national, REPORT_NATIONAL_MS, 0, 3);
    }

    private void report(String name, ScaleSeed.Seeded seeded, double targetMs, int warmUp, int runs)
            throws IOException {
        db.close();
        db = null;
        Clock clock = Clock.fixed(seeded.summaryDue().plus(Duration.ofDays(2)), ZoneOffset.UTC);
        Path out = OUT.resolve("report-" + seeded.homes().size() + ".html");
        Files.createDirectories(OUT);
        Machine machine = new Machine();
        AtomicReference<HtmlReport.Rendered> last = new AtomicReference<>();
        Supplier<Double> verb = () -> {
            long t0 = System.nanoTime();
            try (Database database = Database.open(file)) {
                Cohort cohort = new JdbcCohortRepository(database)
                        .byId(seeded.cohort().id())
                        .orElseThrow();
                HtmlReport.Rendered r = Reports.render(database, curricula, clock, cohort);
                Reports.writeHtml(r, out);
                last.set(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return (System.nanoTime() - t0) / 1e6;
        };
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        double cold = verb.get();
        double coldCpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6;
        double[] times = new double[runs];
        double[] cpu = new double[runs];
        for (int i = -warmUp; i < runs; i++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            double ms = verb.get();
            if (i >= 0) {
                times[i] = ms;
                cpu[i] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
            }
        }
        Machine.Report load = machine.stop();
        db = Database.open(file);
        HtmlReport.Rendered r = last.get();
        long html = Files.size(out);
        long images = r.charts().values().stream().mapToLong(b -> b.length).sum();
        byte[] heatmap = r.charts().get("heatmap.png");
        int[] size = pngSize(heatmap);
        double median = Figures.quantile(times, 0.5);
        double p95 = Figures.quantile(times, 0.95);
        System.out.printf(
                Locale.ROOT,
                "%s: cold %.0f ms (CPU %.0f ms); warm median %.0f ms, p95 %.0f ms over %d runs"
                        + " (CPU median %.0f ms); HTML %,d kB with %d charts (%,d kB of PNG); heatmap %d x %d px; kept as"
                        + " %s%n",
                name,
                cold,
                coldCpu,
                median,
                p95,
                runs,
                Figures.quantile(cpu, 0.5),
                html / 1024,
                r.charts().size(),
                images / 1024,
                size[0],
                size[1],
                out);
        System.out.println(name + ": " + load.describe());
        figures.add(name + ", warm median", Figures.ms(median), Figures.ms(targetMs), verdict(median, targetMs));
        figures.add(name + ", warm p95", Figures.ms(p95), Figures.ms(targetMs), verdict(p95, targetMs));
        figures.add(name + ", cold (first run)", Figures.ms(cold), Figures.ms(targetMs), verdict(cold, targetMs));
        figures.note(
                name + ": CPU of the thread, median / cold",
                Figures.ms(Figures.quantile(cpu, 0.5)) + " / " + Figures.ms(coldCpu));
        figures.note(
                name + ": HTML size / charts",
                String.format(
                        Locale.ROOT, "%,d kB / %d", html / 1024, r.charts().size()));
        figures.note(
                name + ": load avg / GC max",
                String.format(
                        Locale.ROOT,
                        "%.1f / %s",
                        Math.max(load.loadBefore(), load.loadAfter()),
                        Figures.ms(load.gcLongestMs())));
        writeQuietly(OUT.resolve("report-heatmap-" + seeded.homes().size() + ".png"), heatmap);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * The programme as {@code BotModule} wires it, over the seeded database, with a publisher that stops before
     * Discord. Each {@link #fire} resets what the week 24 summary changed (its ledger row, the cohort's status) and
     * ticks every cohort, as the timers do at that moment.
     */
    static final class Moment {
        final Database db;
        final ManualTimers timers;
        final RecordingProgrammePublisher publisher = new RecordingProgrammePublisher(this::dryRun);
        final PngCharts charts = new PngCharts();
        final AtomicReference<SummaryPacking.Packed> last = new AtomicReference<>();
        final WeeklySummaryBuilder summaries;
        int summariesPosted;

        Moment(Database db, Map<String, Curriculum> curricula, Clock clock) {
            this.db = db;
            Features features = new Features(
                    Repositories.over(db),
                    curricula,
                    new CohortDefaults("kloe-2017", ZoneId.of("Europe/London"), ScaleSeed.RHYTHM),
                    new Features.Outlets(
                            publisher,
                            // Every task and session post is already in the seeded ledger.
                            RecordingCoachPublisher.refusingAll(),
                            new FakeCohortSpaces(),
                            (cohort, text, mention) -> true),
                    new Features.Runners(ManualTimers::new, Runnable::run, Runnable::run),
                    charts,
                    clock);
            timers = (ManualTimers) features.timers;
            summaries = features.summaries;
        }

        /**
         * Does what the Discord publisher does for a summary up to its first request (its copy in the week's thread is
         * already packed with it by {@link SummaryPacking#pack}); any other post is a failure.
         */
        private ProgrammePublisher.Posted dryRun(RecordingProgrammePublisher.Post post) {
            String key = post.key().asText();
            return switch (post.kind()) {
                case SUMMARY -> {
                    last.set(SummaryPacking.pack(
                            charts, post.cohort(), post.summary().orElseThrow()));
                    summariesPosted++;
                    yield new ProgrammePublisher.Sent("1" + key.hashCode());
                }
                case SUMMARY_IN_THREAD -> new ProgrammePublisher.Sent("2" + key.hashCode());
                default -> throw new AssertionError("no " + post.kind() + " is due: " + key);
            };
        }

        /** Milliseconds to tick every cohort at the summary moment. */
        double fire(List<ScaleSeed.Seeded> cohorts) {
            reset(cohorts);
            long t0 = System.nanoTime();
            timers.fire();
            return (System.nanoTime() - t0) / 1e6;
        }

        /** BENCHMARK RESET, not seeding: undoes the week 24 summary's ledger row and the programme's end. */
        private void reset(List<ScaleSeed.Seeded> cohorts) {
            publisher.posts.clear(); // only the counts are kept: the summaries would pile up over the runs
            db.write(c -> {
                try (Statement s = c.createStatement()) {
                    for (ScaleSeed.Seeded seeded : cohorts) {
                        long id = seeded.cohort().id();
                        s.executeUpdate("DELETE FROM delivery WHERE delivery_key IN ('" + id
                                + ":24:summary:peer-learning', '" + id + ":24:summary:thread')");
                        s.executeUpdate("UPDATE cohort SET status = 'active' WHERE id = " + id);
                    }
                }
                return null;
            });
            cohorts.forEach(s -> timers.schedule(s.cohort()));
        }
    }

    /** Closes and reopens the database, so a cold run starts without SQLite's page cache or prepared statements. */
    private void reopen() {
        db.close();
        db = Database.open(file);
    }

    private static double median(int runs, Runnable work) {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return Figures.quantile(ms, 0.5);
    }

    private static String verdict(double ms, double targetMs) {
        double r = ms / targetMs;
        return Figures.ratio(r) + (r <= 1 ? " (target met)" : " (target missed)");
    }

    /** Width and height from a PNG's header. */
    static int[] pngSize(byte[] png) {
        ByteBuffer b = ByteBuffer.wrap(png);
        return new int[] {b.getInt(16), b.getInt(20)};
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void writeQuietly(Path p, byte[] bytes) {
        try {
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
        } catch (IOException e) {
            System.out.println("Could not keep " + p + ": " + e.getMessage());
        }
    }
}
