package uk.stepup.cohorts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A group of care homes going through the programme together, on one Discord server, in one time zone.
 *
 * @param startDate the Monday of programme week 1, in {@code zone}
 */
public record Cohort(
        long id,
        String guildId,
        String name,
        String framework,
        ZoneId zone,
        LocalDate startDate,
        WeeklyRhythm rhythm,
        Status status,
        Optional<LocalDate> pausedOn,
        Channels channels,
        String createdBy,
        Instant createdAt) {

    public enum Status {
        ACTIVE,
        PAUSED,
        ENDED
    }

    /** The Discord channels provisioned for the cohort; empty until provisioned. */
    public record Channels(
            Optional<String> categoryId,
            Optional<String> announcementsId,
            Optional<String> thisWeekId,
            Optional<String> peerLearningId) {
        public static Channels none() {
            return new Channels(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }
}
