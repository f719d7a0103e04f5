package uk.stepup.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code export}: Exports check-ins, tasks, attendance and measures. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Exports check-ins, tasks, attendance and measures.")
public final class ExportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserError(ExitCodes.USAGE, "'export' is not available in this build yet.");
    }
}
