package uk.stepup.sandbox;

import static uk.stepup.sandbox.Permissions.CREATE_PRIVATE_THREADS;
import static uk.stepup.sandbox.Permissions.CREATE_PUBLIC_THREADS;
import static uk.stepup.sandbox.Permissions.MANAGE_THREADS;
import static uk.stepup.sandbox.Permissions.READ_MESSAGE_HISTORY;
import static uk.stepup.sandbox.Permissions.SEND_MESSAGES_IN_THREADS;
import static uk.stepup.sandbox.Permissions.VIEW_CHANNEL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;

/**
 * Threads: starting one from a message or without one, thread members, archived public threads of a channel and the
 * active threads of a guild (resources/channel#start-thread-from-message, #start-thread-without-message,
 * #list-public-archived-threads, resources/guild#list-active-guild-threads; topics/threads).
 */
final class ThreadRoutes {
    private final SandboxState state;
    private final RestChecks checks;

    ThreadRoutes(SandboxState state, RestChecks checks) {
        this.state = state;
        this.checks = checks;
    }

    void register(RestApi.RouteTable routes) {
        routes.route("GET", "guilds/{guild_id}/threads/active", this::activeThreads);
        routes.created("POST", "channels/{channel_id}/messages/{message_id}/threads", this::threadFromMessage);
        routes.created("POST", "channels/{channel_id}/threads", this::threadWithoutMessage);
        routes.route("PUT", "channels/{channel_id}/thread-members/@me", r -> threadMember(r, checks.botId(), true));
        routes.route("DELETE", "channels/{channel_id}/thread-members/@me", r -> threadMember(r, checks.botId(), false));
        routes.route("GET", "channels/{channel_id}/thread-members", this::threadMembers);
        routes.route("GET", "channels/{channel_id}/threads/archived/public", this::archivedPublicThreads);
        routes.route(
                "PUT",
                "channels/{channel_id}/thread-members/{user_id}",
                r -> threadMember(r, r.param("user_id"), true));
        routes.route(
                "DELETE",
                "channels/{channel_id}/thread-members/{user_id}",
                r -> threadMember(r, r.param("user_id"), false));
    }

    /** The channel a new thread starts in: it must be a text channel (Discord's error 50024 otherwise). */
    private SandboxChannel textParent(RestRequest r) {
        SandboxChannel c = checks.channel(r);
        if (c.kind() != SandboxChannel.Kind.TEXT) {
            throw ApiError.badRequest(
                    50024,
                    "Cannot execute action on this channel type",
                    "thread-parent",
                    "threads need a text channel parent, not " + c);
        }
        return c;
    }

    private JsonNode threadFromMessage(RestRequest r) {
        JsonNode b = r.json();
        synchronized (state) {
            SandboxChannel c = textParent(r);
            checks.require(c, CREATE_PUBLIC_THREADS | READ_MESSAGE_HISTORY, "starting a thread");
            MessageRecord m = checks.message(c, r.param("message_id"));
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
            SandboxChannel c = textParent(r);
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
            checks.require(
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
        RestChecks.checkArchiveDuration(b, errs);
        errs.throwIfAny();
    }

    private JsonNode threadMember(RestRequest r, String userId, boolean add) {
        synchronized (state) {
            SandboxChannel t = checks.channel(r);
            if (!t.isThread()) {
                throw ApiError.badRequest(
                        50024, "Cannot execute action on this channel type", "not-a-thread", t + " is not a thread");
            }
            if (!userId.equals(checks.botId())) {
                checks.require(
                        t,
                        add ? SEND_MESSAGES_IN_THREADS : MANAGE_THREADS,
                        add ? "adding a thread member" : "removing a thread member");
            } else {
                checks.visibleChannel(r);
            }
            if (add) {
                RestChecks.requireActiveThread(t, "joining or adding a member");
                t.threadMemberIds.add(userId);
            } else {
                t.threadMemberIds.remove(userId);
            }
            return null;
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
            SandboxChannel c = checks.channel(r);
            if (c.kind() != SandboxChannel.Kind.TEXT) {
                throw ApiError.badRequest(
                        50024, "Cannot execute action on this channel type", "thread-parent", c + " has no threads");
            }
            checks.require(c, READ_MESSAGE_HISTORY, "listing archived threads");
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
                if (t.threadMemberIds.contains(checks.botId())) {
                    ObjectNode m = members.addObject();
                    m.put("id", t.id());
                    m.put("user_id", checks.botId());
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
            SandboxChannel t = checks.visibleChannel(r);
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
        SandboxGuild g = checks.guild(r);
        ObjectNode o = Json.object();
        ArrayNode threads = o.putArray("threads");
        synchronized (state) {
            g.threads().stream()
                    .filter(t -> !t.archived && (PermissionMath.inChannel(t, checks.botId()) & VIEW_CHANNEL) != 0)
                    .forEach(t -> threads.add(t.json()));
        }
        o.putArray("members");
        return o;
    }
}
