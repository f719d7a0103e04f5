package uk.stepup.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepared statements kept per connection and reused, so each SQL string is compiled by SQLite once rather than on
 * every call (preparing was about a seventh of a check-in's database time). Only connections a {@link Database}
 * registered are cached; the cache is used under that database's lock, one thread at a time. A statement in use is
 * taken out of the cache, so the same SQL run again while its results are open simply gets a fresh statement.
 */
final class StatementCache {
    /** The bot runs a fixed set of SQL strings; anything beyond this many is not kept. */
    private static final int MAX_STATEMENTS = 256;

    private static final Map<Connection, StatementCache> BY_CONNECTION = new ConcurrentHashMap<>();

    private final Map<String, PreparedStatement> idle = new HashMap<>();

    private StatementCache() {}

    static void register(Connection connection) {
        BY_CONNECTION.put(connection, new StatementCache());
    }

    /** Closes and forgets the connection's statements (before the connection closes). */
    static void release(Connection connection) throws SQLException {
        StatementCache cache = BY_CONNECTION.remove(connection);
        if (cache != null) {
            for (PreparedStatement ps : cache.idle.values()) {
                ps.close();
            }
            cache.idle.clear();
        }
    }

    /** A statement for the SQL: an idle cached one, or a newly prepared one. Hand it back with {@link #giveBack}. */
    static PreparedStatement take(Connection connection, String sql) throws SQLException {
        StatementCache cache = BY_CONNECTION.get(connection);
        PreparedStatement ps = cache == null ? null : cache.idle.remove(sql);
        return ps != null ? ps : connection.prepareStatement(sql);
    }

    /**
     * Returns a statement after use: kept for next time if it ran cleanly and there is room, else closed. Its
     * results must already be closed.
     */
    static void giveBack(Connection connection, String sql, PreparedStatement ps, boolean clean) throws SQLException {
        StatementCache cache = BY_CONNECTION.get(connection);
        if (!clean || cache == null || cache.idle.containsKey(sql) || cache.idle.size() >= MAX_STATEMENTS) {
            ps.close();
            return;
        }
        ps.clearParameters();
        cache.idle.put(sql, ps);
    }
}
