package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The application's commands, global and per guild, stored the way Discord echoes them. Guarded by the state lock. */
final class CommandStore {
    private final SandboxState state;
    private final Map<String, ObjectNode> global = new LinkedHashMap<>();
    private final Map<String, Map<String, ObjectNode>> byGuild = new HashMap<>();

    CommandStore(SandboxState state) {
        this.state = state;
    }

    /** The commands of a guild, or the global ones for a null guild id, as copies. */
    List<SandboxCommand> list(String guildId) {
        synchronized (state) {
            Collection<ObjectNode> source = guildId == null
                    ? global.values()
                    : byGuild.getOrDefault(guildId, Map.of()).values();
            return source.stream().map(c -> new SandboxCommand(c.deepCopy())).toList();
        }
    }

    /** The live map of one scope (a guild's, or the global one for null), by command name. */
    Map<String, ObjectNode> scope(String guildId) {
        synchronized (state) {
            return guildId == null ? global : byGuild.computeIfAbsent(guildId, k -> new LinkedHashMap<>());
        }
    }

    /** The command a person in the guild sees under that name: the guild's own first, else the global one. */
    Optional<ObjectNode> find(String guildId, String name) {
        synchronized (state) {
            ObjectNode c = guildId == null
                    ? null
                    : byGuild.getOrDefault(guildId, Map.of()).get(name);
            if (c == null) {
                c = global.get(name);
            }
            return Optional.ofNullable(c);
        }
    }

    /** Stores a command definition the way Discord echoes it, keeping the id of a same-named command. */
    ObjectNode store(String guildId, JsonNode definition) {
        synchronized (state) {
            Map<String, ObjectNode> scope = scope(guildId);
            ObjectNode c = ((ObjectNode) definition).deepCopy();
            String name = c.path("name").asText();
            ObjectNode existing = scope.get(name);
            c.put("id", existing != null ? existing.get("id").asText() : state.nextId());
            c.put("application_id", state.applicationId);
            if (guildId != null) {
                c.put("guild_id", guildId);
            }
            c.put("version", state.nextId());
            if (!c.has("type")) {
                c.put("type", 1);
            }
            if (!c.has("default_member_permissions")) {
                c.putNull("default_member_permissions");
            }
            if (!c.has("nsfw")) {
                c.put("nsfw", false);
            }
            if (!c.has("options")) {
                c.putArray("options");
            }
            if (!c.has("integration_types")) {
                c.putArray("integration_types").add(0);
            }
            if (!c.hasNonNull("contexts")) {
                ArrayNode ctx = c.putArray("contexts");
                ctx.add(0);
                if (guildId == null && c.path("dm_permission").asBoolean(true)) {
                    ctx.add(1);
                }
            }
            scope.put(name, c);
            return c;
        }
    }
}
