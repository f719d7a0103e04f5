package uk.stepup.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.app.BotModule;
import uk.stepup.app.ManualTimers;
import uk.stepup.config.ConfigLoader;
import uk.stepup.config.StepUpConfig;
import uk.stepup.sandbox.Sandbox;
import uk.stepup.sandbox.SandboxGuild;

/** Pointing the bot at a Discord-compatible server needs only the two environment variables. */
@ExtendWith(NoErrorLogs.class)
class ConfiguredConnectionTest {
    @TempDir
    Path dir;

    @Test
    void the_environment_variables_alone_point_the_bot_at_another_server() throws Exception {
        try (Sandbox sandbox = Sandbox.start()) {
            SandboxGuild guild = sandbox.createGuild("Elsewhere");
            StepUpConfig config = new ConfigLoader(Map.of(
                    "STEPUP_DISCORD_API_URL", sandbox.restBaseUrl(),
                    "STEPUP_DISCORD_GATEWAY_URL", sandbox.gatewayUrl(),
                    "STEPUP_GUILD_ID", guild.id(),
                    "STEPUP_DB", dir.resolve("x.db").toString())).load(Optional.empty());
            try (BotModule bot = new BotModule(config, sandbox.botToken(), BotHarness.CURRICULA, Clock.systemUTC(), ManualTimers::new)) {
                assertThat(bot.jda.getGuildById(guild.id())).isNotNull();
                assertThat(sandbox.command(guild, "checkin")).isPresent();
                assertThat(sandbox.command(guild, "cohort")).isPresent();
            }
        }
    }
}
