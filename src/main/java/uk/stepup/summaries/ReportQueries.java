package uk.stepup.summaries;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Port: the read-only facts the export and the outcome report need beyond check-ins and measures: when each home
 * enrolled, the coach's tasks and who marked them done, and sessions and who attended. Everything is read for one
 * cohort; nothing here writes.
 */
public interface ReportQueries {

    /**
     * A task set for the cohort.
     *
     * @param doneAt when each home (by id) marked it done; homes absent have not
     */
    record TaskRecord(
            long id,
            String title,
            Optional<String> details,
            LocalDate dueDate,
            Instant createdAt,
            Map<Long, Instant> doneAt) {
        public TaskRecord {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(details, "details");
            Objects.requireNonNull(dueDate, "dueDate");
            doneAt = Map.copyOf(doneAt);
        }
    }

    /**
     * A coaching session.
     *
     * @param attendees how many of each home's people (by home id) pressed "I attended"; homes absent did not attend
     */
    record SessionRecord(long id, String title, Instant startsAt, Map<Long, Integer> attendees) {
        public SessionRecord {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(startsAt, "startsAt");
            attendees = Map.copyOf(attendees);
        }
    }

    /** When each home of the cohort (by id) was enrolled. */
    Map<Long, Instant> enrolledAt(long cohortId);

    /** The cohort's tasks, by due date. */
    List<TaskRecord> tasks(long cohortId);

    /** The cohort's sessions, by start time. */
    List<SessionRecord> sessions(long cohortId);
}
