package uk.stepup.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import uk.stepup.app.BotModule;
import uk.stepup.config.StepUpConfig;
import uk.stepup.scheduling.QuartzCohortTimers;

/** {@code run}: connects to Discord and runs everything until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Connects to Discord and runs the programme.")
public final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    static final String NO_TOKEN = "DISCORD_TOKEN is not set: create a bot application at "
            + "https://discord.com/developers/applications and export its token (see \"Connect a real Discord server\" in README.md).";

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws Exception {
        StepUpConfig cfg = config.load();
        String token = System.getenv("DISCORD_TOKEN");
        if (token == null || token.isBlank()) {
            throw new UserError(ExitCodes.USAGE, NO_TOKEN);
        }
        var curricula = Prompts.load(cfg);
        Clock clock = Clock.systemUTC();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "shutdown"));
        BotModule bot;
        try {
            bot = new BotModule(cfg, token.strip(), curricula, clock, ticker -> new QuartzCohortTimers(ticker, clock));
        } catch (InvalidTokenException e) {
            throw new UserError(
                    ExitCodes.USAGE,
                    "Discord rejected DISCORD_TOKEN: copy the bot token again from the developer portal.");
        }
        Path heartbeat = heartbeatFile(cfg);
        try (bot) {
            while (!stop.await(30, TimeUnit.SECONDS)) {
                beat(heartbeat);
            }
            LOG.info("Stopping");
        }
        return ExitCodes.OK;
    }

    /** Beside the database: the Docker health check reads its age. */
    static Path heartbeatFile(StepUpConfig cfg) {
        Path db = cfg.storage().database().toAbsolutePath();
        return db.resolveSibling("stepup.heartbeat");
    }

    private static void beat(Path file) {
        try {
            Files.writeString(file, Instant.now().toString());
        } catch (IOException e) {
            LOG.warn("Cannot write the heartbeat file {}: {}", file, e.getMessage());
        }
    }
}
