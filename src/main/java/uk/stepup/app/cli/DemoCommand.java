package uk.stepup.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code demo}: Runs a whole simulated programme on the built-in local Discord. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Runs a whole simulated programme on the built-in local Discord.")
public final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserError(ExitCodes.USAGE, "'demo' is not available in this build yet.");
    }
}
