package uk.stepup.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Small JDBC helpers: bind plain values (Optional, Instant, LocalDate, enums) and map rows. */
final class Sql {
    private Sql() {
    }

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** A statement for the SQL (reused when the connection caches statements) with the arguments bound. */
    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = StatementCache.take(c, sql);
        try {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, value(args[i]));
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private static Object value(Object v) {
        if (v instanceof Optional<?> o) {
            return o.map(Sql::value).orElse(null);
        }
        if (v instanceof Instant || v instanceof LocalDate) {
            return v.toString();
        }
        if (v instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return v;
    }

    static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        PreparedStatement ps = prepare(c, sql, args);
        boolean clean = false;
        try {
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            clean = true;
            return out;
        } finally {
            StatementCache.giveBack(c, sql, ps, clean);
        }
    }

    static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        List<T> all = list(c, sql, row, args);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = prepare(c, sql, args);
        boolean clean = false;
        try {
            int changed = ps.executeUpdate();
            clean = true;
            return changed;
        } finally {
            StatementCache.giveBack(c, sql, ps, clean);
        }
    }

    /**
     * Runs an {@code INSERT} into a table with an {@code id} primary key and returns the new id, read with
     * {@code RETURNING id} (the driver's generated-keys query after every insert is switched off in {@link Database}).
     */
    static long insert(Connection c, String sql, Object... args) throws SQLException {
        return one(c, sql + " RETURNING id", rs -> rs.getLong(1), args)
                .orElseThrow(() -> new SQLException("No id returned by: " + sql));
    }

    static Optional<String> optional(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return Instant.parse(rs.getString(column));
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String text) {
        return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    }

    static boolean isUniqueViolation(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("UNIQUE constraint failed") || m.contains("PRIMARY KEY constraint failed")
                || m.contains("SQLITE_CONSTRAINT_PRIMARYKEY") || m.contains("SQLITE_CONSTRAINT_UNIQUE");
    }
}
