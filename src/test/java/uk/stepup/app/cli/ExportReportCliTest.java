package uk.stepup.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.app.ProgrammeFixture;

/** {@code export} and {@code report} as a person runs them: files written, exit codes, one clear sentence. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportReportCliTest {
    @TempDir
    static Path dir;

    Path config;

    @BeforeAll
    void database() throws IOException {
        Path db = dir.resolve("stepup.db");
        new ProgrammeFixture(db).close(); // the verbs open the file themselves
        config = dir.resolve("stepup.yaml");
        Files.writeString(config, "storage:\n  database: " + db + "\n");
    }

    private CliTest.Run run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--config";
        all[args.length + 1] = config.toString();
        CliTest.Run r = CliTest.run(all);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        return r;
    }

    @Test
    void csv_export_writes_one_file_per_table_beside_the_name_given() {
        Path out = dir.resolve("exports/spring.csv");
        CliTest.Run r = run("export", "--cohort", "spring 2027", "--format", "csv", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        for (String table : new String[] {"homes", "checkins", "tasks", "attendance", "measures", "actions"}) {
            assertThat(dir.resolve("exports/spring-" + table + ".csv")).isRegularFile();
        }
        assertThat(r.out()).contains("10 files").contains("keep them within the coaching team");
    }

    @Test
    void json_export_goes_to_standard_output_by_default_and_parses() throws IOException {
        CliTest.Run r = run("export", "--cohort", "Spring 2027", "--format", "JSON");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.path("cohort").path("name").asText()).isEqualTo("Spring 2027");
        assertThat(doc.path("checkins")).hasSize(16);

        Path file = dir.resolve("spring.json");
        assertThat(run("export", "--cohort", "Spring 2027", "--format", "json", "--out", file.toString())
                        .code())
                .isZero();
        assertThat(new ObjectMapper().readTree(file.toFile()).path("homes")).hasSize(4);
    }

    @Test
    void export_usage_mistakes_exit_2_with_one_sentence() throws IOException {
        CliTest.Run unknown = run("export", "--cohort", "Autumn", "--format", "csv");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("no cohort called \"Autumn\"").contains("Spring 2027");
        CliTest.Run format = run("export", "--cohort", "Spring 2027", "--format", "xlsx");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).contains("'xlsx' is not csv or json");
        assertThat(run("export", "--cohort", "Spring 2027").code())
                .as("--format is required")
                .isEqualTo(2);
        Path noDb = dir.resolve("none.yaml");
        Files.writeString(noDb, "storage:\n  database: " + dir.resolve("missing.db") + "\n");
        CliTest.Run missing =
                CliTest.run("export", "--cohort", "Spring 2027", "--format", "csv", "--config", noDb.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("There is no database");
        assertThat(dir.resolve("missing.db")).doesNotExist();
    }

    @Test
    void report_writes_one_self_contained_html_file() throws IOException {
        Path out = dir.resolve("out/spring-report.html");
        CliTest.Run r = run("report", "--cohort", "Spring 2027", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Wrote the outcome report of Spring 2027");
        String html = Files.readString(out);
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("data:image/png;base64,")
                .contains("Oak House")
                .doesNotContain("Elm Court");
    }

    @Test
    void report_mistakes_exit_2_and_an_unwritable_file_exits_1() throws IOException {
        assertThat(run(
                                "report",
                                "--cohort",
                                "Autumn",
                                "--out",
                                dir.resolve("x.html").toString())
                        .code())
                .isEqualTo(2);
        assertThat(run("report", "--cohort", "Spring 2027").code())
                .as("--out is required")
                .isEqualTo(2);
        CliTest.Run folder = run("report", "--cohort", "Spring 2027", "--out", dir.toString());
        assertThat(folder.code()).isEqualTo(2);
        assertThat(folder.err()).contains("is a folder");
        Path blocker = dir.resolve("a-file");
        Files.writeString(blocker, "not a folder");
        CliTest.Run unwritable = run(
                "report",
                "--cohort",
                "Spring 2027",
                "--out",
                blocker.resolve("r.html").toString());
        assertThat(unwritable.code()).isEqualTo(1);
        assertThat(unwritable.err()).startsWith("Cannot write");
    }
}
