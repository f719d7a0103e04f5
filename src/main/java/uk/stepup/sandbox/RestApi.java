package uk.stepup.sandbox;

import static uk.stepup.sandbox.Permissions.ADD_REACTIONS;
import static uk.stepup.sandbox.Permissions.ADMINISTRATOR;
import static uk.stepup.sandbox.Permissions.ATTACH_FILES;
import static uk.stepup.sandbox.Permissions.CREATE_EVENTS;
import static uk.stepup.sandbox.Permissions.CREATE_PRIVATE_THREADS;
import static uk.stepup.sandbox.Permissions.CREATE_PUBLIC_THREADS;
import static uk.stepup.sandbox.Permissions.EMBED_LINKS;
import static uk.stepup.sandbox.Permissions.MANAGE_CHANNELS;
import static uk.stepup.sandbox.Permissions.MANAGE_EVENTS;
import static uk.stepup.sandbox.Permissions.MANAGE_MESSAGES;
import static uk.stepup.sandbox.Permissions.MANAGE_ROLES;
import static uk.stepup.sandbox.Permissions.MANAGE_THREADS;
import static uk.stepup.sandbox.Permissions.PIN_MESSAGES;
import static uk.stepup.sandbox.Permissions.READ_MESSAGE_HISTORY;
import static uk.stepup.sandbox.Permissions.SEND_MESSAGES;
import static uk.stepup.sandbox.Permissions.SEND_MESSAGES_IN_THREADS;
import static uk.stepup.sandbox.Permissions.VIEW_CHANNEL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The REST routes JDA uses, with Discord's permission checks, limits and error codes. */
final class RestApi {
    /** Thrown for hidden shared limits (channel renames): answered 429 with scope "shared". */
    static final class SharedRateLimit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final double retryAfter;

