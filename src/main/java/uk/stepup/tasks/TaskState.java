package uk.stepup.tasks;

/** Where a home stands with a task: pending until the due date has passed, then overdue, or done. */
public enum TaskState {
    PENDING,
    OVERDUE,
    DONE
}
