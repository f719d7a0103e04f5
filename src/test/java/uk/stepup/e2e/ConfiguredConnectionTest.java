package uk.stepup.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
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
import uk.stepup.sandbox.SandboxUser;

/**
 * Pointing the bot at a Discord-compatible server needs only the environment variables; {@code STEPUP_GUILD_ID} may
 * list several servers, and a server the bot joins while running gets its commands without a restart.
 */
@ExtendWith(NoErrorLogs.class)
class ConfiguredConnectionTest {
    static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private StepUpConfig config(Sandbox sandbox, Optional<String> guildIds) {
        Map<String, String> env = new HashMap<>(Map.of(
                "STEPUP_DISCORD_API_URL", sandbox.restBaseUrl(),
                "STEPUP_DISCORD_GATEWAY_URL", sandbox.gatewayUrl(),
                "STEPUP_DB", dir.resolve("x.db").toString()));
        guildIds.ifPresent(ids -> env.put("STEPUP_GUILD_ID", ids));
        return new ConfigLoader(env).load(Optional.empty());
    }

    @Test
    void the_environment_variables_alone_point_the_bot_at_another_server() throws Exception {
        try (Sandbox sandbox = Sandbox.start()) {
            SandboxGuild guild = sandbox.createGuild("Elsewhere");
            StepUpConfig config = config(sandbox, Optional.of(guild.id()));
            try (BotModule bot = new BotModule(
                    config, sandbox.botToken(), BotHarness.CURRICULA, Clock.systemUTC(), ManualTimers::new)) {
                assertThat(bot.jda.getGuildById(guild.id())).isNotNull();
                assertThat(sandbox.command(guild, "checkin")).isPresent();
                assertThat(sandbox.command(guild, "cohort")).isPresent();
            }
        }
    }

    @Test
    void several_servers_in_the_list_each_get_the_commands_and_a_server_not_listed_gets_none() throws Exception {
        try (Sandbox sandbox = Sandbox.start()) {
            SandboxGuild north = sandbox.createGuild("Care Homes North");
            SandboxGuild south = sandbox.createGuild("Care Homes South");
            SandboxGuild other = sandbox.createGuild("Someone else's server");
            StepUpConfig config = config(sandbox, Optional.of(north.id() + ", " + south.id()));
            assertThat(config.discord().guildIds()).containsExactly(north.id(), south.id());
            try (BotModule bot = new BotModule(
                    config, sandbox.botToken(), BotHarness.CURRICULA, Clock.systemUTC(), ManualTimers::new)) {
                for (SandboxGuild g : new SandboxGuild[] {north, south}) {
                    assertThat(sandbox.command(g, "cohort")).as(g.name()).isPresent();
                    assertThat(sandbox.command(g, "summary")).as(g.name()).isPresent();
                }
                assertThat(other.commands()).isEmpty();
                // A server added while the bot runs that is not in the list stays without commands.
                SandboxGuild later = sandbox.createGuild("Added later, not listed");
                sandbox.await(WAIT, () -> bot.jda.getGuildById(later.id()) != null);
                assertThat(later.commands()).isEmpty();
            }
        }
    }

    @Test
    void a_server_the_bot_joins_while_running_gets_its_commands_without_a_restart() throws Exception {
        try (Sandbox sandbox = Sandbox.start()) {
            sandbox.createGuild("First");
            StepUpConfig config = config(sandbox, Optional.empty());
            try (BotModule bot = new BotModule(
                    config, sandbox.botToken(), BotHarness.CURRICULA, Clock.systemUTC(), ManualTimers::new)) {
                // The sandbox sends GUILD_CREATE for a server the bot joins while connected, as Discord does.
                SandboxGuild joined = sandbox.createGuild("Joined later");
                sandbox.await(WAIT, () -> sandbox.command(joined, "cohort").isPresent());
                SandboxUser coach = sandbox.createUser("coach.kim", "Kim (coach)");
                joined.addMember(coach, joined.createRole("Coach", 0));
                String reply = sandbox.as(coach, joined)
                        .slash(
                                "cohort create",
                                Map.of("name", "Autumn"),
                                joined.channelByName("general").orElseThrow())
                        .awaitReply(WAIT)
                        .content();
                assertThat(reply).contains("Cohort **Autumn** is ready");
                assertThat(bot.cohorts.byName(joined.id(), "Autumn")).isPresent();
            }
        }
    }
}
