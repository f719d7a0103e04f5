package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Guild channels and categories, DMs, permission overwrites, and threads with their auto-archiving
 * (topics/threads#active-archived-threads). Guarded by the state lock; each change dispatches the gateway event
 * Discord sends for it.
 */
final class ChannelStore {
    private final SandboxState state;
    private final Map<String, SandboxChannel> channels = new HashMap<>();
    /** Every thread not yet deleted, so the auto-archive sweep does not walk all channels. */
    private final List<SandboxChannel> threads = new ArrayList<>();

    private final Map<String, SandboxChannel> dmByUser = new HashMap<>();
    /** No active thread falls due before this, so a sweep earlier has nothing to do; MIN makes the next one look. */
    private volatile Instant nextArchiveDue = Instant.MIN;

    ChannelStore(SandboxState state) {
        this.state = state;
    }

    /** The channel with that id, deleted or not, or null. Callers hold the state lock. */
    SandboxChannel get(String id) {
        return channels.get(id);
    }

    Optional<SandboxChannel> find(String id) {
        synchronized (state) {
            return Optional.ofNullable(id == null ? null : channels.get(id));
        }
    }

    // ---- guild channels ----

    /** The {@code #general} channel every new server starts with (no dispatch: the guild is not announced yet). */
    void addGeneral(SandboxGuild g) {
        SandboxChannel general =
                new SandboxChannel(state, state.nextId(), g, SandboxChannel.Kind.TEXT, "general", state.now());
        channels.put(general.id(), general);
        g.channelIds.add(general.id());
    }

    SandboxChannel createByHuman(SandboxGuild g, SandboxChannel.Kind kind, String name, SandboxChannel parent) {
        String stored = kind == SandboxChannel.Kind.TEXT ? MessageRules.normaliseTextChannelName(name) : name;
        return create(g, kind, stored, parent == null ? null : parent.id(), null, List.of(), true);
    }

    /** Creates a guild channel; {@code syncWithParent} copies the category's overwrites when none are given. */
    SandboxChannel create(
            SandboxGuild g,
            SandboxChannel.Kind kind,
            String name,
            String parentId,
            String topic,
            List<PermissionOverwrite> overwrites,
            boolean syncWithParent) {
        synchronized (state) {
            SandboxChannel c = new SandboxChannel(state, state.nextId(), g, kind, name, state.now());
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
            state.gateway.dispatch("CHANNEL_CREATE", c.json(), Gateway.GUILDS);
            return c;
        }
    }

    /** Dispatches CHANNEL_UPDATE, or THREAD_UPDATE for a thread. */
    void dispatchUpdate(SandboxChannel c) {
        synchronized (state) {
            state.gateway.dispatch(c.isThread() ? "THREAD_UPDATE" : "CHANNEL_UPDATE", c.json(), Gateway.GUILDS);
        }
    }

    void renameByHuman(SandboxChannel c, String name) {
        synchronized (state) {
            c.name = c.kind() == SandboxChannel.Kind.TEXT ? MessageRules.normaliseTextChannelName(name) : name;
            dispatchUpdate(c);
        }
    }

    void putOverwrite(SandboxChannel c, PermissionOverwrite o) {
        synchronized (state) {
            c.overwrites.put(o.id(), o);
            dispatchUpdate(c);
        }
    }

    /** Deletes a channel: a category's channels lose their parent, a channel's threads go with it. */
    void delete(SandboxChannel c) {
        synchronized (state) {
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
                state.gateway.dispatch("THREAD_DELETE", d, Gateway.GUILDS);
                return;
            }
            state.gateway.dispatch("CHANNEL_DELETE", c.json(), Gateway.GUILDS);
            for (String cid : g.channelIds) {
                SandboxChannel child = channels.get(cid);
                if (child == null || child.deleted) {
                    continue;
                }
                if (c.isCategory() && c.id().equals(child.parentId) && !child.isThread()) {
                    child.parentId = null;
                    dispatchUpdate(child);
                } else if (child.isThread() && c.id().equals(child.parentId)) {
                    child.deleted = true;
                }
            }
        }
    }

    // ---- threads ----

    SandboxChannel createThread(
            SandboxChannel parent,
            String name,
            SandboxChannel.Kind kind,
            MessageRecord starter,
            SandboxUser owner,
            int autoArchiveMinutes) {
        synchronized (state) {
            SandboxGuild g = parent.guild().orElseThrow();
            String id = starter != null ? starter.id : state.nextId();
            SandboxChannel t = new SandboxChannel(state, id, g, kind, name, state.now());
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
            String botId = state.botUser.id();
            if (owner.id().equals(botId)) {
                ObjectNode member = d.putObject("member");
                member.put("id", t.id());
                member.put("user_id", botId);
                member.put("join_timestamp", Json.time(state.now()));
                member.put("flags", 1);
            }
            state.gateway.dispatch("THREAD_CREATE", d, Gateway.GUILDS);
            if (starter == null && kind == SandboxChannel.Kind.PUBLIC_THREAD) {
                MessageDraft notice = new MessageDraft();
                notice.content = name;
                MessageExtras x = new MessageExtras();
                x.type = 18;
                x.reference = t.id();
                state.messages.create(parent, owner, notice, x);
            } else if (starter != null) {
                state.messages.dispatchUpdate(starter);
            }
            return t;
        }
    }

    /**
     * Archives or unarchives a thread and dispatches THREAD_UPDATE. {@code archive_timestamp} changes when a thread is
     * archived or unarchived, and unarchiving counts as activity (topics/threads#thread-fields,
     * topics/threads#active-archived-threads).
     */
    void setArchived(SandboxChannel t, boolean archived) {
        synchronized (state) {
            t.archived = archived;
            t.archiveTimestamp = state.now();
            if (!archived) {
                t.lastActivity = t.archiveTimestamp;
                archiveTimerChanged();
            }
            dispatchUpdate(t);
        }
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
        if (state.now().isBefore(nextArchiveDue)) {
            return; // activity only ever moves a thread's moment later
        }
        synchronized (state) {
            Instant now = state.now();
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
                    dispatchUpdate(t);
                } else if (due.isBefore(next)) {
                    next = due;
                }
            }
            nextArchiveDue = next;
        }
    }

    // ---- direct messages ----

    SandboxChannel openDm(SandboxUser user) {
        synchronized (state) {
            SandboxChannel dm = dmByUser.get(user.id());
            if (dm == null) {
                dm = new SandboxChannel(state, state.nextId(), null, SandboxChannel.Kind.DM, null, state.now());
                dm.recipient = user;
                channels.put(dm.id(), dm);
                dmByUser.put(user.id(), dm);
            }
            return dm;
        }
    }

    /** The DM channel with that user, if the bot opened one. Callers hold the state lock. */
    Optional<SandboxChannel> dmWith(String userId) {
        return Optional.ofNullable(dmByUser.get(userId));
    }

    List<SandboxChannel> dms() {
        synchronized (state) {
            return List.copyOf(dmByUser.values());
        }
    }
}
