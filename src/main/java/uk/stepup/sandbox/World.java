package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The sandbox's state: users, guilds, roles, members, channels, messages, commands, interactions. Every change goes
 * through a method here, under {@code synchronized (world)}, and dispatches the gateway events Discord would send.
 */
final class World {
    static final long DISCORD_EPOCH = 1420070400000L;

    final SandboxOptions options;
    final Clock clock;
    final StatsCollector stats = new StatsCollector();
    final Gateway gateway = new Gateway(this);
    final List<Violation> violations = new CopyOnWriteArrayList<>();
    final Map<String, SandboxUser> users = new LinkedHashMap<>();
    final Map<String, SandboxGuild> guilds = new LinkedHashMap<>();
    final Map<String, SandboxChannel> channels = new HashMap<>();
    /** Every thread not yet deleted, so the auto-archive sweep does not walk all channels. */
    final List<SandboxChannel> threads = new ArrayList<>();
    /** No active thread falls due before this, so a sweep earlier has nothing to do; MIN makes the next one look. */
    private volatile Instant nextArchiveDue = Instant.MIN;

    final Map<String, MessageRecord> messages = new HashMap<>();
    final Map<String, SandboxAttachment> attachments = new ConcurrentHashMap<>();
    final Map<String, ObjectNode> globalCommands = new LinkedHashMap<>();
    final Map<String, Map<String, ObjectNode>> guildCommands = new HashMap<>();
    final Map<String, InteractionHandle> interactions = new LinkedHashMap<>();
    final Map<String, InteractionHandle> interactionsByToken = new HashMap<>();
    final Map<String, String> nonces = new HashMap<>();
    final Map<String, SandboxChannel> dmByUser = new HashMap<>();
    final SandboxUser botUser;
    final String applicationId;
    volatile String httpBase = "http://127.0.0.1:0";
    /** Set while a large world is built through the bot (see {@link Sandbox#suspendRateLimits}). */
    volatile boolean rateLimitsSuspended;

    private long lastId;
    private int ownerCounter;

    World(SandboxOptions options) {
        this.options = options;
        this.clock = options.clock();
        this.botUser = new SandboxUser(nextId(), options.botUsername(), options.botDisplayName(), true);
        this.applicationId = botUser.id();
        users.put(botUser.id(), botUser);
    }

    // ---- ids, time, violations ----

    synchronized String nextId() {
        long ms = clock.millis() - DISCORD_EPOCH;
        long candidate = Math.max(ms, 0) << 22;
        lastId = Math.max(lastId + 1, candidate);
        return Long.toUnsignedString(lastId);
    }

    Instant now() {
        return clock.instant();
    }

    /** Whether rate limits apply right now: enforced by the options and not suspended. */
    boolean limiting() {
        return options.rateLimitsEnforced() && !rateLimitsSuspended;
    }

    void violation(String route, String rule, String detail) {
        violations.add(new Violation(route, rule, detail, Instant.now()));
    }

    SandboxUser botUser() {
        return botUser;
    }

    // ---- lookups ----

    synchronized Optional<SandboxUser> user(String id) {
        return Optional.ofNullable(users.get(id));
    }

    synchronized Optional<SandboxGuild> guild(String id) {
        return Optional.ofNullable(guilds.get(id));
    }

    synchronized Optional<SandboxChannel> channel(String id) {
        return Optional.ofNullable(id == null ? null : channels.get(id));
    }

    synchronized Optional<MessageRecord> message(String id) {
        return Optional.ofNullable(messages.get(id));
    }

    /** A consistent snapshot of a message (snapshots must be taken under the lock). */
    synchronized Optional<SandboxMessage> snapshot(String id) {
        MessageRecord m = id == null ? null : messages.get(id);
        return m == null || m.deleted ? Optional.empty() : Optional.of(m.snapshot());
    }

    synchronized List<SandboxGuild> botGuilds() {
        return guilds.values().stream()
                .filter(g -> g.members.containsKey(botUser.id()))
                .toList();
    }

