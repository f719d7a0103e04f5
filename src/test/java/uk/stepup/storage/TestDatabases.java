package uk.stepup.storage;

import java.nio.file.Path;

/** Opens real SQLite files through the real migrations, for tests. */
public final class TestDatabases {
    private TestDatabases() {}

    public static Database fresh(Path dir) {
        return Database.open(dir.resolve("test-" + System.nanoTime() + ".db"));
    }
}
