package uk.stepup.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.stepup.checkins.Checkin;
import uk.stepup.checkins.CheckinAnswers;
import uk.stepup.checkins.CheckinRepository;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.shared.Rating;

/** Check-ins and their revisions in SQLite. */
public final class JdbcCheckinRepository implements CheckinRepository {
    private final Database db;

    public JdbcCheckinRepository(Database db) {
        this.db = db;
    }

    /**
     * One upsert that returns the stored row (a new check-in, or the edited one with its revision count raised), then
     * the revision: two statements in one transaction, and no read afterwards. The upsert updates only when an answer
     * differs, so the same answers again return no row: then the stored check-in is read and nothing is added.
     */
    @Override
    public Stored save(long homeId, int week, String code, CheckinAnswers a, String userId, Instant at, boolean late) {
        return db.write(c -> {
            Optional<Checkin> changed = JdbcRows.one(
                    c,
                    "INSERT INTO checkin (home_id, week, framework, code, rating, did, evidence, next_step,"
                            + " highlight, late, revisions, submitted_by, submitted_at, updated_at)"
                            + " VALUES (?, ?, (SELECT c.framework FROM home h JOIN cohort c ON c.id = h.cohort_id"
                            + " WHERE h.id = ?), ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)"
                            + " ON CONFLICT (home_id, week) DO UPDATE SET rating = excluded.rating, did = excluded.did,"
                            + " evidence = excluded.evidence, next_step = excluded.next_step, highlight = excluded.highlight,"
                            + " revisions = checkin.revisions + 1, updated_at = excluded.updated_at"
                            + " WHERE checkin.rating IS NOT excluded.rating OR checkin.did IS NOT excluded.did"
                            + " OR checkin.evidence IS NOT excluded.evidence OR checkin.next_step IS NOT excluded.next_step"
                            + " OR checkin.highlight IS NOT excluded.highlight"
                            + " RETURNING *",
                    JdbcCheckinRepository::map,
                    homeId,
                    week,
                    homeId,
                    code,
                    a.rating(),
                    a.didThisWeek(),
                    a.evidence(),
                    a.nextStep(),
                    a.highlight(),
                    late,
                    userId,
                    at,
                    at);
            if (changed.isEmpty()) {
                Checkin same = JdbcRows.one(
                                c,
                                "SELECT * FROM checkin WHERE home_id = ? AND week = ?",
                                JdbcCheckinRepository::map,
                                homeId,
                                week)
                        .orElseThrow(() -> new SQLException("The check-in upsert returned no row"));
                return new Stored(same, false);
            }
            Checkin saved = changed.get();
            JdbcRows.update(
                    c,
                    "INSERT INTO checkin_revision (checkin_id, revision, rating, did, evidence, next_step, highlight,"
                            + " edited_by, edited_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    saved.id(),
                    saved.revisions(),
                    a.rating(),
                    a.didThisWeek(),
                    a.evidence(),
                    a.nextStep(),
                    a.highlight(),
                    userId,
                    at);
            return new Stored(saved, true);
        });
    }

    @Override
    public Optional<Checkin> find(long homeId, int week) {
        return db.read(c -> JdbcRows.one(
                c, "SELECT * FROM checkin WHERE home_id = ? AND week = ?", JdbcCheckinRepository::map, homeId, week));
    }

    @Override
    public Optional<Checkin> byId(long checkinId) {
        return db.read(
                c -> JdbcRows.one(c, "SELECT * FROM checkin WHERE id = ?", JdbcCheckinRepository::map, checkinId));
    }

    @Override
    public List<Checkin> forHome(long homeId) {
        return db.read(c -> JdbcRows.list(
                c, "SELECT * FROM checkin WHERE home_id = ? ORDER BY week", JdbcCheckinRepository::map, homeId));
    }

    @Override
    public List<Checkin> forCohortWeek(long cohortId, int week) {
        return db.read(c -> JdbcRows.list(
                c,
                "SELECT k.* FROM checkin k JOIN home h ON h.id = k.home_id"
                        + " WHERE h.cohort_id = ? AND k.week = ? ORDER BY k.home_id",
                JdbcCheckinRepository::map,
                cohortId,
                week));
    }

