package uk.stepup.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import uk.stepup.improvement.Recalculation;
import uk.stepup.improvement.RecalculationRepository;

/** Confirmed limit recalculations in SQLite; undoing one fills in who and when, and keeps the row. */
public final class JdbcRecalculationRepository implements RecalculationRepository {
    private final Database db;

    public JdbcRecalculationRepository(Database db) {
        this.db = db;
    }

    @Override
    public Recalculation add(NewRecalculation r) {
        return db.write(c -> {
            long id = JdbcRows.insert(
                    c,
                    "INSERT INTO recalculation (home_id, measure_id, from_period, reason, why, confirmed_by,"
                            + " confirmed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    r.homeId(),
                    r.measureId(),
                    r.from(),
                    r.reason(),
                    r.why(),
                    r.confirmedBy(),
                    r.confirmedAt());
            return JdbcRows.one(c, "SELECT * FROM recalculation WHERE id = ?", JdbcRecalculationRepository::map, id)
                    .orElseThrow();
        });
    }

    @Override
    public Optional<Recalculation> byId(long recalculationId) {
        return db.read(c -> JdbcRows.one(
                c, "SELECT * FROM recalculation WHERE id = ?", JdbcRecalculationRepository::map, recalculationId));
    }

    @Override
    public boolean undo(long recalculationId, Recalculation.Undone undone) {
        return db.write(c -> JdbcRows.update(
                        c,
                        "UPDATE recalculation SET undone_by = ?, undone_at = ? WHERE id = ? AND undone_by IS NULL",
                        undone.by(),
                        undone.at(),
                        recalculationId)
                == 1);
    }

    @Override
    public List<Recalculation> of(long homeId, long measureId) {
        return db.read(c -> JdbcRows.list(
                c,
                "SELECT * FROM recalculation WHERE home_id = ? AND measure_id = ? ORDER BY confirmed_at, id",
                JdbcRecalculationRepository::map,
                homeId,
                measureId));
    }

    @Override
    public List<Recalculation> inCohort(long cohortId) {
        return db.read(c -> JdbcRows.list(
                c,
                "SELECT r.* FROM recalculation r JOIN home h ON h.id = r.home_id WHERE h.cohort_id = ?"
                        + " ORDER BY r.home_id, r.measure_id, r.confirmed_at, r.id",
                JdbcRecalculationRepository::map,
                cohortId));
    }

    private static Recalculation map(ResultSet rs) throws SQLException {
        String undoneBy = rs.getString("undone_by");
        return new Recalculation(
                rs.getLong("id"),
                rs.getLong("home_id"),
                rs.getLong("measure_id"),
                JdbcRows.date(rs, "from_period"),
                rs.getString("reason"),
                rs.getString("why"),
                rs.getString("confirmed_by"),
                JdbcRows.instant(rs, "confirmed_at"),
                undoneBy == null
                        ? Optional.empty()
                        : Optional.of(new Recalculation.Undone(undoneBy, JdbcRows.instant(rs, "undone_at"))));
    }
}
