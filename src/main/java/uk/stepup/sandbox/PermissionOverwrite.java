package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A channel permission overwrite for a role ({@code type 0}) or a member ({@code type 1}).
 *
 * @param id the role or user id
 * @param type 0 role, 1 member
 * @param allow explicitly allowed bits
 * @param deny explicitly denied bits
 */
public record PermissionOverwrite(String id, int type, long allow, long deny) {
    public static final int ROLE = 0;
    public static final int MEMBER = 1;

    public boolean isRole() {
        return type == ROLE;
    }

    ObjectNode json() {
        ObjectNode o = Json.object();
        o.put("id", id);
        o.put("type", type);
        o.put("allow", Long.toString(allow));
        o.put("deny", Long.toString(deny));
        return o;
    }
}
