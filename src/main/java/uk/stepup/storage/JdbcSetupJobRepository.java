package uk.stepup.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.stepup.cohorts.SetupJob;
import uk.stepup.cohorts.SetupJobRepository;

/** Set-up jobs in SQLite: a step and the problems it found are written in one transaction. */
public final class JdbcSetupJobRepository implements SetupJobRepository {
    private final Database db;

    public JdbcSetupJobRepository(Database db) {
        this.db = db;
    }

    @Override
    public SetupJob start(
            long cohortId,
            SetupJob.Kind kind,
            String startedBy,
            Optional<String> file,
            SetupJob.Phase phase,
            Instant at) {
        long id = db.write(c -> JdbcRows.insert(
                c,
                "INSERT INTO setup_job (cohort_id, kind, started_by, file, phase, done,"
                        + " started_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)",
                cohortId,
                kind,
                startedBy,
                file,
                phase,
                at,
                at));
        return byId(id).orElseThrow();
    }

    @Override
    public void step(long jobId, SetupJob.Phase phase, int done, List<String> newProblems, Instant at) {
        db.write(c -> {
            JdbcRows.update(
                    c, "UPDATE setup_job SET phase = ?, done = ?, updated_at = ? WHERE id = ?", phase, done, at, jobId);
            int next = JdbcRows.one(
                            c,
                            "SELECT COALESCE(MAX(seq), 0) FROM setup_job_problem WHERE job_id = ?",
                            rs -> rs.getInt(1),
                            jobId)
                    .orElse(0);
            for (String problem : newProblems) {
                JdbcRows.update(
                        c,
                        "INSERT INTO setup_job_problem (job_id, seq, problem) VALUES (?, ?, ?)",
                        jobId,
                        ++next,
                        problem);
            }
            return null;
        });
    }

    @Override
    public void finish(long jobId, Instant at) {
        db.write(c -> JdbcRows.update(
                c,
                "UPDATE setup_job SET phase = ?, file = NULL, updated_at = ?, finished_at = ?" + " WHERE id = ?",
                SetupJob.Phase.DONE,
                at,
                at,
                jobId));
    }

    @Override
    public Optional<SetupJob> byId(long jobId) {
        return db.read(c -> JdbcRows.one(c, "SELECT * FROM setup_job WHERE id = ?", rs -> map(c, rs), jobId));
    }

    @Override
    public List<SetupJob> unfinished() {
        return db.read(
                c -> JdbcRows.list(c, "SELECT * FROM setup_job WHERE phase <> 'done' ORDER BY id", rs -> map(c, rs)));
    }

    private static SetupJob map(Connection c, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<String> problems = JdbcRows.list(
                c, "SELECT problem FROM setup_job_problem WHERE job_id = ? ORDER BY seq", r -> r.getString(1), id);
        return new SetupJob(
                id,
                rs.getLong("cohort_id"),
                JdbcRows.enumOf(SetupJob.Kind.class, rs.getString("kind")),
                rs.getString("started_by"),
                JdbcRows.optional(rs, "file"),
                JdbcRows.enumOf(SetupJob.Phase.class, rs.getString("phase")),
                rs.getInt("done"),
                problems,
                JdbcRows.instant(rs, "started_at"));
    }
}
