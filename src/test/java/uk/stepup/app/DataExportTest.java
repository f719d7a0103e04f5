package uk.stepup.app;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.stepup.app.ProgrammeFixture.AFTER;
import static uk.stepup.app.ProgrammeFixture.MIDWEEK_4;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.checkins.Checkin;
import uk.stepup.cohorts.Home;
import uk.stepup.csv.JacksonCsv;
import uk.stepup.export.ExportFiles;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.summaries.CohortExport;
import uk.stepup.summaries.DataExportService;
import uk.stepup.summaries.ExportBuilder;
import uk.stepup.summaries.ExportColumns;
import uk.stepup.summaries.ExportFile;
import uk.stepup.summaries.ExportFormat;
import uk.stepup.summaries.ExportTable;

/** The data export checked against what the database holds, through the real storage and file writers (read-only). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataExportTest {
    static final Actor COACH = new Actor("1", "Cath", ProgrammeFixture.GUILD, true);

    @TempDir
    static Path dir;

    ProgrammeFixture f;

    @BeforeAll
    void open() {
        f = new ProgrammeFixture(dir.resolve("stepup.db"));
    }

    @AfterAll
    void close() {
        f.close();
    }

    private CohortExport export(Instant now) {
        return ExportBuilder.build(f.histories(now).load(f.cohort));
    }

    /** The table's rows as maps from column name to value. */
    private static List<Map<String, Object>> rows(ExportTable t) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (List<Object> row : t.rows()) {
            Map<String, Object> m = new HashMap<>();
            for (int i = 0; i < row.size(); i++) {
                m.put(t.columnNames().get(i), row.get(i));
            }
            out.add(m);
        }
        return out;
    }

    @Test
    void every_home_has_one_check_in_row_per_week_with_status_and_revisions_as_stored() {
        CohortExport export = export(AFTER);
        ExportTable table = export.table(ExportColumns.CHECKINS);
        assertThat(table.columns()).isEqualTo(ExportColumns.CHECKIN_COLUMNS);
        List<Home> homes = f.homes.inCohort(f.cohort.id());
        assertThat(table.rows()).hasSize(homes.size() * 4);
        Set<String> seen = new HashSet<>();
        Map<String, Home> byName = new HashMap<>();
        homes.forEach(h -> byName.put(h.name(), h));
        for (Map<String, Object> row : rows(table)) {
            Home home = byName.get((String) row.get("home"));
            int week = (Integer) row.get("week");
            assertThat(seen.add(home.name() + "/" + week))
                    .as("one row per home and week")
                    .isTrue();
            assertThat(row.get("cohort")).isEqualTo("Spring 2027");
            assertThat(row.get("framework")).isEqualTo("kloe-2017");
            assertThat(row.get("code"))
                    .isEqualTo(List.of("S1", "S2", "E1", "W1").get(week - 1));
            Optional<Checkin> stored = f.checkins.find(home.id(), week);
            if (stored.isPresent()) {
                Checkin c = stored.get();
                assertThat(row.get("framework")).isEqualTo(c.framework());
                assertThat(row.get("status")).isEqualTo(c.late() ? "late" : "on_time");
                assertThat(row.get("rating")).isEqualTo(c.answers().rating().key());
                assertThat(row.get("rating_score"))
                        .isEqualTo(c.answers().rating().score());
                assertThat(row.get("did")).isEqualTo(c.answers().didThisWeek());
                assertThat(row.get("revisions")).isEqualTo(c.revisions());
                assertThat(row.get("submitted_at")).isEqualTo(c.submittedAt());
                assertThat(row.get("updated_at")).isEqualTo(c.updatedAt());
            } else {
                boolean beforeJoining = home.id() == f.larch.id() && week <= 2;
                assertThat(row.get("status")).isEqualTo(beforeJoining ? "not_enrolled" : "missing");
                assertThat(row.get("rating")).isNull();
                assertThat(row.get("revisions")).isEqualTo(0);
            }
        }
        Map<String, Object> oakWeek1 = rows(table).stream()
                .filter(r -> r.get("home").equals("Oak House") && r.get("week").equals(1))
                .findFirst()
                .orElseThrow();
        assertThat(oakWeek1.get("revisions")).isEqualTo(2);
        assertThat(oakWeek1.get("rating")).isEqualTo("outstanding");
        assertThat(oakWeek1.get("highlight_share")).isEqualTo("named");
        assertThat(oakWeek1.get("key_question")).isEqualTo("Safe");
        assertThat(oakWeek1.get("week_start")).isEqualTo(LocalDate.of(2027, 1, 4));
        Map<String, Object> oakWeek2 = rows(table).stream()
                .filter(r -> r.get("home").equals("Oak House") && r.get("week").equals(2))
                .findFirst()
                .orElseThrow();
        assertThat(oakWeek2.get("status")).isEqualTo("late");
        assertThat(oakWeek2.get("highlight_share"))
                .as("no highlight, no sharing choice")
                .isNull();
    }

    @Test
    void a_week_still_running_is_open_not_missing() {
        ExportTable table = export(MIDWEEK_4).table(ExportColumns.CHECKINS);
        Map<String, Object> larchWeek4 = rows(table).stream()
                .filter(r -> r.get("home").equals("Late Larch") && r.get("week").equals(4))
                .findFirst()
                .orElseThrow();
        assertThat(larchWeek4.get("status")).isEqualTo("open");
        Map<String, Object> larch = rows(export(MIDWEEK_4).table(ExportColumns.HOMES)).stream()
                .filter(r -> r.get("home").equals("Late Larch"))
                .findFirst()
                .orElseThrow();
        assertThat(larch.get("weeks_missing")).isEqualTo(0);
        Map<String, Object> larchAfter = rows(export(AFTER).table(ExportColumns.HOMES)).stream()
                .filter(r -> r.get("home").equals("Late Larch"))
                .findFirst()
                .orElseThrow();
        assertThat(larchAfter.get("weeks_missing")).isEqualTo(1);
        assertThat(larchAfter.get("weeks_on_time")).isEqualTo(1);
    }

    @Test
    void homes_carry_their_baselines_counts_and_report_label() {
        List<Map<String, Object>> homes = rows(export(AFTER).table(ExportColumns.HOMES));
        assertThat(homes).hasSize(4);
        Map<String, Object> oak = homes.stream()
                .filter(r -> r.get("home").equals("Oak House"))
                .findFirst()
                .orElseThrow();
        assertThat(oak.get("cqc_location_id")).isEqualTo("1-123456789");
        assertThat(oak.get("managers")).isEqualTo(2);
        assertThat(oak.get("baseline_overall")).isEqualTo("good");
        assertThat(oak.get("baseline_safe")).isEqualTo("requires_improvement");
        assertThat(oak.get("report_label")).as("Oak House chose to be named").isEqualTo("Oak House");
        assertThat(oak.get("weeks_on_time")).isEqualTo(2);
        assertThat(oak.get("weeks_late")).isEqualTo(1);
        assertThat(oak.get("weeks_missing")).isEqualTo(1);
        Map<String, Object> elm = homes.stream()
                .filter(r -> r.get("home").equals("Elm Court"))
                .findFirst()
                .orElseThrow();
        assertThat((String) elm.get("report_label")).matches("Home [A-Z]");
        Map<String, Object> rose = homes.stream()
                .filter(r -> r.get("home").equals(ProgrammeFixture.ROSE))
                .findFirst()
                .orElseThrow();
        assertThat(rose.get("baseline_overall")).isNull();
        assertThat(rose.get("cqc_location_id")).isNull();
    }

    @Test
    void tasks_are_done_pending_or_overdue_per_home_and_attendance_counts_people() {
        CohortExport export = export(AFTER);
        List<Map<String, Object>> tasks = rows(export.table(ExportColumns.TASKS));
        assertThat(tasks).hasSize(2 * 4);
        Map<String, Object> oakPolicy = tasks.stream()
                .filter(r -> r.get("task_id").equals(1L) && r.get("home").equals("Oak House"))
                .findFirst()
                .orElseThrow();
        assertThat(oakPolicy.get("status")).isEqualTo("done");
        assertThat(oakPolicy.get("done_at")).isEqualTo(Instant.parse("2027-01-14T15:00:00Z"));
        assertThat(tasks.stream()
                        .filter(r ->
                                r.get("task_id").equals(1L) && !r.get("home").equals("Oak House")))
                .allSatisfy(r -> assertThat(r.get("status")).isEqualTo("overdue"));
        assertThat(tasks.stream().filter(r -> r.get("task_id").equals(2L)))
                .allSatisfy(r -> assertThat(r.get("status")).isEqualTo("pending"));

        List<Map<String, Object>> attendance = rows(export.table(ExportColumns.ATTENDANCE));
        assertThat(attendance).hasSize(2 * 4);
        Map<String, Object> oak = attendance.stream()
                .filter(r -> r.get("session_id").equals(1L) && r.get("home").equals("Oak House"))
                .findFirst()
                .orElseThrow();
        assertThat(oak.get("attended")).isEqualTo(true);
        assertThat(oak.get("people")).isEqualTo(2);
        Map<String, Object> elm = attendance.stream()
                .filter(r -> r.get("session_id").equals(1L) && r.get("home").equals("Elm Court"))
                .findFirst()
                .orElseThrow();
        assertThat(elm.get("attended")).isEqualTo(false);
    }

    @Test
    void measures_are_one_row_per_home_value_with_the_measure_defined_in_words() {
        CohortExport export = export(AFTER);
        assertThat(export.tables())
                .extracting(ExportTable::name)
                .containsExactly(
                        "homes",
                        "checkins",
                        "tasks",
                        "attendance",
                        "measures",
                        "aims",
                        "pdsa_cycles",
                        "recalculations",
                        "progress_scores");
        ExportTable table = export.table(ExportColumns.MEASURES);
        assertThat(table.columns()).isEqualTo(ExportColumns.MEASURE_COLUMNS);
        List<Map<String, Object>> rows = rows(table);
        assertThat(rows).hasSize(14);
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("home")).isEqualTo("Elm Court");
            assertThat(r.get("measure")).isEqualTo(ProgrammeFixture.FALLS);
            assertThat(r.get("definition")).isEqualTo("falls · weekly · lower is better");
            assertThat(r.get("period")).isEqualTo(LocalDate.of(2027, 1, 4));
            assertThat(r.get("value")).isEqualTo(6.0);
            assertThat(r.get("numerator")).isNull();
            assertThat(r.get("source")).isEqualTo("entered");
            assertThat(r.get("week")).isEqualTo(1);
        });
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("home")).isEqualTo("Late Larch");
            assertThat(r.get("source")).isEqualTo("imported");
            assertThat(r.get("week")).isNull();
        });
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("measure")).isEqualTo("Pressure ulcers");
            assertThat((String) r.get("definition"))
                    .contains("new pressure ulcers")
                    .contains("monthly")
                    .contains("target 1");
            assertThat(r.get("numerator")).isEqualTo(2.0);
            assertThat(r.get("denominator")).isEqualTo(800.0);
            assertThat(r.get("value")).isEqualTo(2.5);
        });
    }

    @Test
    void csv_files_open_in_excel_quote_by_rfc_4180_and_defuse_formulas() {
        List<ExportFile> files = new ExportFiles(new JacksonCsv()).write(export(AFTER), ExportFormat.CSV, "spring");
        assertThat(files)
                .extracting(ExportFile::fileName)
                .containsExactly(
                        "spring-homes.csv",
                        "spring-checkins.csv",
                        "spring-tasks.csv",
                        "spring-attendance.csv",
                        "spring-measures.csv",
                        "spring-aims.csv",
                        "spring-pdsa_cycles.csv",
                        "spring-recalculations.csv",
                        "spring-progress_scores.csv");
        byte[] bytes = files.get(1).bytes();
        assertThat(bytes[0] & 0xff).as("UTF-8 byte order mark").isEqualTo(0xEF);
        assertThat(bytes[1] & 0xff).isEqualTo(0xBB);
        assertThat(bytes[2] & 0xff).isEqualTo(0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text)
                .startsWith(String.join(
                                ",",
                                ExportColumns.CHECKIN_COLUMNS.stream()
                                        .map(c -> c.name())
                                        .toList()) + "\r\n");
        List<List<String>> parsed = Rfc4180.parse(text);
        assertThat(parsed).hasSize(1 + 16);
        int did = ExportColumns.CHECKIN_COLUMNS.stream()
                .map(c -> c.name())
                .toList()
                .indexOf("did");
        int evidence = did + 1;
        int next = did + 2;
        List<String> elmWeek2 = parsed.stream()
                .filter(r -> r.get(1).equals("Elm Court") && r.get(2).equals("2"))
                .findFirst()
                .orElseThrow();
        assertThat(elmWeek2.get(did)).isEqualTo("'" + ProgrammeFixture.HYPERLINK);
        assertThat(elmWeek2.get(evidence)).isEqualTo(ProgrammeFixture.EVIDENCE);
        assertThat(elmWeek2.get(next)).isEqualTo("'-minus first");
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click me\"\")\"");
        assertThat(elmWeek2).doesNotContain(ProgrammeFixture.HYPERLINK);
        // Times in the cohort's zone, as Excel reads them; missing values empty.
        assertThat(elmWeek2.get(elmWeek2.size() - 2)).isEqualTo("2027-01-12 10:00:00");
        List<String> elmWeek1 = parsed.stream()
                .filter(r -> r.get(1).equals("Elm Court") && r.get(2).equals("1"))
                .findFirst()
                .orElseThrow();
        assertThat(elmWeek1.get(did)).isEmpty();

        String tasks = new String(files.get(2).bytes(), StandardCharsets.UTF_8);
        assertThat(tasks).contains(",'=cmd|' /C calc'!A0 review,").doesNotContain(",=cmd");
        String attendance = new String(files.get(3).bytes(), StandardCharsets.UTF_8);
        assertThat(attendance).contains(",Oak House,yes,2\r\n");
    }

    @Test
    void json_is_one_document_that_parses_with_the_same_columns() throws Exception {
        List<ExportFile> files = new ExportFiles(new JacksonCsv()).write(export(AFTER), ExportFormat.JSON, "spring");
        assertThat(files).singleElement().extracting(ExportFile::fileName).isEqualTo("spring.json");
        JsonNode doc = new ObjectMapper().readTree(files.get(0).bytes());
        assertThat(doc.path("format").asText()).isEqualTo("stepup-export");
        assertThat(doc.path("cohort").path("name").asText()).isEqualTo("Spring 2027");
        assertThat(doc.path("cohort").path("weeks_run").asInt()).isEqualTo(4);
        assertThat(doc.path("checkins")).hasSize(16);
        JsonNode first = doc.path("checkins").get(0);
        List<String> keys = new ArrayList<>();
        first.fieldNames().forEachRemaining(keys::add);
        assertThat(keys)
                .isEqualTo(ExportColumns.CHECKIN_COLUMNS.stream()
                        .map(c -> c.name())
                        .toList());
        JsonNode elmWeek2 = null;
        for (JsonNode n : doc.path("checkins")) {
            if (n.path("home").asText().equals("Elm Court") && n.path("week").asInt() == 2) {
                elmWeek2 = n;
            }
        }
        assertThat(elmWeek2).isNotNull();
        assertThat(elmWeek2.path("did").asText()).as("JSON keeps text exactly").isEqualTo(ProgrammeFixture.HYPERLINK);
        assertThat(elmWeek2.path("submitted_at").asText()).isEqualTo("2027-01-12T10:00:00Z");
        assertThat(elmWeek2.path("revisions").asInt()).isEqualTo(1);
        assertThat(doc.path("homes")).hasSize(4);
        assertThat(doc.path("tasks")).hasSize(8);
        assertThat(doc.path("attendance").get(0).path("attended").isBoolean()).isTrue();
        assertThat(doc.path("measures")).hasSize(14);
        assertThat(doc.path("measures").get(0).path("value").isNumber()).isTrue();
        for (JsonNode n : doc.path("checkins")) {
            if (n.path("status").asText().equals("missing")) {
                assertThat(n.path("rating").isNull()).isTrue();
            }
        }
    }

    @Test
    void only_coaches_of_the_cohorts_server_may_export() {
        DataExportService export = new DataExportService(f.histories(AFTER), new ExportFiles(new JacksonCsv()));
        DataExportService.Result manager =
                export.export(new Actor("201", "Alice", ProgrammeFixture.GUILD, false), f.cohort, ExportFormat.CSV);
        assertThat(manager.outcome().kind()).isEqualTo(Outcome.Kind.REFUSED);
        assertThat(manager.files()).isEmpty();
        DataExportService.Result otherServer =
                export.export(new Actor("1", "Cath", "999", true), f.cohort, ExportFormat.CSV);
        assertThat(otherServer.outcome().kind()).isEqualTo(Outcome.Kind.REFUSED);
        assertThat(otherServer.files()).isEmpty();
        DataExportService.Result coach = export.export(COACH, f.cohort, ExportFormat.CSV);
        assertThat(coach.outcome().ok()).isTrue();
        assertThat(coach.outcome().message())
                .contains("4 homes")
                .contains("16 check-in rows")
                .contains("2 tasks")
                .contains("14 measure values");
        assertThat(coach.files()).hasSize(9);
        assertThat(coach.files().get(0).fileName()).isEqualTo("spring-2027-homes.csv");
    }

    /** A strict reader for RFC 4180 text, to check the files parse back to the values written. */
    static final class Rfc4180 {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    if (field.length() > 0) {
                        throw new IllegalArgumentException("quote inside an unquoted field at " + i);
                    }
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    i++;
                } else if (c == '\n' || c == '\r') {
                    throw new IllegalArgumentException("bare line break outside quotes at " + i);
                } else {
                    field.append(c);
                }
            }
            if (quoted || field.length() > 0 || !row.isEmpty()) {
                throw new IllegalArgumentException("the file does not end with CRLF");
            }
            int width = rows.get(0).size();
            for (List<String> r : rows) {
                if (r.size() != width) {
                    throw new IllegalArgumentException("a row has " + r.size() + " fields, the header " + width);
                }
            }
            return rows;
        }
    }
}
