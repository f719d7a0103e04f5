package uk.stepup.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.WeeklyRhythm;
import uk.stepup.shared.WeeklyTime;

/** Cohorts in SQLite. */
public final class JdbcCohortRepository implements CohortRepository {
    private static final String COLUMNS = "SELECT * FROM cohort ";
    private final Database db;

    public JdbcCohortRepository(Database db) {
        this.db = db;
    }

    @Override
    public Cohort create(NewCohort n) {
        long id = db.write(c -> {
            if (JdbcRows.one(
                            c,
                            "SELECT id FROM cohort WHERE guild_id = ? AND name = ? COLLATE NOCASE",
                            rs -> rs.getLong(1),
                            n.guildId(),
                            n.name())
                    .isPresent()) {
                throw new DuplicateCohortException(n.name());
            }
            long newId = JdbcRows.insert(
                    c,
                    "INSERT INTO cohort (guild_id, name, framework, zone, start_date, prompt_at,"
                            + " reminder_at, close_at, summary_at, created_by, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    n.guildId(),
                    n.name(),
                    n.framework(),
                    n.zone().getId(),
                    n.startDate(),
                    n.rhythm().prompt().toString(),
                    n.rhythm().reminder().toString(),
                    n.rhythm().close().toString(),
                    n.rhythm().summary().toString(),
                    n.createdBy(),
                    n.createdAt());
            insertItems(c, newId, n.itemCodes());
            return newId;
        });
        return byId(id).orElseThrow();
    }

    private static void insertItems(Connection c, long cohortId, List<String> codes) throws SQLException {
        int position = 1;
        for (String code : codes) {
            JdbcRows.update(
                    c,
                    "INSERT INTO cohort_item (cohort_id, position, code) VALUES (?, ?, ?)",
                    cohortId,
                    position++,
                    code);
        }
    }

    @Override
    public Optional<Cohort> byId(long id) {
        return db.read(c -> JdbcRows.one(c, COLUMNS + "WHERE id = ?", JdbcCohortRepository::map, id));
    }

    @Override
    public Optional<Cohort> byName(String guildId, String name) {
        return db.read(c -> JdbcRows.one(
                c,
                COLUMNS + "WHERE guild_id = ? AND name = ? COLLATE NOCASE",
                JdbcCohortRepository::map,
                guildId,
                name));
    }

    @Override
    public List<Cohort> inGuild(String guildId) {
        return db.read(
                c -> JdbcRows.list(c, COLUMNS + "WHERE guild_id = ? ORDER BY id", JdbcCohortRepository::map, guildId));
    }

    @Override
    public List<Cohort> named(String name) {
        return db.read(c -> JdbcRows.list(
                c, COLUMNS + "WHERE name = ? COLLATE NOCASE ORDER BY id", JdbcCohortRepository::map, name));
    }

    @Override
    public List<Cohort> all() {
        return db.read(c -> JdbcRows.list(c, COLUMNS + "ORDER BY id", JdbcCohortRepository::map));
    }

    @Override
    public List<Cohort> running() {
        return db.read(
                c -> JdbcRows.list(c, COLUMNS + "WHERE status <> 'ended' ORDER BY id", JdbcCohortRepository::map));
    }

    @Override
    public void saveChannels(long cohortId, Cohort.Channels ch) {
        db.write(c -> JdbcRows.update(
                c,
                "UPDATE cohort SET category_id = ?, announcements_id = ?, this_week_id = ?,"
                        + " peer_learning_id = ? WHERE id = ?",
                ch.categoryId(),
                ch.announcementsId(),
                ch.thisWeekId(),
                ch.peerLearningId(),
                cohortId));
    }

    @Override
    public void setStatus(long cohortId, Cohort.Status status, Optional<LocalDate> pausedOn) {
        db.write(c -> JdbcRows.update(
                c, "UPDATE cohort SET status = ?, paused_on = ? WHERE id = ?", status, pausedOn, cohortId));
    }

    @Override
    public List<String> items(long cohortId) {
        return db.read(c -> JdbcRows.list(
                c,
                "SELECT code FROM cohort_item WHERE cohort_id = ? ORDER BY position",
                rs -> rs.getString(1),
                cohortId));
    }

    @Override
    public void replaceItems(long cohortId, List<String> codes) {
        db.write(c -> {
            JdbcRows.update(c, "DELETE FROM cohort_item WHERE cohort_id = ?", cohortId);
            insertItems(c, cohortId, codes);
            return null;
        });
    }

    @Override
    public List<LocalDate> breaks(long cohortId) {
        return db.read(c -> JdbcRows.list(
                c,
                "SELECT week_start FROM cohort_break WHERE cohort_id = ? ORDER BY week_start",
                rs -> JdbcRows.date(rs.getString(1)),
                cohortId));
    }

    @Override
    public void addBreak(long cohortId, LocalDate weekStart, String reason) {
        db.write(c -> JdbcRows.update(
                c,
                "INSERT OR IGNORE INTO cohort_break (cohort_id, week_start, reason) VALUES (?, ?, ?)",
                cohortId,
                weekStart,
                reason));
    }

    private static Cohort map(ResultSet rs) throws SQLException {
        return new Cohort(
                rs.getLong("id"),
                rs.getString("guild_id"),
                rs.getString("name"),
                rs.getString("framework"),
                ZoneId.of(rs.getString("zone")),
                JdbcRows.date(rs.getString("start_date")),
                new WeeklyRhythm(
                        time(rs, "prompt_at"), time(rs, "reminder_at"), time(rs, "close_at"), time(rs, "summary_at")),
                JdbcRows.enumOf(Cohort.Status.class, rs.getString("status")),
                JdbcRows.optional(rs, "paused_on").map(LocalDate::parse),
                new Cohort.Channels(
                        JdbcRows.optional(rs, "category_id"),
                        JdbcRows.optional(rs, "announcements_id"),
                        JdbcRows.optional(rs, "this_week_id"),
                        JdbcRows.optional(rs, "peer_learning_id")),
                rs.getString("created_by"),
                JdbcRows.instant(rs, "created_at"));
    }

    private static WeeklyTime time(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return WeeklyTime.parse(text).orElseThrow(() -> new SQLException("Bad weekly time in " + column + ": " + text));
    }
}
