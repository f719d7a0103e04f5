package uk.stepup.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code import}: Enrols homes and managers from a CSV file. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Enrols homes and managers from a CSV file.")
public final class ImportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserError(ExitCodes.USAGE, "'import' is not available in this build yet.");
    }
}
