package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Application commands, global and per guild: {@code applications/{app}[/guilds/{g}]/commands[/{id}]} and the empty
 * {@code .../commands/permissions} (interactions/application-commands). Definitions are checked by
 * {@link MessageRules#checkCommand} and echoed as Discord stores them.
 */
final class CommandRoutes {
    private final SandboxState state;
    private final RestChecks checks;

    CommandRoutes(SandboxState state, RestChecks checks) {
        this.state = state;
        this.checks = checks;
    }

    void register(RestApi.RouteTable routes) {
        routes.route("GET", "applications/{application_id}/commands", r -> listCommands(r, null));
        routes.route("PUT", "applications/{application_id}/commands", r -> putCommands(r, null));
        routes.created("POST", "applications/{application_id}/commands", r -> postCommand(r, null));
        routes.route("GET", "applications/{application_id}/commands/{command_id}", r -> getCommand(r, null));
        routes.route("PATCH", "applications/{application_id}/commands/{command_id}", r -> patchCommand(r, null));
        routes.route("DELETE", "applications/{application_id}/commands/{command_id}", r -> deleteCommand(r, null));
        routes.route("GET", "applications/{application_id}/guilds/{guild_id}/commands/permissions", r -> Json.array());
        routes.route(
                "GET", "applications/{application_id}/guilds/{guild_id}/commands", r -> listCommands(r, guildIdFor(r)));
        routes.route(
                "PUT", "applications/{application_id}/guilds/{guild_id}/commands", r -> putCommands(r, guildIdFor(r)));
        routes.created(
                "POST", "applications/{application_id}/guilds/{guild_id}/commands", r -> postCommand(r, guildIdFor(r)));
        routes.route(
                "GET",
                "applications/{application_id}/guilds/{guild_id}/commands/{command_id}",
                r -> getCommand(r, guildIdFor(r)));
        routes.route(
                "PATCH",
                "applications/{application_id}/guilds/{guild_id}/commands/{command_id}",
                r -> patchCommand(r, guildIdFor(r)));
        routes.route(
                "DELETE",
                "applications/{application_id}/guilds/{guild_id}/commands/{command_id}",
                r -> deleteCommand(r, guildIdFor(r)));
    }

    private void checkApplication(RestRequest r) {
        if (!state.applicationId.equals(r.param("application_id"))) {
            throw ApiError.forbidden(
                    50001,
                    "Missing Access",
                    "wrong-application",
                    "application id " + r.param("application_id") + " is not this bot's (" + state.applicationId + ")");
        }
    }

    private String guildIdFor(RestRequest r) {
        return checks.guild(r).id();
    }

    private JsonNode listCommands(RestRequest r, String guildId) {
        checkApplication(r);
        ArrayNode out = Json.array();
        synchronized (state) {
            state.commands.scope(guildId).values().forEach(c -> out.add(c.deepCopy()));
        }
        return out;
    }

    private JsonNode putCommands(RestRequest r, String guildId) {
        checkApplication(r);
        JsonNode body = r.json();
        if (!body.isArray()) {
            throw ApiError.badRequest(50035, "Invalid Form Body", "commands-body", "PUT commands takes an array");
        }
        FormErrors errs = new FormErrors();
        Map<String, Integer> perType = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode c = body.get(i);
            MessageRules.checkCommand(c, i + ".", errs);
            int type = c.path("type").asInt(1);
            perType.merge(Integer.toString(type), 1, Integer::sum);
            if (!names.add(type + ":" + Json.text(c, "name"))) {
                errs.add(
                        i + ".name",
                        "command-duplicate",
                        "APPLICATION_COMMANDS_DUPLICATE_NAME",
                        "Application command names must be unique: " + Json.text(c, "name"));
            }
        }
        if (perType.getOrDefault("1", 0) > 100) {
            errs.add("", "command-count", "BASE_TYPE_MAX_LENGTH", "At most 100 slash commands per scope.");
        }
        errs.throwIfAny();
        ArrayNode out = Json.array();
        synchronized (state) {
            Map<String, ObjectNode> scope = state.commands.scope(guildId);
            Set<String> keep = new HashSet<>();
            body.forEach(c -> keep.add(Json.text(c, "name")));
            scope.keySet().removeIf(n -> !keep.contains(n));
            for (JsonNode c : body) {
                out.add(state.commands.store(guildId, c).deepCopy());
            }
        }
        return out;
    }

    private JsonNode postCommand(RestRequest r, String guildId) {
        checkApplication(r);
        FormErrors errs = new FormErrors();
        MessageRules.checkCommand(r.json(), "", errs);
        errs.throwIfAny();
        return state.commands.store(guildId, r.json()).deepCopy();
    }

    private ObjectNode commandById(String guildId, String id) {
        return state.commands.scope(guildId).values().stream()
                .filter(c -> id.equals(Json.text(c, "id")))
                .findFirst()
                .orElseThrow(() -> ApiError.unknown(10063, "application command"));
    }

    private JsonNode getCommand(RestRequest r, String guildId) {
        checkApplication(r);
        synchronized (state) {
            return commandById(guildId, r.param("command_id")).deepCopy();
        }
    }

    private JsonNode patchCommand(RestRequest r, String guildId) {
        checkApplication(r);
        synchronized (state) {
            ObjectNode existing = commandById(guildId, r.param("command_id"));
            ObjectNode merged = (ObjectNode) RestChecks.merge(existing, r.json());
            FormErrors errs = new FormErrors();
            MessageRules.checkCommand(merged, "", errs);
            errs.throwIfAny();
            state.commands.scope(guildId).remove(existing.get("name").asText());
            state.commands.scope(guildId).put(merged.get("name").asText(), existing);
            return state.commands.store(guildId, merged).deepCopy();
        }
    }

    private JsonNode deleteCommand(RestRequest r, String guildId) {
        checkApplication(r);
        synchronized (state) {
            ObjectNode existing = commandById(guildId, r.param("command_id"));
            state.commands.scope(guildId).remove(existing.get("name").asText());
            return null;
        }
    }
}
