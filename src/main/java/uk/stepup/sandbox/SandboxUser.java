package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A Discord user in the sandbox: a simulated person, a guild owner, or the bot itself. */
public final class SandboxUser {
    private final String id;
    private final String username;
    private final String displayName;
    private final boolean bot;
    private volatile boolean acceptsDirectMessages = true;

    SandboxUser(String id, String username, String displayName, boolean bot) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.bot = bot;
    }

    public String id() {
        return id;
    }

    /** The unique lower-case handle, e.g. {@code alice}. */
    public String username() {
        return username;
    }

    /** The global display name, e.g. {@code Alice Jones}; falls back to the username. */
    public String displayName() {
        return displayName == null ? username : displayName;
    }

    public boolean isBot() {
        return bot;
    }

    /** {@code <@id>}, the way a message mentions this user. */
    public String mention() {
        return "<@" + id + ">";
    }

    /** Whether the bot may open a DM and write to this user (a user can close DMs; Discord then answers 50007). */
    public boolean acceptsDirectMessages() {
        return acceptsDirectMessages;
    }

    public SandboxUser setAcceptsDirectMessages(boolean accepts) {
        this.acceptsDirectMessages = accepts;
        return this;
    }

    ObjectNode json() {
        ObjectNode u = Json.object();
        u.put("id", id);
        u.put("username", username);
        u.put("discriminator", "0");
        if (displayName == null) {
            u.putNull("global_name");
        } else {
            u.put("global_name", displayName);
        }
        u.putNull("avatar");
        if (bot) {
            u.put("bot", true);
        }
        u.put("public_flags", 0);
        return u;
    }

    @Override
    public String toString() {
        return displayName() + " (@" + username + ", " + id + ")";
    }
}
