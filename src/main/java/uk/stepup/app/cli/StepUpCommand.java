package uk.stepup.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import uk.stepup.config.ConfigException;

/** The top-level command: {@code stepup-bot <verb>}. */
@Command(
        name = "stepup-bot",
        mixinStandardHelpOptions = true,
        versionProvider = StepUpCommand.Version.class,
        description = "Runs the Step up to Outstanding coaching programme on Discord.",
        subcommands = {
            RunCommand.class,
            InviteCommand.class,
            DemoCommand.class,
            ValidateCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            ReportCommand.class,
            PortfolioCommand.class,
            BackupCommand.class,
            SpcCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {"", "Exit codes: 0 ok, 1 failed checks, 2 bad usage or configuration."})
public final class StepUpCommand implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(StepUpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs the command line and returns the exit code; user mistakes never show a stack trace. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new StepUpCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException) {
                commandLine.getErr().println(e.getMessage());
                return ExitCodes.USAGE;
            }
            if (e instanceof UserError u) {
                commandLine.getErr().println(u.getMessage());
                return u.exitCode();
            }
            String ref = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Unexpected failure (ref {})", ref, e);
            commandLine
                    .getErr()
                    .println("Something went wrong (ref " + ref + "): " + e.getMessage()
                            + ". The log above has the details.");
            return ExitCodes.FAILED;
        });
        return cli.execute(args);
    }

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = StepUpCommand.class.getResourceAsStream("/version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"stepup-bot " + p.getProperty("version", "development build")};
        }
    }
}
