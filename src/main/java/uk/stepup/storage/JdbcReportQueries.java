package uk.stepup.storage;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import uk.stepup.summaries.ReportQueries;

/**
 * Read-only queries for the export and the outcome report: enrolment times, tasks with who did them, sessions with
 * who attended, and measures tables when the database has them. Reads the tables directly, so it does not depend on
 * the repositories that write them.
 */
public final class JdbcReportQueries implements ReportQueries {
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private final Database db;

    public JdbcReportQueries(Database db) {
        this.db = db;
    }

    @Override
    public Map<Long, Instant> enrolledAt(long cohortId) {
        return db.read(c -> {
            Map<Long, Instant> out = new HashMap<>();
            Sql.list(c, "SELECT id, created_at FROM home WHERE cohort_id = ?",
                    rs -> out.put(rs.getLong(1), Instant.parse(rs.getString(2))), cohortId);
            return out;
        });
    }

    @Override
    public List<TaskRecord> tasks(long cohortId) {
        return db.read(c -> {
            Map<Long, Map<Long, Instant>> done = new HashMap<>();
            Sql.list(c, "SELECT d.task_id, d.home_id, d.done_at FROM task_done d JOIN task t ON t.id = d.task_id"
                    + " WHERE t.cohort_id = ?", rs -> done.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                    .put(rs.getLong(2), Instant.parse(rs.getString(3))), cohortId);
            return Sql.list(c, "SELECT id, title, details, due_date, created_at FROM task WHERE cohort_id = ?"
                    + " ORDER BY due_date, id", rs -> new TaskRecord(rs.getLong("id"), rs.getString("title"),
                    Sql.optional(rs, "details").filter(d -> !d.isBlank()), LocalDate.parse(rs.getString("due_date")),
                    Sql.instant(rs, "created_at"), done.getOrDefault(rs.getLong("id"), Map.of())), cohortId);
        });
    }

    @Override
    public List<SessionRecord> sessions(long cohortId) {
        return db.read(c -> {
            Map<Long, Map<Long, Integer>> came = new HashMap<>();
            Sql.list(c, "SELECT a.session_id, a.home_id, COUNT(*) FROM attendance a JOIN session s ON s.id = a.session_id"
                    + " WHERE s.cohort_id = ? GROUP BY a.session_id, a.home_id",
                    rs -> came.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getLong(2), rs.getInt(3)),
                    cohortId);
            return Sql.list(c, "SELECT id, title, starts_at FROM session WHERE cohort_id = ? ORDER BY starts_at, id",
                    rs -> new SessionRecord(rs.getLong("id"), rs.getString("title"), Sql.instant(rs, "starts_at"),
                            came.getOrDefault(rs.getLong("id"), Map.of())), cohortId);
        });
    }

    /**
     * Every table whose name starts with {@value ReportQueries#MEASURE_TABLE_PREFIX} and has a {@code cohort_id} or
     * {@code home_id} column, with the cohort's rows in storage order; tables without either are left out.
     */
    @Override
    public List<MeasureTable> measures(long cohortId) {
        return db.read(c -> {
            List<String> tables = Sql.list(c, "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE ?"
                    + " ORDER BY name", rs -> rs.getString(1), MEASURE_TABLE_PREFIX + "%");
            List<MeasureTable> out = new ArrayList<>();
            for (String table : tables) {
                if (!TABLE_NAME.matcher(table).matches()) {
                    continue;
                }
                List<String> columns = Sql.list(c, "SELECT name FROM pragma_table_info(?)", rs -> rs.getString(1), table);
                String sql;
                if (columns.contains("cohort_id")) {
                    sql = "SELECT * FROM \"" + table + "\" WHERE cohort_id = ? ORDER BY rowid";
                } else if (columns.contains("home_id")) {
                    sql = "SELECT m.* FROM \"" + table + "\" m JOIN home h ON h.id = m.home_id WHERE h.cohort_id = ?"
                            + " ORDER BY m.rowid";
                } else {
                    continue;
                }
                List<List<Object>> rows = Sql.list(c, sql, JdbcReportQueries::values, cohortId);
                if (!rows.isEmpty()) {
                    out.add(new MeasureTable(table, columns, rows));
                }
            }
            return out;
        });
    }

    private static List<Object> values(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object v = rs.getObject(i);
            if (v instanceof Integer n) {
                v = n.longValue();
            } else if (v instanceof Float f) {
                v = f.doubleValue();
            } else if (v != null && !(v instanceof Long) && !(v instanceof Double) && !(v instanceof String)) {
                v = rs.getString(i);
            }
            row.add(v);
        }
        return row;
    }
}