    synchronized List<SandboxCommand> commands(String guildId) {
        Collection<ObjectNode> source = guildId == null
                ? globalCommands.values()
                : guildCommands.getOrDefault(guildId, Map.of()).values();
        return source.stream().map(c -> new SandboxCommand(c.deepCopy())).toList();
    }

    // ---- users and guilds ----

    synchronized SandboxUser createUser(String username, String displayName, boolean bot) {
        for (SandboxUser u : users.values()) {
            if (u.username().equals(username)) {
                throw new IllegalArgumentException("username already taken: " + username);
            }
        }
        SandboxUser u = new SandboxUser(nextId(), username, displayName, bot);
        users.put(u.id(), u);
        return u;
    }

    synchronized SandboxGuild createGuild(String name) {
        SandboxGuild g = new SandboxGuild(this, nextId(), name, now());
        ownerCounter++;
        SandboxUser owner = createUser("owner" + (ownerCounter == 1 ? "" : ownerCounter), "Guild Owner", false);
        g.ownerId = owner.id();
        g.roles.put(g.id(), new SandboxRole(g.id(), g, "@everyone", Permissions.EVERYONE_DEFAULT, 0, null));
        SandboxRole botRole =
                new SandboxRole(nextId(), g, options.botDisplayName(), options.botPermissions(), 1, botUser.id());
        g.roles.put(botRole.id(), botRole);
        g.botRoleId = botRole.id();
        SandboxGuild.MemberState ownerMember = new SandboxGuild.MemberState(owner, now());
        g.members.put(owner.id(), ownerMember);
        SandboxGuild.MemberState botMember = new SandboxGuild.MemberState(botUser, now());
        botMember.roleIds.add(botRole.id());
        g.members.put(botUser.id(), botMember);
        guilds.put(g.id(), g);
        SandboxChannel general = new SandboxChannel(this, nextId(), g, SandboxChannel.Kind.TEXT, "general", now());
        channels.put(general.id(), general);
        g.channelIds.add(general.id());
        // A guild the bot joins later shows up as GUILD_CREATE on live sessions.
        gateway.dispatch("GUILD_CREATE", Gateway.GUILDS, s -> guildCreateJson(g, s.has(Gateway.GUILD_MEMBERS)));
        return g;
    }

    void dispatchGuildUpdate(SandboxGuild g) {
        ObjectNode d = guildJson(g);
        gateway.dispatch("GUILD_UPDATE", d, Gateway.GUILDS);
    }

    // ---- roles ----

    SandboxRole createRole(
            SandboxGuild g, String name, long permissions, int colour, boolean hoist, boolean mentionable) {
        synchronized (this) {
            if (g.roles.size() >= 250) {
                throw new IllegalStateException("Maximum number of guild roles reached (250)");
            }
            List<SandboxRole> shifted = new ArrayList<>();
            for (SandboxRole r : g.roles.values()) {
                if (!r.isEveryone()) {
                    r.position++;
                    shifted.add(r);
                }
            }
            SandboxRole role = new SandboxRole(nextId(), g, name, permissions, 1, null);
            role.colour = colour;
            role.hoist = hoist;
            role.mentionable = mentionable;
            g.roles.put(role.id(), role);
            for (SandboxRole r : shifted) {
                gateway.dispatch("GUILD_ROLE_UPDATE", roleEvent(g, r), Gateway.GUILDS);
            }
            gateway.dispatch("GUILD_ROLE_CREATE", roleEvent(g, role), Gateway.GUILDS);
            return role;
        }
    }

