package uk.stepup.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Port: coach tasks and which homes have done them. */
public interface TaskRepository {

    /** What a coach asks for when creating a task. */
    record NewTask(
            long cohortId,
            String title,
            Optional<String> details,
            LocalDate dueDate,
            String createdBy,
            Instant createdAt) {}

    /** The home's done record as it now stands, and whether this call created it (false: someone was first). */
    record Marked(TaskDone done, boolean first) {}

    Task create(NewTask task);

    /** Removes a task that could not be posted. */
    void delete(long taskId);

    void saveMessage(long taskId, String messageId);

    Optional<Task> byId(long taskId);

    /** The cohort's tasks, earliest due first. */
    List<Task> forCohort(long cohortId);

    /** Marks the task done for the home, once: a second call returns the first record unchanged. */
    Marked markDone(long taskId, long homeId, String userId, Instant at);

    List<TaskDone> doneFor(long taskId);

    List<TaskDone> doneInCohort(long cohortId);

    /** For each of the cohort's tasks that some home has done, those homes (task id → home ids). Reads only ids. */
    Map<Long, Set<Long>> homesDone(long cohortId);
}
