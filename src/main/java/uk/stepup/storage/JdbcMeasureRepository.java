package uk.stepup.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import uk.stepup.measures.Frequency;
import uk.stepup.measures.Measure;
import uk.stepup.measures.MeasureRepository;
import uk.stepup.measures.MeasureValue;
import uk.stepup.measures.Rate;
import uk.stepup.measures.spc.ImprovementDirection;

/** Measures and their values in SQLite. */
public final class JdbcMeasureRepository implements MeasureRepository {
    private final Database db;

    public JdbcMeasureRepository(Database db) {
        this.db = db;
    }

    @Override
    public Measure add(NewMeasure m) {
        long id = db.write(c -> {
            if (JdbcRows.one(
                            c,
                            "SELECT id FROM measure WHERE cohort_id = ? AND name = ? COLLATE NOCASE",
                            rs -> rs.getLong(1),
                            m.cohortId(),
                            m.name())
                    .isPresent()) {
                throw new DuplicateMeasureException(m.name());
            }
            int position = JdbcRows.one(
                            c,
                            "SELECT COALESCE(MAX(position), 0) + 1 FROM measure WHERE cohort_id = ?",
                            rs -> rs.getInt(1),
                            m.cohortId())
                    .orElse(1);
            return JdbcRows.insert(
                    c,
                    "INSERT INTO measure (cohort_id, name, unit, direction, target, frequency,"
                            + " numerator_label, denominator_label, per, position, created_by, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    m.cohortId(),
                    m.name(),
                    m.unit(),
                    m.direction(),
                    boxed(m.target()),
                    m.frequency(),
                    m.rate().map(Rate::numeratorLabel),
                    m.rate().map(Rate::denominatorLabel),
                    m.rate().map(Rate::per),
                    position,
                    m.createdBy(),
                    m.createdAt());
        });
        return byId(id).orElseThrow();
    }

    @Override
    public List<Measure> inCohort(long cohortId) {
        return db.read(c -> JdbcRows.list(
                c,
                "SELECT * FROM measure WHERE cohort_id = ? ORDER BY position",
                JdbcMeasureRepository::measure,
                cohortId));
    }

    @Override
    public Optional<Measure> byId(long measureId) {
        return db.read(
                c -> JdbcRows.one(c, "SELECT * FROM measure WHERE id = ?", JdbcMeasureRepository::measure, measureId));
    }

    @Override
    public void saveValues(List<MeasureValue> values) {
        db.write(c -> {
            for (MeasureValue v : values) {
                JdbcRows.update(
                        c,
                        "INSERT INTO measure_value (measure_id, home_id, period, value, numerator, denominator,"
                                + " source, week, entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " ON CONFLICT (measure_id, home_id, period) DO UPDATE SET value = excluded.value,"
                                + " numerator = excluded.numerator, denominator = excluded.denominator,"
                                + " source = excluded.source, week = excluded.week, entered_by = excluded.entered_by,"
                                + " entered_at = excluded.entered_at",
                        v.measureId(),
                        v.homeId(),
                        v.period(),
                        v.value(),
                        boxed(v.numerator()),
                        boxed(v.denominator()),
                        v.source(),
                        v.week().isPresent() ? v.week().getAsInt() : null,
                        v.enteredBy(),
                        v.enteredAt());
            }
            return null;
        });
    }

    @Override
    public List<MeasureValue> forHome(long homeId) {
        return db.read(c -> JdbcRows.list(
                c,
                "SELECT * FROM measure_value WHERE home_id = ? ORDER BY measure_id, period",
                JdbcMeasureRepository::value,
                homeId));
    }

    @Override
    public List<MeasureValue> forMeasure(long measureId) {
        return db.read(c -> JdbcRows.list(
                c,
                "SELECT * FROM measure_value WHERE measure_id = ? ORDER BY period, home_id",
                JdbcMeasureRepository::value,
                measureId));
    }

    @Override
    public List<PeriodTotal> totals(long measureId, long cohortId, LocalDate upTo) {
        return db.read(c -> JdbcRows.list(
                c,
                "SELECT period, COUNT(*), TOTAL(value), TOTAL(numerator), TOTAL(denominator),"
                        + " MIN(value = ROUND(value) AND ABS(value) <= 1.7976931348623157e308) FROM measure_value"
                        + " WHERE measure_id = ? AND period <= ? AND home_id IN (SELECT id FROM home WHERE cohort_id = ?)"
                        + " GROUP BY period ORDER BY period",
                rs -> new PeriodTotal(
                        JdbcRows.date(rs.getString(1)),
                        rs.getInt(2),
                        rs.getDouble(3),
                        rs.getDouble(4),
                        rs.getDouble(5),
                        rs.getInt(6) == 1),
                measureId,
                upTo,
                cohortId));
    }

    private static Double boxed(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }

    private static OptionalDouble optionalDouble(ResultSet rs, String column) throws SQLException {
        double d = rs.getDouble(column);
        return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(d);
    }

    private static Measure measure(ResultSet rs) throws SQLException {
        Optional<String> numerator = JdbcRows.optional(rs, "numerator_label");
        Optional<Rate> rate = numerator.isEmpty()
                ? Optional.empty()
                : Optional.of(new Rate(numerator.get(), rs.getString("denominator_label"), rs.getDouble("per")));
        return new Measure(
                rs.getLong("id"),
                rs.getLong("cohort_id"),
                rs.getString("name"),
                rs.getString("unit"),
                ImprovementDirection.parse(rs.getString("direction"))
                        .orElseThrow(() -> new SQLException("Bad direction")),
                optionalDouble(rs, "target"),
                Frequency.parse(rs.getString("frequency")).orElseThrow(() -> new SQLException("Bad frequency")),
                rate,
                rs.getInt("position"),
                rs.getString("created_by"),
                JdbcRows.instant(rs, "created_at"));
    }

    private static MeasureValue value(ResultSet rs) throws SQLException {
        int week = rs.getInt("week");
        OptionalInt w = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(week);
        return new MeasureValue(
                rs.getLong("measure_id"),
                rs.getLong("home_id"),
                JdbcRows.date(rs.getString("period")),
                rs.getDouble("value"),
                optionalDouble(rs, "numerator"),
                optionalDouble(rs, "denominator"),
                JdbcRows.enumOf(MeasureValue.Source.class, rs.getString("source")),
                w,
                rs.getString("entered_by"),
                JdbcRows.instant(rs, "entered_at"));
    }
}