    /** An admin drags {@code role} to just above {@code below} in the role list; positions stay 1..n, as on Discord. */
    void moveRoleAbove(SandboxGuild g, SandboxRole role, SandboxRole below) {
        synchronized (this) {
            List<SandboxRole> order = new ArrayList<>(g.roles.values().stream()
                    .filter(r -> !r.isEveryone())
                    .sorted(Comparator.comparingInt(SandboxRole::position))
                    .toList());
            order.remove(role);
            order.add(below.isEveryone() ? 0 : order.indexOf(below) + 1, role);
            for (int i = 0; i < order.size(); i++) {
                SandboxRole r = order.get(i);
                if (r.position != i + 1) {
                    r.position = i + 1;
                    gateway.dispatch("GUILD_ROLE_UPDATE", roleEvent(g, r), Gateway.GUILDS);
                }
            }
        }
    }

    void updateRole(SandboxGuild g, SandboxRole role, Consumer<SandboxRole> change) {
        synchronized (this) {
            change.accept(role);
            gateway.dispatch("GUILD_ROLE_UPDATE", roleEvent(g, role), Gateway.GUILDS);
        }
    }

    synchronized void deleteRole(SandboxGuild g, SandboxRole role) {
        g.roles.remove(role.id());
        for (SandboxGuild.MemberState m : g.members.values()) {
            if (m.roleIds.remove(role.id())) {
                dispatchMemberUpdate(g, m);
            }
        }
        for (String cid : g.channelIds) {
            SandboxChannel c = channels.get(cid);
            if (c != null && c.overwrites.remove(role.id()) != null) {
                dispatchChannelUpdate(c);
            }
        }
        for (SandboxRole r : g.roles.values()) {
            if (r.position > role.position) {
                r.position--;
            }
        }
        ObjectNode d = Json.object();
        d.put("guild_id", g.id());
        d.put("role_id", role.id());
        gateway.dispatch("GUILD_ROLE_DELETE", d, Gateway.GUILDS);
    }

    private ObjectNode roleEvent(SandboxGuild g, SandboxRole r) {
        ObjectNode d = Json.object();
        d.put("guild_id", g.id());
        d.set("role", r.json());
        return d;
    }

    // ---- members ----

    synchronized void addMember(SandboxGuild g, SandboxUser user, List<SandboxRole> roles) {
        if (g.members.containsKey(user.id())) {
            roles.forEach(r -> changeMemberRole(g, user, r, true));
            return;
        }
        SandboxGuild.MemberState m = new SandboxGuild.MemberState(user, now());
        for (SandboxRole r : roles) {
            if (!r.guild().id().equals(g.id())) {
                throw new IllegalArgumentException(r + " belongs to another guild");
            }
            m.roleIds.add(r.id());
        }
        g.members.put(user.id(), m);
        ObjectNode d = memberJson(g, user.id());
        d.put("guild_id", g.id());
        gateway.dispatch("GUILD_MEMBER_ADD", d, Gateway.GUILD_MEMBERS);
    }

    synchronized void removeMember(SandboxGuild g, SandboxUser user) {
        if (user.id().equals(g.ownerId) || user.id().equals(botUser.id())) {
            throw new IllegalArgumentException("the owner and the bot cannot leave in the sandbox");
        }
        if (g.members.remove(user.id()) != null) {
            ObjectNode d = Json.object();
            d.put("guild_id", g.id());
            d.set("user", user.json());
            gateway.dispatch("GUILD_MEMBER_REMOVE", d, Gateway.GUILD_MEMBERS);
        }
    }

    synchronized void changeMemberRole(SandboxGuild g, SandboxUser user, SandboxRole role, boolean add) {
        SandboxGuild.MemberState m = g.members.get(user.id());
        if (m == null) {
            throw new IllegalArgumentException(user + " is not a member of " + g.name());
        }
        boolean changed =
                add ? !m.roleIds.contains(role.id()) && m.roleIds.add(role.id()) : m.roleIds.remove(role.id());
        if (changed) {
            dispatchMemberUpdate(g, m);
        }
    }

    void dispatchMemberUpdate(SandboxGuild g, SandboxGuild.MemberState m) {
        ObjectNode d = memberJson(g, m.user.id());
        d.put("guild_id", g.id());
        gateway.dispatch("GUILD_MEMBER_UPDATE", d, Gateway.GUILD_MEMBERS);
    }

