package uk.stepup.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.WeeklyRhythm;
import uk.stepup.hostile.HostileCsv;
import uk.stepup.shared.WeeklyTime;
import uk.stepup.storage.Database;
import uk.stepup.storage.JdbcCohortRepository;

/**
 * The {@code import} verb with the hand-picked malformed files and a sample of generated ones: exit 0 with the homes
 * enrolled, or exit 1 with every problem as {@code FILE: line N: …} on standard error and nothing enrolled; never a
 * stack trace, never another exit code.
 */
class MalformedImportCliTest {
    @TempDir
    Path dir;

    Path config;
    Path db;
    int cohorts;

    @BeforeEach
    void database() throws IOException {
        db = dir.resolve("stepup.db");
        config = dir.resolve("stepup.yaml");
        Files.writeString(config, "storage:\n  database: " + db + "\n");
    }

    private String cohort() {
        String name = "Import " + cohorts++;
        WeeklyTime t = WeeklyTime.parse("MONDAY 09:00").orElseThrow();
        try (Database d = Database.open(db)) {
            new JdbcCohortRepository(d)
                    .create(new CohortRepository.NewCohort(
                            "100000000000000001",
                            name,
                            "kloe-2017",
                            ZoneId.of("Europe/London"),
                            LocalDate.of(2027, 1, 4),
                            new WeeklyRhythm(t, t, t, t),
                            List.of("S1"),
                            "coach",
                            Instant.EPOCH));
        }
        return name;
    }

    private int homes() {
        try (Database d = Database.open(db)) {
            return d.read(c -> {
                try (var st = c.createStatement();
                        var rs = st.executeQuery("SELECT count(*) FROM home")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
        }
    }

    private List<String> importFile(HostileCsv.File f) throws IOException {
        Path csv = dir.resolve("homes.csv");
        Files.write(csv, f.bytes());
        int before = homes();
        CliTest.Run r = CliTest.run("import", "--config", config.toString(), "--cohort", cohort(), csv.toString());
        List<String> problems = new ArrayList<>();
        String all = r.out() + r.err();
        if (all.contains("Exception") || all.contains("\tat ") || all.contains("uk.stepup.")) {
            problems.add(f + ": a stack trace: " + all);
        }
        if (r.code() == 0) {
            if (homes() == before) {
                problems.add(f + ": exit 0 but nothing enrolled");
            }
        } else if (r.code() == 1) {
            if (homes() != before) {
                problems.add(f + ": exit 1 but homes enrolled");
            }
            if (!r.err().startsWith(csv + ": Nothing was imported") || !r.err().matches("(?s).*line [0-9]+: .*")) {
                problems.add(f + ": the error does not name the file and a line: " + r.err());
            }
        } else {
            problems.add(f + ": exit " + r.code() + ": " + r.err());
        }
        for (String expected : f.expect()) {
            if (!all.contains(expected)) {
                problems.add(f + ": \"" + expected + "\" missing from: " + all);
            }
        }
        return problems;
    }

    @Test
    void every_malformed_file_exits_1_with_its_lines_and_enrols_nobody() throws IOException {
        List<String> problems = new ArrayList<>();
        for (HostileCsv.File f : HostileCsv.enrolmentFiles(300_000_000_000_000_000L)) {
            if (f.name().contains("not on the server")) {
                continue; // offline, the verb cannot ask Discord; the bot reports such managers when it starts
            }
            problems.addAll(importFile(f));
        }
        Random r = new Random(20277);
        for (int i = 0; i < 40; i++) {
            String good = HostileCsv.goodEnrolment(1 + r.nextInt(4), 400_000_000_000_000_000L + 100L * i, "\r\n");
            problems.addAll(importFile(HostileCsv.mutate(r, good, "generated " + i)));
        }
        assertThat(problems).isEmpty();
    }
}
