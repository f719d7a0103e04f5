package uk.stepup.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortSpaces;
import uk.stepup.cohorts.CsvText;
import uk.stepup.cohorts.EnrolmentService;
import uk.stepup.cohorts.Home;
import uk.stepup.config.StepUpConfig;
import uk.stepup.csv.JacksonCsv;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.storage.Database;
import uk.stepup.storage.JdbcCohortRepository;
import uk.stepup.storage.JdbcHomeRepository;

/** {@code import --cohort NAME FILE.csv}: bulk enrolment straight into the database; channels follow when the bot runs. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Enrols homes and managers from a CSV file: every row valid, or nothing imported.",
        footer = {
            "",
            "CSV header: " + "home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led",
            "managers = Discord user ids separated by ';'. Ratings: Outstanding, Good, Requires improvement, Inadequate or empty."
        })
public final class ImportCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--cohort", required = true, paramLabel = "NAME", description = "The cohort to enrol into.")
    String cohortName;

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "The CSV file.")
    Path file;

    @Override
    public Integer call() {
        StepUpConfig cfg = config.load();
        if (!Files.isRegularFile(file)) {
            throw new UserError(ExitCodes.USAGE, "No such file: " + file);
        }
        String text;
        try {
            text = CsvText.decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UserError(ExitCodes.USAGE, "Cannot read " + file + ": " + e.getMessage());
        }
        try (Database db = Database.open(cfg.storage().database())) {
            JdbcCohortRepository cohorts = new JdbcCohortRepository(db);
            Cohort cohort = Cohorts.byName(cohorts, cfg, cohortName);
            EnrolmentService enrolment = new EnrolmentService(
                    cohorts,
                    new JdbcHomeRepository(db),
                    new OfflineSpaces(),
                    new PrivacyGuard(Clock.systemUTC()),
                    new JacksonCsv(),
                    Clock.systemUTC());
            Outcome outcome = enrolment.importCsv(
                    new Actor("command-line", "command line", cohort.guildId(), true), cohort, text);
            if (!outcome.ok()) {
                // Problems carry their line numbers; name the file so the message reads file: line N: …
                System.err.println(file + ": " + outcome.message().replace("\u200b", ""));
                return ExitCodes.FAILED;
            }
            System.out.println(outcome.message().lines().findFirst().orElse("")
                    + " Their private channels are created when the bot next starts.");
            return ExitCodes.OK;
        }
    }

    /** Without a Discord connection, channels wait for the running bot, which creates them at start. */
    static final class OfflineSpaces implements CohortSpaces {
        @Override
        public Cohort.Channels provisionCohort(Cohort cohort) {
            throw new SpaceException("not connected to Discord.", null);
        }

        @Override
        public String provisionHome(Cohort cohort, Home home) {
            throw new SpaceException("not connected to Discord; the bot creates it when it next starts.", null);
        }

        @Override
        public Set<String> admit(Cohort cohort, Collection<String> userIds) {
            return Set.of();
        }

        @Override
        public void dismiss(Cohort cohort, Collection<String> userIds) {}
    }
}
