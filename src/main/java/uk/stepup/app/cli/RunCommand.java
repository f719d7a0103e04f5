package uk.stepup.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import uk.stepup.config.StepUpConfig;

/** {@code run}: connects to Discord and runs everything. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Connects to Discord and runs the programme.")
public final class RunCommand implements Callable<Integer> {
    static final String NO_TOKEN = "DISCORD_TOKEN is not set: create a bot application at "
            + "https://discord.com/developers/applications and export its token (see \"Connect a real Discord server\" in README.md).";

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() {
        StepUpConfig cfg = config.load();
        String token = System.getenv("DISCORD_TOKEN");
        if (token == null || token.isBlank()) {
            throw new UserError(ExitCodes.USAGE, NO_TOKEN);
        }
        throw new UserError(ExitCodes.USAGE, "Connecting to Discord is not available in this build yet (database: "
                + cfg.storage().database() + ").");
    }
}
