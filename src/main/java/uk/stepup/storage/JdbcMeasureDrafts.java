package uk.stepup.storage;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import uk.stepup.measures.MeasureDrafts;

/** Measures drafts in SQLite: taking one reads and deletes it (with its values) in one transaction. */
public final class JdbcMeasureDrafts implements MeasureDrafts {
    private final Database db;

    public JdbcMeasureDrafts(Database db) {
        this.db = db;
    }

    @Override
    public void hold(Draft d) {
        db.write(c -> {
            JdbcRows.update(
                    c,
                    "INSERT INTO measure_draft (token, user_id, home_id, week, page, held_at) VALUES (?, ?, ?, ?, ?, ?)",
                    d.token(),
                    d.userId(),
                    d.homeId(),
                    d.week(),
                    d.page(),
                    d.heldAt());
            for (Map.Entry<String, String> v : d.values().entrySet()) {
                JdbcRows.update(
                        c,
                        "INSERT INTO measure_draft_value (token, box, value) VALUES (?, ?, ?)",
                        d.token(),
                        v.getKey(),
                        v.getValue());
            }
            return null;
        });
    }

    @Override
    public Optional<Draft> take(String token, String userId, Instant heldSince) {
        return db.write(c -> {
            Optional<Draft> found = JdbcRows.one(
                            c,
                            "SELECT * FROM measure_draft WHERE token = ? AND user_id = ?",
                            rs -> new Draft(
                                    rs.getString("token"),
                                    rs.getString("user_id"),
                                    rs.getLong("home_id"),
                                    rs.getInt("week"),
                                    rs.getInt("page"),
                                    Map.of(),
                                    JdbcRows.instant(rs, "held_at")),
                            token,
                            userId)
                    .filter(d -> !d.heldAt().isBefore(heldSince));
            if (found.isEmpty()) {
                return found;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (Map.Entry<String, String> v : JdbcRows.list(
                    c,
                    "SELECT box, value FROM measure_draft_value WHERE token = ?",
                    rs -> Map.entry(rs.getString(1), rs.getString(2)),
                    token)) {
                values.put(v.getKey(), v.getValue());
            }
            JdbcRows.update(c, "DELETE FROM measure_draft_value WHERE token = ?", token);
            JdbcRows.update(c, "DELETE FROM measure_draft WHERE token = ?", token);
            Draft d = found.get();
            return Optional.of(new Draft(d.token(), d.userId(), d.homeId(), d.week(), d.page(), values, d.heldAt()));
        });
    }

    @Override
    public int forgetBefore(Instant cutoff) {
        return db.write(c -> {
            JdbcRows.update(
                    c,
                    "DELETE FROM measure_draft_value WHERE token IN (SELECT token FROM measure_draft WHERE held_at < ?)",
                    cutoff);
            return JdbcRows.update(c, "DELETE FROM measure_draft WHERE held_at < ?", cutoff);
        });
    }
}
