package uk.stepup.sandbox;

import static uk.stepup.sandbox.Permissions.ADD_REACTIONS;
import static uk.stepup.sandbox.Permissions.ATTACH_FILES;
import static uk.stepup.sandbox.Permissions.EMBED_LINKS;
import static uk.stepup.sandbox.Permissions.MANAGE_MESSAGES;
import static uk.stepup.sandbox.Permissions.MANAGE_THREADS;
import static uk.stepup.sandbox.Permissions.PIN_MESSAGES;
import static uk.stepup.sandbox.Permissions.READ_MESSAGE_HISTORY;
import static uk.stepup.sandbox.Permissions.SEND_MESSAGES;
import static uk.stepup.sandbox.Permissions.SEND_MESSAGES_IN_THREADS;
import static uk.stepup.sandbox.Permissions.VIEW_CHANNEL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Messages in a channel: {@code channels/{c}/messages} (send, history with {@code before/after/around}, get, edit,
 * delete, bulk delete), pins on both the old {@code channels/{c}/pins} and JDA 6.5's {@code channels/{c}/messages/pins}
 * routes, and reactions (resources/message). Reading other people's messages blanks their content unless the
 * message content intent is approved, as Discord does.
 */
final class MessageRoutes {
    private final SandboxState state;
    private final RestChecks checks;

    MessageRoutes(SandboxState state, RestChecks checks) {
        this.state = state;
        this.checks = checks;
    }

    void register(RestApi.RouteTable routes) {
        routes.route("GET", "channels/{channel_id}/pins", r -> pinsLegacy(r));
        routes.route("PUT", "channels/{channel_id}/pins/{message_id}", r -> pin(r, true));
        routes.route("DELETE", "channels/{channel_id}/pins/{message_id}", r -> pin(r, false));
        routes.route("GET", "channels/{channel_id}/messages/pins", r -> pins(r));
        routes.route("PUT", "channels/{channel_id}/messages/pins/{message_id}", r -> pin(r, true));
        routes.route("DELETE", "channels/{channel_id}/messages/pins/{message_id}", r -> pin(r, false));
        routes.route("POST", "channels/{channel_id}/messages/bulk-delete", this::bulkDelete);
        routes.route("GET", "channels/{channel_id}/messages", this::history);
        routes.route("POST", "channels/{channel_id}/messages", this::sendMessage);
        routes.route("GET", "channels/{channel_id}/messages/{message_id}", this::getMessage);
        routes.route("PATCH", "channels/{channel_id}/messages/{message_id}", this::editMessage);
        routes.route("DELETE", "channels/{channel_id}/messages/{message_id}", this::deleteMessage);
        routes.route(
                "PUT", "channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", r -> reaction(r, true));
        routes.route(
                "DELETE", "channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", r -> reaction(r, false));
        routes.route("GET", "channels/{channel_id}/messages/{message_id}/reactions/{emoji}", this::reactionUsers);
        routes.route("DELETE", "channels/{channel_id}/messages/{message_id}/reactions", this::clearReactions);
    }