        SharedRateLimit(double retryAfter) {
            super("shared rate limit", null, false, false);
            this.retryAfter = retryAfter;
        }
    }

    private final SandboxState state;
    private final Interactions interactions;
    private final RateLimiter limiter;
    private final List<RestRoute> routes = new ArrayList<>();

    RestApi(SandboxState state, Interactions interactions, RateLimiter limiter) {
        this.state = state;
        this.interactions = interactions;
        this.limiter = limiter;
        registerRoutes();
    }

    /** Every route served, in matching order (for the test that each one is a documented Discord operation). */
    List<RestRoute> routes() {
        return List.copyOf(routes);
    }

    RestRoute match(String method, List<String> path, Map<String, String> paramsOut) {
        for (RestRoute r : routes) {
            Map<String, String> p = r.match(method, path);
            if (p != null) {
                paramsOut.putAll(p);
                return r;
            }
        }
        return null;
    }

    private void route(String method, String template, RestRoute.Handler h) {
        routes.add(new RestRoute(method, template, h, false, 200));
    }

    private void created(String method, String template, RestRoute.Handler h) {
        routes.add(new RestRoute(method, template, h, false, 201));
    }

    private void interactionRoute(String method, String template, RestRoute.Handler h) {
        routes.add(new RestRoute(method, template, h, true, 200));
    }

    private String botId() {
        return state.botUser.id();
    }

    private void registerRoutes() {
        // Literal segments first where a parameter route of the same length exists.
        route("GET", "users/@me", r -> self());
        route("GET", "users/@me/guilds", r -> myGuilds());
        route("POST", "users/@me/channels", this::openDm);
        route("GET", "users/{user_id}", r -> user(r.param("user_id")).json());
        route("GET", "gateway", r -> gateway(false));
        route("GET", "gateway/bot", r -> gateway(true));
        route("GET", "oauth2/applications/@me", r -> application());
        route("GET", "applications/@me", r -> application());

        route("GET", "guilds/{guild_id}", r -> guildObject(guild(r)));
        route("GET", "guilds/{guild_id}/channels", this::listChannels);
        created("POST", "guilds/{guild_id}/channels", this::createChannel);
        route("PATCH", "guilds/{guild_id}/channels", this::moveChannels);
        route("GET", "guilds/{guild_id}/roles", this::listRoles);
        route("POST", "guilds/{guild_id}/roles", this::createRole);
        route("PATCH", "guilds/{guild_id}/roles", this::moveRoles);
        route(
                "GET",
                "guilds/{guild_id}/roles/{role_id}",
                r -> role(guild(r), r.param("role_id")).json());
        route("PATCH", "guilds/{guild_id}/roles/{role_id}", this::editRole);
        route("DELETE", "guilds/{guild_id}/roles/{role_id}", this::deleteRole);
        route("GET", "guilds/{guild_id}/members", this::listMembers);
        route("GET", "guilds/{guild_id}/members/{user_id}", this::getMember);
        route("PATCH", "guilds/{guild_id}/members/{user_id}", this::editMember);
        route("PUT", "guilds/{guild_id}/members/{user_id}/roles/{role_id}", r -> memberRole(r, true));
        route("DELETE", "guilds/{guild_id}/members/{user_id}/roles/{role_id}", r -> memberRole(r, false));
        route("GET", "guilds/{guild_id}/threads/active", this::activeThreads);
        route("GET", "guilds/{guild_id}/scheduled-events", this::listEvents);
        route("POST", "guilds/{guild_id}/scheduled-events", this::createEvent);
        route(
                "GET",
                "guilds/{guild_id}/scheduled-events/{event_id}",
                r -> event(guild(r), r.param("event_id")).json.deepCopy());
        route("PATCH", "guilds/{guild_id}/scheduled-events/{event_id}", this::editEvent);
        route("DELETE", "guilds/{guild_id}/scheduled-events/{event_id}", this::deleteEvent);
        route("GET", "guilds/{guild_id}/scheduled-events/{event_id}/users", r -> Json.array());

        route("GET", "channels/{channel_id}", r -> getChannel(r));
        route("PATCH", "channels/{channel_id}", this::editChannel);
        route("DELETE", "channels/{channel_id}", this::deleteChannel);
        route("PUT", "channels/{channel_id}/permissions/{overwrite_id}", this::putOverwrite);
        route("DELETE", "channels/{channel_id}/permissions/{overwrite_id}", this::deleteOverwrite);
        route("POST", "channels/{channel_id}/typing", r -> {
            visibleChannel(r);
            return null;
        });
        route("GET", "channels/{channel_id}/pins", r -> pinsLegacy(r));
        route("PUT", "channels/{channel_id}/pins/{message_id}", r -> pin(r, true));
        route("DELETE", "channels/{channel_id}/pins/{message_id}", r -> pin(r, false));
        route("GET", "channels/{channel_id}/messages/pins", r -> pins(r));
        route("PUT", "channels/{channel_id}/messages/pins/{message_id}", r -> pin(r, true));
        route("DELETE", "channels/{channel_id}/messages/pins/{message_id}", r -> pin(r, false));
        route("POST", "channels/{channel_id}/messages/bulk-delete", this::bulkDelete);
        route("GET", "channels/{channel_id}/messages", this::history);
        route("POST", "channels/{channel_id}/messages", this::sendMessage);
        route("GET", "channels/{channel_id}/messages/{message_id}", this::getMessage);
        route("PATCH", "channels/{channel_id}/messages/{message_id}", this::editMessage);
        route("DELETE", "channels/{channel_id}/messages/{message_id}", this::deleteMessage);
        route("PUT", "channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", r -> reaction(r, true));
        route("DELETE", "channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", r -> reaction(r, false));
        route("GET", "channels/{channel_id}/messages/{message_id}/reactions/{emoji}", this::reactionUsers);
        route("DELETE", "channels/{channel_id}/messages/{message_id}/reactions", this::clearReactions);
        created("POST", "channels/{channel_id}/messages/{message_id}/threads", this::threadFromMessage);
        created("POST", "channels/{channel_id}/threads", this::threadWithoutMessage);
        route("PUT", "channels/{channel_id}/thread-members/@me", r -> threadMember(r, botId(), true));
        route("DELETE", "channels/{channel_id}/thread-members/@me", r -> threadMember(r, botId(), false));
        route("GET", "channels/{channel_id}/thread-members", this::threadMembers);
        route("GET", "channels/{channel_id}/threads/archived/public", this::archivedPublicThreads);
        route("PUT", "channels/{channel_id}/thread-members/{user_id}", r -> threadMember(r, r.param("user_id"), true));
        route(
                "DELETE",
                "channels/{channel_id}/thread-members/{user_id}",
                r -> threadMember(r, r.param("user_id"), false));

        route("GET", "applications/{application_id}/commands", r -> listCommands(r, null));
        route("PUT", "applications/{application_id}/commands", r -> putCommands(r, null));
        created("POST", "applications/{application_id}/commands", r -> postCommand(r, null));
        route("GET", "applications/{application_id}/commands/{command_id}", r -> getCommand(r, null));
        route("PATCH", "applications/{application_id}/commands/{command_id}", r -> patchCommand(r, null));
        route("DELETE", "applications/{application_id}/commands/{command_id}", r -> deleteCommand(r, null));
        route("GET", "applications/{application_id}/guilds/{guild_id}/commands/permissions", r -> Json.array());
        route("GET", "applications/{application_id}/guilds/{guild_id}/commands", r -> listCommands(r, guildIdFor(r)));
        route("PUT", "applications/{application_id}/guilds/{guild_id}/commands", r -> putCommands(r, guildIdFor(r)));
        created("POST", "applications/{application_id}/guilds/{guild_id}/commands", r -> postCommand(r, guildIdFor(r)));
        route(
                "GET",
                "applications/{application_id}/guilds/{guild_id}/commands/{command_id}",
                r -> getCommand(r, guildIdFor(r)));
        route(
                "PATCH",
                "applications/{application_id}/guilds/{guild_id}/commands/{command_id}",
                r -> patchCommand(r, guildIdFor(r)));
        route(
                "DELETE",
                "applications/{application_id}/guilds/{guild_id}/commands/{command_id}",
                r -> deleteCommand(r, guildIdFor(r)));

        interactionRoute(
                "POST",
                "interactions/{interaction_id}/{token}/callback",
                r -> interactions.callback(
                        r.param("interaction_id"),
                        r.param("token"),
                        r.json(),
                        r.uploads(),
                        "true".equals(r.query("with_response"))));
        interactionRoute("POST", "webhooks/{application_id}/{token}", r -> {
            MessageRecord m = interactions.followUp(r.param("application_id"), r.param("token"), r.json(), r.uploads());
            return "true".equals(r.query("wait")) ? m.toJson(botId()) : null;
        });
        interactionRoute("GET", "webhooks/{application_id}/{token}/messages/{message_id}", r -> {
            synchronized (state) {
                InteractionHandle h = interactions.byToken(r.param("application_id"), r.param("token"));
                return interactions.webhookMessage(h, r.param("message_id")).toJson(botId());
            }
        });
        interactionRoute(
                "PATCH",
                "webhooks/{application_id}/{token}/messages/{message_id}",
                r -> interactions
                        .editWebhookMessage(
                                r.param("application_id"),
                                r.param("token"),
                                r.param("message_id"),
                                r.json(),
                                r.uploads())
                        .toJson(botId()));
        interactionRoute("DELETE", "webhooks/{application_id}/{token}/messages/{message_id}", r -> {
            synchronized (state) {
                InteractionHandle h = interactions.byToken(r.param("application_id"), r.param("token"));
                state.messages.delete(interactions.webhookMessage(h, r.param("message_id")));
                return null;
            }
        });
    }

    // ---- lookups and checks ----

    private SandboxUser user(String id) {
        return state.user(id).orElseThrow(() -> ApiError.unknown(10013, "User"));
    }

    private SandboxGuild guild(RestRequest r) {
        SandboxGuild g = state.guilds.find(r.param("guild_id")).orElseThrow(() -> ApiError.unknown(10004, "Guild"));
        if (!g.members.containsKey(botId())) {
            throw ApiError.missingAccess("the bot is not in guild " + g.name());
        }
        return g;
    }

    private String guildIdFor(RestRequest r) {
        return guild(r).id();
    }

    private SandboxRole role(SandboxGuild g, String id) {
        SandboxRole role = g.roles.get(id);
        if (role == null) {
            throw ApiError.unknown(10011, "Role");
        }
        return role;
    }

    private SandboxChannel channel(RestRequest r) {
        SandboxChannel c = state.channels
                .find(r.param("channel_id"))
                .filter(x -> !x.deleted)
                .orElseThrow(() -> ApiError.unknown(10003, "Channel"));
        return c;
    }

    /** The channel, which the bot must be able to see. */
    private SandboxChannel visibleChannel(RestRequest r) {
        SandboxChannel c = channel(r);
        long p = PermissionMath.inChannel(c, botId());
        if ((p & VIEW_CHANNEL) == 0) {
            throw ApiError.missingAccess(r.routeKey + ": the bot cannot view " + c);
        }
        return c;
    }

    private void require(SandboxChannel c, long bits, String action) {
        long p = PermissionMath.inChannel(c, botId());
        if ((p & VIEW_CHANNEL) == 0) {
            throw ApiError.missingAccess(action + ": the bot cannot view " + c);
        }
        long missing = bits & ~p;
        if (missing != 0) {
            throw ApiError.missingPermissions(action + " in " + c + " needs " + Permissions.names(missing));
        }
    }

    private void requireGuild(SandboxGuild g, long bits, String action) {
        long p = PermissionMath.base(g, botId());
        long missing = bits & ~p;
        if (missing != 0) {
            throw ApiError.missingPermissions(action + " in " + g.name() + " needs " + Permissions.names(missing));
        }
    }

    private void requireManageable(SandboxGuild g, SandboxRole role, String action) {
        int highest = PermissionMath.highestPosition(g, botId());
        if (!g.ownerId.equals(botId()) && role.position() >= highest) {
            throw ApiError.missingPermissions(action + ": " + role + " (position " + role.position()
                    + ") is not below the bot's highest role (position " + highest + ")");
        }
    }

    /**
     * Discord: "only permissions your bot has in the guild or parent channel (if applicable) can be allowed/denied
     * (unless your bot has a MANAGE_ROLES overwrite in the channel)", and "setting MANAGE_ROLES permission in channels is
     * only possible for guild administrators" (developer docs: resources/guild#create-guild-channel,
     * resources/channel#edit-channel-permissions). Setting overwrites at all needs MANAGE_ROLES.
     *
     * @param channel the channel whose overwrites are edited, or null when one is created
     * @param parent the category of the channel created or edited, or null
     */
    private void checkOverwriteGrant(
            SandboxGuild g,
            SandboxChannel channel,
            SandboxChannel parent,
            List<PermissionOverwrite> overwrites,
            String action) {
        if (overwrites.isEmpty()) {
            return;
        }
        long base = PermissionMath.base(g, botId());
        if ((base & ADMINISTRATOR) != 0) {
            return;
        }
        long inChannel = channel != null
                ? PermissionMath.inChannel(channel, botId())
                : parent != null ? PermissionMath.inChannel(parent, botId()) : base;
        if ((inChannel & MANAGE_ROLES) == 0 && (base & MANAGE_ROLES) == 0) {
            throw ApiError.missingPermissions(action + ": setting permission overwrites needs MANAGE_ROLES");
        }
        long have = base | (parent == null ? 0 : PermissionMath.inChannel(parent, botId()));
        boolean explicitManageRoles = channel != null && hasManageRolesOverwrite(g, channel);
        for (PermissionOverwrite o : overwrites) {
            long bits = o.allow() | o.deny();
            if ((bits & MANAGE_ROLES) != 0) {
                throw ApiError.missingPermissions(
                        action + ": only administrators can set MANAGE_ROLES in an overwrite (for " + o.id() + ")");
            }
            long missing = bits & ~have;
            if (missing != 0 && !explicitManageRoles) {
                throw ApiError.missingPermissions(
                        action + ": the bot cannot allow/deny permissions it lacks in the server"
                                + (parent == null ? "" : " or the category") + ": " + Permissions.names(missing)
                                + " (overwrite for " + o.id() + ")");
            }
        }
    }

    /** True if the channel's own overwrites (for the bot, or a role it holds) allow MANAGE_ROLES. */
    private boolean hasManageRolesOverwrite(SandboxGuild g, SandboxChannel channel) {
        SandboxGuild.MemberState self = g.members.get(botId());
        return channel.overwrites.values().stream()
                .anyMatch(o -> (o.allow() & MANAGE_ROLES) != 0
                        && (o.id().equals(botId()) || self != null && self.roleIds.contains(o.id())));
    }

    private SandboxChannel parentOf(SandboxChannel c) {
        return c.parentId == null ? null : state.channels.get(c.parentId);
    }

    private List<PermissionOverwrite> parseOverwrites(SandboxGuild g, JsonNode array, FormErrors errs) {
        List<PermissionOverwrite> out = new ArrayList<>();
        int i = 0;
        for (JsonNode o : array) {
            String id = Json.text(o, "id");
            JsonNode t = o.get("type");
            int type = t == null
                    ? -1
                    : t.isNumber()
                            ? t.asInt()
                            : "member".equals(t.asText())
                                    ? 1
                                    : "role".equals(t.asText()) ? 0 : Integer.parseInt(t.asText());
            boolean known = type == 0 ? g.roles.containsKey(id) : type == 1 && g.members.containsKey(id);
            if (!known) {
                errs.add(
                        "permission_overwrites." + i + ".id",
                        "overwrite-target",
                        "UNKNOWN_OVERWRITE",
                        "No " + (type == 0 ? "role" : "member") + " with id " + id + " in this guild.");
            } else {
                out.add(new PermissionOverwrite(id, type, Json.longValue(o, "allow", 0), Json.longValue(o, "deny", 0)));
            }
            i++;
        }
        return out;
    }

    // ---- self, users, gateway ----

    private JsonNode self() {
        ObjectNode u = state.botUser.json();
        u.put("verified", true);
        u.put("mfa_enabled", false);
        u.put("flags", 0);
        u.putNull("email");
        u.putNull("banner");
        u.putNull("accent_color");
        u.put("locale", "en-GB");
        return u;
    }

    private JsonNode myGuilds() {
        ArrayNode out = Json.array();
        for (SandboxGuild g : state.guilds.botGuilds()) {
            ObjectNode o = out.addObject();
            o.put("id", g.id());
            o.put("name", g.name());
            o.putNull("icon");
            o.put("owner", false);
            o.put("permissions", Long.toString(PermissionMath.base(g, botId())));
            o.putArray("features");
        }
        return out;
    }

    private JsonNode gateway(boolean bot) {
        ObjectNode o = Json.object();
        o.put("url", state.httpBase.replace("http://", "ws://") + "/gateway");
        if (bot) {
            o.put("shards", 1);
            ObjectNode limit = o.putObject("session_start_limit");
            limit.put("total", 1000);
            limit.put("remaining", 999);
            limit.put("reset_after", 86_400_000);
            limit.put("max_concurrency", 1);
        }
        return o;
    }

    private JsonNode application() {
        ObjectNode a = Json.object();
        a.put("id", state.applicationId);
        a.put("name", state.options.botDisplayName());
        a.putNull("icon");
        a.put("description", "");
        a.putArray("rpc_origins");
        a.put("bot_public", false);
        a.put("bot_require_code_grant", false);
        a.set("bot", state.botUser.json());
        a.set(
                "owner",
                state.users.values().stream()
                        .filter(u -> !u.isBot())
                        .findFirst()
                        .map(SandboxUser::json)
                        .orElse(state.botUser.json()));
        a.putNull("team");
        a.put("verify_key", "0".repeat(64));
        a.put("flags", 0);
        a.putArray("tags");
        a.put("hook", true);
        a.put("approximate_guild_count", state.guilds.botGuilds().size());
        a.putArray("redirect_uris");
        a.putNull("interactions_endpoint_url");
        return a;
    }

    private JsonNode openDm(RestRequest r) {
        String recipient = Json.text(r.json(), "recipient_id");
        SandboxUser u = user(recipient);
        if (u.isBot()) {
            throw new ApiError(400, 50007, "Cannot send messages to this user", null, List.of());
        }
        return state.channels.openDm(u).json();
    }

    // ---- guilds, channels ----

    private JsonNode guildObject(SandboxGuild g) {
        synchronized (state) {
            ObjectNode o = state.guilds.guildJson(g);
            o.put("approximate_member_count", g.members.size());
            return o;
        }
    }

    private JsonNode listChannels(RestRequest r) {
        SandboxGuild g = guild(r);
        ArrayNode out = Json.array();
        synchronized (state) {
            for (SandboxChannel c : g.channels()) {
                out.add(c.json());
            }
        }
        return out;
    }

    private JsonNode createChannel(RestRequest r) {
        SandboxGuild g = guild(r);
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
            List<PermissionOverwrite> overwrites = parseOverwrites(g, b.path("permission_overwrites"), errs);
            errs.throwIfAny();
            if (parent != null) {
                require(parent, MANAGE_CHANNELS, "creating a channel");
            } else {
                requireGuild(g, MANAGE_CHANNELS, "creating a channel");
            }
            checkOverwriteGrant(g, null, parent, overwrites, "creating channel " + name);
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
        SandboxGuild g = guild(r);
        synchronized (state) {
            requireGuild(g, MANAGE_CHANNELS, "moving channels");
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

    private JsonNode getChannel(RestRequest r) {
        synchronized (state) {
            return visibleChannel(r).json();
        }
    }

    private JsonNode editChannel(RestRequest r) {
        JsonNode b = r.json();
        synchronized (state) {
            SandboxChannel c = channel(r);
            SandboxGuild g = c.guild()
                    .orElseThrow(() -> ApiError.badRequest(
                            50003, "Cannot execute action on a DM channel", "dm-channel", "PATCH on a DM"));
            FormErrors errs = new FormErrors();
            if (c.isThread()) {
                long p = PermissionMath.inChannel(c, botId());
                boolean owner = botId().equals(c.ownerId);
                if ((p & VIEW_CHANNEL) == 0) {
                    throw ApiError.missingAccess("editing thread " + c);
                }
                boolean onlyUnarchive =
                        b.size() == 1 && b.has("archived") && !b.get("archived").asBoolean();
                if (!owner && (p & MANAGE_THREADS) == 0 && !onlyUnarchive) {
                    throw ApiError.missingPermissions(
                            "editing thread " + c + " needs MANAGE_THREADS (or being its owner)");
                }
                if (b.has("name")) {
                    errs.lengthBetween("name", "thread-name-length", Json.text(b, "name"), 1, 100);
                }
                checkArchiveDuration(b, errs);
                errs.throwIfAny();
                if (b.has("name")) {
                    c.name = Json.text(b, "name");
                }
                if (b.has("locked")) {
                    c.locked = b.get("locked").asBoolean();
                }
                if (b.has("auto_archive_duration")
                        && b.get("auto_archive_duration").asInt() != c.autoArchiveMinutes) {
                    // A new auto-archive time is activity and moves archive_timestamp (topics/threads#thread-fields).
                    c.autoArchiveMinutes = b.get("auto_archive_duration").asInt();
                    c.archiveTimestamp = state.now();
                    c.lastActivity = c.archiveTimestamp;
                    state.channels.archiveTimerChanged();
                }
                if (b.has("archived") && b.get("archived").asBoolean() != c.archived) {
                    state.channels.setArchived(c, b.get("archived").asBoolean());
                } else {
                    state.channels.dispatchUpdate(c);
                }
                return c.json();
            }
            require(c, MANAGE_CHANNELS, "editing " + c);
            String name = b.has("name") ? Json.text(b, "name") : null;
            if (b.has("name")) {
                errs.lengthBetween("name", "channel-name-length", name, 1, 100);
            }
            errs.maxLength("topic", "channel-topic-length", Json.text(b, "topic"), 1024);
            List<PermissionOverwrite> overwrites =
                    b.has("permission_overwrites") ? parseOverwrites(g, b.get("permission_overwrites"), errs) : null;
            String newParent = c.parentId;
            if (b.has("parent_id")) {
                newParent = Json.text(b, "parent_id");
                SandboxChannel parent = newParent == null ? null : state.channels.get(newParent);
                if (newParent != null && (parent == null || !parent.isCategory() || c.isCategory())) {
                    errs.add(
                            "parent_id",
                            "channel-parent",
                            "CHANNEL_PARENT_INVALID",
                            "Parent must be a category of this guild.");
                }
            }
            errs.throwIfAny();
            if (overwrites != null) {
                checkOverwriteGrant(g, c, parentOf(c), overwrites, "editing overwrites of " + c);
            }
            String stored = name;
            if (name != null && c.kind() == SandboxChannel.Kind.TEXT) {
                stored = MessageRules.normaliseTextChannelName(name);
                if (!stored.equals(name)) {
                    state.violation(
                            r.routeKey,
                            "channel-name-normalised",
                            "Discord stores text channel '" + name + "' as '" + stored + "'");
                }
            }
            boolean renames = name != null && !stored.equals(c.name)
                    || b.has("topic") && !Objects.equals(Json.text(b, "topic"), c.topic);
            if (renames) {
                double wait =
                        limiter.acquireShared("rename:" + c.id(), state.options.channelRenameLimit(), state.limiting());
                if (wait > 0) {
                    throw new SharedRateLimit(wait);
                }
            }
            if (name != null) {
                c.name = stored;
            }
            if (b.has("topic")) {
                c.topic = Json.text(b, "topic");
            }
            if (b.has("position")) {
                c.position = b.get("position").asInt();
            }
            if (b.has("nsfw")) {
                c.nsfw = b.get("nsfw").asBoolean();
            }
            if (b.has("rate_limit_per_user")) {
                c.slowmode = b.get("rate_limit_per_user").asInt();
            }
            if (b.has("parent_id")) {
                c.parentId = newParent;
                if (overwrites == null
                        && newParent != null
                        && b.path("lock_permissions").asBoolean(false)) {
                    c.overwrites.clear();
                    c.overwrites.putAll(state.channels.get(newParent).overwrites);
                }
            }
            if (overwrites != null) {
                c.overwrites.clear();
                overwrites.forEach(o -> c.overwrites.put(o.id(), o));
            }
            state.channels.dispatchUpdate(c);
            return c.json();
        }
    }

    /** Discord: a thread's auto-archive time is 60, 1440, 4320 or 10080 minutes (resources/channel#thread-metadata-object). */
    private static void checkArchiveDuration(JsonNode b, FormErrors errs) {
        if (b.has("auto_archive_duration")
                && !validArchive(b.get("auto_archive_duration").asInt())) {
            errs.add(
                    "auto_archive_duration",
                    "thread-archive-duration",
                    "BASE_TYPE_CHOICES",
                    "Value must be one of {60, 1440, 4320, 10080}.");
        }
    }

    private static boolean validArchive(int minutes) {
        return minutes == 60 || minutes == 1440 || minutes == 4320 || minutes == 10080;
    }

    private JsonNode deleteChannel(RestRequest r) {
        synchronized (state) {
            SandboxChannel c = channel(r);
            if (c.isDm()) {
                return c.json();
            }
            require(c, c.isThread() ? MANAGE_THREADS : MANAGE_CHANNELS, "deleting " + c);
            ObjectNode json = c.json();
            state.channels.delete(c);
            return json;
        }
    }

    private JsonNode putOverwrite(RestRequest r) {
        JsonNode b = r.json();
        synchronized (state) {
            SandboxChannel c = channel(r);
            SandboxGuild g = c.guild()
                    .orElseThrow(() -> ApiError.badRequest(
                            50003, "Cannot execute action on a DM channel", "dm-channel", "overwrite on a DM"));
            if (c.isThread()) {
                throw ApiError.badRequest(
                        50024,
                        "Cannot execute action on this channel type",
                        "thread-overwrite",
                        "threads have no overwrites");
            }
            ObjectNode o = ((ObjectNode) b).deepCopy();
            o.put("id", r.param("overwrite_id"));
            FormErrors errs = new FormErrors();
            List<PermissionOverwrite> parsed = parseOverwrites(g, Json.array().add(o), errs);
            errs.throwIfAny();
            require(c, 0, "editing overwrites of " + c);
            checkOverwriteGrant(g, c, parentOf(c), parsed, "editing overwrites of " + c);
            state.channels.putOverwrite(c, parsed.get(0));
            return null;
        }
    }

    private JsonNode deleteOverwrite(RestRequest r) {
        synchronized (state) {
            SandboxChannel c = channel(r);
            SandboxGuild g = c.guild().orElseThrow();
            checkOverwriteGrant(
                    g,
                    c,
                    parentOf(c),
                    List.of(new PermissionOverwrite(r.param("overwrite_id"), 0, 0, 0)),
                    "deleting an overwrite");
            if (c.overwrites.remove(r.param("overwrite_id")) != null) {
                state.channels.dispatchUpdate(c);
            }
            return null;
        }
    }

    // ---- roles and members ----

    private JsonNode listRoles(RestRequest r) {
        SandboxGuild g = guild(r);
        ArrayNode out = Json.array();
        synchronized (state) {
            g.roles.values().forEach(role -> out.add(role.json()));
        }
        return out;
    }

    private JsonNode createRole(RestRequest r) {
        SandboxGuild g = guild(r);
        JsonNode b = r.json();
        synchronized (state) {
            requireGuild(g, MANAGE_ROLES, "creating a role");
            String name = b.hasNonNull("name") ? Json.text(b, "name") : "new role";
            FormErrors errs = new FormErrors();
            errs.maxLength("name", "role-name-length", name, 100);
            errs.throwIfAny();
            long perms = b.hasNonNull("permissions")
                    ? Json.longValue(b, "permissions", 0)
                    : g.everyoneRole().permissions();
            checkRoleGrant(g, perms, "creating role " + name);
            if (g.roles.size() >= 250) {
                throw ApiError.badRequest(
                        30005,
                        "Maximum number of guild roles reached (250)",
                        "role-count",
                        g.name() + " has 250 roles");
            }
            int colour =
                    b.has("colors") ? Json.intValue(b.get("colors"), "primary_color", 0) : Json.intValue(b, "color", 0);
            SandboxRole role = state.guilds.createRole(
                    g,
                    name,
                    perms,
                    colour,
                    b.path("hoist").asBoolean(false),
                    b.path("mentionable").asBoolean(false));
            return role.json();
        }
    }

    private void checkRoleGrant(SandboxGuild g, long perms, String action) {
        long base = PermissionMath.base(g, botId());
        if ((base & ADMINISTRATOR) == 0 && (perms & ~base) != 0) {
            throw ApiError.missingPermissions(
                    action + ": cannot grant permissions the bot lacks: " + Permissions.names(perms & ~base));
        }
    }

    private JsonNode moveRoles(RestRequest r) {
        SandboxGuild g = guild(r);
        synchronized (state) {
            requireGuild(g, MANAGE_ROLES, "moving roles");
            for (JsonNode m : r.json()) {
                SandboxRole role = role(g, Json.text(m, "id"));
                requireManageable(g, role, "moving " + role);
                int pos = m.path("position").asInt(role.position());
                if (pos >= PermissionMath.highestPosition(g, botId())) {
                    throw ApiError.missingPermissions("cannot move " + role + " to or above the bot's highest role");
                }
                state.guilds.updateRole(g, role, x -> x.position = pos);
            }
        }
        return listRoles(r);
    }

    private JsonNode editRole(RestRequest r) {
        SandboxGuild g = guild(r);
        JsonNode b = r.json();
        synchronized (state) {
            requireGuild(g, MANAGE_ROLES, "editing a role");
            SandboxRole role = role(g, r.param("role_id"));
            requireManageable(g, role, "editing " + role);
            FormErrors errs = new FormErrors();
            if (b.has("name")) {
                errs.lengthBetween("name", "role-name-length", Json.text(b, "name"), 1, 100);
            }
            errs.throwIfAny();
            if (b.hasNonNull("permissions")) {
                checkRoleGrant(g, Json.longValue(b, "permissions", 0), "editing " + role);
            }
            state.guilds.updateRole(g, role, x -> {
                if (b.has("name")) {
                    x.name = Json.text(b, "name");
                }
                if (b.hasNonNull("permissions")) {
                    x.permissions = Json.longValue(b, "permissions", 0);
                }
                if (b.has("mentionable")) {
                    x.mentionable = b.get("mentionable").asBoolean();
                }
                if (b.has("hoist")) {
                    x.hoist = b.get("hoist").asBoolean();
                }
                if (b.has("colors")) {
                    x.colour = Json.intValue(b.get("colors"), "primary_color", 0);
                } else if (b.has("color")) {
                    x.colour = Json.intValue(b, "color", 0);
                }
            });
            return role.json();
        }
    }

    private JsonNode deleteRole(RestRequest r) {
        SandboxGuild g = guild(r);
        synchronized (state) {
            requireGuild(g, MANAGE_ROLES, "deleting a role");
            SandboxRole role = role(g, r.param("role_id"));
            if (role.isEveryone() || role.isManaged()) {
                throw ApiError.badRequest(50028, "Invalid role", "role-undeletable", role + " cannot be deleted");
            }
            requireManageable(g, role, "deleting " + role);
            state.guilds.deleteRole(g, role);
            return null;
        }
    }

    private JsonNode listMembers(RestRequest r) {
        SandboxGuild g = guild(r);
        if (!state.options.guildMembersApproved()) {
            throw ApiError.missingAccess("listing members needs the GUILD_MEMBERS privileged intent");
        }
        int limit = Math.max(1, Math.min(1000, parseInt(r.query("limit"), 1)));
        String after = r.query("after");
        ArrayNode out = Json.array();
        synchronized (state) {
            g.members.keySet().stream()
                    .filter(id -> after == null
                            || Long.compareUnsigned(Long.parseUnsignedLong(id), Long.parseUnsignedLong(after)) > 0)
                    .sorted(Comparator.comparing(Long::parseUnsignedLong))
                    .limit(limit)
                    .forEach(id -> out.add(state.guilds.memberJson(g, id)));
        }
        return out;
    }

    private JsonNode getMember(RestRequest r) {
        SandboxGuild g = guild(r);
        synchronized (state) {
            if (!g.members.containsKey(r.param("user_id"))) {
                throw ApiError.unknown(10007, "Member");
            }
            return state.guilds.memberJson(g, r.param("user_id"));
        }
    }

    private JsonNode editMember(RestRequest r) {
        SandboxGuild g = guild(r);
        JsonNode b = r.json();
        synchronized (state) {
            SandboxGuild.MemberState m = g.members.get(r.param("user_id"));
            if (m == null) {
                throw ApiError.unknown(10007, "Member");
            }
            if (b.has("roles")) {
                requireGuild(g, MANAGE_ROLES, "changing roles");
                Set<String> wanted = new HashSet<>();
                b.get("roles").forEach(x -> wanted.add(x.asText()));
                Set<String> changed = new HashSet<>(wanted);
                changed.removeAll(m.roleIds);
                Set<String> removed = new HashSet<>(m.roleIds);
                removed.removeAll(wanted);
                changed.addAll(removed);
                for (String rid : changed) {
                    SandboxRole role = role(g, rid);
                    if (role.isManaged() || role.isEveryone()) {
                        throw ApiError.forbidden(
                                50013, "Missing Permissions", "missing-permissions", role + " cannot be assigned");
                    }
                    requireManageable(g, role, "assigning " + role);
                }
                m.roleIds.clear();
                m.roleIds.addAll(wanted);
            }
            if (b.has("nick")) {
                requireGuild(g, Permissions.MANAGE_NICKNAMES, "changing a nickname");
                m.nick = Json.text(b, "nick");
            }
            state.guilds.dispatchMemberUpdate(g, m);
            return state.guilds.memberJson(g, m.user.id());
        }
    }

    private JsonNode memberRole(RestRequest r, boolean add) {
        SandboxGuild g = guild(r);
        synchronized (state) {
            requireGuild(g, MANAGE_ROLES, add ? "adding a role" : "removing a role");
            SandboxRole role = role(g, r.param("role_id"));
            if (!g.members.containsKey(r.param("user_id"))) {
                throw ApiError.unknown(10007, "Member");
            }
            if (role.isManaged() || role.isEveryone()) {
                throw ApiError.forbidden(
                        50013, "Missing Permissions", "missing-permissions", role + " cannot be assigned or removed");
            }
            requireManageable(g, role, (add ? "adding " : "removing ") + role);
            state.guilds.changeMemberRole(g, state.users.get(r.param("user_id")), role, add);
            return null;
        }
    }

    // ---- messages ----

    private JsonNode sendMessage(RestRequest r) {
        JsonNode b = r.json();
        List<Drafts.Upload> uploads = r.uploads();
        synchronized (state) {
            SandboxChannel c = channel(r);
            if (c.isDm()) {
                SandboxUser to = c.recipient;
                boolean sharesGuild = state.guilds.botGuilds().stream().anyMatch(g -> g.members.containsKey(to.id()));
                if (!to.acceptsDirectMessages() || !sharesGuild) {
                    throw new ApiError(403, 50007, "Cannot send messages to this user", null, List.of());
                }
            } else {
                long needed = c.isThread() ? SEND_MESSAGES_IN_THREADS : SEND_MESSAGES;
                if (b.path("embeds").size() > 0) {
                    needed |= EMBED_LINKS;
                }
                if (!uploads.isEmpty()) {
                    needed |= ATTACH_FILES;
                }
                if (b.hasNonNull("message_reference")) {
                    needed |= READ_MESSAGE_HISTORY;
                }
                require(c, needed, "sending a message");
                // Sending unarchives an archived thread unless a moderator locked it; without MANAGE_THREADS nobody
                // posts in
                // a locked thread (topics/threads#locked-threads, topics/threads#active-archived-threads).
                if (c.isThread() && c.locked && (PermissionMath.inChannel(c, botId()) & MANAGE_THREADS) == 0) {
                    if (c.archived) {
                        throw ApiError.badRequest(
                                50083, "Thread is archived", "thread-archived", c + " is archived and locked");
                    }
                    throw ApiError.forbidden(160005, "Thread is locked", "thread-locked", c + " is locked");
                }
            }
            String nonce = Json.text(b, "nonce");
            String nonceKey = c.id() + ":" + nonce;
            if (nonce != null
                    && b.path("enforce_nonce").asBoolean(false)
                    && state.messages.nonces.containsKey(nonceKey)) {
                MessageRecord existing = state.messages.get(state.messages.nonces.get(nonceKey));
                if (existing != null) {
                    return existing.toJson(botId());
                }
            }
            if (b.hasNonNull("message_reference")) {
                String ref = Json.text(b.get("message_reference"), "message_id");
                MessageRecord target = ref == null ? null : state.messages.get(ref);
                if (target == null || target.deleted || !target.channel.id().equals(c.id())) {
                    if (b.get("message_reference").path("fail_if_not_exists").asBoolean(true)) {
                        throw ApiError.badRequest(
                                50035,
                                "Invalid Form Body",
                                "reply-unknown-message",
                                "replying to unknown message " + ref);
                    }
                }
            }
            MessageDraft d = Drafts.forCreate(state, b, uploads);
            MessageExtras x = new MessageExtras();
            x.type = d.replyTo != null ? 19 : 0;
            MessageRecord m = state.messages.create(c, state.botUser, d, x);
            if (nonce != null && d.enforceNonce) {
                state.messages.nonces.put(nonceKey, m.id);
            }
            return m.toJson(botId());
        }
    }

    private MessageRecord message(SandboxChannel c, String id) {
        MessageRecord m = state.messages.get(id);
        if (m == null || m.deleted || m.ephemeralFor != null || !m.channel.id().equals(c.id())) {
            throw ApiError.unknown(10008, "Message");
        }
        return m;
    }

    /** Applies REST-side message content blanking when the app lacks message content approval. */
    private ObjectNode readable(MessageRecord m) {
        ObjectNode json = m.toJson(botId());
        if (state.options.messageContentApproved()
                || m.channel.isDm()
                || m.author.id().equals(botId())
                || m.pingedUsers.contains(botId())) {
            return json;
        }
        return MessageStore.blankContent(json);
    }

    private JsonNode history(RestRequest r) {
        synchronized (state) {
            SandboxChannel c = channel(r);
            if (!c.isDm()) {
                require(c, READ_MESSAGE_HISTORY, "reading history");
            }
            int limit = Math.max(1, Math.min(100, parseInt(r.query("limit"), 50)));
            String before = r.query("before");
            String after = r.query("after");
            String around = r.query("around");
            List<MessageRecord> visible = c.messages.stream()
                    .filter(m -> !m.deleted && m.ephemeralFor == null)
                    .toList();
            List<MessageRecord> selected = new ArrayList<>();
            if (after != null) {
                long a = Long.parseUnsignedLong(after);
                visible.stream()
                        .filter(m -> Long.compareUnsigned(Long.parseUnsignedLong(m.id), a) > 0)
                        .limit(limit)
                        .forEach(selected::add);
            } else if (around != null) {
                long a = Long.parseUnsignedLong(around);
                List<MessageRecord> older = visible.stream()
                        .filter(m -> Long.compareUnsigned(Long.parseUnsignedLong(m.id), a) <= 0)
                        .toList();
                List<MessageRecord> newer = visible.stream()
                        .filter(m -> Long.compareUnsigned(Long.parseUnsignedLong(m.id), a) > 0)
                        .toList();
                int half = limit / 2;
                selected.addAll(older.subList(
                        Math.max(0, older.size() - (limit - Math.min(half, newer.size()))), older.size()));
                selected.addAll(newer.subList(0, Math.min(newer.size(), limit - selected.size())));
            } else {
                List<MessageRecord> pool = visible;
                if (before != null) {
                    long bId = Long.parseUnsignedLong(before);
                    pool = visible.stream()
                            .filter(m -> Long.compareUnsigned(Long.parseUnsignedLong(m.id), bId) < 0)
                            .toList();
                }
                selected.addAll(pool.subList(Math.max(0, pool.size() - limit), pool.size()));
            }
            selected.sort(Comparator.comparing((MessageRecord m) -> Long.parseUnsignedLong(m.id))
                    .reversed());
            ArrayNode out = Json.array();
            selected.forEach(m -> out.add(readable(m)));
            return out;
        }
    }

    private JsonNode getMessage(RestRequest r) {
        synchronized (state) {
            SandboxChannel c = channel(r);
            if (!c.isDm()) {
                require(c, READ_MESSAGE_HISTORY, "reading a message");
            }
            return readable(message(c, r.param("message_id")));
        }
    }

    private JsonNode editMessage(RestRequest r) {
        JsonNode b = r.json();
        List<Drafts.Upload> uploads = r.uploads();
        synchronized (state) {
            SandboxChannel c = channel(r);
            MessageRecord m = message(c, r.param("message_id"));
            if (!m.author.id().equals(botId())) {
                boolean onlyFlags = b.size() == 1 && b.has("flags");
                if (!onlyFlags) {
                    throw ApiError.forbidden(
                            50005,
                            "Cannot edit a message authored by another user",
                            "edit-foreign-message",
                            "message " + m.id + " is by " + m.author.displayName());
                }
                require(c, MANAGE_MESSAGES, "suppressing embeds");
            }
            if (m.type() != 0 && m.type() != 19 && m.type() != 20) {
                throw ApiError.forbidden(
                        50021, "Cannot execute action on a system message", "edit-system-message", "message " + m.id);
            }
            requireActiveThread(c, "editing a message");
            if (!c.isDm()) {
                visibleChannel(r);
                if (!uploads.isEmpty()) {
                    require(c, ATTACH_FILES, "adding files to a message");
                }
            }
            MessageDraft d = Drafts.forEdit(state, b, uploads, m);
            state.messages.edit(
                    m,
                    d,
                    b.has("content"),
                    b.has("embeds"),
                    b.has("components"),
                    b.has("attachments") || !uploads.isEmpty());
            return m.toJson(botId());
        }
    }

    private JsonNode deleteMessage(RestRequest r) {
        synchronized (state) {
            SandboxChannel c = channel(r);
            MessageRecord m = message(c, r.param("message_id"));
            if (!m.author.id().equals(botId()) && !c.isDm()) {
                require(c, MANAGE_MESSAGES, "deleting another user's message");
            }
            state.messages.delete(m);
            return null;
        }
    }

    private JsonNode bulkDelete(RestRequest r) {
        synchronized (state) {
            SandboxChannel c = channel(r);
            require(c, MANAGE_MESSAGES, "bulk deleting");
            JsonNode ids = r.json().path("messages");
            if (ids.size() < 2 || ids.size() > 100) {
                throw ApiError.badRequest(
                        50035,
                        "Invalid Form Body",
                        "bulk-delete-count",
                        "bulk delete takes 2..100 ids, got " + ids.size());
            }
            for (JsonNode id : ids) {
                MessageRecord m = state.messages.get(id.asText());
                if (m != null && m.channel.id().equals(c.id())) {
                    state.messages.delete(m);
                }
            }
            return null;
        }
    }

    private JsonNode pin(RestRequest r, boolean pinned) {
        synchronized (state) {
            SandboxChannel c = channel(r);
            if (!c.isDm()) {
                long p = PermissionMath.inChannel(c, botId());
                if ((p & VIEW_CHANNEL) == 0) {
                    throw ApiError.missingAccess("pinning in " + c);
                }
                if ((p & (PIN_MESSAGES | MANAGE_MESSAGES)) == 0) {
                    throw ApiError.missingPermissions("pinning in " + c + " needs PIN_MESSAGES");
                }
            }
            MessageRecord m = message(c, r.param("message_id"));
            if (pinned && !m.pinned) {
                long count =
                        c.messages.stream().filter(x -> x.pinned && !x.deleted).count();
                if (count >= 250) {
                    throw ApiError.badRequest(
                            30003, "Maximum number of pins reached (250)", "pin-count", c + " has 250 pins");
                }
            }
            state.messages.pin(m, pinned, state.botUser);
            return null;
        }
    }

    private JsonNode pinsLegacy(RestRequest r) {
        synchronized (state) {
            SandboxChannel c = visibleChannel(r);
            ArrayNode out = Json.array();
            List<MessageRecord> pinned = new ArrayList<>(
                    c.messages.stream().filter(m -> m.pinned && !m.deleted).toList());
            Collections.reverse(pinned);
            pinned.forEach(m -> out.add(readable(m)));
            return out;
        }
    }

    private JsonNode pins(RestRequest r) {
        ObjectNode o = Json.object();
        ArrayNode items = o.putArray("items");
        for (JsonNode m : pinsLegacy(r)) {
            ObjectNode item = items.addObject();
            item.put("pinned_at", Json.time(state.now()));
            item.set("message", m);
        }
        o.put("has_more", false);
        return o;
    }

    private JsonNode reaction(RestRequest r, boolean add) {
        synchronized (state) {
            SandboxChannel c = channel(r);
            MessageRecord m = message(c, r.param("message_id"));
            String emoji = r.param("emoji");
            if (!c.isDm()) {
                long needed = READ_MESSAGE_HISTORY | (add && !m.reactions.containsKey(emoji) ? ADD_REACTIONS : 0);
                require(c, needed, "reacting");
            }
            if (add) {
                requireActiveThread(c, "adding a reaction");
            }
            if (emoji.contains(":")) {
                throw ApiError.badRequest(
                        10014, "Unknown Emoji", "unknown-emoji", "the sandbox has no custom emoji: " + emoji);
            }
            if (add && !m.reactions.containsKey(emoji) && m.reactions.size() >= 20) {
                throw ApiError.badRequest(
                        30010, "Maximum number of reactions reached (20)", "reaction-count", "message " + m.id);
            }
            state.messages.react(m, emoji, state.botUser, add);
            return null;
        }
    }

    private JsonNode reactionUsers(RestRequest r) {
        synchronized (state) {
            SandboxChannel c = visibleChannel(r);
            MessageRecord m = message(c, r.param("message_id"));
            ArrayNode out = Json.array();
            m.reactions
                    .getOrDefault(r.param("emoji"), new LinkedHashSet<>())
                    .forEach(uid -> state.user(uid).ifPresent(u -> out.add(u.json())));
            return out;
        }
    }

    private JsonNode clearReactions(RestRequest r) {
        synchronized (state) {
            SandboxChannel c = channel(r);
            require(c, MANAGE_MESSAGES, "clearing reactions");
            MessageRecord m = message(c, r.param("message_id"));
            m.reactions.clear();
            state.messages.dispatchUpdate(m);
            return null;
        }
    }

    // ---- threads ----

    private JsonNode threadFromMessage(RestRequest r) {
        JsonNode b = r.json();
        synchronized (state) {
            SandboxChannel c = channel(r);
            if (c.kind() != SandboxChannel.Kind.TEXT) {
                throw ApiError.badRequest(
                        50024,
                        "Cannot execute action on this channel type",
                        "thread-parent",
                        "threads need a text channel parent, not " + c);
            }
            require(c, CREATE_PUBLIC_THREADS | READ_MESSAGE_HISTORY, "starting a thread");
            MessageRecord m = message(c, r.param("message_id"));
            checkThreadBody(b);
            if (m.threadId != null
                    && state.channels.find(m.threadId).map(t -> !t.deleted).orElse(false)) {
                throw ApiError.badRequest(
                        160004,
                        "A thread has already been created for this message",
                        "thread-exists",
                        "message " + m.id);
            }
            SandboxChannel t = state.channels.createThread(
                    c,
                    Json.text(b, "name"),
                    SandboxChannel.Kind.PUBLIC_THREAD,
                    m,
                    state.botUser,
                    Json.intValue(b, "auto_archive_duration", 1440));
            return t.json();
        }
    }

    private JsonNode threadWithoutMessage(RestRequest r) {
        JsonNode b = r.json();
        synchronized (state) {
            SandboxChannel c = channel(r);
            if (c.kind() != SandboxChannel.Kind.TEXT) {
                throw ApiError.badRequest(
                        50024,
                        "Cannot execute action on this channel type",
                        "thread-parent",
                        "threads need a text channel parent, not " + c);
            }
            if (!b.hasNonNull("type")) {
                throw ApiError.badRequest(
                        50035,
                        "Invalid Form Body",
                        "thread-type-required",
                        "API v10 requires the thread type (11 public, 12 private)");
            }
            int type = b.get("type").asInt();
            SandboxChannel.Kind kind =
                    type == 12 ? SandboxChannel.Kind.PRIVATE_THREAD : SandboxChannel.Kind.PUBLIC_THREAD;
            require(
                    c,
                    kind == SandboxChannel.Kind.PRIVATE_THREAD ? CREATE_PRIVATE_THREADS : CREATE_PUBLIC_THREADS,
                    "creating a thread");
            checkThreadBody(b);
            SandboxChannel t = state.channels.createThread(
                    c,
                    Json.text(b, "name"),
                    kind,
                    null,
                    state.botUser,
                    Json.intValue(b, "auto_archive_duration", 1440));
            return t.json();
        }
    }

    private void checkThreadBody(JsonNode b) {
        FormErrors errs = new FormErrors();
        errs.lengthBetween("name", "thread-name-length", Json.text(b, "name"), 1, 100);
        checkArchiveDuration(b, errs);
        errs.throwIfAny();
    }

    private JsonNode threadMember(RestRequest r, String userId, boolean add) {
        synchronized (state) {
            SandboxChannel t = channel(r);
            if (!t.isThread()) {
                throw ApiError.badRequest(
                        50024, "Cannot execute action on this channel type", "not-a-thread", t + " is not a thread");
            }
            if (!userId.equals(botId())) {
                require(
                        t,
                        add ? SEND_MESSAGES_IN_THREADS : MANAGE_THREADS,
                        add ? "adding a thread member" : "removing a thread member");
            } else {
                visibleChannel(r);
            }
            if (add) {
                requireActiveThread(t, "joining or adding a member");
                t.threadMemberIds.add(userId);
            } else {
                t.threadMemberIds.remove(userId);
            }
            return null;
        }
    }

    /**
     * Nobody edits messages, adds reactions or joins an archived thread; only sending a message (which unarchives it)
     * or deleting one works there (topics/threads#active-archived-threads; 50083 in topics/opcodes-and-status-codes).
     */
    private static void requireActiveThread(SandboxChannel c, String what) {
        if (c.isThread() && c.archived) {
            throw ApiError.badRequest(
                    50083, "Thread is archived", "thread-archived", what + " in " + c + ", which is archived");
        }
    }

    /**
     * {@code GET channels/{c}/threads/archived/public}: the parent's archived public threads, newest
     * {@code archive_timestamp} first, those archived before {@code before} (ISO8601) if given, at most {@code limit}
     * (default 50, 2 to 100), with the bot's thread members and {@code has_more}; needs READ_MESSAGE_HISTORY
     * (resources/channel#list-public-archived-threads).
     */
    private JsonNode archivedPublicThreads(RestRequest r) {
        synchronized (state) {
            SandboxChannel c = channel(r);
            if (c.kind() != SandboxChannel.Kind.TEXT) {
                throw ApiError.badRequest(
                        50024, "Cannot execute action on this channel type", "thread-parent", c + " has no threads");
            }
            require(c, READ_MESSAGE_HISTORY, "listing archived threads");
            FormErrors errs = new FormErrors();
            String limitText = r.query("limit");
            int limit = 50;
            if (limitText != null) {
                try {
                    limit = Integer.parseInt(limitText);
                } catch (NumberFormatException e) {
                    limit = -1;
                }
                if (limit < 2 || limit > 100) {
                    errs.add(
                            "limit",
                            "archived-threads-limit",
                            "NUMBER_TYPE_MAX",
                            "Int value should be between 2 and 100.");
                }
            }
            Instant before = null;
            String beforeText = r.query("before");
            if (beforeText != null) {
                try {
                    before = OffsetDateTime.parse(beforeText).toInstant();
                } catch (DateTimeParseException e) {
                    errs.add(
                            "before",
                            "archived-threads-before",
                            "DATE_TIME_TYPE_PARSE",
                            "Could not parse " + beforeText + ".");
                }
            }
            errs.throwIfAny();
            Instant until = before;
            List<SandboxChannel> archived = c.threads().stream()
                    .filter(t -> t.kind() == SandboxChannel.Kind.PUBLIC_THREAD && t.archived)
                    .filter(t -> until == null || t.archiveTimestamp.isBefore(until))
                    .sorted(Comparator.comparing((SandboxChannel t) -> t.archiveTimestamp)
                            .reversed())
                    .toList();
            ObjectNode o = Json.object();
            ArrayNode threads = o.putArray("threads");
            ArrayNode members = o.putArray("members");
            archived.stream().limit(limit).forEach(t -> {
                threads.add(t.json());
                if (t.threadMemberIds.contains(botId())) {
                    ObjectNode m = members.addObject();
                    m.put("id", t.id());
                    m.put("user_id", botId());
                    m.put("join_timestamp", Json.time(t.createdAt()));
                    m.put("flags", 1);
                }
            });
            o.put("has_more", archived.size() > limit);
            return o;
        }
    }

    private JsonNode threadMembers(RestRequest r) {
        synchronized (state) {
            SandboxChannel t = visibleChannel(r);
            ArrayNode out = Json.array();
            for (String uid : t.threadMemberIds) {
                ObjectNode m = out.addObject();
                m.put("id", t.id());
                m.put("user_id", uid);
                m.put("join_timestamp", Json.time(t.createdAt()));
                m.put("flags", 0);
            }
            return out;
        }
    }

    private JsonNode activeThreads(RestRequest r) {
        SandboxGuild g = guild(r);
        ObjectNode o = Json.object();
        ArrayNode threads = o.putArray("threads");
        synchronized (state) {
            g.threads().stream()
                    .filter(t -> !t.archived && (PermissionMath.inChannel(t, botId()) & VIEW_CHANNEL) != 0)
                    .forEach(t -> threads.add(t.json()));
        }
        o.putArray("members");
        return o;
    }

    // ---- scheduled events ----

    private ScheduledEventRecord event(SandboxGuild g, String id) {
        ScheduledEventRecord e = g.events.get(id);
        if (e == null) {
            throw ApiError.unknown(10070, "Guild Scheduled Event");
        }
        return e;
    }

    private JsonNode listEvents(RestRequest r) {
        SandboxGuild g = guild(r);
        ArrayNode out = Json.array();
        synchronized (state) {
            g.events.values().forEach(e -> out.add(e.json.deepCopy()));
        }
        return out;
    }

    private JsonNode createEvent(RestRequest r) {
        SandboxGuild g = guild(r);
        JsonNode b = r.json();
        synchronized (state) {
            long p = PermissionMath.base(g, botId());
            // Discord: creating needs CREATE_EVENTS; MANAGE_EVENTS alone stopped being enough on 23 February 2026.
            if ((p & CREATE_EVENTS) == 0) {
                throw ApiError.missingPermissions(
                        "creating a scheduled event needs CREATE_EVENTS (MANAGE_EVENTS alone is not "
                                + "enough since 23 February 2026)");
            }
            ObjectNode e = Json.object();
            e.put("id", state.nextId());
            e.put("guild_id", g.id());
            validateEvent(b, null, e);
            e.put("creator_id", botId());
            e.set("creator", state.botUser.json());
            e.put("status", SandboxScheduledEvent.SCHEDULED);
            e.putNull("entity_id");
            e.put("user_count", 0);
            e.putNull("image");
            e.putNull("recurrence_rule");
            if (g.events.size() >= 100) {
                throw ApiError.badRequest(
                        30038, "Maximum number of guild events reached (100)", "event-count", g.name());
            }
            ScheduledEventRecord rec = new ScheduledEventRecord(e.get("id").asText(), g.id(), e);
            g.events.put(rec.id, rec);
            state.guilds.dispatchScheduledEvent("GUILD_SCHEDULED_EVENT_CREATE", rec);
            return e.deepCopy();
        }
    }

    /** Validates fields present in {@code b} (merged over {@code current} for edits) and writes them into {@code out}. */
    private void validateEvent(JsonNode b, JsonNode current, ObjectNode out) {
        FormErrors errs = new FormErrors();
        JsonNode merged = merge(current, b);
        errs.lengthBetween("name", "event-name-length", Json.text(merged, "name"), 1, 100);
        errs.maxLength("description", "event-description-length", Json.text(merged, "description"), 1000);
        int privacy = Json.intValue(merged, "privacy_level", -1);
        if (privacy != 2) {
            errs.add("privacy_level", "event-privacy", "BASE_TYPE_CHOICES", "Value must be one of {2}.");
        }
        int entityType = Json.intValue(merged, "entity_type", -1);
        if (entityType != 3) {
            errs.add(
                    "entity_type",
                    "event-entity-type",
                    "BASE_TYPE_CHOICES",
                    "The sandbox models external events (3) only.");
        }
        String location = Json.text(merged.path("entity_metadata"), "location");
        if (entityType == 3) {
            errs.lengthBetween("entity_metadata.location", "event-location-length", location, 1, 100);
            if (merged.hasNonNull("channel_id")) {
                errs.add(
                        "channel_id",
                        "event-channel",
                        "GUILD_SCHEDULED_EVENT_CHANNEL_NOT_ALLOWED",
                        "External events have no channel.");
            }
        }
        OffsetDateTime start = time(merged, "scheduled_start_time", errs);
        OffsetDateTime end = time(merged, "scheduled_end_time", errs);
        if (entityType == 3 && end == null && errs.isEmpty()) {
            errs.add(
                    "scheduled_end_time",
                    "event-end-required",
                    "GUILD_SCHEDULED_EVENT_END_TIME_REQUIRED",
                    "External events need an end time.");
        }
        Instant now = state.now();
        boolean startChanged = current == null || b.has("scheduled_start_time");
        if (start != null && startChanged && start.toInstant().isBefore(now)) {
            errs.add(
                    "scheduled_start_time",
                    "event-in-past",
                    "GUILD_SCHEDULED_EVENT_SCHEDULE_PAST",
                    "Cannot schedule event in the past (now is " + now + ").");
        }
        if (start != null && end != null && !end.isAfter(start)) {
            errs.add(
                    "scheduled_end_time",
                    "event-end-before-start",
                    "GUILD_SCHEDULED_EVENT_END_BEFORE_START",
                    "The end must be after the start.");
        }
        errs.throwIfAny();
        out.put("name", Json.text(merged, "name"));
        if (merged.hasNonNull("description")) {
            out.put("description", Json.text(merged, "description"));
        } else {
            out.putNull("description");
        }
        out.putNull("channel_id");
        out.put("privacy_level", 2);
        out.put("entity_type", 3);
        out.putObject("entity_metadata").put("location", location);
        out.put("scheduled_start_time", Json.time(start.toInstant()));
        out.put("scheduled_end_time", Json.time(end.toInstant()));
    }

    private static JsonNode merge(JsonNode current, JsonNode b) {
        if (current == null) {
            return b;
        }
        ObjectNode m = ((ObjectNode) current).deepCopy();
        b.properties().forEach(f -> m.set(f.getKey(), f.getValue()));
        return m;
    }

    private static OffsetDateTime time(JsonNode b, String field, FormErrors errs) {
        String s = Json.text(b, field);
        if (s == null) {
            if (field.equals("scheduled_start_time")) {
                errs.add(field, "event-start-required", "BASE_TYPE_REQUIRED", "This field is required");
            }
            return null;
        }
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            errs.add(
                    field,
                    "event-time-format",
                    "DATE_TIME_TYPE_PARSE",
                    "Could not parse " + s + ". Should be ISO8601.");
            return null;
        }
    }

    private JsonNode editEvent(RestRequest r) {
        SandboxGuild g = guild(r);
        JsonNode b = r.json();
        synchronized (state) {
            ScheduledEventRecord e = event(g, r.param("event_id"));
            long p = PermissionMath.base(g, botId());
            boolean own = botId().equals(Json.text(e.json, "creator_id"));
            if ((p & MANAGE_EVENTS) == 0 && !(own && (p & CREATE_EVENTS) != 0)) {
                throw ApiError.missingPermissions("editing a scheduled event needs MANAGE_EVENTS");
            }
            ObjectNode next = e.json.deepCopy();
            validateEvent(b, e.json, next);
            if (b.has("status")) {
                int from = e.json.path("status").asInt();
                int to = b.get("status").asInt();
                boolean ok = from == 1 && (to == 2 || to == 4) || from == 2 && to == 3 || from == to;
                if (!ok) {
                    throw ApiError.badRequest(
                            50035,
                            "Invalid Form Body",
                            "event-status-transition",
                            "status " + from + " cannot become " + to);
                }
                next.put("status", to);
            }
            e.json = next;
            state.guilds.dispatchScheduledEvent("GUILD_SCHEDULED_EVENT_UPDATE", e);
            return next.deepCopy();
        }
    }

    private JsonNode deleteEvent(RestRequest r) {
        SandboxGuild g = guild(r);
        synchronized (state) {
            ScheduledEventRecord e = event(g, r.param("event_id"));
            long p = PermissionMath.base(g, botId());
            boolean own = botId().equals(Json.text(e.json, "creator_id"));
            if ((p & MANAGE_EVENTS) == 0 && !(own && (p & CREATE_EVENTS) != 0)) {
                throw ApiError.missingPermissions(
                        "deleting a scheduled event needs MANAGE_EVENTS, or CREATE_EVENTS for the bot's own");
            }
            g.events.remove(e.id);
            state.guilds.dispatchScheduledEvent("GUILD_SCHEDULED_EVENT_DELETE", e);
            return null;
        }
    }

    // ---- application commands ----

    private void checkApplication(RestRequest r) {
        if (!state.applicationId.equals(r.param("application_id"))) {
            throw ApiError.forbidden(
                    50001,
                    "Missing Access",
                    "wrong-application",
                    "application id " + r.param("application_id") + " is not this bot's (" + state.applicationId + ")");
        }
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
            ObjectNode merged = (ObjectNode) merge(existing, r.json());
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

    private static int parseInt(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
