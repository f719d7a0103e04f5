package uk.stepup.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.stepup.actions.Action;
import uk.stepup.actions.ActionOutcome;
import uk.stepup.actions.ActionRepository;
import uk.stepup.actions.FollowThrough;
import uk.stepup.actions.FollowUp;

/** Homes' actions and their week-by-week follow-ups in SQLite (tables {@code action}, {@code action_follow_up}). */
public final class JdbcActionRepository implements ActionRepository {
    private final Database db;

    public JdbcActionRepository(Database db) {
        this.db = db;
    }

    @Override
    public Action fromCheckin(long homeId, int week, long checkinId, String text, Instant at) {
        return db.write(c -> {
            Optional<Action> found = byHomeWeek(c, homeId, week);
            if (found.isEmpty()) {
                JdbcRows.insert(
                        c,
                        "INSERT INTO action (home_id, set_week, checkin_id, text, status, created_at, updated_at)"
                                + " VALUES (?, ?, ?, ?, 'open', ?, ?)",
                        homeId,
                        week,
                        checkinId,
                        text,
                        at,
                        at);
            } else if (!found.get().text().equals(text)
                    && !answered(c, found.get().id())) {
                JdbcRows.update(
                        c,
                        "UPDATE action SET text = ?, updated_at = ? WHERE id = ?",
                        text,
                        at,
                        found.get().id());
            }
            return byHomeWeek(c, homeId, week).orElseThrow();
        });
    }

    @Override
    public void withdraw(long homeId, int week) {
        db.write(c -> JdbcRows.update(
                c,
                "DELETE FROM action WHERE home_id = ? AND set_week = ?"
                        + " AND NOT EXISTS (SELECT 1 FROM action_follow_up f WHERE f.action_id = action.id)",
                homeId,
                week));
    }

    private static boolean answered(Connection c, long actionId) throws SQLException {
        return JdbcRows.one(c, "SELECT 1 FROM action_follow_up WHERE action_id = ?", rs -> true, actionId)
                .isPresent();
    }

    private static Optional<Action> byHomeWeek(Connection c, long homeId, int week) throws SQLException {
        return JdbcRows.one(
                c, "SELECT * FROM action WHERE home_id = ? AND set_week = ?", JdbcActionRepository::map, homeId, week);
    }

    @Override
    public Optional<Action> byId(long actionId) {
        return db.read(c -> JdbcRows.one(c, "SELECT * FROM action WHERE id = ?", JdbcActionRepository::map, actionId));
    }

    @Override
    public List<Action> forHome(long homeId) {
        return db.read(c -> JdbcRows.list(
                c, "SELECT * FROM action WHERE home_id = ? ORDER BY set_week, id", JdbcActionRepository::map, homeId));
    }

    @Override
    public List<Action> inCohort(long cohortId) {
        return db.read(c -> JdbcRows.list(
                c,
                "SELECT a.* FROM action a JOIN home h ON h.id = a.home_id WHERE h.cohort_id = ?"
                        + " ORDER BY a.home_id, a.set_week, a.id",
                JdbcActionRepository::map,
                cohortId));
    }

    @Override
    public List<FollowUp> followUpsForHome(long homeId) {
        return db.read(c -> JdbcRows.list(
                c,
                "SELECT f.* FROM action_follow_up f JOIN action a ON a.id = f.action_id WHERE a.home_id = ?"
                        + " ORDER BY f.action_id, f.week",
                JdbcActionRepository::mapFollowUp,
                homeId));
    }

    @Override
    public List<FollowUp> followUpsInCohort(long cohortId) {
        return db.read(c -> JdbcRows.list(
                c,
                "SELECT f.* FROM action_follow_up f JOIN action a ON a.id = f.action_id"
                        + " JOIN home h ON h.id = a.home_id WHERE h.cohort_id = ? ORDER BY f.action_id, f.week",
                JdbcActionRepository::mapFollowUp,
                cohortId));
    }

    @Override
    public Action answer(long actionId, int week, ActionOutcome outcome, String userId, Instant at) {
        return db.write(c -> {
            JdbcRows.update(
                    c,
                    "INSERT INTO action_follow_up (action_id, week, outcome, answered_by, answered_at)"
                            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (action_id, week) DO UPDATE SET"
                            + " outcome = excluded.outcome, answered_by = excluded.answered_by,"
                            + " answered_at = excluded.answered_at",
                    actionId,
                    week,
                    outcome,
                    userId,
                    at);
            Action.Status status = FollowThrough.statusAfter(outcome);
            JdbcRows.update(
                    c,
                    "UPDATE action SET status = ?, closed_week = ?, updated_at = ? WHERE id = ?",
                    status,
                    status == Action.Status.OPEN ? null : week,
                    at,
                    actionId);
            return JdbcRows.one(c, "SELECT * FROM action WHERE id = ?", JdbcActionRepository::map, actionId)
                    .orElseThrow();
        });
    }

    @Override
    public void note(long actionId, int week, String note, String userId, Instant at) {
        db.write(c -> JdbcRows.update(
                c,
                "INSERT INTO action_follow_up (action_id, week, note, answered_by, answered_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (action_id, week) DO UPDATE SET note = excluded.note",
                actionId,
                week,
                note,
                userId,
                at));
    }

    private static Action map(ResultSet rs) throws SQLException {
        int closed = rs.getInt("closed_week");
        Optional<Integer> closedWeek = rs.wasNull() ? Optional.empty() : Optional.of(closed);
        return new Action(
                rs.getLong("id"),
                rs.getLong("home_id"),
                rs.getInt("set_week"),
                rs.getLong("checkin_id"),
                rs.getString("text"),
                JdbcRows.enumOf(Action.Status.class, rs.getString("status")),
                closedWeek,
                JdbcRows.instant(rs, "created_at"),
                JdbcRows.instant(rs, "updated_at"));
    }

    private static FollowUp mapFollowUp(ResultSet rs) throws SQLException {
        return new FollowUp(
                rs.getLong("action_id"),
                rs.getInt("week"),
                JdbcRows.optional(rs, "outcome").map(k -> JdbcRows.enumOf(ActionOutcome.class, k)),
                JdbcRows.optional(rs, "note"),
                rs.getString("answered_by"),
                JdbcRows.instant(rs, "answered_at"));
    }
}
