package uk.stepup.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Something the coach asks every home in a cohort to do by a date. Each home marks it done once; until then it is
 * pending, and from the day after its due date (in the cohort's zone) it is overdue.
 *
 * @param dueDate   the last day to do it, in the cohort's zone
 * @param messageId the post in {@code #announcements}, once posted
 */
public record Task(
        long id,
        long cohortId,
        String title,
        Optional<String> details,
        LocalDate dueDate,
        Optional<String> messageId,
        String createdBy,
        Instant createdAt) {
    /** The reminder goes to homes not done at this local time on the day before the due date. */
    public static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

    /** When the reminder is due: the day before the due date at {@link #REMINDER_TIME}, cohort time. */
    public Instant reminderAt(ZoneId zone) {
        return dueDate.minusDays(1).atTime(REMINDER_TIME).atZone(zone).toInstant();
    }

    /** The start of the due date, cohort time: a reminder is no use after this. */
    public Instant dueDayStarts(ZoneId zone) {
        return dueDate.atStartOfDay(zone).toInstant();
    }

    /** The first moment the task is overdue: the start of the day after its due date, cohort time. */
    public Instant overdueFrom(ZoneId zone) {
        return dueDate.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** A home's state for this task. */
    public TaskState stateFor(boolean doneByHome, Instant now, ZoneId zone) {
        if (doneByHome) {
            return TaskState.DONE;
        }
        return now.isBefore(overdueFrom(zone)) ? TaskState.PENDING : TaskState.OVERDUE;
    }
}
