package uk.stepup.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.stepup.tasks.Task;
import uk.stepup.tasks.TaskDone;
import uk.stepup.tasks.TaskRepository;

/** Coach tasks and the homes that have done them, in SQLite. The primary key (task, home) makes "done" happen once. */
public final class JdbcTaskRepository implements TaskRepository {
    private final Database db;

    public JdbcTaskRepository(Database db) {
        this.db = db;
    }

    @Override
    public Task create(NewTask t) {
        long id = db.write(c -> JdbcRows.insert(
                c,
                "INSERT INTO task (cohort_id, title, details, due_date, created_by, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                t.cohortId(),
                t.title(),
                t.details(),
                t.dueDate(),
                t.createdBy(),
                t.createdAt()));
        return byId(id).orElseThrow();
    }

    @Override
    public void delete(long taskId) {
        db.write(c -> JdbcRows.update(c, "DELETE FROM task WHERE id = ?", taskId));
    }

    @Override
    public void saveMessage(long taskId, String messageId) {
        db.write(c -> JdbcRows.update(c, "UPDATE task SET message_id = ? WHERE id = ?", messageId, taskId));
    }

    @Override
    public Optional<Task> byId(long taskId) {
        return db.read(c -> JdbcRows.one(c, "SELECT * FROM task WHERE id = ?", JdbcTaskRepository::map, taskId));
    }

    @Override
    public List<Task> forCohort(long cohortId) {
        return db.read(c -> JdbcRows.list(
                c, "SELECT * FROM task WHERE cohort_id = ? ORDER BY due_date, id", JdbcTaskRepository::map, cohortId));
    }

    @Override
    public Marked markDone(long taskId, long homeId, String userId, Instant at) {
        return db.write(c -> {
            int inserted = JdbcRows.update(
                    c,
                    "INSERT OR IGNORE INTO task_done (task_id, home_id, done_by, done_at) VALUES (?, ?, ?, ?)",
                    taskId,
                    homeId,
                    userId,
                    at);
            TaskDone done = JdbcRows.one(
                            c,
                            "SELECT * FROM task_done WHERE task_id = ? AND home_id = ?",
                            JdbcTaskRepository::mapDone,
                            taskId,
                            homeId)
                    .orElseThrow();
            return new Marked(done, inserted == 1);
        });
    }

    @Override
    public List<TaskDone> doneFor(long taskId) {
        return db.read(c -> JdbcRows.list(
                c,
                "SELECT * FROM task_done WHERE task_id = ? ORDER BY done_at, home_id",
                JdbcTaskRepository::mapDone,
                taskId));
    }

    @Override
    public List<TaskDone> doneInCohort(long cohortId) {
        return db.read(c -> JdbcRows.list(
                c,
                "SELECT d.* FROM task_done d JOIN task t ON t.id = d.task_id"
                        + " WHERE t.cohort_id = ? ORDER BY d.task_id, d.done_at",
                JdbcTaskRepository::mapDone,
                cohortId));
    }

    @Override
    public Map<Long, Set<Long>> homesDone(long cohortId) {
        return db.read(c -> {
            Map<Long, Set<Long>> out = new HashMap<>();
            JdbcRows.list(
                    c,
                    "SELECT d.task_id, d.home_id FROM task_done d JOIN task t ON t.id = d.task_id WHERE t.cohort_id = ?",
                    rs -> out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>())
                            .add(rs.getLong(2)),
                    cohortId);
            return out;
        });
    }

    private static Task map(ResultSet rs) throws SQLException {
        return new Task(
                rs.getLong("id"),
                rs.getLong("cohort_id"),
                rs.getString("title"),
                JdbcRows.optional(rs, "details"),
                JdbcRows.date(rs.getString("due_date")),
                JdbcRows.optional(rs, "message_id"),
                rs.getString("created_by"),
                JdbcRows.instant(rs, "created_at"));
    }

    private static TaskDone mapDone(ResultSet rs) throws SQLException {
        return new TaskDone(
                rs.getLong("task_id"), rs.getLong("home_id"), rs.getString("done_by"), JdbcRows.instant(rs, "done_at"));
    }
}
