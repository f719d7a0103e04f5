package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Messages in every channel, with their pings, pins and reactions; the nonces of {@code enforce_nonce} sends; the
 * files the bot and people attached. Guarded by the state lock (attachments are also read without it, by the CDN
 * route); each change dispatches the gateway event Discord sends for it.
 */
final class MessageStore {
    private final SandboxState state;
    private final Map<String, MessageRecord> messages = new HashMap<>();
    /** {@code channel id:nonce} to the id of the message first sent with it. */
    final Map<String, String> nonces = new HashMap<>();

    private final Map<String, SandboxAttachment> attachments = new ConcurrentHashMap<>();

    MessageStore(SandboxState state) {
        this.state = state;
    }

    /** The message with that id, deleted or not, or null. Callers hold the state lock. */
    MessageRecord get(String id) {
        return messages.get(id);
    }

    Optional<MessageRecord> find(String id) {
        synchronized (state) {
            return Optional.ofNullable(messages.get(id));
        }
    }

    /** A consistent snapshot of a message (snapshots must be taken under the lock). */
    Optional<SandboxMessage> snapshot(String id) {
        synchronized (state) {
            MessageRecord m = id == null ? null : messages.get(id);
            return m == null || m.deleted ? Optional.empty() : Optional.of(m.snapshot());
        }
    }

    /** Stores a message, computes its pings, dispatches MESSAGE_CREATE (not for ephemeral ones). */
    MessageRecord create(SandboxChannel c, SandboxUser author, MessageDraft draft, MessageExtras x) {
        synchronized (state) {
            String id = state.nextId();
            Instant at = state.now();
            ObjectNode base = Json.object();
            base.put("type", x.type);
            base.put("content", draft.content == null ? "" : draft.content);
            base.set("author", author.json());
            base.put("timestamp", Json.time(at));
            base.put("tts", draft.tts);
            base.put(
                    "flags",
                    draft.flags
                            | (x.ephemeralFor != null ? SandboxMessage.EPHEMERAL : 0)
                            | (x.loading ? SandboxMessage.LOADING : 0));
            base.set("embeds", draft.embeds == null ? Json.array() : draft.embeds);
            base.set("components", draft.components == null ? Json.array() : draft.components);
            ArrayNode atts = base.putArray("attachments");
            draft.attachments.forEach(a -> atts.add(a.json()));
            if (draft.nonce != null) {
                base.put("nonce", draft.nonce);
            }
            if (x.webhook) {
                base.put("webhook_id", state.applicationId);
                base.put("application_id", state.applicationId);
            }
            if (x.interactionMetadata != null) {
                base.set("interaction_metadata", x.interactionMetadata);
            }
            String replyTo = draft.replyTo != null ? draft.replyTo : null;
            if (x.reference != null || replyTo != null) {
                ObjectNode ref = base.putObject("message_reference");
                ref.put("type", 0);
                if (replyTo != null) {
                    ref.put("message_id", replyTo);
                }
                ref.put("channel_id", x.type == 18 ? x.reference : c.id());
                if (c.guildId() != null) {
                    ref.put("guild_id", c.guildId());
                }
            }
            Mentions.Result pings = Mentions.compute(state, c, author, draft, x.ephemeralFor != null);
            base.put("mention_everyone", pings.everyone());
            ArrayNode mentionArray = base.putArray("mentions");
            pings.mentionedUsers().forEach(uid -> state.user(uid).ifPresent(u -> mentionArray.add(u.json())));
            ArrayNode roleArray = base.putArray("mention_roles");
            pings.mentionedRoles().forEach(roleArray::add);
            MessageRecord m = new MessageRecord(id, c, author, at, base);
            m.ephemeralFor = x.ephemeralFor;
            m.interactionId = x.interactionId;
            m.loading = x.loading;
            m.attachments = List.copyOf(draft.attachments);
            m.pingedUsers = pings.users();
            m.pingedRoles = pings.roles();
            m.pingedEveryone = pings.everyone();
            messages.put(id, m);
            c.messages.add(m);
            if (x.ephemeralFor == null) {
                c.lastMessageId = id;
                if (c.isThread()) {
                    m.position = c.messageCount;
                    c.messageCount++;
                    // Sending a message unarchives a thread (callers refuse locked ones) and is activity
                    // (topics/threads).
                    if (c.archived) {
                        state.channels.setArchived(c, false);
                    }
                    c.lastActivity = at;
                }
                dispatchMessage("MESSAGE_CREATE", m);
            }
            return m;
        }
    }