    /** Member object (with user) as in GUILD_CREATE and REST. */
    ObjectNode memberJson(SandboxGuild g, String userId) {
        SandboxGuild.MemberState m = g.members.get(userId);
        ObjectNode o = Json.object();
        o.set("user", m.user.json());
        ArrayNode roles = o.putArray("roles");
        m.roleIds.forEach(roles::add);
        o.put("joined_at", Json.time(m.joinedAt));
        if (m.nick == null) {
            o.putNull("nick");
        } else {
            o.put("nick", m.nick);
        }
        o.putNull("avatar");
        o.putNull("premium_since");
        o.put("deaf", false);
        o.put("mute", false);
        o.put("flags", 0);
        o.put("pending", false);
        o.putNull("communication_disabled_until");
        return o;
    }

    // ---- channels ----

    SandboxChannel createChannelByHuman(SandboxGuild g, SandboxChannel.Kind kind, String name, SandboxChannel parent) {
        String stored = kind == SandboxChannel.Kind.TEXT ? MessageRules.normaliseTextChannelName(name) : name;
        return createChannel(g, kind, stored, parent == null ? null : parent.id(), null, List.of(), true);
    }

    /** Creates a guild channel; {@code syncWithParent} copies the category's overwrites when none are given. */
    synchronized SandboxChannel createChannel(
            SandboxGuild g,
            SandboxChannel.Kind kind,
            String name,
            String parentId,
            String topic,
            List<PermissionOverwrite> overwrites,
            boolean syncWithParent) {
        SandboxChannel c = new SandboxChannel(this, nextId(), g, kind, name, now());
        c.parentId = parentId;
        c.topic = topic;
        int position = 0;
        for (String cid : g.channelIds) {
            SandboxChannel other = channels.get(cid);
            if (other != null
                    && !other.deleted
                    && !other.isThread()
                    && (other.kind() == SandboxChannel.Kind.CATEGORY) == (kind == SandboxChannel.Kind.CATEGORY)) {
                position = Math.max(position, other.position + 1);
            }
        }
        c.position = position;
        if (overwrites.isEmpty() && syncWithParent && parentId != null) {
            SandboxChannel parent = channels.get(parentId);
            if (parent != null) {
                c.overwrites.putAll(parent.overwrites);
            }
        } else {
            overwrites.forEach(o -> c.overwrites.put(o.id(), o));
        }
        channels.put(c.id(), c);
        g.channelIds.add(c.id());
        gateway.dispatch("CHANNEL_CREATE", c.json(), Gateway.GUILDS);
        return c;
    }

    synchronized void dispatchChannelUpdate(SandboxChannel c) {
        gateway.dispatch(c.isThread() ? "THREAD_UPDATE" : "CHANNEL_UPDATE", c.json(), Gateway.GUILDS);
    }

    synchronized void renameChannelByHuman(SandboxChannel c, String name) {
        c.name = c.kind() == SandboxChannel.Kind.TEXT ? MessageRules.normaliseTextChannelName(name) : name;
        dispatchChannelUpdate(c);
    }

    synchronized void putOverwrite(SandboxChannel c, PermissionOverwrite o) {
        c.overwrites.put(o.id(), o);
        dispatchChannelUpdate(c);
    }

    synchronized void deleteChannel(SandboxChannel c) {
        if (c.deleted) {
            return;
        }
        c.deleted = true;
        SandboxGuild g = c.guild().orElse(null);
        if (g == null) {
            return;
        }
        if (c.isThread()) {
            ObjectNode d = Json.object();
            d.put("id", c.id());
            d.put("guild_id", g.id());
            d.put("parent_id", c.parentId);
            d.put("type", c.kind().type());
            gateway.dispatch("THREAD_DELETE", d, Gateway.GUILDS);
            return;
        }
        gateway.dispatch("CHANNEL_DELETE", c.json(), Gateway.GUILDS);
        for (String cid : g.channelIds) {
            SandboxChannel child = channels.get(cid);
            if (child == null || child.deleted) {
                continue;
            }
            if (c.isCategory() && c.id().equals(child.parentId) && !child.isThread()) {
                child.parentId = null;
                dispatchChannelUpdate(child);
            } else if (child.isThread() && c.id().equals(child.parentId)) {
                child.deleted = true;
            }
        }
    }

