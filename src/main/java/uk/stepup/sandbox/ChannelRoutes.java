package uk.stepup.sandbox;

import static uk.stepup.sandbox.Permissions.MANAGE_CHANNELS;
import static uk.stepup.sandbox.Permissions.MANAGE_THREADS;
import static uk.stepup.sandbox.Permissions.VIEW_CHANNEL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One channel: {@code channels/{c}} get, modify and delete, its permission overwrites
 * {@code channels/{c}/permissions/{id}} and {@code channels/{c}/typing} (resources/channel). Modifying a thread follows
 * the thread rules (owner or MANAGE_THREADS, auto-archive durations); renaming a channel meets Discord's hidden
 * "2 renames per 10 minutes" shared limit.
 */
final class ChannelRoutes {
    private final SandboxState state;
    private final RestChecks checks;
    private final RateLimiter limiter;

    ChannelRoutes(SandboxState state, RestChecks checks, RateLimiter limiter) {
        this.state = state;
        this.checks = checks;
        this.limiter = limiter;
    }

    void register(RestApi.RouteTable routes) {
        routes.route("GET", "channels/{channel_id}", r -> getChannel(r));
        routes.route("PATCH", "channels/{channel_id}", this::editChannel);
        routes.route("DELETE", "channels/{channel_id}", this::deleteChannel);
        routes.route("PUT", "channels/{channel_id}/permissions/{overwrite_id}", this::putOverwrite);
        routes.route("DELETE", "channels/{channel_id}/permissions/{overwrite_id}", this::deleteOverwrite);
        routes.route("POST", "channels/{channel_id}/typing", r -> {
            checks.visibleChannel(r);
            return null;
        });
    }

    private JsonNode getChannel(RestRequest r) {
        synchronized (state) {
            return checks.visibleChannel(r).json();
        }
    }

    private JsonNode editChannel(RestRequest r) {
        JsonNode b = r.json();
        synchronized (state) {
            SandboxChannel c = checks.channel(r);
            SandboxGuild g = c.guild()
                    .orElseThrow(() -> ApiError.badRequest(
                            50003, "Cannot execute action on a DM channel", "dm-channel", "PATCH on a DM"));
            FormErrors errs = new FormErrors();
            if (c.isThread()) {
                long p = PermissionMath.inChannel(c, checks.botId());
                boolean owner = checks.botId().equals(c.ownerId);
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
                RestChecks.checkArchiveDuration(b, errs);
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
            checks.require(c, MANAGE_CHANNELS, "editing " + c);
            String name = b.has("name") ? Json.text(b, "name") : null;
            if (b.has("name")) {
                errs.lengthBetween("name", "channel-name-length", name, 1, 100);
            }
            errs.maxLength("topic", "channel-topic-length", Json.text(b, "topic"), 1024);
            List<PermissionOverwrite> overwrites = b.has("permission_overwrites")
                    ? checks.parseOverwrites(g, b.get("permission_overwrites"), errs)
                    : null;
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
                checks.checkOverwriteGrant(g, c, checks.parentOf(c), overwrites, "editing overwrites of " + c);
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
                    throw new RestApi.SharedRateLimit(wait);
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

    private JsonNode deleteChannel(RestRequest r) {
        synchronized (state) {
            SandboxChannel c = checks.channel(r);
            if (c.isDm()) {
                return c.json();
            }
            checks.require(c, c.isThread() ? MANAGE_THREADS : MANAGE_CHANNELS, "deleting " + c);
            ObjectNode json = c.json();
            state.channels.delete(c);
            return json;
        }
    }

    private JsonNode putOverwrite(RestRequest r) {
        JsonNode b = r.json();
        synchronized (state) {
            SandboxChannel c = checks.channel(r);
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
            List<PermissionOverwrite> parsed =
                    checks.parseOverwrites(g, Json.array().add(o), errs);
            errs.throwIfAny();
            checks.require(c, 0, "editing overwrites of " + c);
            checks.checkOverwriteGrant(g, c, checks.parentOf(c), parsed, "editing overwrites of " + c);
            state.channels.putOverwrite(c, parsed.get(0));
            return null;
        }
    }

    private JsonNode deleteOverwrite(RestRequest r) {
        synchronized (state) {
            SandboxChannel c = checks.channel(r);
            SandboxGuild g = c.guild().orElseThrow();
            checks.checkOverwriteGrant(
                    g,
                    c,
                    checks.parentOf(c),
                    List.of(new PermissionOverwrite(r.param("overwrite_id"), 0, 0, 0)),
                    "deleting an overwrite");
            if (c.overwrites.remove(r.param("overwrite_id")) != null) {
                state.channels.dispatchUpdate(c);
            }
            return null;
        }
    }
}
