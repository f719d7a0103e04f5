package uk.stepup.sandbox;

import java.time.Instant;
import java.util.List;

/** A snapshot of someone's membership in a guild. */
public record SandboxMember(SandboxUser user, List<SandboxRole> roles, Instant joinedAt, String nickname) {
    public boolean hasRole(SandboxRole role) {
        return roles.stream().anyMatch(r -> r.id().equals(role.id()));
    }

    /** Nickname if set, else the user's display name. */
    public String effectiveName() {
        return nickname != null ? nickname : user.displayName();
    }
}
