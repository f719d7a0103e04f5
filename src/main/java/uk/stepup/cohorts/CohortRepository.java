package uk.stepup.cohorts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Port: where cohorts, their curriculum order and their breaks are kept. */
public interface CohortRepository {

    /** What a coach asks for when starting a cohort. */
    record NewCohort(
            String guildId,
            String name,
            String framework,
            ZoneId zone,
            LocalDate startDate,
            WeeklyRhythm rhythm,
            List<String> itemCodes,
            String createdBy,
            Instant createdAt) {
        public NewCohort {
            itemCodes = List.copyOf(itemCodes);
        }
    }

    /** Creates the cohort with its curriculum order; fails with {@link DuplicateCohortException} if the name is taken. */
    Cohort create(NewCohort cohort);

    Optional<Cohort> byId(long id);

    Optional<Cohort> byName(String guildId, String name);

    List<Cohort> inGuild(String guildId);

    /** Cohorts of that name on any server (for the command line, which may not know the server). */
    List<Cohort> named(String name);

    List<Cohort> all();

    /** Cohorts that are active or paused (not ended), across every guild. */
    List<Cohort> running();

    void saveChannels(long cohortId, Cohort.Channels channels);

    void setStatus(long cohortId, Cohort.Status status, Optional<LocalDate> pausedOn);

    /** The curriculum codes in the cohort's order (position 1 first). */
    List<String> items(long cohortId);

    void replaceItems(long cohortId, List<String> codes);

    /** Calendar weeks (their Monday) in which the programme does not advance. */
    List<LocalDate> breaks(long cohortId);

    void addBreak(long cohortId, LocalDate weekStart, String reason);

    /** Thrown when a cohort of that name already exists on the server. */
    final class DuplicateCohortException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DuplicateCohortException(String name) {
            super("A cohort called \"" + name + "\" already exists on this server.");
        }
    }
}
