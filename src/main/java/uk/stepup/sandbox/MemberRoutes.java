package uk.stepup.sandbox;

import static uk.stepup.sandbox.Permissions.MANAGE_ROLES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;

/**
 * A guild's members and their roles: {@code guilds/{g}/members[/{u}[/roles/{r}]]} (resources/guild#list-guild-members
 * and the member routes after it). Listing members needs the GUILD_MEMBERS privileged intent approved.
 */
final class MemberRoutes {
    private final SandboxState state;
    private final RestChecks checks;

    MemberRoutes(SandboxState state, RestChecks checks) {
        this.state = state;
        this.checks = checks;
    }

    void register(RestApi.RouteTable routes) {
        routes.route("GET", "guilds/{guild_id}/members", this::listMembers);
        routes.route("GET", "guilds/{guild_id}/members/{user_id}", this::getMember);
        routes.route("PATCH", "guilds/{guild_id}/members/{user_id}", this::editMember);
        routes.route("PUT", "guilds/{guild_id}/members/{user_id}/roles/{role_id}", r -> memberRole(r, true));
        routes.route("DELETE", "guilds/{guild_id}/members/{user_id}/roles/{role_id}", r -> memberRole(r, false));
    }

    private JsonNode listMembers(RestRequest r) {
        SandboxGuild g = checks.guild(r);
        if (!state.options.guildMembersApproved()) {
            throw ApiError.missingAccess("listing members needs the GUILD_MEMBERS privileged intent");
        }
        int limit = Math.max(1, Math.min(1000, RestChecks.parseInt(r.query("limit"), 1)));
        String after = r.query("after");
        ArrayNode out = Json.array();
        synchronized (state) {
            g.members.keySet().stream()
                    .filter(id -> after == null
                            || Long.compareUnsigned(Long.parseUnsignedLong(id), Long.parseUnsignedLong(after)) > 0)
                    .sorted(Comparator.comparing(Long::parseUnsignedLong))
                    .limit(limit)
                    .forEach(id -> out.add(state.guilds.memberJson(g, id)));
        }
        return out;
    }

    private JsonNode getMember(RestRequest r) {
        SandboxGuild g = checks.guild(r);
        synchronized (state) {
            if (!g.members.containsKey(r.param("user_id"))) {
                throw ApiError.unknown(10007, "Member");
            }
            return state.guilds.memberJson(g, r.param("user_id"));
        }
    }

    private JsonNode editMember(RestRequest r) {
        SandboxGuild g = checks.guild(r);
        JsonNode b = r.json();
        synchronized (state) {
            SandboxGuild.MemberState m = g.members.get(r.param("user_id"));
            if (m == null) {
                throw ApiError.unknown(10007, "Member");
            }
            if (b.has("roles")) {
                checks.requireGuild(g, MANAGE_ROLES, "changing roles");
                Set<String> wanted = new HashSet<>();
                b.get("roles").forEach(x -> wanted.add(x.asText()));
                Set<String> changed = new HashSet<>(wanted);
                changed.removeAll(m.roleIds);
                Set<String> removed = new HashSet<>(m.roleIds);
                removed.removeAll(wanted);
                changed.addAll(removed);
                for (String rid : changed) {
                    SandboxRole role = checks.role(g, rid);
                    if (role.isManaged() || role.isEveryone()) {
                        throw ApiError.forbidden(
                                50013, "Missing Permissions", "missing-permissions", role + " cannot be assigned");
                    }
                    checks.requireManageable(g, role, "assigning " + role);
                }
                m.roleIds.clear();
                m.roleIds.addAll(wanted);
            }
            if (b.has("nick")) {
                checks.requireGuild(g, Permissions.MANAGE_NICKNAMES, "changing a nickname");
                m.nick = Json.text(b, "nick");
            }
            state.guilds.dispatchMemberUpdate(g, m);
            return state.guilds.memberJson(g, m.user.id());
        }
    }

    private JsonNode memberRole(RestRequest r, boolean add) {
        SandboxGuild g = checks.guild(r);
        synchronized (state) {
            checks.requireGuild(g, MANAGE_ROLES, add ? "adding a role" : "removing a role");
            SandboxRole role = checks.role(g, r.param("role_id"));
            if (!g.members.containsKey(r.param("user_id"))) {
                throw ApiError.unknown(10007, "Member");
            }
            if (role.isManaged() || role.isEveryone()) {
                throw ApiError.forbidden(
                        50013, "Missing Permissions", "missing-permissions", role + " cannot be assigned or removed");
            }
            checks.requireManageable(g, role, (add ? "adding " : "removing ") + role);
            state.guilds.changeMemberRole(g, state.users.get(r.param("user_id")), role, add);
            return null;
        }
    }
}
