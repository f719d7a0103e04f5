package uk.stepup.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Small JDBC helpers: bind plain values (Optional, Instant, LocalDate, enums) and map rows. */
final class JdbcRows {
    private JdbcRows() {}

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
            return o.map(JdbcRows::value).orElse(null);
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
        return instant(rs.getString(column));
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return date(rs.getString(column));
    }

    /**
     * An instant as {@link #value} stores it ({@link Instant#toString}: {@code 2027-01-05T10:00:00Z}, perhaps with a
     * fraction of a second), read field by field; anything else goes to {@link Instant#parse}. {@code Instant.parse}
     * builds a parse context per call and was most of the time spent reading a large cohort's rows.
     */
    static Instant instant(String text) {
        int n = text.length();
        if (n < 20
                || n > 30
                || n == 21
                || text.charAt(n - 1) != 'Z'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':'
                || (n > 20 && text.charAt(19) != '.')) {
            return Instant.parse(text);
        }
        LocalDate day = date(text.substring(0, 10));
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = n == 20 ? 0 : digits(text, 20, n - 1);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nanos < 0) {
            return Instant.parse(text);
        }
        for (int i = n - 1; i < 29; i++) {
            nanos *= 10;
        }
        return Instant.ofEpochSecond(day.toEpochDay() * 86_400 + hour * 3600 + minute * 60 + second, nanos);
    }

    /** A date as stored, {@code 2027-01-04}, read field by field; anything else goes to {@link LocalDate#parse}. */
    static LocalDate date(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return LocalDate.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            return LocalDate.parse(text);
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return LocalDate.parse(text);
        }
    }

    /** The decimal number written in {@code text[from, to)}, or -1 if any character there is not a digit. */
    private static int digits(String text, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String text) {
        return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    }

    static boolean isUniqueViolation(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("UNIQUE constraint failed")
                || m.contains("PRIMARY KEY constraint failed")
                || m.contains("SQLITE_CONSTRAINT_PRIMARYKEY")
                || m.contains("SQLITE_CONSTRAINT_UNIQUE");
    }
}
