package uk.stepup.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import uk.stepup.app.Reports;
import uk.stepup.cohorts.Cohort;
import uk.stepup.config.StepUpConfig;
import uk.stepup.csv.JacksonCsv;
import uk.stepup.export.ExportFiles;
import uk.stepup.shared.Actor;
import uk.stepup.storage.Database;
import uk.stepup.storage.JdbcActionRepository;
import uk.stepup.storage.JdbcCohortRepository;
import uk.stepup.summaries.DataExportService;
import uk.stepup.summaries.ExportBuilder;
import uk.stepup.summaries.ExportFile;
import uk.stepup.summaries.ExportFormat;

/**
 * {@code export --cohort NAME --format csv|json [--out FILE]}: everything stored about a cohort. CSV writes one
 * file per table beside FILE ({@code FILE-homes.csv}, {@code FILE-checkins.csv}, …; default: named after the cohort
 * in the current folder); JSON writes one document to FILE, or to standard output without {@code --out}.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description =
                "Exports a cohort's homes, check-ins (one row per home and week), tasks, attendance and measures.",
        footer = {
            "",
            "csv: one file per table, for Excel: NAME-homes.csv, NAME-checkins.csv, NAME-tasks.csv,"
                    + " NAME-attendance.csv (NAME from --out, or the cohort's name).",
            "json: one document, to --out or to standard output.",
            "The columns are described under \"Data export\" in README.md.",
            "Exit codes: 0 written, 1 a file could not be written, 2 bad usage (no such cohort or database)."
        })
public final class ExportCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--cohort", required = true, paramLabel = "NAME", description = "The cohort to export.")
    String cohortName;

    @Option(
            names = "--format",
            required = true,
            paramLabel = "csv|json",
            converter = FormatConverter.class,
            description = "csv (one file per table, for Excel) or json (one document).")
    ExportFormat format;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "json: the file (default: standard output). csv: the start of each file name, or a folder.")
    Path out;

    @Override
    public Integer call() {
        StepUpConfig cfg = config.load();
        Path db = cfg.storage().database();
        if (!Files.isRegularFile(db)) {
            throw new UserError(
                    ExitCodes.USAGE,
                    "There is no database at " + db + " to export from (set STEPUP_DB or storage.database).");
        }
        var curricula = Prompts.load(cfg);
        Cohort cohort;
        DataExportService.Result result;
        Path folder;
        Optional<String> base;
        try (Database database = Database.open(db)) {
            cohort = Cohorts.byName(new JdbcCohortRepository(database), cfg, cohortName);
            String slug = ExportBuilder.slug(cohort.name());
            if (out == null) {
                folder = Path.of("");
                base = Optional.empty();
            } else if (Files.isDirectory(out)) {
                folder = out;
                base = Optional.empty();
            } else {
                folder = out.toAbsolutePath().getParent();
                String name = out.getFileName().toString();
                String ext = "." + format.key();
                base = Optional.of(
                        name.toLowerCase(Locale.ROOT).endsWith(ext)
                                ? name.substring(0, name.length() - ext.length())
                                : name);
            }
            if (base.isPresent() && base.get().isBlank()) {
                base = Optional.of(slug);
            }
            DataExportService export = new DataExportService(
                    Reports.histories(database, curricula, Clock.systemUTC()),
                    new ExportFiles(new JacksonCsv()),
                    Optional.of(new JdbcActionRepository(database)));
            result = export.export(
                    new Actor("command-line", "command line", cohort.guildId(), true), cohort, format, base);
        }
        if (!result.outcome().ok()) {
            throw new UserError(ExitCodes.USAGE, result.outcome().message());
        }
        if (format == ExportFormat.JSON && out == null) {
            PrintStream stdout = System.out;
            stdout.write(result.files().get(0).bytes(), 0, result.files().get(0).size());
            stdout.flush();
            return ExitCodes.OK;
        }
        List<Path> written = new ArrayList<>();
        try {
            if (folder != null) {
                Files.createDirectories(folder.toAbsolutePath());
            }
            for (ExportFile f : result.files()) {
                Path target = folder == null ? Path.of(f.fileName()) : folder.resolve(f.fileName());
                Files.write(target, f.bytes());
                written.add(target);
            }
        } catch (IOException e) {
            throw new UserError(ExitCodes.FAILED, "Cannot write the export: " + IoErrors.describe(e));
        }
        System.out.println(
                "Exported " + cohort.name() + " to " + written.size() + (written.size() == 1 ? " file: " : " files: ")
                        + String.join(", ", written.stream().map(Path::toString).toList()));
        System.out.println("They hold every home's private check-ins: keep them within the coaching team.");
        return ExitCodes.OK;
    }

    static final class FormatConverter implements ITypeConverter<ExportFormat> {
        @Override
        public ExportFormat convert(String value) {
            return ExportFormat.parse(value)
                    .orElseThrow(() -> new TypeConversionException("'" + value + "' is not csv or json"));
        }
    }
}
