package uk.stepup.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite database: one file, WAL journal, foreign keys on, a busy timeout, and one connection used by one
 * thread at a time (so there is exactly one writer). Migrations run from {@code classpath:db/migration} on open.
 *
 * <pre>{@code
 * try (Database db = Database.open(Path.of("data/stepup.db"))) {
 *     int n = db.read(c -> ...);
 *     db.write(c -> ...);   // one transaction: committed or rolled back as a whole
 * }
 * }</pre>
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int BUSY_TIMEOUT_MS = 10_000;

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock(true);

    /** Work done with the connection; may throw SQLException. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static Database open(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder for the database " + file, e);
        }
        SQLiteDataSource dataSource = dataSource(absolute);
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .loggers("slf4j")
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info(
                    "Database {} migrated to version {} ({} migrations)",
                    file,
                    result.targetSchemaVersion,
                    result.migrationsExecuted);
        }
        try {
            Connection c = dataSource.getConnection();
            c.setAutoCommit(true);
            StatementCache.register(c);
            return new Database(file, c);
        } catch (SQLException e) {
            throw new StorageException("Cannot open the database " + file, e);
        }
    }

    static SQLiteDataSource dataSource(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        // Otherwise the driver runs "SELECT last_insert_rowid()" after every INSERT; ids are read with RETURNING.
        config.setGetGeneratedKeys(false);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file);
        return ds;
    }

    public Path file() {
        return file;
    }

    /** Runs read-only work. */
    public <T> T read(Work<T> work) {
        lock.lock();
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new StorageException("Database read failed", e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs work in one transaction: everything is committed, or nothing. The transaction is begun IMMEDIATE (it takes
     * the write lock at once, so another process cannot make it fail half-way) with plain BEGIN/COMMIT statements; the
     * driver's own autocommit switching would add an empty transaction to every write.
     */
    public <T> T write(Work<T> work) {
        lock.lock();
        try {
            JdbcRows.update(connection, "BEGIN IMMEDIATE");
            try {
                T result = work.apply(connection);
                JdbcRows.update(connection, "COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("Database write failed", e);
        } finally {
            lock.unlock();
        }
    }

    /** Rolls back after a failure inside the transaction; a failure to roll back is kept with the original one. */
    private void rollback(Exception cause) {
        try {
            JdbcRows.update(connection, "ROLLBACK");
        } catch (SQLException e) {
            // "no transaction is active": SQLite already rolled it back (it does for some errors); nothing to undo.
            if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                cause.addSuppressed(e);
            }
        }
    }

    /** A consistent online copy of the database, taken while the bot may be writing (SQLite VACUUM INTO). */
    public void backupTo(Path target) {
        Path absolute = target.toAbsolutePath();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            Files.deleteIfExists(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + target, e);
        }
        read(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM INTO '" + absolute.toString().replace("'", "''") + "'");
            }
            return null;
        });
    }

    /** Runs {@code PRAGMA integrity_check} and returns its first line ("ok" when healthy). */
    public String integrityCheck() {
        return read(c -> {
            try (Statement s = c.createStatement();
                    var rs = s.executeQuery("PRAGMA integrity_check")) {
                return rs.next() ? rs.getString(1) : "no answer";
            }
        });
    }

    @Override
    public void close() {
        lock.lock();
        try {
            StatementCache.release(connection);
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the database failed", e);
        } finally {
            lock.unlock();
        }
    }
}
