package uk.stepup.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.stepup.cohorts.Baseline;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;

/** Homes and managers in SQLite. */
public final class JdbcHomeRepository implements HomeRepository {
    private final Database db;

    public JdbcHomeRepository(Database db) {
        this.db = db;
    }

    @Override
    public List<Home> enrolAll(long cohortId, List<NewHome> homes, Instant at) {
        List<Long> ids = db.write(c -> {
            List<Long> created = new ArrayList<>();
            for (NewHome h : homes) {
                if (JdbcRows.one(
                                c,
                                "SELECT id FROM home WHERE cohort_id = ? AND name = ? COLLATE NOCASE",
                                rs -> rs.getLong(1),
                                cohortId,
                                h.name())
                        .isPresent()) {
                    throw new EnrolmentConflictException(
                            "A home called \"" + h.name() + "\" is already enrolled in this cohort.");
                }
                String slug = h.slug();
                for (int n = 2;
                        JdbcRows.one(
                                        c,
                                        "SELECT id FROM home WHERE cohort_id = ? AND slug = ?",
                                        rs -> rs.getLong(1),
                                        cohortId,
                                        slug)
                                .isPresent();
                        n++) {
                    slug = h.slug() + "-" + n;
                }
                Map<KeyQuestion, Rating> b = h.baseline().byKeyQuestion();
                long id = JdbcRows.insert(
                        c,
                        "INSERT INTO home (cohort_id, name, slug, cqc_location_id, baseline_overall,"
                                + " baseline_safe, baseline_effective, baseline_caring, baseline_responsive, baseline_well_led,"
                                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        cohortId,
                        h.name(),
                        slug,
                        h.cqcLocationId(),
                        h.baseline().overall(),
                        Optional.ofNullable(b.get(KeyQuestion.SAFE)),
                        Optional.ofNullable(b.get(KeyQuestion.EFFECTIVE)),
                        Optional.ofNullable(b.get(KeyQuestion.CARING)),
                        Optional.ofNullable(b.get(KeyQuestion.RESPONSIVE)),
                        Optional.ofNullable(b.get(KeyQuestion.WELL_LED)),
                        at);
                for (String userId : h.managerIds()) {
                    insertManager(c, cohortId, id, userId, at);
                }
                created.add(id);
            }
            return created;
        });
        return ids.stream().map(id -> byId(id).orElseThrow()).toList();
    }

    private static void insertManager(Connection c, long cohortId, long homeId, String userId, Instant at)
            throws SQLException {
        Optional<String> existing = JdbcRows.one(
                c,
                "SELECT h.name FROM manager m JOIN home h ON h.id = m.home_id"
                        + " WHERE m.cohort_id = ? AND m.user_id = ?",
                rs -> rs.getString(1),
                cohortId,
                userId);
        if (existing.isPresent()) {
            throw new EnrolmentConflictException("User " + userId + " already manages \"" + existing.get()
                    + "\" in this cohort; a manager belongs to one home.");
        }
        JdbcRows.update(
                c,
                "INSERT INTO manager (cohort_id, home_id, user_id, enrolled_at) VALUES (?, ?, ?, ?)",
                cohortId,
                homeId,
                userId,
                at);
    }

    @Override
    public Home addManager(long homeId, String userId, Instant at) {
        db.write(c -> {
            long cohortId = JdbcRows.one(c, "SELECT cohort_id FROM home WHERE id = ?", rs -> rs.getLong(1), homeId)
                    .orElseThrow(() -> new EnrolmentConflictException("No such home."));
            Optional<Long> same = JdbcRows.one(
                    c,
                    "SELECT home_id FROM manager WHERE cohort_id = ? AND user_id = ?",
                    rs -> rs.getLong(1),
                    cohortId,
                    userId);
            if (same.isPresent() && same.get() == homeId) {
                return null;
            }
            insertManager(c, cohortId, homeId, userId, at);
            return null;
        });
        return byId(homeId).orElseThrow();
    }

    @Override
    public Optional<Home> byId(long homeId) {
        return db.read(c -> JdbcRows.one(c, "SELECT * FROM home WHERE id = ?", rs -> map(c, rs), homeId));
    }

    @Override
    public Optional<Home> byName(long cohortId, String name) {
        return db.read(c -> JdbcRows.one(
                c,
                "SELECT * FROM home WHERE cohort_id = ? AND name = ? COLLATE NOCASE",
                rs -> map(c, rs),
                cohortId,
                name));
    }

    /**
     * Every home of the cohort in two queries, the homes and then all their managers, rather than one query for each
     * home's managers: at 15,000 homes that was 15,001 queries each time the cohort's homes were read.
     */
    @Override
    public List<Home> inCohort(long cohortId) {
        return db.read(c -> {
            Map<Long, List<String>> managers = new HashMap<>();
            JdbcRows.list(
                    c,
                    "SELECT home_id, user_id FROM manager WHERE cohort_id = ? ORDER BY home_id, enrolled_at, user_id",
                    rs -> managers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(rs.getString(2)),
                    cohortId);
            return JdbcRows.list(
                    c,
                    "SELECT * FROM home WHERE cohort_id = ? ORDER BY name COLLATE NOCASE",
                    rs -> map(rs, managers.getOrDefault(rs.getLong("id"), List.of())),
                    cohortId);
        });
    }

    @Override
    public Optional<Home> managedBy(long cohortId, String userId) {
        return db.read(c -> JdbcRows.one(
                c,
                "SELECT h.* FROM home h JOIN manager m ON m.home_id = h.id"
                        + " WHERE m.cohort_id = ? AND m.user_id = ?",
                rs -> map(c, rs),
                cohortId,
                userId));
    }

    @Override
    public List<Home> managedBy(String userId) {
        return db.read(c -> JdbcRows.list(
                c,
                "SELECT h.* FROM home h JOIN manager m ON m.home_id = h.id"
                        + " WHERE m.user_id = ? ORDER BY h.cohort_id DESC",
                rs -> map(c, rs),
                userId));
    }

    @Override
    public void saveChannel(long homeId, String channelId) {
        db.write(c -> JdbcRows.update(c, "UPDATE home SET channel_id = ? WHERE id = ?", channelId, homeId));
    }

    private static Home map(Connection c, ResultSet rs) throws SQLException {
        return map(
                rs,
                JdbcRows.list(
                        c,
                        "SELECT user_id FROM manager WHERE home_id = ? ORDER BY enrolled_at, user_id",
                        r -> r.getString(1),
                        rs.getLong("id")));
    }

    /** The home on the current row, with its managers (in enrolment order) already read. */
    private static Home map(ResultSet rs, List<String> managers) throws SQLException {
        long id = rs.getLong("id");
        Map<KeyQuestion, Rating> byKq = new EnumMap<>(KeyQuestion.class);
        for (KeyQuestion kq : KeyQuestion.values()) {
            Rating.parse(rs.getString("baseline_" + kq.key())).ifPresent(r -> byKq.put(kq, r));
        }
        Baseline baseline = new Baseline(Rating.parse(rs.getString("baseline_overall")), byKq);
        String name = rs.getString("name");
        String slug = rs.getString("slug");
        long cohortId = rs.getLong("cohort_id");
        Optional<String> cqc = JdbcRows.optional(rs, "cqc_location_id");
        Optional<String> channel = JdbcRows.optional(rs, "channel_id");
        return new Home(id, cohortId, name, slug, cqc, channel, baseline, managers);
    }
}
