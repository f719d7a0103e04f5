package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A guild role. Positions follow Discord: {@code @everyone} is 0, higher numbers rank higher. */
public final class SandboxRole {
    private final String id;
    private final SandboxGuild guild;
    volatile String name;
    volatile long permissions;
    volatile int position;
    volatile int colour;
    volatile boolean hoist;
    volatile boolean mentionable;
    private final String botId;

    SandboxRole(String id, SandboxGuild guild, String name, long permissions, int position, String botId) {
        this.id = id;
        this.guild = guild;
        this.name = name;
        this.permissions = permissions;
        this.position = position;
        this.botId = botId;
    }

    public String id() {
        return id;
    }

    public SandboxGuild guild() {
        return guild;
    }

    public String name() {
        return name;
    }

    public long permissions() {
        return permissions;
    }

    public int position() {
        return position;
    }

    public int colour() {
        return colour;
    }

    public boolean isMentionable() {
        return mentionable;
    }

    public boolean isEveryone() {
        return id.equals(guild.id());
    }

    /** True for the bot's own integration role, which nobody can assign or delete. */
    public boolean isManaged() {
        return botId != null;
    }

    /** {@code <@&id>}, or {@code @everyone} for the everyone role. */
    public String mention() {
        return isEveryone() ? "@everyone" : "<@&" + id + ">";
    }

    ObjectNode json() {
        ObjectNode r = Json.object();
        r.put("id", id);
        r.put("name", name);
        r.putNull("description");
        r.put("color", colour);
        ObjectNode colors = r.putObject("colors");
        colors.put("primary_color", colour);
        colors.putNull("secondary_color");
        colors.putNull("tertiary_color");
        r.put("hoist", hoist);
        r.putNull("icon");
        r.putNull("unicode_emoji");
        r.put("position", position);
        r.put("permissions", Long.toString(permissions));
        r.put("managed", botId != null);
        r.put("mentionable", mentionable);
        r.put("flags", 0);
        if (botId != null) {
            r.putObject("tags").put("bot_id", botId);
        }
        return r;
    }

    @Override
    public String toString() {
        return "@" + name + " (" + id + ")";
    }
}
