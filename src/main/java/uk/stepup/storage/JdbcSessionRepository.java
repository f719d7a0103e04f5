package uk.stepup.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.stepup.tasks.Attendance;
import uk.stepup.tasks.Session;
import uk.stepup.tasks.SessionRepository;

/** Coaching sessions and attendance in SQLite. The primary key (session, user) records each manager once. */
public final class JdbcSessionRepository implements SessionRepository {
    private final Database db;

    public JdbcSessionRepository(Database db) {
        this.db = db;
    }

    @Override
    public Session create(NewSession s) {
        long id = db.write(c -> JdbcRows.insert(
                c,
                "INSERT INTO session (cohort_id, title, starts_at, link, created_by, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                s.cohortId(),
                s.title(),
                s.startsAt(),
                s.link(),
                s.createdBy(),
                s.createdAt()));
        return byId(id).orElseThrow();
    }

    @Override
    public void delete(long sessionId) {
        db.write(c -> JdbcRows.update(c, "DELETE FROM session WHERE id = ?", sessionId));
    }

    @Override
    public void saveEvent(long sessionId, String eventId) {
        db.write(c -> JdbcRows.update(c, "UPDATE session SET event_id = ? WHERE id = ?", eventId, sessionId));
    }

    @Override
    public void saveMessage(long sessionId, String messageId) {
        db.write(c -> JdbcRows.update(c, "UPDATE session SET message_id = ? WHERE id = ?", messageId, sessionId));
    }

    @Override
    public Optional<Session> byId(long sessionId) {
        return db.read(
                c -> JdbcRows.one(c, "SELECT * FROM session WHERE id = ?", JdbcSessionRepository::map, sessionId));
    }

    @Override
    public List<Session> forCohort(long cohortId) {
        return db.read(c -> JdbcRows.list(
                c,
                "SELECT * FROM session WHERE cohort_id = ? ORDER BY starts_at, id",
                JdbcSessionRepository::map,
                cohortId));
    }

    @Override
    public Recorded recordAttendance(long sessionId, long homeId, String userId, Instant at) {
        return db.write(c -> {
            int inserted = JdbcRows.update(
                    c,
                    "INSERT OR IGNORE INTO attendance (session_id, home_id, user_id, recorded_at)"
                            + " VALUES (?, ?, ?, ?)",
                    sessionId,
                    homeId,
                    userId,
                    at);
            Attendance a = JdbcRows.one(
                            c,
                            "SELECT * FROM attendance WHERE session_id = ? AND user_id = ?",
                            JdbcSessionRepository::mapAttendance,
                            sessionId,
                            userId)
                    .orElseThrow();
            return new Recorded(a, inserted == 1);
        });
    }

    @Override
    public List<Attendance> attendanceInCohort(long cohortId) {
        return db.read(c -> JdbcRows.list(
                c,
                "SELECT a.* FROM attendance a JOIN session s ON s.id = a.session_id"
                        + " WHERE s.cohort_id = ? ORDER BY a.session_id, a.recorded_at",
                JdbcSessionRepository::mapAttendance,
                cohortId));
    }

    private static Session map(ResultSet rs) throws SQLException {
        return new Session(
                rs.getLong("id"),
                rs.getLong("cohort_id"),
                rs.getString("title"),
                JdbcRows.instant(rs, "starts_at"),
                rs.getString("link"),
                JdbcRows.optional(rs, "event_id"),
                JdbcRows.optional(rs, "message_id"),
                rs.getString("created_by"),
                JdbcRows.instant(rs, "created_at"));
    }

    private static Attendance mapAttendance(ResultSet rs) throws SQLException {
        return new Attendance(
                rs.getLong("session_id"),
                rs.getLong("home_id"),
                rs.getString("user_id"),
                JdbcRows.instant(rs, "recorded_at"));
    }
}