    private JsonNode sendMessage(RestRequest r) {
        JsonNode b = r.json();
        List<Drafts.Upload> uploads = r.uploads();
        synchronized (state) {
            SandboxChannel c = checks.channel(r);
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
                checks.require(c, needed, "sending a message");
                // Sending unarchives an archived thread unless a moderator locked it; without MANAGE_THREADS nobody
                // posts in
                // a locked thread (topics/threads#locked-threads, topics/threads#active-archived-threads).
                if (c.isThread() && c.locked && (PermissionMath.inChannel(c, checks.botId()) & MANAGE_THREADS) == 0) {
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
                    return existing.toJson(checks.botId());
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
            return m.toJson(checks.botId());
        }
    }

    /** Applies REST-side message content blanking when the app lacks message content approval. */
    private ObjectNode readable(MessageRecord m) {
        ObjectNode json = m.toJson(checks.botId());
        if (state.options.messageContentApproved()
                || m.channel.isDm()
                || m.author.id().equals(checks.botId())
                || m.pingedUsers.contains(checks.botId())) {
            return json;
        }
        return MessageStore.blankContent(json);
    }

    private JsonNode history(RestRequest r) {
        synchronized (state) {
            SandboxChannel c = checks.channel(r);
            if (!c.isDm()) {
                checks.require(c, READ_MESSAGE_HISTORY, "reading history");
            }
            int limit = Math.max(1, Math.min(100, RestChecks.parseInt(r.query("limit"), 50)));
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
            SandboxChannel c = checks.channel(r);
            if (!c.isDm()) {
                checks.require(c, READ_MESSAGE_HISTORY, "reading a message");
            }
            return readable(checks.message(c, r.param("message_id")));
        }
    }

    private JsonNode editMessage(RestRequest r) {
        JsonNode b = r.json();
        List<Drafts.Upload> uploads = r.uploads();
        synchronized (state) {
            SandboxChannel c = checks.channel(r);
            MessageRecord m = checks.message(c, r.param("message_id"));
            if (!m.author.id().equals(checks.botId())) {
                boolean onlyFlags = b.size() == 1 && b.has("flags");
                if (!onlyFlags) {
                    throw ApiError.forbidden(
                            50005,
                            "Cannot edit a message authored by another user",
                            "edit-foreign-message",
                            "message " + m.id + " is by " + m.author.displayName());
                }
                checks.require(c, MANAGE_MESSAGES, "suppressing embeds");
            }
            if (m.type() != 0 && m.type() != 19 && m.type() != 20) {
                throw ApiError.forbidden(
                        50021, "Cannot execute action on a system message", "edit-system-message", "message " + m.id);
            }
            RestChecks.requireActiveThread(c, "editing a message");
            if (!c.isDm()) {
                checks.visibleChannel(r);
                if (!uploads.isEmpty()) {
                    checks.require(c, ATTACH_FILES, "adding files to a message");
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
            return m.toJson(checks.botId());
        }
    }

    private JsonNode deleteMessage(RestRequest r) {
        synchronized (state) {
            SandboxChannel c = checks.channel(r);
            MessageRecord m = checks.message(c, r.param("message_id"));
            if (!m.author.id().equals(checks.botId()) && !c.isDm()) {
                checks.require(c, MANAGE_MESSAGES, "deleting another user's message");
            }
            state.messages.delete(m);
            return null;
        }
    }

    private JsonNode bulkDelete(RestRequest r) {
        synchronized (state) {
            SandboxChannel c = checks.channel(r);
            checks.require(c, MANAGE_MESSAGES, "bulk deleting");
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
            SandboxChannel c = checks.channel(r);
            if (!c.isDm()) {
                long p = PermissionMath.inChannel(c, checks.botId());
                if ((p & VIEW_CHANNEL) == 0) {
                    throw ApiError.missingAccess("pinning in " + c);
                }
                if ((p & (PIN_MESSAGES | MANAGE_MESSAGES)) == 0) {
                    throw ApiError.missingPermissions("pinning in " + c + " needs PIN_MESSAGES");
                }
            }
            MessageRecord m = checks.message(c, r.param("message_id"));
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
            SandboxChannel c = checks.visibleChannel(r);
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
            SandboxChannel c = checks.channel(r);
            MessageRecord m = checks.message(c, r.param("message_id"));
            String emoji = r.param("emoji");
            if (!c.isDm()) {
                long needed = READ_MESSAGE_HISTORY | (add && !m.reactions.containsKey(emoji) ? ADD_REACTIONS : 0);
                checks.require(c, needed, "reacting");
            }
            if (add) {
                RestChecks.requireActiveThread(c, "adding a reaction");
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
            SandboxChannel c = checks.visibleChannel(r);
            MessageRecord m = checks.message(c, r.param("message_id"));
            ArrayNode out = Json.array();
            m.reactions
                    .getOrDefault(r.param("emoji"), new LinkedHashSet<>())
                    .forEach(uid -> state.user(uid).ifPresent(u -> out.add(u.json())));
            return out;
        }
    }

    private JsonNode clearReactions(RestRequest r) {
        synchronized (state) {
            SandboxChannel c = checks.channel(r);
            checks.require(c, MANAGE_MESSAGES, "clearing reactions");
            MessageRecord m = checks.message(c, r.param("message_id"));
            m.reactions.clear();
            state.messages.dispatchUpdate(m);
            return null;
        }
    }
}
