package uk.stepup.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A guild (server). Changes made here are what a human admin would do in the Discord client: they change state and
 * dispatch the gateway events the bot would receive.
 */
public final class SandboxGuild {
    static final class MemberState {
        final SandboxUser user;
        final List<String> roleIds = new ArrayList<>();
        final Instant joinedAt;
        String nick;

        MemberState(SandboxUser user, Instant joinedAt) {
            this.user = user;
            this.joinedAt = joinedAt;
        }
    }

    final SandboxState state;
    private final String id;
    private final Instant createdAt;
    volatile String name;
    volatile String ownerId;
    volatile String botRoleId;
    final Map<String, SandboxRole> roles = new LinkedHashMap<>();
    final Map<String, MemberState> members = new LinkedHashMap<>();
    final List<String> channelIds = new ArrayList<>();
    final Map<String, ScheduledEventRecord> events = new LinkedHashMap<>();

    SandboxGuild(SandboxState state, String id, String name, Instant createdAt) {
        this.state = state;
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public SandboxUser owner() {
        return state.user(ownerId).orElseThrow();
    }

    /** Transfers ownership (the new owner must be a member; the owner has every permission). */
    public SandboxGuild setOwner(SandboxUser user) {
        synchronized (state) {
            requireMember(user);
            ownerId = user.id();
            state.guilds.dispatchGuildUpdate(this);
        }
        return this;
    }

    // ---- roles ----

    /** Creates a role just above {@code @everyone} (below the bot's role), like an admin in the client would. */
    public SandboxRole createRole(String name, long permissions) {
        return state.guilds.createRole(this, name, permissions, 0, false, false);
    }

    /** Creates a role; a mentionable role can be pinged by anyone. */
    public SandboxRole createRole(String name, long permissions, boolean mentionable) {
        return state.guilds.createRole(this, name, permissions, 0, false, mentionable);
    }

    public SandboxRole everyoneRole() {
        synchronized (state) {
            return roles.get(id);
        }
    }

    /** The bot's managed integration role ("Step up bot"). */
    public SandboxRole botRole() {
        synchronized (state) {
            return roles.get(botRoleId);
        }
    }

    /** Changes a role's permissions (human admin action; dispatches GUILD_ROLE_UPDATE). */
    public SandboxGuild setRolePermissions(SandboxRole role, long permissions) {
        state.guilds.updateRole(this, role, r -> r.permissions = permissions);
        return this;
    }

    /** Drags {@code role} to just above {@code below} in Server Settings, Roles (human admin action). */
    public SandboxGuild moveRoleAbove(SandboxRole role, SandboxRole below) {
        state.guilds.moveRoleAbove(this, role, below);
        return this;
    }

    public List<SandboxRole> roles() {
        synchronized (state) {
            return List.copyOf(roles.values());
        }
    }

    public Optional<SandboxRole> roleByName(String name) {
        synchronized (state) {
            return roles.values().stream().filter(r -> r.name().equals(name)).findFirst();
        }
    }

    public Optional<SandboxRole> role(String roleId) {
        synchronized (state) {
            return Optional.ofNullable(roles.get(roleId));
        }
    }

    // ---- members ----

    /** Adds the user to the guild with the given roles (dispatches GUILD_MEMBER_ADD if the bot asked for members). */
    public SandboxGuild addMember(SandboxUser user, SandboxRole... roles) {
        state.guilds.addMember(this, user, Arrays.asList(roles));
        return this;
    }

    public SandboxGuild removeMember(SandboxUser user) {
        state.guilds.removeMember(this, user);
        return this;
    }

    public SandboxGuild grantRole(SandboxUser user, SandboxRole role) {
        state.guilds.changeMemberRole(this, user, role, true);
        return this;
    }

    public SandboxGuild revokeRole(SandboxUser user, SandboxRole role) {
        state.guilds.changeMemberRole(this, user, role, false);
        return this;
    }

    public Optional<SandboxMember> member(SandboxUser user) {
        synchronized (state) {
            MemberState m = members.get(user.id());
            return Optional.ofNullable(m == null ? null : snapshot(m));
        }
    }

    public boolean isMember(SandboxUser user) {
        synchronized (state) {
            return members.containsKey(user.id());
        }
    }

    public List<SandboxMember> members() {
        synchronized (state) {
            return members.values().stream().map(this::snapshot).toList();
        }
    }

    /** Base (guild-level) permissions of a member. */
    public long permissionsOf(SandboxUser user) {
        synchronized (state) {
            return PermissionMath.base(this, user.id());
        }
    }

    private SandboxMember snapshot(MemberState m) {
        List<SandboxRole> rs =
                m.roleIds.stream().map(roles::get).filter(r -> r != null).toList();
        return new SandboxMember(m.user, rs, m.joinedAt, m.nick);
    }

    // ---- channels ----

    /** Non-thread channels (categories and text channels) in position order. */
    public List<SandboxChannel> channels() {
        synchronized (state) {
            List<SandboxChannel> out = new ArrayList<>();
            for (String cid : channelIds) {
                state.channels
                        .find(cid)
                        .filter(c -> !c.isThread() && !c.deleted)
                        .ifPresent(out::add);
            }
            return out;
        }
    }

    /** The text channel with exactly this name (Discord names are lower-case). */
    public Optional<SandboxChannel> channelByName(String name) {
        return channels().stream()
                .filter(c -> c.kind() == SandboxChannel.Kind.TEXT && c.name().equals(name))
                .findFirst();
    }

    /** The text channel with this name inside the category with that name. */
    public Optional<SandboxChannel> channelByName(String categoryName, String name) {
        Optional<SandboxChannel> cat = categoryByName(categoryName);
        return cat.flatMap(c -> channels().stream()
                .filter(ch ->
                        ch.kind() == SandboxChannel.Kind.TEXT && ch.name().equals(name) && c.id().equals(ch.parentId))
                .findFirst());
    }

    public Optional<SandboxChannel> categoryByName(String name) {
        return channels().stream()
                .filter(c -> c.isCategory() && c.name().equals(name))
                .findFirst();
    }

    /** Text channels inside a category. */
    public List<SandboxChannel> channelsIn(SandboxChannel category) {
        return channels().stream().filter(c -> category.id().equals(c.parentId)).toList();
    }

    public List<SandboxChannel> threads() {
        synchronized (state) {
            List<SandboxChannel> out = new ArrayList<>();
            for (String cid : channelIds) {
                state.channels.find(cid).filter(c -> c.isThread() && !c.deleted).ifPresent(out::add);
            }
            return out;
        }
    }

    public Optional<SandboxChannel> threadByName(String name) {
        return threads().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** A human admin creates a text channel (null category for none). Dispatches CHANNEL_CREATE. */
    public SandboxChannel createTextChannel(String name, SandboxChannel category) {
        return state.channels.createByHuman(this, SandboxChannel.Kind.TEXT, name, category);
    }

    public SandboxChannel createCategory(String name) {
        return state.channels.createByHuman(this, SandboxChannel.Kind.CATEGORY, name, null);
    }

    /** A human admin deletes a channel by hand. Dispatches CHANNEL_DELETE (THREAD_DELETE for threads). */
    public SandboxGuild deleteChannel(SandboxChannel channel) {
        state.channels.delete(channel);
        return this;
    }

    /**
     * A moderator archives a thread by hand in the client, and locks it if {@code lock} (then only members with Manage
     * Threads can post in it or unarchive it). Dispatches THREAD_UPDATE.
     */
    public SandboxGuild archiveThread(SandboxChannel thread, boolean lock) {
        if (!thread.isThread()) {
            throw new IllegalArgumentException(thread + " is not a thread");
        }
        synchronized (state) {
            thread.locked = lock;
            state.channels.setArchived(thread, true);
        }
        return this;
    }

    /**
     * A moderator deletes a message by hand. Dispatches MESSAGE_DELETE. A thread started on it lives on without it
     * (topics/threads#public-private-threads: threads "can be orphaned if that message is deleted").
     */
    public SandboxGuild deleteMessage(SandboxMessage message) {
        synchronized (state) {
            MessageRecord m = state.messages.get(message.id());
            if (m == null || m.channel.guild().map(g -> !g.id().equals(id)).orElse(true)) {
                throw new IllegalArgumentException("message " + message.id() + " is not in " + name);
            }
            state.messages.delete(m);
        }
        return this;
    }

    /** A human admin renames a channel by hand. Dispatches CHANNEL_UPDATE. */
    public SandboxGuild renameChannel(SandboxChannel channel, String newName) {
        state.channels.renameByHuman(channel, newName);
        return this;
    }

    /** A human admin edits an overwrite in the client (null removes it). Dispatches CHANNEL_UPDATE. */
    public SandboxGuild putOverwrite(SandboxChannel channel, PermissionOverwrite overwrite) {
        state.channels.putOverwrite(channel, overwrite);
        return this;
    }

    // ---- events and commands ----

    public List<SandboxScheduledEvent> scheduledEvents() {
        synchronized (state) {
            return events.values().stream().map(ScheduledEventRecord::snapshot).toList();
        }
    }

    /** Application commands the bot registered for this guild. */
    public List<SandboxCommand> commands() {
        return state.commands.list(id);
    }

    void requireMember(SandboxUser user) {
        if (!members.containsKey(user.id())) {
            throw new IllegalArgumentException(user + " is not a member of " + name);
        }
    }

    @Override
    public String toString() {
        return name + " (" + id + ")";
    }
}
