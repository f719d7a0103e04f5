package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Guilds with their roles, members and scheduled events, and the guild and member objects the gateway and REST send.
 * Guarded by the state lock; each change dispatches the gateway event Discord sends for it.
 */
final class GuildStore {
    private final SandboxState state;
    private final Map<String, SandboxGuild> guilds = new LinkedHashMap<>();
    private int ownerCounter;

    GuildStore(SandboxState state) {
        this.state = state;
    }

    Optional<SandboxGuild> find(String id) {
        synchronized (state) {
            return Optional.ofNullable(guilds.get(id));
        }
    }

    /** Every guild, in the order created. Callers hold the state lock. */
    List<SandboxGuild> all() {
        return List.copyOf(guilds.values());
    }

    /** The guilds the bot is a member of. */
    List<SandboxGuild> botGuilds() {
        synchronized (state) {
            return guilds.values().stream()
                    .filter(g -> g.members.containsKey(state.botUser.id()))
                    .toList();
        }
    }

    /**
     * A new server as the Discord client makes it: an owner, {@code @everyone}, the bot with its managed role, and
     * {@code #general}.
     */
    SandboxGuild create(String name) {
        synchronized (state) {
            SandboxGuild g = new SandboxGuild(state, state.nextId(), name, state.now());
            ownerCounter++;
            SandboxUser owner =
                    state.createUser("owner" + (ownerCounter == 1 ? "" : ownerCounter), "Guild Owner", false);
            g.ownerId = owner.id();
            g.roles.put(g.id(), new SandboxRole(g.id(), g, "@everyone", Permissions.EVERYONE_DEFAULT, 0, null));
            SandboxOptions options = state.options;
            SandboxRole botRole = new SandboxRole(
                    state.nextId(), g, options.botDisplayName(), options.botPermissions(), 1, state.botUser.id());
            g.roles.put(botRole.id(), botRole);
            g.botRoleId = botRole.id();
            SandboxGuild.MemberState ownerMember = new SandboxGuild.MemberState(owner, state.now());
            g.members.put(owner.id(), ownerMember);
            SandboxGuild.MemberState botMember = new SandboxGuild.MemberState(state.botUser, state.now());
            botMember.roleIds.add(botRole.id());
            g.members.put(state.botUser.id(), botMember);
            guilds.put(g.id(), g);
            state.channels.addGeneral(g);
            // A guild the bot joins later shows up as GUILD_CREATE on live sessions.
            state.gateway.dispatch(
                    "GUILD_CREATE", Gateway.GUILDS, s -> guildCreateJson(g, s.has(Gateway.GUILD_MEMBERS)));
            return g;
        }
    }

    void dispatchGuildUpdate(SandboxGuild g) {
        ObjectNode d = guildJson(g);
        state.gateway.dispatch("GUILD_UPDATE", d, Gateway.GUILDS);
    }

    // ---- roles ----

    SandboxRole createRole(
            SandboxGuild g, String name, long permissions, int colour, boolean hoist, boolean mentionable) {
        synchronized (state) {
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
            SandboxRole role = new SandboxRole(state.nextId(), g, name, permissions, 1, null);
            role.colour = colour;
            role.hoist = hoist;
            role.mentionable = mentionable;
            g.roles.put(role.id(), role);
            for (SandboxRole r : shifted) {
                state.gateway.dispatch("GUILD_ROLE_UPDATE", roleEvent(g, r), Gateway.GUILDS);
            }
            state.gateway.dispatch("GUILD_ROLE_CREATE", roleEvent(g, role), Gateway.GUILDS);
            return role;
        }
    }

