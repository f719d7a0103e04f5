package uk.stepup.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.stepup.deliveries.DeliveryLedger;

/** The delivery ledger in SQLite: the primary key on the delivery key makes a second claim impossible. */
public final class JdbcDeliveryLedger implements DeliveryLedger {
    private final Database db;

    public JdbcDeliveryLedger(Database db) {
        this.db = db;
    }

    @Override
    public Claim claim(Key key, Instant dueAt, Instant now, boolean late, boolean retryUnfinished) {
        return db.write(c -> {
            Optional<Entry> existing = JdbcRows.one(
                    c, "SELECT * FROM delivery WHERE delivery_key = ?", JdbcDeliveryLedger::map, key.asText());
            if (existing.isEmpty()) {
                JdbcRows.update(
                        c,
                        "INSERT INTO delivery (delivery_key, cohort_id, week, kind, target, due_at, status,"
                                + " attempts, claimed_at, late) VALUES (?, ?, ?, ?, ?, ?, 'claimed', 1, ?, ?)",
                        key.asText(),
                        key.cohortId(),
                        key.week(),
                        key.kind(),
                        key.target(),
                        dueAt,
                        now,
                        late);
                return new Claim(
                        true,
                        JdbcRows.one(
                                        c,
                                        "SELECT * FROM delivery WHERE delivery_key = ?",
                                        JdbcDeliveryLedger::map,
                                        key.asText())
                                .orElseThrow());
            }
            Entry e = existing.get();
            if (e.status() == Status.CLAIMED && retryUnfinished) {
                JdbcRows.update(
                        c,
                        "UPDATE delivery SET attempts = attempts + 1, claimed_at = ? WHERE delivery_key = ?",
                        now,
                        key.asText());
                return new Claim(
                        true,
                        JdbcRows.one(
                                        c,
                                        "SELECT * FROM delivery WHERE delivery_key = ?",
                                        JdbcDeliveryLedger::map,
                                        key.asText())
                                .orElseThrow());
            }
            return new Claim(false, e);
        });
    }

    @Override
    public void markSent(Key key, String messageId, Instant at) {
        db.write(c -> JdbcRows.update(
                c,
                "UPDATE delivery SET status = 'sent', message_id = ?, sent_at = ? WHERE delivery_key = ?",
                messageId,
                at,
                key.asText()));
    }

    @Override
    public void markSkipped(Key key, Instant dueAt, Instant at, String note) {
        db.write(c -> {
            int changed = JdbcRows.update(
                    c,
                    "UPDATE delivery SET status = 'skipped', note = ? WHERE delivery_key = ? AND status <> 'sent'",
                    note,
                    key.asText());
            if (changed == 0) {
                JdbcRows.update(
                        c,
                        "INSERT OR IGNORE INTO delivery (delivery_key, cohort_id, week, kind, target, due_at, status,"
                                + " attempts, claimed_at, note) VALUES (?, ?, ?, ?, ?, ?, 'skipped', 0, ?, ?)",
                        key.asText(),
                        key.cohortId(),
                        key.week(),
                        key.kind(),
                        key.target(),
                        dueAt,
                        at,
                        note);
            }
            return null;
        });
    }

    @Override
    public Optional<Entry> find(Key key) {
        return db.read(c -> JdbcRows.one(
                c, "SELECT * FROM delivery WHERE delivery_key = ?", JdbcDeliveryLedger::map, key.asText()));
    }

    @Override
    public List<Entry> unfinished() {
        return db.read(c -> JdbcRows.list(
                c, "SELECT * FROM delivery WHERE status = 'claimed' ORDER BY due_at", JdbcDeliveryLedger::map));
    }

    @Override
    public List<Entry> forCohortWeek(long cohortId, int week) {
        return db.read(c -> JdbcRows.list(
                c,
                "SELECT * FROM delivery WHERE cohort_id = ? AND week = ? ORDER BY due_at, delivery_key",
                JdbcDeliveryLedger::map,
                cohortId,
                week));
    }

    @Override
    public List<Entry> forCohort(long cohortId, Kind kind) {
        return db.read(c -> JdbcRows.list(
                c,
                "SELECT * FROM delivery WHERE cohort_id = ? AND kind = ? ORDER BY due_at, delivery_key",
                JdbcDeliveryLedger::map,
                cohortId,
                kind));
    }

    @Override
    public Map<String, Status> statuses(long cohortId) {
        return db.read(c -> {
            Map<String, Status> out = new HashMap<>();
            for (Map.Entry<String, Status> e : JdbcRows.list(
                    c,
                    "SELECT delivery_key, status FROM delivery WHERE cohort_id = ?",
                    rs -> Map.entry(rs.getString(1), JdbcRows.enumOf(Status.class, rs.getString(2))),
                    cohortId)) {
                out.put(e.getKey(), e.getValue());
            }
            return out;
        });
    }

    private static Entry map(ResultSet rs) throws SQLException {
        Key key = new Key(
                rs.getLong("cohort_id"),
                rs.getInt("week"),
                JdbcRows.enumOf(Kind.class, rs.getString("kind")),
                rs.getString("target"));
        return new Entry(
                key,
                JdbcRows.instant(rs, "due_at"),
                JdbcRows.enumOf(Status.class, rs.getString("status")),
                rs.getInt("attempts"),
                JdbcRows.optional(rs, "message_id"),
                JdbcRows.instant(rs, "claimed_at"),
                JdbcRows.optional(rs, "sent_at").map(Instant::parse),
                rs.getInt("late") != 0,
                JdbcRows.optional(rs, "note"));
    }
}
