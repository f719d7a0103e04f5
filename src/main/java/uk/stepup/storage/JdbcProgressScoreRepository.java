package uk.stepup.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import uk.stepup.improvement.IhiScale;
import uk.stepup.improvement.ProgressScore;
import uk.stepup.improvement.ProgressScoreRepository;

/** Coaches' IHI progress scores in SQLite, every one kept. */
public final class JdbcProgressScoreRepository implements ProgressScoreRepository {
    private final Database db;

    public JdbcProgressScoreRepository(Database db) {
        this.db = db;
    }

    @Override
    public ProgressScore add(NewScore s) {
        return db.write(c -> {
            long id = JdbcRows.insert(
                    c,
                    "INSERT INTO progress_score (home_id, score, week, note, set_by, set_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    s.homeId(),
                    s.score().value(),
                    s.week(),
                    s.note(),
                    s.setBy(),
                    s.setAt());
            return JdbcRows.one(c, "SELECT * FROM progress_score WHERE id = ?", JdbcProgressScoreRepository::map, id)
                    .orElseThrow();
        });
    }

    @Override
    public List<ProgressScore> forHome(long homeId) {
        return db.read(c -> JdbcRows.list(
                c,
                "SELECT * FROM progress_score WHERE home_id = ? ORDER BY set_at, id",
                JdbcProgressScoreRepository::map,
                homeId));
    }

    @Override
    public List<ProgressScore> inCohort(long cohortId) {
        return db.read(c -> JdbcRows.list(
                c,
                "SELECT s.* FROM progress_score s JOIN home h ON h.id = s.home_id WHERE h.cohort_id = ?"
                        + " ORDER BY s.home_id, s.set_at, s.id",
                JdbcProgressScoreRepository::map,
                cohortId));
    }

    private static ProgressScore map(ResultSet rs) throws SQLException {
        double value = rs.getDouble("score");
        return new ProgressScore(
                rs.getLong("id"),
                rs.getLong("home_id"),
                IhiScale.of(value).orElseThrow(() -> new SQLException("not an IHI score: " + value)),
                rs.getInt("week"),
                rs.getString("note"),
                rs.getString("set_by"),
                JdbcRows.instant(rs, "set_at"));
    }
}
