package uk.stepup.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.stepup.config.StepUpConfig;
import uk.stepup.storage.Database;

/** {@code backup}: a consistent copy of the database, safe to take while the bot runs. */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = "Writes a consistent copy of the database, safe while the bot is running.")
public final class BackupCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the copy.")
    Path out;

    @Override
    public Integer call() {
        StepUpConfig cfg = config.load();
        Path db = cfg.storage().database();
        if (!Files.isRegularFile(db)) {
            throw new UserError(
                    ExitCodes.USAGE,
                    "There is no database at " + db + " to back up (set STEPUP_DB or storage.database).");
        }
        try (Database database = Database.open(db)) {
            database.backupTo(out);
            String check;
            try (Database copy = Database.open(out)) {
                check = copy.integrityCheck();
            }
            if (!"ok".equals(check)) {
                throw new UserError(ExitCodes.FAILED, "The copy at " + out + " failed its integrity check: " + check);
            }
        }
        System.out.println("Backed up " + db + " to " + out + " (integrity check: ok).");
        return ExitCodes.OK;
    }
}