    /**
     * Archives or unarchives a thread and dispatches THREAD_UPDATE. {@code archive_timestamp} changes when a thread is
     * archived or unarchived, and unarchiving counts as activity (topics/threads#thread-fields,
     * topics/threads#active-archived-threads).
     */
    synchronized void setArchived(SandboxChannel t, boolean archived) {
        t.archived = archived;
        t.archiveTimestamp = now();
        if (!archived) {
            t.lastActivity = t.archiveTimestamp;
            archiveTimerChanged();
        }
        dispatchChannelUpdate(t);
    }

    /** A thread was made, unarchived or given a new auto-archive time: the next sweep must look at every thread. */
    void archiveTimerChanged() {
        nextArchiveDue = Instant.MIN;
    }

    /**
     * Archives, as Discord does on its own, every active thread that has seen no activity for its
     * {@code auto_archive_duration}, measured on the sandbox clock (topics/threads#active-archived-threads); each one
     * dispatches THREAD_UPDATE with {@code archived: true} and {@code archive_timestamp} the moment it fell due. The
     * sandbox cannot hear the clock move, so this runs before every REST request, before a gateway session gets its
     * GUILD_CREATEs, when a test reads {@link SandboxChannel#isArchived()}, and every 100 ms of real time.
     */
    void archiveIdleThreads() {
        if (now().isBefore(nextArchiveDue)) {
            return; // activity only ever moves a thread's moment later
        }
        synchronized (this) {
            Instant now = now();
            Instant next = Instant.MAX;
            for (Iterator<SandboxChannel> it = threads.iterator(); it.hasNext(); ) {
                SandboxChannel t = it.next();
                if (t.deleted) {
                    it.remove();
                    continue;
                }
                if (t.archived) {
                    continue;
                }
                Instant due = t.lastActivity.plus(Duration.ofMinutes(t.autoArchiveMinutes));
                if (!now.isBefore(due)) {
                    t.archived = true;
                    t.archiveTimestamp = due;
                    dispatchChannelUpdate(t);
                } else if (due.isBefore(next)) {
                    next = due;
                }
            }
            nextArchiveDue = next;
        }
    }

    synchronized SandboxChannel createThread(
            SandboxChannel parent,
            String name,
            SandboxChannel.Kind kind,
            MessageRecord starter,
            SandboxUser owner,
            int autoArchiveMinutes) {
        SandboxGuild g = parent.guild().orElseThrow();
        String id = starter != null ? starter.id : nextId();
        SandboxChannel t = new SandboxChannel(this, id, g, kind, name, now());
        t.parentId = parent.id();
        t.ownerId = owner.id();
        t.autoArchiveMinutes = autoArchiveMinutes;
        t.threadMemberIds.add(owner.id());
        if (starter != null) {
            t.starterMessageId = starter.id;
            starter.threadId = t.id();
        }
        channels.put(t.id(), t);
        g.channelIds.add(t.id());
        threads.add(t);
        archiveTimerChanged();
        ObjectNode d = t.json();
        d.put("newly_created", true);
        if (owner.id().equals(botUser.id())) {
            ObjectNode member = d.putObject("member");
            member.put("id", t.id());
            member.put("user_id", botUser.id());
            member.put("join_timestamp", Json.time(now()));
            member.put("flags", 1);
        }
        gateway.dispatch("THREAD_CREATE", d, Gateway.GUILDS);
        if (starter == null && kind == SandboxChannel.Kind.PUBLIC_THREAD) {
            MessageDraft notice = new MessageDraft();
            notice.content = name;
            MessageExtras x = new MessageExtras();
            x.type = 18;
            x.reference = t.id();
            createMessage(parent, owner, notice, x);
        } else if (starter != null) {
            dispatchMessageUpdate(starter);
        }
        return t;
    }

