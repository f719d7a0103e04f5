package uk.stepup.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import uk.stepup.app.Portfolios;
import uk.stepup.app.Reports;
import uk.stepup.app.Repositories;
import uk.stepup.charts.PngCharts;
import uk.stepup.cohorts.Cohort;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.report.HtmlReport;
import uk.stepup.report.PortfolioHtml;
import uk.stepup.sandbox.Sandbox;
import uk.stepup.sandbox.TranscriptWriter;
import uk.stepup.storage.Database;
import uk.stepup.storage.JdbcCohortRepository;
import uk.stepup.storage.JdbcHomeRepository;

/**
 * The demo's output folder: the bot's database, the transcript of every channel as people saw it (with its charts
 * in {@code files/}), and what a coach takes away: the outcome report ({@code report.html}) and its charts
 * ({@code charts/*.png}), and every home's evidence portfolio ({@code portfolios/portfolio-SLUG.html}). With several cohorts, the others' reports go to {@code cohort-N/}.
 */
final class DemoOutput {
    private final Path out;

    DemoOutput(Path out) {
        this.out = out;
    }

    Path database() {
        return out.resolve("stepup.db");
    }

    Path transcript() {
        return out.resolve("transcript.md");
    }

    Path report() {
        return out.resolve("report.html");
    }

    Path charts() {
        return out.resolve("charts");
    }

    /** Makes the folder and clears what an earlier demo left there, so the bot starts on an empty database. */
    void prepare() {
        try {
            Files.createDirectories(out);
            for (String f : List.of("stepup.db", "stepup.db-wal", "stepup.db-shm", "transcript.md", "report.html")) {
                Files.deleteIfExists(out.resolve(f));
            }
            clear(charts(), "*.png");
            clear(out.resolve("portfolios"), "*.html");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + out, e);
        }
    }

    private static void clear(Path folder, String glob) throws IOException {
        if (Files.isDirectory(folder)) {
            try (var files = Files.newDirectoryStream(folder, glob)) {
                for (Path p : files) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Every channel as people saw it. */
    void writeTranscript(Sandbox sandbox) {
        TranscriptWriter.write(sandbox, transcript());
    }

    /**
     * The coach's end-of-programme outputs for each cohort (the first in the folder itself, the others in
     * {@code cohort-N/}), from the database the bot left.
     */
    void writeReports(List<Long> cohortIds, Map<String, Curriculum> curricula, Clock clock) {
        for (int s = 0; s < cohortIds.size(); s++) {
            writeReport(cohortIds.get(s), s == 0 ? out : out.resolve("cohort-" + (s + 1)), curricula, clock);
        }
    }

    private void writeReport(long cohortId, Path folder, Map<String, Curriculum> curricula, Clock clock) {
        try (Database db = Database.open(database())) {
            Cohort cohort = new JdbcCohortRepository(db).byId(cohortId).orElseThrow();
            HtmlReport.Rendered report = Reports.render(db, curricula, clock, cohort);
            Files.createDirectories(folder);
            Reports.writeHtml(report, folder.resolve("report.html"));
            Reports.writeCharts(report, folder.resolve("charts"));
            // Every home's evidence portfolio, as its manager would take it into an inspection.
            PngCharts charts = new PngCharts();
            Portfolios.writeAll(
                    Portfolios.service(Repositories.over(db), curricula, charts, clock),
                    new PortfolioHtml(charts, charts),
                    cohort,
                    new JdbcHomeRepository(db).inCohort(cohort.id()),
                    folder.resolve("portfolios"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report in " + out, e);
        }
    }
}
