package uk.stepup.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.stepup.app.Portfolios;
import uk.stepup.app.Repositories;
import uk.stepup.charts.PngCharts;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;
import uk.stepup.config.StepUpConfig;
import uk.stepup.portfolio.ItemMapping;
import uk.stepup.portfolio.Portfolio;
import uk.stepup.portfolio.PortfolioService;
import uk.stepup.report.PortfolioHtml;
import uk.stepup.storage.Database;

/** {@code portfolio}: writes one home's evidence portfolio, with a draft of its PIR answers, as one HTML file. */
@Command(
        name = "portfolio",
        mixinStandardHelpOptions = true,
        description = "Writes a home's evidence portfolio (by key question and KLOE: evidence week by week, gaps,"
                + " measures, PDSA cycles and a draft of the PIR answers) as one self-contained, print-ready HTML"
                + " file.",
        footer = {
            "",
            "The file holds the home's own check-ins: keep it within the home and the coaching team.",
            "Exit codes: 0 written, 1 the file could not be written, 2 bad usage (no such cohort, home, framework or"
                    + " database)."
        })
public final class PortfolioCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--cohort", required = true, paramLabel = "NAME", description = "The home's cohort.")
    String cohortName;

    @Option(names = "--home", required = true, paramLabel = "NAME", description = "The home (its name, any case).")
    String homeName;

    @Option(names = "--out", required = true, paramLabel = "FILE.html", description = "Where to write the portfolio.")
    Path out;

    @Option(
            names = "--framework",
            paramLabel = "CODE",
            description = "Read it under this framework (kloe-2017 or saf-2023; default: the cohort's).")
    String framework;

    @Option(
            names = "--db",
            paramLabel = "FILE",
            description = "The database to read (default: storage.database from the configuration).")
    Path dbFile;

    @Override
    public Integer call() {
        StepUpConfig cfg = config.load();
        Path db = dbFile != null ? dbFile : cfg.storage().database();
        if (!Files.isRegularFile(db)) {
            throw new UserError(
                    ExitCodes.USAGE,
                    "There is no database at " + db + " to read (give --db FILE, or set STEPUP_DB or"
                            + " storage.database).");
        }
        if (Files.isDirectory(out)) {
            throw new UserError(
                    ExitCodes.USAGE, "--out: " + out + " is a folder; give a file name such as portfolio.html.");
        }
        var curricula = Prompts.load(cfg);
        String html;
        Portfolio portfolio;
        try (Database database = Database.open(db)) {
            Repositories store = Repositories.over(database);
            Cohort cohort = Cohorts.byName(store.cohorts(), cfg, cohortName);
            Home home = store.homes()
                    .byName(cohort.id(), homeName.strip())
                    .orElseThrow(() -> unknownHome(store.homes().inCohort(cohort.id()), cohort, homeName));
            PngCharts charts = new PngCharts();
            PortfolioService service = Portfolios.service(
                    store, curricula, ItemMapping.from(Prompts.crosswalk(cfg)), charts, Clock.systemUTC());
            Optional<String> under = Optional.ofNullable(framework).filter(f -> !f.isBlank());
            if (under.isPresent() && !service.frameworks().contains(under.get().strip())) {
                throw new UserError(
                        ExitCodes.USAGE,
                        "--framework: there is no framework called \"" + under.get() + "\". Known: "
                                + String.join(", ", service.frameworks()) + ".");
            }
            portfolio = service.build(cohort, home, under);
            html = new PortfolioHtml(charts, charts).html(portfolio);
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(ExitCodes.FAILED, "Cannot write " + out + ": " + IoErrors.describe(e));
        }
        System.out.println("Wrote the evidence portfolio of " + portfolio.home() + " (" + portfolio.cohort() + ") to "
                + out + " (" + html.length() / 1024 + " kB; " + portfolio.gaps().size() + " gaps).");
        return ExitCodes.OK;
    }

    private static UserError unknownHome(List<Home> homes, Cohort cohort, String name) {
        List<String> names = homes.stream().map(Home::name).toList();
        return new UserError(
                ExitCodes.USAGE,
                "--home: " + cohort.name() + " has no home called \"" + name + "\""
                        + (names.isEmpty()
                                ? " (it has no homes yet)."
                                : ". Its homes: " + String.join(", ", names) + "."));
    }
}
