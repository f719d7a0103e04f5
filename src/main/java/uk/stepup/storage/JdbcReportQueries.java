package uk.stepup.storage;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.stepup.summaries.ReportQueries;

/**
 * Read-only queries for the export and the outcome report: enrolment times, tasks with who did them, and sessions
 * with who attended. Reads the tables directly, so it does not depend on the repositories that write them.
 */
public final class JdbcReportQueries implements ReportQueries {
    private final Database db;

    public JdbcReportQueries(Database db) {
        this.db = db;
    }

    @Override
    public Map<Long, Instant> enrolledAt(long cohortId) {
        return db.read(c -> {
            Map<Long, Instant> out = new HashMap<>();
            JdbcRows.list(
                    c,
                    "SELECT id, created_at FROM home WHERE cohort_id = ?",
                    rs -> out.put(rs.getLong(1), JdbcRows.instant(rs.getString(2))),
                    cohortId);
            return out;
        });
    }

    @Override
    public List<TaskRecord> tasks(long cohortId) {
        return db.read(c -> {
            Map<Long, Map<Long, Instant>> done = new HashMap<>();
            JdbcRows.list(
                    c,
                    "SELECT d.task_id, d.home_id, d.done_at FROM task_done d JOIN task t ON t.id = d.task_id"
                            + " WHERE t.cohort_id = ?",
                    rs -> done.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .put(rs.getLong(2), JdbcRows.instant(rs.getString(3))),
                    cohortId);
            return JdbcRows.list(
                    c,
                    "SELECT id, title, details, due_date, created_at FROM task WHERE cohort_id = ?"
                            + " ORDER BY due_date, id",
                    rs -> new TaskRecord(
                            rs.getLong("id"),
                            rs.getString("title"),
                            JdbcRows.optional(rs, "details").filter(d -> !d.isBlank()),
                            JdbcRows.date(rs.getString("due_date")),
                            JdbcRows.instant(rs, "created_at"),
                            done.getOrDefault(rs.getLong("id"), Map.of())),
                    cohortId);
        });
    }

    @Override
    public List<SessionRecord> sessions(long cohortId) {
        return db.read(c -> {
            Map<Long, Map<Long, Integer>> came = new HashMap<>();
            JdbcRows.list(
                    c,
                    "SELECT a.session_id, a.home_id, COUNT(*) FROM attendance a JOIN session s ON s.id = a.session_id"
                            + " WHERE s.cohort_id = ? GROUP BY a.session_id, a.home_id",
                    rs -> came.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .put(rs.getLong(2), rs.getInt(3)),
                    cohortId);
            return JdbcRows.list(
                    c,
                    "SELECT id, title, starts_at FROM session WHERE cohort_id = ? ORDER BY starts_at, id",
                    rs -> new SessionRecord(
                            rs.getLong("id"),
                            rs.getString("title"),
                            JdbcRows.instant(rs, "starts_at"),
                            came.getOrDefault(rs.getLong("id"), Map.of())),
                    cohortId);
        });
    }
}