    @Override
    public List<Checkin> forCohort(long cohortId) {
        return db.read(c -> JdbcRows.list(
                c,
                "SELECT k.* FROM checkin k JOIN home h ON h.id = k.home_id"
                        + " WHERE h.cohort_id = ? ORDER BY k.week, k.home_id",
                JdbcCheckinRepository::map,
                cohortId));
    }

    @Override
    public List<Rated> ratedInCohort(long cohortId) {
        return db.read(c -> JdbcRows.list(
                c,
                "SELECT k.home_id, k.week, k.rating, k.highlight_share, k.late FROM checkin k"
                        + " JOIN home h ON h.id = k.home_id WHERE h.cohort_id = ?",
                rs -> new Rated(
                        rs.getLong(1),
                        rs.getInt(2),
                        rating(rs.getString(3)),
                        share(rs.getString(4)),
                        rs.getInt(5) != 0),
                cohortId));
    }

    @Override
    public List<Highlight> sharedHighlights(long cohortId, int week) {
        return db.read(c -> JdbcRows.list(
                c,
                "SELECT k.home_id, k.highlight_share, k.highlight FROM checkin k"
                        + " JOIN home h ON h.id = k.home_id WHERE h.cohort_id = ? AND k.week = ? AND k.highlight IS NOT NULL"
                        + " AND k.highlight_share <> 'none' ORDER BY k.home_id",
                rs -> new Highlight(rs.getLong(1), share(rs.getString(2)), rs.getString(3)),
                cohortId,
                week));
    }

    @Override
    public void setShare(long checkinId, HighlightShare share) {
        db.write(c -> JdbcRows.update(c, "UPDATE checkin SET highlight_share = ? WHERE id = ?", share, checkinId));
    }

    @Override
    public List<Revision> revisions(long checkinId) {
        return db.read(c -> JdbcRows.list(
                c,
                "SELECT * FROM checkin_revision WHERE checkin_id = ? ORDER BY revision",
                rs -> new Revision(
                        rs.getInt("revision"),
                        answers(rs),
                        rs.getString("edited_by"),
                        JdbcRows.instant(rs, "edited_at")),
                checkinId));
    }

    /** A stored rating: the enum's lower-case name, read without {@link Rating#parse}'s leniency (and cost). */
    private static Rating rating(String stored) throws SQLException {
        return switch (stored) {
            case "good" -> Rating.GOOD;
            case "requires_improvement" -> Rating.REQUIRES_IMPROVEMENT;
            case "outstanding" -> Rating.OUTSTANDING;
            case "inadequate" -> Rating.INADEQUATE;
            default -> Rating.parse(stored).orElseThrow(() -> new SQLException("Bad rating " + stored));
        };
    }

    private static HighlightShare share(String stored) {
        return switch (stored) {
            case "anonymous" -> HighlightShare.ANONYMOUS;
            case "named" -> HighlightShare.NAMED;
            case "none" -> HighlightShare.NONE;
            default -> JdbcRows.enumOf(HighlightShare.class, stored);
        };
    }

    static CheckinAnswers answers(ResultSet rs) throws SQLException {
        return new CheckinAnswers(
                rating(rs.getString("rating")),
                rs.getString("did"),
                JdbcRows.optional(rs, "evidence"),
                JdbcRows.optional(rs, "next_step"),
                JdbcRows.optional(rs, "highlight"));
    }

    private static Checkin map(ResultSet rs) throws SQLException {
        return new Checkin(
                rs.getLong("id"),
                rs.getLong("home_id"),
                rs.getInt("week"),
                rs.getString("framework"),
                rs.getString("code"),
                answers(rs),
                share(rs.getString("highlight_share")),
                rs.getInt("late") != 0,
                rs.getInt("revisions"),
                rs.getString("submitted_by"),
                JdbcRows.instant(rs, "submitted_at"),
                JdbcRows.instant(rs, "updated_at"));
    }
}