    /** An admin drags {@code role} to just above {@code below} in the role list; positions stay 1..n, as on Discord. */
    void moveRoleAbove(SandboxGuild g, SandboxRole role, SandboxRole below) {
        synchronized (state) {
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
                    state.gateway.dispatch("GUILD_ROLE_UPDATE", roleEvent(g, r), Gateway.GUILDS);
                }
            }
        }
    }

    void updateRole(SandboxGuild g, SandboxRole role, Consumer<SandboxRole> change) {
        synchronized (state) {
            change.accept(role);
            state.gateway.dispatch("GUILD_ROLE_UPDATE", roleEvent(g, role), Gateway.GUILDS);
        }
    }

    /** Deletes a role: members lose it, channels lose its overwrites, the roles above move down one. */
    void deleteRole(SandboxGuild g, SandboxRole role) {
        synchronized (state) {
            g.roles.remove(role.id());
            for (SandboxGuild.MemberState m : g.members.values()) {
                if (m.roleIds.remove(role.id())) {
                    dispatchMemberUpdate(g, m);
                }
            }
            for (String cid : g.channelIds) {
                SandboxChannel c = state.channels.get(cid);
                if (c != null && c.overwrites.remove(role.id()) != null) {
                    state.channels.dispatchUpdate(c);
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
            state.gateway.dispatch("GUILD_ROLE_DELETE", d, Gateway.GUILDS);
        }
    }

    private ObjectNode roleEvent(SandboxGuild g, SandboxRole r) {
        ObjectNode d = Json.object();
        d.put("guild_id", g.id());
        d.set("role", r.json());
        return d;
    }

    // ---- members ----

    void addMember(SandboxGuild g, SandboxUser user, List<SandboxRole> roles) {
        synchronized (state) {
            if (g.members.containsKey(user.id())) {
                roles.forEach(r -> changeMemberRole(g, user, r, true));
                return;
            }
            SandboxGuild.MemberState m = new SandboxGuild.MemberState(user, state.now());
            for (SandboxRole r : roles) {
                if (!r.guild().id().equals(g.id())) {
                    throw new IllegalArgumentException(r + " belongs to another guild");
                }
                m.roleIds.add(r.id());
            }
            g.members.put(user.id(), m);
            ObjectNode d = memberJson(g, user.id());
            d.put("guild_id", g.id());
            state.gateway.dispatch("GUILD_MEMBER_ADD", d, Gateway.GUILD_MEMBERS);
        }
    }

    void removeMember(SandboxGuild g, SandboxUser user) {
        synchronized (state) {
            if (user.id().equals(g.ownerId) || user.id().equals(state.botUser.id())) {
                throw new IllegalArgumentException("the owner and the bot cannot leave in the sandbox");
            }
            if (g.members.remove(user.id()) != null) {
                ObjectNode d = Json.object();
                d.put("guild_id", g.id());
                d.set("user", user.json());
                state.gateway.dispatch("GUILD_MEMBER_REMOVE", d, Gateway.GUILD_MEMBERS);
            }
        }
    }

    void changeMemberRole(SandboxGuild g, SandboxUser user, SandboxRole role, boolean add) {
        synchronized (state) {
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
    }

    void dispatchMemberUpdate(SandboxGuild g, SandboxGuild.MemberState m) {
        ObjectNode d = memberJson(g, m.user.id());
        d.put("guild_id", g.id());
        state.gateway.dispatch("GUILD_MEMBER_UPDATE", d, Gateway.GUILD_MEMBERS);
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

    // ---- scheduled events ----

    void dispatchScheduledEvent(String type, ScheduledEventRecord e) {
        synchronized (state) {
            state.gateway.dispatch(type, e.json.deepCopy(), Gateway.GUILD_SCHEDULED_EVENTS);
        }
    }

    // ---- guild objects ----

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

    /** GUILD_CREATE's guild: the bot's member (every member with GUILD_MEMBERS), channels, active threads, events. */
    ObjectNode guildCreateJson(SandboxGuild g, boolean withAllMembers) {
        synchronized (state) {
            String botId = state.botUser.id();
            ObjectNode d = guildJson(g);
            d.put("unavailable", false);
            d.put("large", false);
            d.put("lazy", true);
            d.put("member_count", g.members.size());
            d.put("joined_at", Json.time(g.members.get(botId).joinedAt));
            ArrayNode members = d.putArray("members");
            for (String uid : g.members.keySet()) {
                if (withAllMembers || uid.equals(botId)) {
                    members.add(memberJson(g, uid));
                }
            }
            ArrayNode channelArray = d.putArray("channels");
            ArrayNode threads = d.putArray("threads");
            for (String cid : g.channelIds) {
                SandboxChannel c = state.channels.get(cid);
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
}