    /** Replaces the editable parts of a message; dispatches MESSAGE_UPDATE. */
    void edit(
            MessageRecord m,
            MessageDraft draft,
            boolean contentGiven,
            boolean embedsGiven,
            boolean componentsGiven,
            boolean attachmentsGiven) {
        synchronized (state) {
            ObjectNode base = m.base.deepCopy();
            if (contentGiven) {
                base.put("content", draft.content == null ? "" : draft.content);
            }
            if (embedsGiven) {
                base.set("embeds", draft.embeds == null ? Json.array() : draft.embeds);
            }
            if (componentsGiven) {
                base.set("components", draft.components == null ? Json.array() : draft.components);
            }
            if (attachmentsGiven) {
                ArrayNode atts = base.putArray("attachments");
                draft.attachments.forEach(a -> atts.add(a.json()));
                m.attachments = List.copyOf(draft.attachments);
            }
            if (draft.flagsGiven) {
                int keep = m.flags() & (SandboxMessage.EPHEMERAL | SandboxMessage.IS_COMPONENTS_V2);
                base.put("flags", keep | (draft.flags & ~SandboxMessage.LOADING));
            } else {
                base.put("flags", m.flags() & ~SandboxMessage.LOADING);
            }
            if (contentGiven || draft.allowedMentions != null) {
                MessageDraft forPings = new MessageDraft();
                forPings.content = base.path("content").asText("");
                forPings.allowedMentions = draft.allowedMentions;
                forPings.flags = base.path("flags").asInt();
                Mentions.Result pings = Mentions.compute(state, m.channel, m.author, forPings, m.ephemeralFor != null);
                ArrayNode mentionArray = base.putArray("mentions");
                pings.mentionedUsers().forEach(uid -> state.user(uid).ifPresent(u -> mentionArray.add(u.json())));
                ArrayNode roleArray = base.putArray("mention_roles");
                pings.mentionedRoles().forEach(roleArray::add);
                base.put("mention_everyone", pings.everyone());
                // Discord notifies on edits only for newly added mentions; record the union.
                m.pingedUsers = union(m.pingedUsers, pings.users());
                m.pingedRoles = union(m.pingedRoles, pings.roles());
                m.pingedEveryone |= pings.everyone();
            }
            boolean wasLoading = m.loading;
            m.loading = false;
            m.base = base;
            if (!wasLoading) {
                m.editedAt = state.now();
            }
            if (m.ephemeralFor == null) {
                dispatchMessage("MESSAGE_UPDATE", m);
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        LinkedHashSet<String> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }

    void delete(MessageRecord m) {
        synchronized (state) {
            if (m.deleted) {
                return;
            }
            m.deleted = true;
            if (m.ephemeralFor != null) {
                return;
            }
            ObjectNode d = Json.object();
            d.put("id", m.id);
            d.put("channel_id", m.channel.id());
            if (m.channel.guildId() != null) {
                d.put("guild_id", m.channel.guildId());
            }
            state.gateway.dispatch(
                    "MESSAGE_DELETE", d, m.channel.isDm() ? Gateway.DIRECT_MESSAGES : Gateway.GUILD_MESSAGES);
        }
    }

    void dispatchUpdate(MessageRecord m) {
        if (m.ephemeralFor == null && !m.deleted) {
            dispatchMessage("MESSAGE_UPDATE", m);
        }
    }

    private void dispatchMessage(String type, MessageRecord m) {
        SandboxChannel c = m.channel;
        ObjectNode full = m.toJson(state.botUser.id());
        if (c.guildId() != null) {
            full.put("guild_id", c.guildId());
            SandboxGuild g = c.guild().orElseThrow();
            if (g.members.containsKey(m.author.id())) {
                ObjectNode member = state.guilds.memberJson(g, m.author.id());
                member.remove("user");
                full.set("member", member);
            }
        }
        boolean mentionsBot = m.pingedUsers.contains(state.botUser.id())
                || Json.elements(full, "mentions").stream()
                        .anyMatch(u -> state.botUser.id().equals(Json.text(u, "id")));
        boolean exempt = c.isDm() || m.author.id().equals(state.botUser.id()) || mentionsBot;
        ObjectNode blanked = exempt ? full : blankContent(full);
        long intent = c.isDm() ? Gateway.DIRECT_MESSAGES : Gateway.GUILD_MESSAGES;
        state.gateway.dispatch(type, intent, s -> s.has(Gateway.MESSAGE_CONTENT) ? full : blanked);
    }

    /** What an app without the message content intent sees of someone else's message. */
    static ObjectNode blankContent(ObjectNode full) {
        ObjectNode b = full.deepCopy();
        b.put("content", "");
        b.putArray("embeds");
        b.putArray("attachments");
        b.putArray("components");
        b.remove("poll");
        return b;
    }

    void pin(MessageRecord m, boolean pinned, SandboxUser by) {
        synchronized (state) {
            if (m.pinned == pinned) {
                return;
            }
            m.pinned = pinned;
            SandboxChannel c = m.channel;
            c.lastPinAt = pinned ? state.now() : c.lastPinAt;
            dispatchUpdate(m);
            ObjectNode d = Json.object();
            if (c.guildId() != null) {
                d.put("guild_id", c.guildId());
            }
            d.put("channel_id", c.id());
            if (c.lastPinAt != null) {
                d.put("last_pin_timestamp", Json.time(c.lastPinAt));
            }
            state.gateway.dispatch("CHANNEL_PINS_UPDATE", d, c.isDm() ? Gateway.DIRECT_MESSAGES : Gateway.GUILDS);
            if (pinned) {
                MessageDraft notice = new MessageDraft();
                notice.replyTo = m.id;
                MessageExtras x = new MessageExtras();
                x.type = 6;
                create(c, by, notice, x);
            }
        }
    }

    boolean react(MessageRecord m, String emoji, SandboxUser user, boolean add) {
        synchronized (state) {
            LinkedHashSet<String> set = m.reactions.computeIfAbsent(emoji, k -> new LinkedHashSet<>());
            boolean changed = add ? set.add(user.id()) : set.remove(user.id());
            if (set.isEmpty()) {
                m.reactions.remove(emoji);
            }
            if (changed) {
                ObjectNode d = Json.object();
                d.put("user_id", user.id());
                d.put("channel_id", m.channel.id());
                d.put("message_id", m.id);
                d.set("emoji", MessageRecord.emojiJson(emoji));
                d.put("burst", false);
                d.put("type", 0);
                if (m.channel.guildId() != null) {
                    d.put("guild_id", m.channel.guildId());
                    if (add) {
                        d.set(
                                "member",
                                state.guilds.memberJson(m.channel.guild().orElseThrow(), user.id()));
                        d.put("message_author_id", m.author.id());
                    }
                }
                long intent = m.channel.isDm() ? Gateway.DIRECT_MESSAGE_REACTIONS : Gateway.GUILD_MESSAGE_REACTIONS;
                state.gateway.dispatch(add ? "MESSAGE_REACTION_ADD" : "MESSAGE_REACTION_REMOVE", d, intent);
            }
            return changed;
        }
    }

    // ---- attachments ----

    SandboxAttachment storeAttachment(String filename, String contentType, byte[] bytes, String description) {
        String id = state.nextId();
        String safe = filename.replaceAll("[^A-Za-z0-9._-]", "_");
        String url = state.httpBase + "/attachments/" + id + "/" + safe;
        SandboxAttachment a = new SandboxAttachment(id, filename, contentType, bytes, url, description);
        attachments.put(id, a);
        return a;
    }

    /** A stored file by id, or null (read by the CDN route without the state lock). */
    SandboxAttachment attachment(String id) {
        return attachments.get(id);
    }
}
