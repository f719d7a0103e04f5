package uk.stepup.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.app.Portfolios;
import uk.stepup.app.Repositories;
import uk.stepup.charts.PngCharts;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.cohorts.Home;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.improvement.AimRepository;
import uk.stepup.improvement.CycleRepository;
import uk.stepup.improvement.PdsaCycle;
import uk.stepup.measures.Measure;
import uk.stepup.portfolio.Portfolio;
import uk.stepup.portfolio.PortfolioService;
import uk.stepup.report.PortfolioHtml;
import uk.stepup.storage.Database;

/**
 * Evidence portfolios at scale: a 600-home cohort after 24 weeks ({@link ScaleSeed}, plus an aim and two PDSA cycles
 * per home on its weekly measure), as the {@code portfolio} verb and {@code /portfolio} make them: read the home's rows
 * from SQLite, build the portfolio, draw its charts (the journey and each measure's control chart) and lay out the
 * HTML. Targets: one home in 500 ms; all 600, one after another on one thread, in 60 s. Not part of the default build:
 * {@code mvn -B -Pbench test -Dtest=PortfolioBenchmark}. A few portfolios are kept in {@code target/bench/} to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioBenchmark {
    static final int HOMES = 600;
    static final double ONE_MS = 500;
    static final double ALL_MS = 60_000;
    static final Path OUT = Path.of("target", "bench");

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @TempDir
    static Path dir;

    final Figures figures = new Figures();
    Map<String, Curriculum> curricula;
    Database db;
    ScaleSeed.Seeded seeded;

    @BeforeAll
    void seed() {
        curricula = BenchWorld.curricula();
        db = Database.open(dir.resolve("portfolio.db"));
        long t0 = System.nanoTime();
        seeded = ScaleSeed.cohort(
                db, curricula, "200000000000000001", "Spring 2027 (600)", HOMES, 1, ScaleSeed.batched(db));
        Repositories store = Repositories.over(db);
        Measure falls = store.measures().inCohort(seeded.cohort().id()).get(0);
        for (Home h : seeded.homes()) {
            store.aims()
                    .save(new AimRepository.NewAim(
                            h.id(),
                            falls.id(),
                            6,
                            3,
                            ScaleSeed.START.plusWeeks(26),
                            "Fewer falls at night: 6 to 3 a week by the summer",
                            h.managerIds().get(0),
                            ScaleSeed.CREATED));
            PdsaCycle first =
                    store.cycles().add(cycle(h, falls, OptionalLong.empty(), "Night-time checks on one unit", 4));
            store.cycles()
                    .saveDo(first.id(), new PdsaCycle.Step("Hourly checks for four weeks", "m", ScaleSeed.CREATED));
            store.cycles()
                    .saveAct(
                            first.id(),
                            new PdsaCycle.Act(
                                    PdsaCycle.Decision.ADAPT, "Try it on both units", "m", ScaleSeed.CREATED));
            store.cycles().add(cycle(h, falls, OptionalLong.of(first.id()), "Night-time checks on both units", 12));
        }
        figures.note(
                "Seeded " + HOMES + " homes, 24 weeks (" + seeded.checkins() + " check-ins)",
                Figures.ms((System.nanoTime() - t0) / 1e6));
    }

    private static CycleRepository.NewCycle cycle(
            Home h, Measure falls, OptionalLong previous, String idea, int weeksIn) {
        return new CycleRepository.NewCycle(
                h.id(),
                OptionalLong.of(falls.id()),
                previous,
                idea,
                "Checks every hour between 22:00 and 06:00, logged on the night sheet",
                "Falls at night drop within a month",
                ScaleSeed.START.plusWeeks(weeksIn),
                4,
                HighlightShare.NONE,
                h.managerIds().get(0),
                ScaleSeed.CREATED);
    }

    @AfterAll
    void close() {
        System.out.println(figures.table());
        db.close();
    }

    @Test
    void one_home_and_all_600_homes() throws IOException {
        Instant due = seeded.summaryDue();
        PngCharts charts = new PngCharts();
        PortfolioService service =
                Portfolios.service(Repositories.over(db), curricula, charts, Clock.fixed(due, ZoneOffset.UTC));
        PortfolioHtml html = new PortfolioHtml(charts, charts);
        List<Home> homes = seeded.homes();
        Files.createDirectories(OUT);

        double load0 = Machine.loadAverage();
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        String cold = html.html(service.build(seeded.cohort(), homes.get(0), Optional.empty()));
        double coldMs = (System.nanoTime() - t0) / 1e6;
        double coldCpu = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
        Files.writeString(OUT.resolve("portfolio-" + homes.get(0).slug() + ".html"), cold, StandardCharsets.UTF_8);

        int runs = 30;
        double[] one = new double[runs];
        double[] build = new double[runs];
        for (int i = -5; i < runs; i++) {
            Home h = homes.get((i + 5) * 17 % homes.size());
            long s = System.nanoTime();
            Portfolio p = service.build(seeded.cohort(), h, Optional.empty());
            long b = System.nanoTime();
            html.html(p);
            if (i >= 0) {
                one[i] = (System.nanoTime() - s) / 1e6;
                build[i] = (b - s) / 1e6;
            }
        }

        long a0 = System.nanoTime();
        long ac0 = THREADS.getCurrentThreadCpuTime();
        long bytes = 0;
        for (Home h : homes) {
            bytes += html.html(service.build(seeded.cohort(), h, Optional.empty()))
                    .length();
        }
        double allMs = (System.nanoTime() - a0) / 1e6;
        double allCpu = (THREADS.getCurrentThreadCpuTime() - ac0) / 1e6;
        double load1 = Machine.loadAverage();

        double median = Figures.quantile(one, 0.5);
        double p95 = Figures.quantile(one, 0.95);
        System.out.printf(
                Locale.ROOT,
                "One portfolio: cold %.1f ms (CPU %.1f ms), warm median %.1f ms (build %.1f ms), p95 %.1f ms; all %d:"
                        + " %.1f s (CPU %.1f s), %,d kB of HTML on average; load average %.2f then %.2f%n",
                coldMs,
                coldCpu,
                median,
                Figures.quantile(build, 0.5),
                p95,
                homes.size(),
                allMs / 1000,
                allCpu / 1000,
                bytes / homes.size() / 1024,
                load0,
                load1);
        figures.add(
                "One home's portfolio (600 homes, 24 weeks), warm median",
                Figures.ms(median),
                Figures.ms(ONE_MS),
                Figures.ratio(median / ONE_MS));
        figures.add("… p95", Figures.ms(p95), Figures.ms(ONE_MS), Figures.ratio(p95 / ONE_MS));
        figures.add("… first run (cold)", Figures.ms(coldMs), Figures.ms(ONE_MS), Figures.ratio(coldMs / ONE_MS));
        figures.add(
                "All 600 portfolios, one thread", Figures.ms(allMs), Figures.ms(ALL_MS), Figures.ratio(allMs / ALL_MS));
        figures.note("… CPU of that thread", Figures.ms(allCpu));
        figures.note("… load average before / after", String.format(Locale.ROOT, "%.2f / %.2f", load0, load1));
        assertThat(median).isLessThanOrEqualTo(ONE_MS);
        assertThat(allMs).isLessThanOrEqualTo(ALL_MS);
    }
}
