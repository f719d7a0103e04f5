package uk.stepup.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    private static Optional<Object> scalar(Database db, String sql) {
        return db.read(c -> JdbcRows.one(c, sql, rs -> rs.getObject(1)));
    }

    @Test
    void a_fresh_file_is_created_with_its_folder_and_migrated() {
        Path file = dir.resolve("nested/folder/stepup.db");
        try (Database db = Database.open(file)) {
            assertThat(Files.exists(file)).isTrue();
            List<String> tables = db.read(c -> JdbcRows.list(
                    c,
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
                    rs -> rs.getString(1)));
            assertThat(tables)
                    .contains(
                            "cohort",
                            "cohort_item",
                            "cohort_break",
                            "home",
                            "manager",
                            "checkin",
                            "checkin_revision",
                            "task",
                            "task_done",
                            "session",
                            "attendance",
                            "delivery",
                            "flyway_schema_history");
            assertThat(scalar(db, "PRAGMA journal_mode")).contains("wal");
            assertThat(scalar(db, "PRAGMA foreign_keys")).contains(1);
            assertThat(scalar(db, "PRAGMA busy_timeout")).contains(10_000);
            assertThat(db.integrityCheck()).isEqualTo("ok");
        }
    }

    @Test
    void opening_an_already_migrated_database_keeps_its_data() {
        Path file = dir.resolve("stepup.db");
        try (Database db = Database.open(file)) {
            db.write(c -> JdbcRows.update(
                    c,
                    "INSERT INTO cohort (guild_id, name, framework, zone, start_date, prompt_at,"
                            + " reminder_at, close_at, summary_at, created_by, created_at) VALUES ('1', 'A', 'kloe-2017',"
                            + " 'Europe/London', '2027-01-04', 'MONDAY 09:00', 'THURSDAY 12:00', 'SUNDAY 20:00', 'MONDAY 08:00',"
                            + " 'u', '2027-01-01T00:00:00Z')"));
        }
        try (Database db = Database.open(file)) {
            assertThat(scalar(db, "SELECT count(*) FROM cohort")).contains(1);
            assertThat(scalar(db, "SELECT count(*) FROM flyway_schema_history WHERE success = 1"))
                    .get()
                    .isNotEqualTo(0);
        }
    }

    @Test
    void a_failed_write_is_rolled_back_whole() {
        try (Database db = TestDatabases.fresh(dir)) {
            assertThatThrownBy(() -> db.write(c -> {
                        JdbcRows.update(
                                c,
                                "INSERT INTO cohort (guild_id, name, framework, zone, start_date, prompt_at, reminder_at,"
                                        + " close_at, summary_at, created_by, created_at) VALUES ('1', 'A', 'k', 'z', 'd', 'p', 'r', 'c',"
                                        + " 's', 'u', 't')");
                        JdbcRows.update(
                                c, "INSERT INTO home (cohort_id, name, slug, created_at) VALUES (999, 'x', 'x', 't')");
                        return null;
                    }))
                    .isInstanceOf(StorageException.class);
            assertThat(scalar(db, "SELECT count(*) FROM cohort")).contains(0);
        }
    }

    private static final String COHORT = "INSERT INTO cohort (guild_id, name, framework, zone, start_date, prompt_at,"
            + " reminder_at, close_at, summary_at, created_by, created_at) VALUES ('1', ?, 'k', 'z', 'd', 'p', 'r', 'c', 's',"
            + " 'u', 't')";

    @Test
    void statements_are_reused_and_the_same_query_can_run_inside_its_own_results() {
        try (Database db = TestDatabases.fresh(dir)) {
            for (String name : List.of("A", "B", "C")) {
                long id = db.write(c -> JdbcRows.insert(c, COHORT, name));
                assertThat(id).isPositive();
            }
            String all = "SELECT name FROM cohort ORDER BY name";
            List<String> nested = db.read(c ->
                    JdbcRows.list(c, all, rs -> rs.getString(1) + JdbcRows.list(c, all, r -> r.getString(1))));
            assertThat(nested).containsExactly("A[A, B, C]", "B[A, B, C]", "C[A, B, C]");
            List<String> again = db.read(c -> JdbcRows.list(c, all, rs -> rs.getString(1)));
            assertThat(again).containsExactly("A", "B", "C");
        }
    }

    @Test
    void after_a_failed_write_the_next_write_commits_on_its_own() {
        Path file = dir.resolve("stepup.db");
        try (Database db = Database.open(file)) {
            assertThatThrownBy(() -> db.write(c -> {
                        JdbcRows.update(c, COHORT, "A");
                        JdbcRows.update(c, COHORT, "A"); // UNIQUE (guild_id, name)
                        return null;
                    }))
                    .isInstanceOf(StorageException.class);
            db.write(c -> JdbcRows.update(c, COHORT, "B"));
        }
        try (Database db = Database.open(file)) {
            List<String> names = db.read(c -> JdbcRows.list(c, "SELECT name FROM cohort", rs -> rs.getString(1)));
            assertThat(names).containsExactly("B");
        }
    }

    @Test
    void backup_is_a_consistent_copy() {
        try (Database db = TestDatabases.fresh(dir)) {
            db.write(c -> JdbcRows.update(
                    c,
                    "INSERT INTO cohort (guild_id, name, framework, zone, start_date, prompt_at,"
                            + " reminder_at, close_at, summary_at, created_by, created_at) VALUES ('1', 'A', 'k', 'z', 'd', 'p',"
                            + " 'r', 'c', 's', 'u', 't')"));
            Path copy = dir.resolve("backups/copy.db");
            db.backupTo(copy);
            try (Database restored = Database.open(copy)) {
                assertThat(restored.integrityCheck()).isEqualTo("ok");
                assertThat(scalar(restored, "SELECT name FROM cohort")).contains("A");
            }
        }
    }
}
