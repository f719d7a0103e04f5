package uk.stepup.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import uk.stepup.checkins.HeldCheckins;

/** Held check-ins in SQLite: taking one reads and deletes it in one transaction, so it is taken at most once. */
public final class JdbcHeldCheckins implements HeldCheckins {
    private final Database db;

    public JdbcHeldCheckins(Database db) {
        this.db = db;
    }

    @Override
    public void hold(Held h) {
        db.write(c -> JdbcRows.update(
                c,
                "INSERT INTO held_checkin (token, user_id, home_id, week, rating, did, evidence,"
                        + " next_step, highlight, held_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                h.token(),
                h.userId(),
                h.homeId(),
                h.week(),
                h.answers().rating(),
                h.answers().didThisWeek(),
                h.answers().evidence(),
                h.answers().nextStep(),
                h.answers().highlight(),
                h.heldAt()));
    }

    @Override
    public Optional<Held> take(String token, String userId, Instant heldSince) {
        return db.write(c -> {
            Optional<Held> held = JdbcRows.one(
                            c,
                            "SELECT * FROM held_checkin WHERE token = ? AND user_id = ?",
                            JdbcHeldCheckins::map,
                            token,
                            userId)
                    .filter(h -> !h.heldAt().isBefore(heldSince));
            if (held.isPresent()) {
                JdbcRows.update(c, "DELETE FROM held_checkin WHERE token = ?", token);
            }
            return held;
        });
    }

    @Override
    public int forgetBefore(Instant cutoff) {
        return db.write(c -> JdbcRows.update(c, "DELETE FROM held_checkin WHERE held_at < ?", cutoff));
    }

    private static Held map(ResultSet rs) throws SQLException {
        return new Held(
                rs.getString("token"),
                rs.getString("user_id"),
                rs.getLong("home_id"),
                rs.getInt("week"),
                JdbcCheckinRepository.answers(rs),
                JdbcRows.instant(rs, "held_at"));
    }
}
