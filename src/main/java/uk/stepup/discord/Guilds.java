package uk.stepup.discord;

import java.time.Duration;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;

/**
 * Finding the cohort's server in JDA's cache, which is where every channel lookup starts. When Discord will not
 * resume a gateway session (op 9, or a resume refused after an outage), JDA forgets every server and rebuilds them
 * from the new session's GUILD_CREATE; until then the server looks gone and every channel missing. A scheduled post
 * that looked in that moment used to tell the coaches "#this-week is missing" and wait days for its next chance. So a
 * lookup that finds no server, or finds JDA still loading one, waits for the session to be whole again.
 */
final class Guilds {
    /** How long a lookup waits for JDA to finish (re)connecting before it takes the server to be gone. */
    static final Duration RECONNECT_WAIT = Duration.ofSeconds(60);

    private Guilds() {}

    /** The server, once JDA has it whole; empty if the bot is not on it, or JDA did not reconnect within the wait. */
    static Optional<Guild> await(JDA jda, String guildId) {
        return await(jda, guildId, RECONNECT_WAIT);
    }

    static Optional<Guild> await(JDA jda, String guildId, Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        while (true) {
            Guild g = jda.getGuildById(guildId);
            JDA.Status status = jda.getStatus();
            // LOADING_SUBSYSTEMS: a new session's servers are being built, channels after the server itself.
            if (g != null && status != JDA.Status.LOADING_SUBSYSTEMS) {
                return Optional.of(g);
            }
            if (status == JDA.Status.SHUTTING_DOWN
                    || status == JDA.Status.SHUTDOWN
                    || System.nanoTime() > end
                    || g == null && status == JDA.Status.CONNECTED && !reconnecting(jda, guildId, end)) {
                return Optional.ofNullable(jda.getGuildById(guildId));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.ofNullable(jda.getGuildById(guildId));
            }
        }
    }

    /**
     * Connected and still no server: either the bot really left it, or JDA has just dropped its cache on op 9 and not
     * yet changed its status. Give the second case a moment to show itself.
     */
    private static boolean reconnecting(JDA jda, String guildId, long end) {
        long settle = Math.min(end, System.nanoTime() + Duration.ofMillis(500).toNanos());
        while (System.nanoTime() < settle) {
            if (jda.getStatus() != JDA.Status.CONNECTED || jda.getGuildById(guildId) != null) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** True while JDA has a live gateway session. */
    static boolean connected(JDA jda) {
        return jda.getStatus() == JDA.Status.CONNECTED;
    }
}
