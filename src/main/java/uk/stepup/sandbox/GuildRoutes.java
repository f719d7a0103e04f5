package uk.stepup.sandbox;

import static uk.stepup.sandbox.Permissions.MANAGE_CHANNELS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The guild itself and its channel list: {@code guilds/{g}} and {@code guilds/{g}/channels} (resources/guild#get-guild,
 * #create-guild-channel, #modify-guild-channel-positions). Creating a channel checks names, the 500-channel and
 * 50-per-category caps, the overwrite grant rules, and stores text channel names as Discord does.
 */
final class GuildRoutes {
    private final SandboxState state;
    private final RestChecks checks;

    GuildRoutes(SandboxState state, RestChecks checks) {
        this.state = state;
        this.checks = checks;
    }

    void register(RestApi.RouteTable routes) {
        routes.route("GET", "guilds/{guild_id}", r -> guildObject(checks.guild(r)));
        routes.route("GET", "guilds/{guild_id}/channels", this::listChannels);
        routes.created("POST", "guilds/{guild_id}/channels", this::createChannel);
        routes.route("PATCH", "guilds/{guild_id}/channels", this::moveChannels);
    }

    private JsonNode guildObject(SandboxGuild g) {
        synchronized (state) {
            ObjectNode o = state.guilds.guildJson(g);
            o.put("approximate_member_count", g.members.size());
            return o;
        }
    }

    private JsonNode listChannels(RestRequest r) {
        SandboxGuild g = checks.guild(r);
        ArrayNode out = Json.array();
        synchronized (state) {
            for (SandboxChannel c : g.channels()) {
                out.add(c.json());
            }
        }
        return out;
    }

    private JsonNode createChannel(RestRequest r) {
        SandboxGuild g = checks.guild(r);
        JsonNode b = r.json();
        synchronized (state) {
            FormErrors errs = new FormErrors();
            int type = Json.intValue(b, "type", 0);
            SandboxChannel.Kind kind = SandboxChannel.Kind.of(type).orElse(null);
            if (kind != SandboxChannel.Kind.TEXT && kind != SandboxChannel.Kind.CATEGORY) {
                throw ApiError.badRequest(
                        50035,
                        "Invalid Form Body",
                        "unsupported-channel-type",
                        "the sandbox models text channels (0) and categories (4), not type " + type);
            }
            String name = Json.text(b, "name");
            errs.lengthBetween("name", "channel-name-length", name, 1, 100);
            errs.maxLength("topic", "channel-topic-length", Json.text(b, "topic"), 1024);
            String parentId = Json.text(b, "parent_id");
            SandboxChannel parent = null;
            if (parentId != null) {
                parent = state.channels.get(parentId);
                if (parent == null || parent.deleted || !parent.isCategory() || !g.id().equals(parent.guildId())) {
                    errs.add(
                            "parent_id",
                            "channel-parent",
                            "CHANNEL_PARENT_INVALID",
                            "Parent " + parentId + " is not a category of this guild.");
                    parent = null;
                } else if (kind == SandboxChannel.Kind.CATEGORY) {
                    errs.add("parent_id", "channel-parent", "CHANNEL_PARENT_INVALID", "Categories cannot be nested.");
                }
            }
            List<PermissionOverwrite> overwrites = checks.parseOverwrites(g, b.path("permission_overwrites"), errs);
            errs.throwIfAny();
            if (parent != null) {
                checks.require(parent, MANAGE_CHANNELS, "creating a channel");
            } else {
                checks.requireGuild(g, MANAGE_CHANNELS, "creating a channel");
            }
            checks.checkOverwriteGrant(g, null, parent, overwrites, "creating channel " + name);
            long count = g.channelIds.stream()
                    .map(state.channels::get)
                    .filter(c -> c != null && !c.deleted && !c.isThread())
                    .count();
            if (count >= 500) {
                throw ApiError.badRequest(
                        30013,
                        "Maximum number of guild channels reached (500)",
                        "channel-count",
                        "guild " + g.name() + " is full");
            }
            if (parent != null) {
                String pid = parent.id();
                long children = g.channelIds.stream()
                        .map(state.channels::get)
                        .filter(c -> c != null && !c.deleted && pid.equals(c.parentId) && !c.isThread())
                        .count();
                if (children >= 50) {
                    throw ApiError.badRequest(
                            50035,
                            "Maximum number of channels in category reached (50)",
                            "category-full",
                            parent + " already has 50 channels");
                }
            }
            String stored = name;
            if (kind == SandboxChannel.Kind.TEXT) {
                stored = MessageRules.normaliseTextChannelName(name);
                if (stored.isEmpty()) {
                    throw new FormErrors().toError();
                }
                if (!stored.equals(name)) {
                    state.violation(
                            r.routeKey,
                            "channel-name-normalised",
                            "Discord stores text channel '" + name + "' as '" + stored
                                    + "'; look it up by the stored name");
                }
            }
            SandboxChannel c = state.channels.create(
                    g,
                    kind,
                    stored,
                    parent == null ? null : parent.id(),
                    Json.text(b, "topic"),
                    overwrites,
                    !b.has("permission_overwrites"));
            return c.json();
        }
    }

    private JsonNode moveChannels(RestRequest r) {
        SandboxGuild g = checks.guild(r);
        synchronized (state) {
            checks.requireGuild(g, MANAGE_CHANNELS, "moving channels");
            for (JsonNode m : r.json()) {
                SandboxChannel c = state.channels.get(Json.text(m, "id"));
                if (c != null && g.id().equals(c.guildId())) {
                    if (m.has("position")) {
                        c.position = m.get("position").asInt();
                    }
                    if (m.has("parent_id")) {
                        c.parentId = Json.text(m, "parent_id");
                    }
                    state.channels.dispatchUpdate(c);
                }
            }
        }
        return null;
    }
}