    synchronized SandboxChannel openDm(SandboxUser user) {
        SandboxChannel dm = dmByUser.get(user.id());
        if (dm == null) {
            dm = new SandboxChannel(this, nextId(), null, SandboxChannel.Kind.DM, null, now());
            dm.recipient = user;
            channels.put(dm.id(), dm);
            dmByUser.put(user.id(), dm);
        }
        return dm;
    }

    synchronized List<SandboxChannel> dms() {
        return List.copyOf(dmByUser.values());
    }

    // ---- messages ----

    /** Stores a message, computes its pings, dispatches MESSAGE_CREATE (not for ephemeral ones). */
    synchronized MessageRecord createMessage(
            SandboxChannel c, SandboxUser author, MessageDraft draft, MessageExtras x) {
        String id = nextId();
        Instant at = now();
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
            base.put("webhook_id", applicationId);
            base.put("application_id", applicationId);
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
        Mentions.Result pings = Mentions.compute(this, c, author, draft, x.ephemeralFor != null);
        base.put("mention_everyone", pings.everyone());
        ArrayNode mentionArray = base.putArray("mentions");
        pings.mentionedUsers().forEach(uid -> user(uid).ifPresent(u -> mentionArray.add(u.json())));
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
                // Sending a message unarchives a thread (callers refuse locked ones) and is activity (topics/threads).
                if (c.archived) {
                    setArchived(c, false);
                }
                c.lastActivity = at;
            }
            dispatchMessage("MESSAGE_CREATE", m);
        }
        return m;
    }

    /** Replaces the editable parts of a message; dispatches MESSAGE_UPDATE. */
    synchronized void editMessage(
            MessageRecord m,
            MessageDraft draft,
            boolean contentGiven,
            boolean embedsGiven,
            boolean componentsGiven,
            boolean attachmentsGiven) {
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
            Mentions.Result pings = Mentions.compute(this, m.channel, m.author, forPings, m.ephemeralFor != null);
            ArrayNode mentionArray = base.putArray("mentions");
            pings.mentionedUsers().forEach(uid -> user(uid).ifPresent(u -> mentionArray.add(u.json())));
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
            m.editedAt = now();
        }
        if (m.ephemeralFor == null) {
            dispatchMessage("MESSAGE_UPDATE", m);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        LinkedHashSet<String> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }

    synchronized void deleteMessage(MessageRecord m) {
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
        gateway.dispatch("MESSAGE_DELETE", d, m.channel.isDm() ? Gateway.DIRECT_MESSAGES : Gateway.GUILD_MESSAGES);
    }

    void dispatchMessageUpdate(MessageRecord m) {
        if (m.ephemeralFor == null && !m.deleted) {
            dispatchMessage("MESSAGE_UPDATE", m);
        }
    }

    private void dispatchMessage(String type, MessageRecord m) {
        SandboxChannel c = m.channel;
        ObjectNode full = m.toJson(botUser.id());
        if (c.guildId() != null) {
            full.put("guild_id", c.guildId());
            SandboxGuild g = c.guild().orElseThrow();
            if (g.members.containsKey(m.author.id())) {
                ObjectNode member = memberJson(g, m.author.id());
                member.remove("user");
                full.set("member", member);
            }
        }
        boolean mentionsBot = m.pingedUsers.contains(botUser.id())
                || Json.elements(full, "mentions").stream()
                        .anyMatch(u -> botUser.id().equals(Json.text(u, "id")));
        boolean exempt = c.isDm() || m.author.id().equals(botUser.id()) || mentionsBot;
        ObjectNode blanked = exempt ? full : blankContent(full);
        long intent = c.isDm() ? Gateway.DIRECT_MESSAGES : Gateway.GUILD_MESSAGES;
        gateway.dispatch(type, intent, s -> s.has(Gateway.MESSAGE_CONTENT) ? full : blanked);
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

    synchronized void pin(MessageRecord m, boolean pinned, SandboxUser by) {
        if (m.pinned == pinned) {
            return;
        }
        m.pinned = pinned;
        SandboxChannel c = m.channel;
        c.lastPinAt = pinned ? now() : c.lastPinAt;
        dispatchMessageUpdate(m);
        ObjectNode d = Json.object();
        if (c.guildId() != null) {
            d.put("guild_id", c.guildId());
        }
        d.put("channel_id", c.id());
        if (c.lastPinAt != null) {
            d.put("last_pin_timestamp", Json.time(c.lastPinAt));
        }
        gateway.dispatch("CHANNEL_PINS_UPDATE", d, c.isDm() ? Gateway.DIRECT_MESSAGES : Gateway.GUILDS);
        if (pinned) {
            MessageDraft notice = new MessageDraft();
            notice.replyTo = m.id;
            MessageExtras x = new MessageExtras();
            x.type = 6;
            createMessage(c, by, notice, x);
        }
    }

    synchronized boolean react(MessageRecord m, String emoji, SandboxUser user, boolean add) {
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
                    d.set("member", memberJson(m.channel.guild().orElseThrow(), user.id()));
                    d.put("message_author_id", m.author.id());
                }
            }
            long intent = m.channel.isDm() ? Gateway.DIRECT_MESSAGE_REACTIONS : Gateway.GUILD_MESSAGE_REACTIONS;
            gateway.dispatch(add ? "MESSAGE_REACTION_ADD" : "MESSAGE_REACTION_REMOVE", d, intent);
        }
        return changed;
    }

    // ---- attachments ----

    SandboxAttachment storeAttachment(String filename, String contentType, byte[] bytes, String description) {
        String id = nextId();
        String safe = filename.replaceAll("[^A-Za-z0-9._-]", "_");
        String url = httpBase + "/attachments/" + id + "/" + safe;
        SandboxAttachment a = new SandboxAttachment(id, filename, contentType, bytes, url, description);
        attachments.put(id, a);
        return a;
    }

    // ---- gateway payloads ----

    ObjectNode readyJson(String sessionId) {
        ObjectNode d = Json.object();
        d.put("v", 10);
        ObjectNode user = botUser.json();
        user.put("verified", true);
        user.put("mfa_enabled", false);
        user.put("flags", 0);
        d.set("user", user);
        ArrayNode gs = d.putArray("guilds");
        for (SandboxGuild g : botGuilds()) {
            gs.addObject().put("id", g.id()).put("unavailable", true);
        }
        d.put("session_id", sessionId);
        d.put("session_type", "normal");
        d.put("resume_gateway_url", httpBase.replace("http://", "ws://") + "/gateway");
        d.putArray("private_channels");
        d.putArray("relationships");
        d.putArray("presences");
        d.putArray("guild_join_requests");
        d.putArray("geo_ordered_rtc_regions");
        d.putObject("user_settings");
        d.putObject("application").put("id", applicationId).put("flags", 0);
        d.putArray("_trace").add("[\"stepup-sandbox\",{\"micros\":0}]");
        return d;
    }

    ObjectNode guildJson(SandboxGuild g) {
        ObjectNode d = Json.object();
        d.put("id", g.id());
        d.put("name", g.name());
        d.putNull("icon");
        d.putNull("splash");
        d.putNull("banner");
        d.putNull("description");
        d.put("owner_id", g.ownerId);
        d.put("afk_timeout", 300);
        d.putNull("afk_channel_id");
        d.putNull("system_channel_id");
        d.putNull("rules_channel_id");
        d.putNull("public_updates_channel_id");
        d.putNull("safety_alerts_channel_id");
        d.put("verification_level", 1);
        d.put("default_message_notifications", 1);
        d.put("explicit_content_filter", 2);
        d.put("mfa_level", 0);
        d.put("nsfw_level", 0);
        d.put("premium_tier", 0);
        d.put("premium_subscription_count", 0);
        d.put("premium_progress_bar_enabled", false);
        d.put("preferred_locale", "en-GB");
        d.put("max_members", 500000);
        d.put("system_channel_flags", 0);
        d.putNull("vanity_url_code");
        d.putArray("features");
        ArrayNode roles = d.putArray("roles");
        g.roles.values().forEach(r -> roles.add(r.json()));
        d.putArray("emojis");
        d.putArray("stickers");
        return d;
    }

    ObjectNode guildCreateJson(SandboxGuild g, boolean withAllMembers) {
        synchronized (this) {
            ObjectNode d = guildJson(g);
            d.put("unavailable", false);
            d.put("large", false);
            d.put("lazy", true);
            d.put("member_count", g.members.size());
            d.put("joined_at", Json.time(g.members.get(botUser.id()).joinedAt));
            ArrayNode members = d.putArray("members");
            for (String uid : g.members.keySet()) {
                if (withAllMembers || uid.equals(botUser.id())) {
                    members.add(memberJson(g, uid));
                }
            }
            ArrayNode channelArray = d.putArray("channels");
            ArrayNode threads = d.putArray("threads");
            for (String cid : g.channelIds) {
                SandboxChannel c = channels.get(cid);
                if (c == null || c.deleted) {
                    continue;
                }
                if (c.isThread()) {
                    if (!c.archived) {
                        threads.add(c.json());
                    }
                } else {
                    channelArray.add(c.json());
                }
            }
            ArrayNode events = d.putArray("guild_scheduled_events");
            g.events.values().forEach(e -> events.add(e.json.deepCopy()));
            d.putArray("voice_states");
            d.putArray("presences");
            d.putArray("stage_instances");
            d.putArray("soundboard_sounds");
            d.putArray("embedded_activities");
            return d;
        }
    }

    // ---- scheduled events ----

    synchronized void dispatchScheduledEvent(String type, ScheduledEventRecord e) {
        gateway.dispatch(type, e.json.deepCopy(), Gateway.GUILD_SCHEDULED_EVENTS);
    }

    // ---- commands ----

    synchronized Map<String, ObjectNode> commandScope(String guildId) {
        return guildId == null ? globalCommands : guildCommands.computeIfAbsent(guildId, k -> new LinkedHashMap<>());
    }

    synchronized Optional<ObjectNode> findCommand(String guildId, String name) {
        ObjectNode c = guildId == null
                ? null
                : guildCommands.getOrDefault(guildId, Map.of()).get(name);
        if (c == null) {
            c = globalCommands.get(name);
        }
        return Optional.ofNullable(c);
    }

    /** Stores a command definition the way Discord echoes it, keeping the id of a same-named command. */
    synchronized ObjectNode storeCommand(String guildId, JsonNode definition) {
        Map<String, ObjectNode> scope = commandScope(guildId);
        ObjectNode c = ((ObjectNode) definition).deepCopy();
        String name = c.path("name").asText();
        ObjectNode existing = scope.get(name);
        c.put("id", existing != null ? existing.get("id").asText() : nextId());
        c.put("application_id", applicationId);
        if (guildId != null) {
            c.put("guild_id", guildId);
        }
        c.put("version", nextId());
        if (!c.has("type")) {
            c.put("type", 1);
        }
        if (!c.has("default_member_permissions")) {
            c.putNull("default_member_permissions");
        }
        if (!c.has("nsfw")) {
            c.put("nsfw", false);
        }
        if (!c.has("options")) {
            c.putArray("options");
        }
        if (!c.has("integration_types")) {
            c.putArray("integration_types").add(0);
        }
        if (!c.hasNonNull("contexts")) {
            ArrayNode ctx = c.putArray("contexts");
            ctx.add(0);
            if (guildId == null && c.path("dm_permission").asBoolean(true)) {
                ctx.add(1);
            }
        }
        scope.put(name, c);
        return c;
    }
}
