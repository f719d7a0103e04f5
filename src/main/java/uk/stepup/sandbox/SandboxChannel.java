package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A text channel, category, thread or DM. Live view: reads reflect the sandbox's current state. */
public final class SandboxChannel {
    /** The channel kinds the sandbox models, with Discord's type numbers. */
    public enum Kind {
        TEXT(0),
        DM(1),
        CATEGORY(4),
        PUBLIC_THREAD(11),
        PRIVATE_THREAD(12);

        private final int type;

        Kind(int type) {
            this.type = type;
        }

        public int type() {
            return type;
        }

        static Optional<Kind> of(int type) {
            for (Kind k : values()) {
                if (k.type == type) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    private final SandboxState state;
    private final String id;
    private final SandboxGuild guild;
    private final Kind kind;
    private final Instant createdAt;
    volatile String name;
    volatile String topic;
    volatile String parentId;
    volatile int position;
    volatile boolean nsfw;
    volatile int slowmode;
    volatile boolean deleted;
    volatile String lastMessageId;
    volatile Instant lastPinAt;
    final Map<String, PermissionOverwrite> overwrites = new LinkedHashMap<>();
    final List<MessageRecord> messages = new ArrayList<>();
    // Threads
    volatile String ownerId;
    volatile boolean archived;
    volatile boolean locked;
    volatile int autoArchiveMinutes = 1440;
    volatile Instant archiveTimestamp;
    /** The last activity that restarts the auto-archive timer: creation, a message, unarchiving, a new duration. */
    volatile Instant lastActivity;

    volatile String starterMessageId;
    volatile int messageCount;
    final Set<String> threadMemberIds = new LinkedHashSet<>();
    // DMs
    volatile SandboxUser recipient;

    SandboxChannel(SandboxState state, String id, SandboxGuild guild, Kind kind, String name, Instant createdAt) {
        this.state = state;
        this.id = id;
        this.guild = guild;
        this.kind = kind;
        this.name = name;
        this.createdAt = createdAt;
        this.archiveTimestamp = createdAt;
        this.lastActivity = createdAt;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isThread() {
        return kind == Kind.PUBLIC_THREAD || kind == Kind.PRIVATE_THREAD;
    }

    public boolean isCategory() {
        return kind == Kind.CATEGORY;
    }

    public boolean isDm() {
        return kind == Kind.DM;
    }

    /** The guild, empty for DMs. */
    public Optional<SandboxGuild> guild() {
        return Optional.ofNullable(guild);
    }

    /** The category of a channel, or the parent channel of a thread. */
    public Optional<SandboxChannel> parent() {
        String p = parentId;
        return p == null ? Optional.empty() : state.channels.find(p);
    }

    public Optional<String> topic() {
        return Optional.ofNullable(topic);
    }

    public int position() {
        return position;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean isDeleted() {
        return deleted;
    }

    /** For DMs: the person at the other end. */
    public Optional<SandboxUser> recipient() {
        return Optional.ofNullable(recipient);
    }

    /** For threads: the message the thread was started on, if any. */
    public Optional<String> starterMessageId() {
        return Optional.ofNullable(starterMessageId);
    }

    public Optional<String> threadOwnerId() {
        return Optional.ofNullable(ownerId);
    }

    /** Whether the thread is archived, after archiving every thread whose auto-archive time has passed on the clock. */
    public boolean isArchived() {
        if (isThread()) {
            state.channels.archiveIdleThreads();
        }
        return archived;
    }

    /** For threads: minutes of inactivity after which Discord archives the thread (60, 1440, 4320 or 10080). */
    public int autoArchiveMinutes() {
        return autoArchiveMinutes;
    }

    /** For threads: when it was created, last archived or unarchived, or its auto-archive duration last changed. */
    public Instant archiveTimestamp() {
        return archiveTimestamp;
    }

    public boolean isLocked() {
        return locked;
    }

    public List<PermissionOverwrite> overwrites() {
        synchronized (state) {
            return List.copyOf(overwrites.values());
        }
    }

    public Optional<PermissionOverwrite> overwriteFor(String roleOrUserId) {
        synchronized (state) {
            return Optional.ofNullable(overwrites.get(roleOrUserId));
        }
    }

    /** Ground truth: every message in the channel, oldest first, including ephemeral replies (flagged). */
    public List<SandboxMessage> messages() {
        synchronized (state) {
            List<SandboxMessage> out = new ArrayList<>();
            for (MessageRecord m : messages) {
                if (!m.deleted) {
                    out.add(m.snapshot());
                }
            }
            return out;
        }
    }

    /** The newest non-ephemeral message, if any. */
    public Optional<SandboxMessage> lastMessage() {
        List<SandboxMessage> all = messages();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (!all.get(i).isEphemeral()) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /** Threads whose parent is this channel. */
    public List<SandboxChannel> threads() {
        return guild == null
                ? List.of()
                : guild.threads().stream().filter(t -> id.equals(t.parentId)).toList();
    }

    /** Permissions {@code user} has here, computed as Discord does (roles, overwrites, implicit rules). */
    public long permissionsOf(SandboxUser user) {
        synchronized (state) {
            return PermissionMath.inChannel(this, user.id());
        }
    }

    public boolean canView(SandboxUser user) {
        return (permissionsOf(user) & Permissions.VIEW_CHANNEL) != 0;
    }

    /** {@code <#id>}. */
    public String mention() {
        return "<#" + id + ">";
    }

    SandboxState state() {
        return state;
    }

    String guildId() {
        return guild == null ? null : guild.id();
    }

    ObjectNode json() {
        ObjectNode c = Json.object();
        c.put("id", id);
        c.put("type", kind.type());
        if (kind == Kind.DM) {
            c.put("last_message_id", lastMessageId);
            c.put("flags", 0);
            ArrayNode recipients = c.putArray("recipients");
            if (recipient != null) {
                recipients.add(recipient.json());
            }
            return c;
        }
        c.put("guild_id", guild.id());
        c.put("name", name);
        if (parentId == null) {
            c.putNull("parent_id");
        } else {
            c.put("parent_id", parentId);
        }
        c.put("flags", 0);
        if (isThread()) {
            c.put("owner_id", ownerId);
            c.put("last_message_id", lastMessageId);
            c.put("rate_limit_per_user", slowmode);
            c.put("message_count", messageCount);
            c.put("total_message_sent", messageCount);
            c.put("member_count", Math.min(50, threadMemberIds.size()));
            ObjectNode meta = c.putObject("thread_metadata");
            meta.put("archived", archived);
            meta.put("auto_archive_duration", autoArchiveMinutes);
            meta.put("archive_timestamp", Json.time(archiveTimestamp));
            meta.put("locked", locked);
            meta.put("create_timestamp", Json.time(createdAt));
            if (kind == Kind.PRIVATE_THREAD) {
                meta.put("invitable", true);
            }
            return c;
        }
        c.put("position", position);
        ArrayNode ows = c.putArray("permission_overwrites");
        overwrites.values().forEach(o -> ows.add(o.json()));
        if (kind == Kind.TEXT) {
            if (topic == null) {
                c.putNull("topic");
            } else {
                c.put("topic", topic);
            }
            c.put("nsfw", nsfw);
            c.put("rate_limit_per_user", slowmode);
            c.put("last_message_id", lastMessageId);
            if (lastPinAt != null) {
                c.put("last_pin_timestamp", Json.time(lastPinAt));
            }
        }
        return c;
    }

    @Override
    public String toString() {
        return (kind == Kind.CATEGORY ? "category " : "#") + name + " (" + id + ")";
    }
}
