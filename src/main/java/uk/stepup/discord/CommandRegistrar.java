package uk.stepup.discord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the slash commands per guild (instant, unlike global commands), and only when their definition changed,
 * so restarts do not churn Discord's command list. The servers are those configured ({@code STEPUP_GUILD_ID}, one or
 * several), or every server the bot is in when none is. As a listener it also registers them in a server the bot
 * joins while running (Discord's GUILD_CREATE for a new server, JDA's {@link GuildJoinEvent}), so an admin who invites
 * the bot to another configured server does not have to restart it.
 */
public final class CommandRegistrar extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRegistrar.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JDA jda;
    private final List<SlashCommandData> definitions;
    private final List<String> guildIds;

    /** @param guildIds the configured servers; empty for every server the bot is in */
    public CommandRegistrar(JDA jda, List<SlashCommandData> definitions, List<String> guildIds) {
        this.jda = jda;
        this.definitions = List.copyOf(definitions);
        this.guildIds = List.copyOf(guildIds);
    }

    /** Whether the bot serves this server: it is configured, or no server is configured. */
    public boolean serves(String guildId) {
        return guildIds.isEmpty() || guildIds.contains(guildId);
    }

    /** Registers in the configured guilds the bot is in, or in every guild it is in when none is configured. */
    public void register() {
        List<Guild> guilds = guildIds.isEmpty()
                ? jda.getGuilds()
                : guildIds.stream()
                        .map(jda::getGuildById)
                        .filter(Objects::nonNull)
                        .toList();
        for (String id : guildIds) {
            if (jda.getGuildById(id) == null) {
                LOG.warn(
                        "The bot is not in server {} yet; invite it (see README): its commands are registered when it"
                                + " joins, without a restart.",
                        id);
            }
        }
        if (guildIds.isEmpty() && guilds.isEmpty()) {
            LOG.warn(
                    "The bot is not in any server yet; invite it (see README): its commands are registered when it joins.");
        }
        guilds.forEach(this::register);
    }

    @Override
    public void onGuildJoin(GuildJoinEvent event) {
        Guild guild = event.getGuild();
        if (!serves(guild.getId())) {
            LOG.info(
                    "The bot was added to server {} ({}), which is not in STEPUP_GUILD_ID; add its id there to serve it.",
                    guild.getName(),
                    guild.getId());
            return;
        }
        LOG.info("The bot joined server {} ({}); registering its commands", guild.getName(), guild.getId());
        try {
            register(guild);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Could not register the slash commands in {} ({}): {}. Restart the bot to try again.",
                    guild.getName(),
                    guild.getId(),
                    e.getMessage());
        }
        // The same check as at start-up: an admin who ticked the wrong boxes hears it now, not at the first /cohort
        // create.
        PermissionSelfCheck.check(guild, List.of())
                .problems()
                .forEach(p -> LOG.warn("Permission check on server {} ({}): {}", guild.getId(), guild.getName(), p));
    }

    /** Registers the commands in one server, unless it already has exactly these. */
    void register(Guild guild) {
        Set<JsonNode> wanted = definitions.stream().map(CommandRegistrar::json).collect(Collectors.toSet());
        List<Command> current = guild.retrieveCommands().complete();
        Set<JsonNode> existing =
                current.stream().map(c -> json(SlashCommandData.fromCommand(c))).collect(Collectors.toSet());
        if (existing.equals(wanted)) {
            LOG.info("Slash commands in {} are up to date", guild.getName());
            return;
        }
        guild.updateCommands().addCommands(definitions).complete();
        LOG.info("Registered {} slash commands in {}", wanted.size(), guild.getName());
    }

    private static JsonNode json(CommandData data) {
        try {
            return JSON.readTree(data.toData().toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
