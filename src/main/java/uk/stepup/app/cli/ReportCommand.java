package uk.stepup.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.stepup.app.Reports;
import uk.stepup.cohorts.Cohort;
import uk.stepup.config.StepUpConfig;
import uk.stepup.report.HtmlReport;
import uk.stepup.storage.Database;
import uk.stepup.storage.JdbcCohortRepository;

/** {@code report}: writes the outcome report of a cohort as one self-contained HTML file. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Writes the outcome report of a cohort as one self-contained HTML file (charts included).",
        footer = {
            "",
            "Homes are named only if they chose to share a highlight with their name; others appear as"
                    + " Home and a letter, as in the weekly summaries.",
            "Exit codes: 0 written, 1 the file could not be written, 2 bad usage (no such" + " cohort or database)."
        })
public final class ReportCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--cohort", required = true, paramLabel = "NAME", description = "The cohort to report on.")
    String cohortName;

    @Option(names = "--out", required = true, paramLabel = "FILE.html", description = "Where to write the report.")
    Path out;

    @Override
    public Integer call() {
        StepUpConfig cfg = config.load();
        Path db = cfg.storage().database();
        if (!Files.isRegularFile(db)) {
            throw new UserError(
                    ExitCodes.USAGE,
                    "There is no database at " + db + " to report on (set STEPUP_DB or storage.database).");
        }
        if (Files.isDirectory(out)) {
            throw new UserError(
                    ExitCodes.USAGE, "--out: " + out + " is a folder; give a file name such as report.html.");
        }
        var curricula = Prompts.load(cfg);
        HtmlReport.Rendered report;
        Cohort cohort;
        try (Database database = Database.open(db)) {
            cohort = Cohorts.byName(new JdbcCohortRepository(database), cfg, cohortName);
            report = Reports.render(database, curricula, Clock.systemUTC(), cohort);
        }
        try {
            Reports.writeHtml(report, out);
        } catch (IOException e) {
            throw new UserError(ExitCodes.FAILED, "Cannot write " + out + ": " + IoErrors.describe(e));
        }
        System.out.println("Wrote the outcome report of " + cohort.name() + " to " + out + " ("
                + report.html().length() / 1024 + " kB, " + report.charts().size() + " charts inside).");
        return ExitCodes.OK;
    }
}
