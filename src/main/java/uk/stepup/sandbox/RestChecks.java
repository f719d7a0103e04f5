package uk.stepup.sandbox;

import static uk.stepup.sandbox.Permissions.ADMINISTRATOR;
import static uk.stepup.sandbox.Permissions.MANAGE_ROLES;
import static uk.stepup.sandbox.Permissions.VIEW_CHANNEL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What every resource route shares: looking up the guild, channel, role, user or message a path names (Discord's
 * 10003/10004/10008/10011/10013 "Unknown ..." errors) and checking the bot's permissions the way Discord computes them
 * (50001 Missing Access, 50013 Missing Permissions), including the overwrite grant rules
 * (resources/guild#create-guild-channel, resources/channel#edit-channel-permissions) and the archived-thread rule
 * (topics/threads#active-archived-threads). The errors themselves are {@link ApiError}s, which {@link HttpFront}
 * answers with Discord's JSON and rate-limit headers.
 */
final class RestChecks {
    private final SandboxState state;

    RestChecks(SandboxState state) {
        this.state = state;
    }

    String botId() {
        return state.botUser.id();
    }

    SandboxUser user(String id) {
        return state.user(id).orElseThrow(() -> ApiError.unknown(10013, "User"));
    }

    SandboxGuild guild(RestRequest r) {
        SandboxGuild g = state.guilds.find(r.param("guild_id")).orElseThrow(() -> ApiError.unknown(10004, "Guild"));
        if (!g.members.containsKey(botId())) {
            throw ApiError.missingAccess("the bot is not in guild " + g.name());
        }
        return g;
    }

    SandboxRole role(SandboxGuild g, String id) {
        SandboxRole role = g.roles.get(id);
        if (role == null) {
            throw ApiError.unknown(10011, "Role");
        }
        return role;
    }

    SandboxChannel channel(RestRequest r) {
        SandboxChannel c = state.channels
                .find(r.param("channel_id"))
                .filter(x -> !x.deleted)
                .orElseThrow(() -> ApiError.unknown(10003, "Channel"));
        return c;
    }

    /** The channel, which the bot must be able to see. */
    SandboxChannel visibleChannel(RestRequest r) {
        SandboxChannel c = channel(r);
        long p = PermissionMath.inChannel(c, botId());
        if ((p & VIEW_CHANNEL) == 0) {
            throw ApiError.missingAccess(r.routeKey + ": the bot cannot view " + c);
        }
        return c;
    }

    void require(SandboxChannel c, long bits, String action) {
        long p = PermissionMath.inChannel(c, botId());
        if ((p & VIEW_CHANNEL) == 0) {
            throw ApiError.missingAccess(action + ": the bot cannot view " + c);
        }
        long missing = bits & ~p;
        if (missing != 0) {
            throw ApiError.missingPermissions(action + " in " + c + " needs " + Permissions.names(missing));
        }
    }

    void requireGuild(SandboxGuild g, long bits, String action) {
        long p = PermissionMath.base(g, botId());
        long missing = bits & ~p;
        if (missing != 0) {
            throw ApiError.missingPermissions(action + " in " + g.name() + " needs " + Permissions.names(missing));
        }
    }

    void requireManageable(SandboxGuild g, SandboxRole role, String action) {
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
    void checkOverwriteGrant(
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

    SandboxChannel parentOf(SandboxChannel c) {
        return c.parentId == null ? null : state.channels.get(c.parentId);
    }

    List<PermissionOverwrite> parseOverwrites(SandboxGuild g, JsonNode array, FormErrors errs) {
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

    /** A message of this channel that the bot can see (not deleted, not ephemeral), else 10008 Unknown Message. */
    MessageRecord message(SandboxChannel c, String id) {
        MessageRecord m = state.messages.get(id);
        if (m == null || m.deleted || m.ephemeralFor != null || !m.channel.id().equals(c.id())) {
            throw ApiError.unknown(10008, "Message");
        }
        return m;
    }

    /**
     * Nobody edits messages, adds reactions or joins an archived thread; only sending a message (which unarchives it)
     * or deleting one works there (topics/threads#active-archived-threads; 50083 in topics/opcodes-and-status-codes).
     */
    static void requireActiveThread(SandboxChannel c, String what) {
        if (c.isThread() && c.archived) {
            throw ApiError.badRequest(
                    50083, "Thread is archived", "thread-archived", what + " in " + c + ", which is archived");
        }
    }

    /** Discord: a thread's auto-archive time is 60, 1440, 4320 or 10080 minutes (resources/channel#thread-metadata-object). */
    static void checkArchiveDuration(JsonNode b, FormErrors errs) {
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

    /** A PATCH body laid over the current object (top-level fields replaced), or the body itself when there is none. */
    static JsonNode merge(JsonNode current, JsonNode b) {
        if (current == null) {
            return b;
        }
        ObjectNode m = ((ObjectNode) current).deepCopy();
        b.properties().forEach(f -> m.set(f.getKey(), f.getValue()));
        return m;
    }

    /** A query parameter as a number, or the fallback when it is absent or not a number. */
    static int parseInt(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
