package uk.stepup.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import uk.stepup.charts.PngCharts;
import uk.stepup.cohorts.Cohort;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.measures.CohortMeasures;
import uk.stepup.report.HtmlReport;
import uk.stepup.storage.Database;
import uk.stepup.storage.JdbcAimRepository;
import uk.stepup.storage.JdbcCheckinRepository;
import uk.stepup.storage.JdbcCohortRepository;
import uk.stepup.storage.JdbcCycleRepository;
import uk.stepup.storage.JdbcDeliveryLedger;
import uk.stepup.storage.JdbcHomeRepository;
import uk.stepup.storage.JdbcMeasureRepository;
import uk.stepup.storage.JdbcProgressScoreRepository;
import uk.stepup.storage.JdbcRecalculationRepository;
import uk.stepup.storage.JdbcReportQueries;
import uk.stepup.summaries.ImprovementReportBuilder;
import uk.stepup.summaries.OutcomeReportBuilder;
import uk.stepup.summaries.ProgrammeHistory;
import uk.stepup.summaries.ProgrammeHistoryLoader;

/** Wires the outcome report and the export's history reader over a database, for the verbs and the demo. */
public final class Reports {
    private Reports() {}

    /** Reads cohort histories from the database as of the clock. */
    public static ProgrammeHistoryLoader histories(Database db, Map<String, Curriculum> curricula, Clock clock) {
        return new ProgrammeHistoryLoader(
                        new JdbcCohortRepository(db),
                        new JdbcHomeRepository(db),
                        new JdbcCheckinRepository(db),
                        new JdbcDeliveryLedger(db),
                        new JdbcReportQueries(db),
                        new JdbcMeasureRepository(db),
                        () -> curricula,
                        clock)
                .withImprovement(new ProgrammeHistoryLoader.ImprovementSource(
                        new JdbcAimRepository(db),
                        new JdbcCycleRepository(db),
                        new JdbcRecalculationRepository(db),
                        new JdbcProgressScoreRepository(db)));
    }

    /** The cohort's outcome report, with its charts drawn, from the database as of the clock. */
    public static HtmlReport.Rendered render(
            Database db, Map<String, Curriculum> curricula, Clock clock, Cohort cohort) {
        PngCharts charts = new PngCharts();
        ProgrammeHistory history = histories(db, curricula, clock).load(cohort);
        LocalDate today = history.asOf().atZone(history.cohort().zone()).toLocalDate();
        Optional<CohortMeasures.Digest> measures = new CohortMeasures(new JdbcMeasureRepository(db), charts)
                .digest(history.cohort(), Math.max(1, history.weeksRun()), today);
        return new HtmlReport(charts)
                .render(
                        OutcomeReportBuilder.build(history, measures),
                        Optional.of(ImprovementReportBuilder.build(history, charts)));
    }

    /** Writes the page to {@code html}, creating its folder. */
    public static void writeHtml(HtmlReport.Rendered report, Path html) throws IOException {
        Path parent = html.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(html, report.html(), StandardCharsets.UTF_8);
    }

    /** Writes each chart as a PNG file into {@code folder}, creating it. */
    public static void writeCharts(HtmlReport.Rendered report, Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, byte[]> e : report.charts().entrySet()) {
            Files.write(folder.resolve(e.getKey()), e.getValue());
        }
    }
}
