package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An application command the bot registered (guild or global), as Discord stores it. */
public final class SandboxCommand {
    private final JsonNode json;

    SandboxCommand(JsonNode json) {
        this.json = json;
    }

    public String id() {
        return json.get("id").asText();
    }

    public String name() {
        return json.get("name").asText();
    }

    public String description() {
        return json.path("description").asText("");
    }

    /** The guild for guild commands, empty for global ones. */
    public Optional<String> guildId() {
        return Json.optText(json, "guild_id");
    }

    /** Names of subcommands, as {@code "create"} or {@code "group sub"}. */
    public List<String> subcommands() {
        List<String> out = new ArrayList<>();
        for (JsonNode o : json.path("options")) {
            int type = o.path("type").asInt();
            if (type == 1) {
                out.add(o.get("name").asText());
            } else if (type == 2) {
                for (JsonNode s : o.path("options")) {
                    out.add(o.get("name").asText() + " " + s.get("name").asText());
                }
            }
        }
        return out;
    }

    /** The raw command object (options, default_member_permissions, contexts...). */
    public JsonNode json() {
        return json.deepCopy();
    }

    @Override
    public String toString() {
        return "/" + name();
    }
}
