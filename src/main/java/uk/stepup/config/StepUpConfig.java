package uk.stepup.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import uk.stepup.shared.WeeklyTime;

/**
 * Everything the bot can be configured with, after the file and the environment have been merged and checked.
 * Secrets are not here: the Discord token is read from the environment by whoever needs it.
 */
public record StepUpConfig(Discord discord, Storage storage, Curriculum curriculum, Schedule schedule) {

    /**
     * How the bot finds Discord (or any Discord-compatible server) and who counts as a coach.
     *
     * @param guildId the servers the bot serves, as configured: one id, or several separated by commas (checked and
     *     written without spaces), or null for every server it is in; {@link #guildIds()} lists them
     */
    public record Discord(String guildId, String coachRole, String apiUrl, String gatewayUrl) {
        /** The configured server ids in the order given; empty when none is configured (every server the bot is in). */
        public List<String> guildIds() {
            if (guildId == null || guildId.isBlank()) {
                return List.of();
            }
            return Arrays.stream(guildId.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
    }

    /** Where the SQLite database lives. */
    public record Storage(Path database) {}

    /** Where the prompt files live and which framework new cohorts follow. */
    public record Curriculum(Path promptsDir, String framework) {}

    /** The default weekly rhythm of a new cohort, in its zone. */
    public record Schedule(ZoneId zone, WeeklyTime prompt, WeeklyTime reminder, WeeklyTime close, WeeklyTime summary) {}
}
