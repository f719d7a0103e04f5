package uk.stepup.sandbox;

import static uk.stepup.sandbox.Permissions.ADMINISTRATOR;
import static uk.stepup.sandbox.Permissions.MANAGE_ROLES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * A guild's roles: {@code guilds/{g}/roles[/{r}]} (resources/guild#get-guild-roles and the role routes after it).
 * The bot may only manage roles below its highest one and grant permissions it has
 * (topics/permissions#permission-hierarchy).
 */
final class RoleRoutes {
    private final SandboxState state;
    private final RestChecks checks;

    RoleRoutes(SandboxState state, RestChecks checks) {
        this.state = state;
        this.checks = checks;
    }

    void register(RestApi.RouteTable routes) {
        routes.route("GET", "guilds/{guild_id}/roles", this::listRoles);
        routes.route("POST", "guilds/{guild_id}/roles", this::createRole);
        routes.route("PATCH", "guilds/{guild_id}/roles", this::moveRoles);
        routes.route(
                "GET",
                "guilds/{guild_id}/roles/{role_id}",
                r -> checks.role(checks.guild(r), r.param("role_id")).json());
        routes.route("PATCH", "guilds/{guild_id}/roles/{role_id}", this::editRole);
        routes.route("DELETE", "guilds/{guild_id}/roles/{role_id}", this::deleteRole);
    }

    private JsonNode listRoles(RestRequest r) {
        SandboxGuild g = checks.guild(r);
        ArrayNode out = Json.array();
        synchronized (state) {
            g.roles.values().forEach(role -> out.add(role.json()));
        }
        return out;
    }

    private JsonNode createRole(RestRequest r) {
        SandboxGuild g = checks.guild(r);
        JsonNode b = r.json();
        synchronized (state) {
            checks.requireGuild(g, MANAGE_ROLES, "creating a role");
            String name = b.hasNonNull("name") ? Json.text(b, "name") : "new role";
            FormErrors errs = new FormErrors();
            errs.maxLength("name", "role-name-length", name, 100);
            errs.throwIfAny();
            long perms = b.hasNonNull("permissions")
                    ? Json.longValue(b, "permissions", 0)
                    : g.everyoneRole().permissions();
            checkRoleGrant(g, perms, "creating role " + name);
            if (g.roles.size() >= 250) {
                throw ApiError.badRequest(
                        30005,
                        "Maximum number of guild roles reached (250)",
                        "role-count",
                        g.name() + " has 250 roles");
            }
            int colour =
                    b.has("colors") ? Json.intValue(b.get("colors"), "primary_color", 0) : Json.intValue(b, "color", 0);
            SandboxRole role = state.guilds.createRole(
                    g,
                    name,
                    perms,
                    colour,
                    b.path("hoist").asBoolean(false),
                    b.path("mentionable").asBoolean(false));
            return role.json();
        }
    }

    private void checkRoleGrant(SandboxGuild g, long perms, String action) {
        long base = PermissionMath.base(g, checks.botId());
        if ((base & ADMINISTRATOR) == 0 && (perms & ~base) != 0) {
            throw ApiError.missingPermissions(
                    action + ": cannot grant permissions the bot lacks: " + Permissions.names(perms & ~base));
        }
    }

    private JsonNode moveRoles(RestRequest r) {
        SandboxGuild g = checks.guild(r);
        synchronized (state) {
            checks.requireGuild(g, MANAGE_ROLES, "moving roles");
            for (JsonNode m : r.json()) {
                SandboxRole role = checks.role(g, Json.text(m, "id"));
                checks.requireManageable(g, role, "moving " + role);
                int pos = m.path("position").asInt(role.position());
                if (pos >= PermissionMath.highestPosition(g, checks.botId())) {
                    throw ApiError.missingPermissions("cannot move " + role + " to or above the bot's highest role");
                }
                state.guilds.updateRole(g, role, x -> x.position = pos);
            }
        }
        return listRoles(r);
    }

    private JsonNode editRole(RestRequest r) {
        SandboxGuild g = checks.guild(r);
        JsonNode b = r.json();
        synchronized (state) {
            checks.requireGuild(g, MANAGE_ROLES, "editing a role");
            SandboxRole role = checks.role(g, r.param("role_id"));
            checks.requireManageable(g, role, "editing " + role);
            FormErrors errs = new FormErrors();
            if (b.has("name")) {
                errs.lengthBetween("name", "role-name-length", Json.text(b, "name"), 1, 100);
            }
            errs.throwIfAny();
            if (b.hasNonNull("permissions")) {
                checkRoleGrant(g, Json.longValue(b, "permissions", 0), "editing " + role);
            }
            state.guilds.updateRole(g, role, x -> {
                if (b.has("name")) {
                    x.name = Json.text(b, "name");
                }
                if (b.hasNonNull("permissions")) {
                    x.permissions = Json.longValue(b, "permissions", 0);
                }
                if (b.has("mentionable")) {
                    x.mentionable = b.get("mentionable").asBoolean();
                }
                if (b.has("hoist")) {
                    x.hoist = b.get("hoist").asBoolean();
                }
                if (b.has("colors")) {
                    x.colour = Json.intValue(b.get("colors"), "primary_color", 0);
                } else if (b.has("color")) {
                    x.colour = Json.intValue(b, "color", 0);
                }
            });
            return role.json();
        }
    }

    private JsonNode deleteRole(RestRequest r) {
        SandboxGuild g = checks.guild(r);
        synchronized (state) {
            checks.requireGuild(g, MANAGE_ROLES, "deleting a role");
            SandboxRole role = checks.role(g, r.param("role_id"));
            if (role.isEveryone() || role.isManaged()) {
                throw ApiError.badRequest(50028, "Invalid role", "role-undeletable", role + " cannot be deleted");
            }
            checks.requireManageable(g, role, "deleting " + role);
            state.guilds.deleteRole(g, role);
            return null;
        }
    }
}
