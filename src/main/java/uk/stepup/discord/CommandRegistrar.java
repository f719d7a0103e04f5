package uk.stepup.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the slash commands per guild (instant, unlike global commands), and only when their definition changed,
 * so restarts do not churn Discord's command list.
 */
public final class CommandRegistrar {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRegistrar.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JDA jda;
    private final List<SlashCommandData> definitions;

    public CommandRegistrar(JDA jda, List<SlashCommandData> definitions) {
        this.jda = jda;
        this.definitions = List.copyOf(definitions);
    }

    /** Registers in the given guilds, or in every guild the bot is in when none is configured. */
    public void register(List<String> guildIds) {
        List<Guild> guilds = guildIds.isEmpty() ? jda.getGuilds()
                : guildIds.stream().map(jda::getGuildById).filter(java.util.Objects::nonNull).toList();
        if (guilds.isEmpty()) {
            LOG.warn("The bot is not in any configured server yet; invite it (see README) and restart.");
        }
        Set<JsonNode> wanted = definitions.stream().map(CommandRegistrar::json).collect(Collectors.toSet());
        for (Guild guild : guilds) {
            List<Command> current = guild.retrieveCommands().complete();
            Set<JsonNode> existing = current.stream().map(c -> json(SlashCommandData.fromCommand(c))).collect(Collectors.toSet());
            if (existing.equals(wanted)) {
                LOG.info("Slash commands in {} are up to date", guild.getName());
                continue;
            }
            guild.updateCommands().addCommands(definitions).complete();
            LOG.info("Registered {} slash commands in {}", wanted.size(), guild.getName());
        }
    }

    private static JsonNode json(CommandData data) {
        try {
            return JSON.readTree(data.toData().toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
