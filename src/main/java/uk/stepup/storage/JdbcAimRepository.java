package uk.stepup.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import uk.stepup.improvement.Aim;
import uk.stepup.improvement.AimRepository;

/** Homes' aims in SQLite: one row per home and measure, replaced when set again. */
public final class JdbcAimRepository implements AimRepository {
    private final Database db;

    public JdbcAimRepository(Database db) {
        this.db = db;
    }

    @Override
    public Aim save(NewAim a) {
        return db.write(c -> {
            JdbcRows.update(
                    c,
                    "INSERT INTO aim (home_id, measure_id, from_value, to_value, by_date, words, set_by, set_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (home_id, measure_id) DO UPDATE SET from_value = excluded.from_value,"
                            + " to_value = excluded.to_value, by_date = excluded.by_date, words = excluded.words,"
                            + " set_by = excluded.set_by, set_at = excluded.set_at",
                    a.homeId(),
                    a.measureId(),
                    a.from(),
                    a.to(),
                    a.by(),
                    a.words(),
                    a.setBy(),
                    a.setAt());
            return JdbcRows.one(
                            c,
                            "SELECT * FROM aim WHERE home_id = ? AND measure_id = ?",
                            JdbcAimRepository::map,
                            a.homeId(),
                            a.measureId())
                    .orElseThrow();
        });
    }

    @Override
    public boolean clear(long homeId, long measureId) {
        return db.write(
                c -> JdbcRows.update(c, "DELETE FROM aim WHERE home_id = ? AND measure_id = ?", homeId, measureId) > 0);
    }

    @Override
    public Optional<Aim> of(long homeId, long measureId) {
        return db.read(c -> JdbcRows.one(
                c,
                "SELECT * FROM aim WHERE home_id = ? AND measure_id = ?",
                JdbcAimRepository::map,
                homeId,
                measureId));
    }

    @Override
    public List<Aim> forHome(long homeId) {
        return db.read(c -> JdbcRows.list(
                c, "SELECT * FROM aim WHERE home_id = ? ORDER BY measure_id", JdbcAimRepository::map, homeId));
    }

    @Override
    public List<Aim> inCohort(long cohortId) {
        return db.read(c -> JdbcRows.list(
                c,
                "SELECT a.* FROM aim a JOIN home h ON h.id = a.home_id WHERE h.cohort_id = ?"
                        + " ORDER BY a.home_id, a.measure_id",
                JdbcAimRepository::map,
                cohortId));
    }

    private static Aim map(ResultSet rs) throws SQLException {
        return new Aim(
                rs.getLong("id"),
                rs.getLong("home_id"),
                rs.getLong("measure_id"),
                rs.getDouble("from_value"),
                rs.getDouble("to_value"),
                JdbcRows.date(rs, "by_date"),
                rs.getString("words"),
                rs.getString("set_by"),
                JdbcRows.instant(rs, "set_at"));
    }
}
