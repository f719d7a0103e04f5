package uk.stepup.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.WeeklyRhythm;
import uk.stepup.shared.WeeklyTime;
import uk.stepup.storage.Database;
import uk.stepup.storage.JdbcCohortRepository;
import uk.stepup.storage.JdbcHomeRepository;

/** The {@code import} verb on a real database file: all or nothing, every bad row with its line. */
class ImportCommandTest {
    @TempDir
    Path dir;

    Path config;
    Path db;

    @BeforeEach
    void cohort() throws IOException {
        db = dir.resolve("stepup.db");
        config = dir.resolve("stepup.yaml");
        Files.writeString(config, "storage:\n  database: " + db + "\n");
        WeeklyTime t = WeeklyTime.parse("MONDAY 09:00").orElseThrow();
        try (Database d = Database.open(db)) {
            new JdbcCohortRepository(d)
                    .create(new CohortRepository.NewCohort(
                            "100000000000000001",
                            "Spring 2027",
                            "kloe-2017",
                            ZoneId.of("Europe/London"),
                            LocalDate.of(2027, 1, 4),
                            new WeeklyRhythm(t, t, t, t),
                            List.of("S1"),
                            "coach",
                            Instant.EPOCH));
        }
    }

    private int homes() {
        try (Database d = Database.open(db)) {
            return new JdbcHomeRepository(d).inCohort(1).size();
        }
    }

    @Test
    void a_bad_row_imports_nothing_and_names_its_line() throws IOException {
        Path csv = dir.resolve("homes.csv");
        Files.writeString(
                csv,
                "home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\n"
                        + "Oak House,,123456789012345678,Good,,,,,\n"
                        + "Elm Court,,not-an-id,,,,,,\n");
        CliTest.Run r = CliTest.run("import", "--config", config.toString(), "--cohort", "Spring 2027", csv.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(csv.toString()).contains("line 3").contains("managers");
        assertThat(homes()).isZero();
    }

    @Test
    void a_good_file_enrols_every_home() throws IOException {
        Path csv = dir.resolve("homes.csv");
        Files.writeString(
                csv,
                "home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\n"
                        + "Oak House,1-123456789,123456789012345678;223456789012345678,Good,Requires improvement,Good,Good,Good,Good\n"
                        + "Elm Court,,323456789012345678,,,,,,\n");
        CliTest.Run r = CliTest.run("import", "--config", config.toString(), "--cohort", "spring 2027", csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Imported 2 homes with 3 managers");
        assertThat(homes()).isEqualTo(2);
    }

    @Test
    void an_unknown_cohort_is_a_usage_error() throws IOException {
        Path csv = dir.resolve("homes.csv");
        Files.writeString(csv, "home\n");
        CliTest.Run r = CliTest.run("import", "--config", config.toString(), "--cohort", "Winter", csv.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no cohort called \"Winter\"").contains("Spring 2027");
    }
}
