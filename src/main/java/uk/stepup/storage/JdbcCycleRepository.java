package uk.stepup.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.improvement.CycleRepository;
import uk.stepup.improvement.PdsaCycle;

/** Homes' PDSA cycles in SQLite. A cycle's number is the home's next, taken in the same transaction as the insert. */
public final class JdbcCycleRepository implements CycleRepository {
    private final Database db;

    public JdbcCycleRepository(Database db) {
        this.db = db;
    }

    @Override
    public PdsaCycle add(NewCycle n) {
        return db.write(c -> {
            long id = JdbcRows.insert(
                    c,
                    "INSERT INTO pdsa_cycle (home_id, number, measure_id, previous_id, change_idea, plan, prediction,"
                            + " start_date, planned_weeks, share, created_by, created_at)"
                            + " VALUES (?, (SELECT COALESCE(MAX(number), 0) + 1 FROM pdsa_cycle WHERE home_id = ?),"
                            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    n.homeId(),
                    n.homeId(),
                    boxed(n.measureId()),
                    boxed(n.previousId()),
                    n.changeIdea(),
                    n.plan(),
                    n.prediction(),
                    n.start(),
                    n.plannedWeeks(),
                    n.share(),
                    n.createdBy(),
                    n.createdAt());
            return JdbcRows.one(c, "SELECT * FROM pdsa_cycle WHERE id = ?", JdbcCycleRepository::map, id)
                    .orElseThrow();
        });
    }

    @Override
    public Optional<PdsaCycle> byId(long cycleId) {
        return db.read(
                c -> JdbcRows.one(c, "SELECT * FROM pdsa_cycle WHERE id = ?", JdbcCycleRepository::map, cycleId));
    }

    @Override
    public void saveDo(long cycleId, PdsaCycle.Step step) {
        db.write(c -> JdbcRows.update(
                c,
                "UPDATE pdsa_cycle SET do_text = ?, do_by = ?, do_at = ? WHERE id = ?",
                step.text(),
                step.by(),
                step.at(),
                cycleId));
    }

    @Override
    public void saveStudy(long cycleId, PdsaCycle.Step step) {
        db.write(c -> JdbcRows.update(
                c,
                "UPDATE pdsa_cycle SET study_text = ?, study_by = ?, study_at = ? WHERE id = ?",
                step.text(),
                step.by(),
                step.at(),
                cycleId));
    }

    @Override
    public boolean saveAct(long cycleId, PdsaCycle.Act act) {
        return db.write(c -> JdbcRows.update(
                        c,
                        "UPDATE pdsa_cycle SET decision = ?, act_text = ?, act_by = ?, act_at = ?"
                                + " WHERE id = ? AND decision IS NULL",
                        act.decision(),
                        act.text(),
                        act.by(),
                        act.at(),
                        cycleId)
                == 1);
    }

    @Override
    public void saveShare(long cycleId, HighlightShare share) {
        db.write(c -> JdbcRows.update(c, "UPDATE pdsa_cycle SET share = ? WHERE id = ?", share, cycleId));
    }

    @Override
    public List<PdsaCycle> forHome(long homeId) {
        return db.read(c -> JdbcRows.list(
                c, "SELECT * FROM pdsa_cycle WHERE home_id = ? ORDER BY number", JdbcCycleRepository::map, homeId));
    }

    @Override
    public List<PdsaCycle> inCohort(long cohortId) {
        return db.read(c -> JdbcRows.list(
                c,
                "SELECT p.* FROM pdsa_cycle p JOIN home h ON h.id = p.home_id WHERE h.cohort_id = ?"
                        + " ORDER BY p.home_id, p.number",
                JdbcCycleRepository::map,
                cohortId));
    }

    private static Long boxed(OptionalLong v) {
        return v.isPresent() ? v.getAsLong() : null;
    }

    private static OptionalLong optionalLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
    }

    private static Optional<PdsaCycle.Step> step(ResultSet rs, String prefix) throws SQLException {
        String text = rs.getString(prefix + "_text");
        if (text == null) {
            return Optional.empty();
        }
        return Optional.of(
                new PdsaCycle.Step(text, rs.getString(prefix + "_by"), JdbcRows.instant(rs, prefix + "_at")));
    }

    private static PdsaCycle map(ResultSet rs) throws SQLException {
        String decision = rs.getString("decision");
        Optional<PdsaCycle.Act> act = decision == null
                ? Optional.empty()
                : Optional.of(new PdsaCycle.Act(
                        JdbcRows.enumOf(PdsaCycle.Decision.class, decision),
                        rs.getString("act_text"),
                        rs.getString("act_by"),
                        JdbcRows.instant(rs, "act_at")));
        return new PdsaCycle(
                rs.getLong("id"),
                rs.getLong("home_id"),
                rs.getInt("number"),
                optionalLong(rs, "measure_id"),
                optionalLong(rs, "previous_id"),
                rs.getString("change_idea"),
                rs.getString("plan"),
                rs.getString("prediction"),
                JdbcRows.date(rs, "start_date"),
                rs.getInt("planned_weeks"),
                JdbcRows.enumOf(HighlightShare.class, rs.getString("share")),
                step(rs, "do"),
                step(rs, "study"),
                act,
                rs.getString("created_by"),
                JdbcRows.instant(rs, "created_at"));
    }
}
