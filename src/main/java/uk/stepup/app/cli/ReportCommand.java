package uk.stepup.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code report}: Writes the outcome report of a cohort as one HTML file. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Writes the outcome report of a cohort as one HTML file.")
public final class ReportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserError(ExitCodes.USAGE, "'report' is not available in this build yet.");
    }
}
