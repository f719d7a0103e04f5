package uk.stepup.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import uk.stepup.config.ConfigLoader;
import uk.stepup.config.StepUpConfig;

/** The shared {@code --config FILE} option. */
public final class ConfigOption {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Configuration file (default: config/stepup.yaml if present, else built-in defaults).")
    Path file;

    public StepUpConfig load() {
        return new ConfigLoader(System.getenv()).load(Optional.ofNullable(file));
    }
}
