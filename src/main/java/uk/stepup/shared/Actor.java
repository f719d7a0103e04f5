package uk.stepup.shared;

/**
 * Who is asking, as the bot itself established it from Discord (never from anything the user typed).
 *
 * @param coach true if the member holds the coach role or the Manage Server permission
 */
public record Actor(String userId, String displayName, String guildId, boolean coach) {}
