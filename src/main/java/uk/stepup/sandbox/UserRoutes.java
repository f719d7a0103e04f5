package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Users, DMs, the gateway URL and the application: {@code users/@me}, {@code users/@me/guilds},
 * {@code users/@me/channels}, {@code users/{id}} (resources/user), {@code gateway}, {@code gateway/bot}
 * (topics/gateway#get-gateway) and {@code applications/@me} (resources/application#get-current-application).
 */
final class UserRoutes {
    private final SandboxState state;
    private final RestChecks checks;

    UserRoutes(SandboxState state, RestChecks checks) {
        this.state = state;
        this.checks = checks;
    }

    void register(RestApi.RouteTable routes) {
        routes.route("GET", "users/@me", r -> self());
        routes.route("GET", "users/@me/guilds", r -> myGuilds());
        routes.route("POST", "users/@me/channels", this::openDm);
        routes.route(
                "GET", "users/{user_id}", r -> checks.user(r.param("user_id")).json());
        routes.route("GET", "gateway", r -> gateway(false));
        routes.route("GET", "gateway/bot", r -> gateway(true));
        routes.route("GET", "oauth2/applications/@me", r -> application());
        routes.route("GET", "applications/@me", r -> application());
    }

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
            o.put("permissions", Long.toString(PermissionMath.base(g, checks.botId())));
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
        SandboxUser u = checks.user(recipient);
        if (u.isBot()) {
            throw new ApiError(400, 50007, "Cannot send messages to this user", null, List.of());
        }
        return state.channels.openDm(u).json();
    }
}
