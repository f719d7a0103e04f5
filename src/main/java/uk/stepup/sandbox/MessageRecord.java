package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Mutable state of one message; guarded by the state lock. {@link #base} is never mutated after it is set. */
final class MessageRecord {
    final String id;
    final SandboxChannel channel;
    final SandboxUser author;
    final Instant createdAt;
    ObjectNode base;
    Instant editedAt;
    boolean pinned;
    boolean deleted;
    boolean loading;
    String ephemeralFor;
    String interactionId;
    String threadId;
    int position;
    Set<String> pingedUsers = Set.of();
    Set<String> pingedRoles = Set.of();
    boolean pingedEveryone;
    List<SandboxAttachment> attachments = List.of();
    final Map<String, LinkedHashSet<String>> reactions = new LinkedHashMap<>();

    MessageRecord(String id, SandboxChannel channel, SandboxUser author, Instant createdAt, ObjectNode base) {
        this.id = id;
        this.channel = channel;
        this.author = author;
        this.createdAt = createdAt;
        this.base = base;
    }

    int flags() {
        return base.path("flags").asInt(0);
    }

    int type() {
        return base.path("type").asInt(0);
    }

    /** The full Discord message object as the bot would read it. */
    ObjectNode toJson(String botId) {
        ObjectNode m = base.deepCopy();
        m.put("id", id);
        m.put("channel_id", channel.id());
        m.put("pinned", pinned);
        if (editedAt == null) {
            m.putNull("edited_timestamp");
        } else {
            m.put("edited_timestamp", Json.time(editedAt));
        }
        if (!reactions.isEmpty()) {
            ArrayNode rs = m.putArray("reactions");
            reactions.forEach((emoji, users) -> {
                ObjectNode r = rs.addObject();
                r.put("count", users.size());
                ObjectNode details = r.putObject("count_details");
                details.put("normal", users.size());
                details.put("burst", 0);
                r.put("me", users.contains(botId));
                r.put("me_burst", false);
                r.set("emoji", emojiJson(emoji));
                r.putArray("burst_colors");
            });
        }
        if (channel.isThread()) {
            m.put("position", position);
        }
        if (threadId != null) {
            channel.state().channels.find(threadId).filter(t -> !t.deleted).ifPresent(t -> m.set("thread", t.json()));
        }
        return m;
    }

    static ObjectNode emojiJson(String key) {
        ObjectNode e = Json.object();
        int colon = key.lastIndexOf(':');
        if (colon > 0 && key.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            e.put("id", key.substring(colon + 1));
            e.put("name", key.substring(0, colon));
        } else {
            e.putNull("id");
            e.put("name", key);
        }
        return e;
    }

    SandboxMessage snapshot() {
        Map<String, List<String>> rs = new LinkedHashMap<>();
        reactions.forEach((k, v) -> rs.put(k, List.copyOf(v)));
        return new SandboxMessage(
                toJson(channel.state().botUser().id()),
                author,
                channel.guildId(),
                createdAt,
                editedAt,
                ephemeralFor,
                loading,
                Set.copyOf(pingedUsers),
                Set.copyOf(pingedRoles),
                pingedEveryone,
                List.copyOf(attachments),
                Map.copyOf(rs),
                interactionId);
    }
}
