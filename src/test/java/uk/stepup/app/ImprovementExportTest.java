package uk.stepup.app;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.stepup.app.ProgrammeFixture.AFTER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.cohorts.Home;
import uk.stepup.csv.JacksonCsv;
import uk.stepup.export.ExportFiles;
import uk.stepup.improvement.Aim;
import uk.stepup.improvement.PdsaCycle;
import uk.stepup.improvement.ProgressScore;
import uk.stepup.improvement.Recalculation;
import uk.stepup.measures.Measure;
import uk.stepup.storage.JdbcAimRepository;
import uk.stepup.storage.JdbcCycleRepository;
import uk.stepup.storage.JdbcMeasureRepository;
import uk.stepup.storage.JdbcProgressScoreRepository;
import uk.stepup.storage.JdbcRecalculationRepository;
import uk.stepup.summaries.CohortExport;
import uk.stepup.summaries.DataExportService;
import uk.stepup.summaries.ExportBuilder;
import uk.stepup.summaries.ExportColumn;
import uk.stepup.summaries.ExportColumns;
import uk.stepup.summaries.ExportFile;
import uk.stepup.summaries.ExportFormat;

/**
 * The export's improvement tables ({@code aims}, {@code pdsa_cycles}, {@code recalculations}, {@code progress_scores})
 * read back from the CSV files and the JSON document equal the rows the repositories hold, field by field, through
 * the real storage and file writers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImprovementExportTest {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @TempDir
    static Path dir;

    ProgrammeFixture f;
    CohortExport export;
    Map<Long, String> homes = new HashMap<>();
    Map<Long, String> measures = new HashMap<>();

    @BeforeAll
    void open() {
        f = new ProgrammeFixture(dir.resolve("stepup.db"));
        f.seedImprovement();
        export = ExportBuilder.build(f.histories(AFTER).load(f.cohort));
        for (Home h : f.homes.inCohort(f.cohort.id())) {
            homes.put(h.id(), h.name());
        }
        for (Measure m : new JdbcMeasureRepository(f.db).inCohort(f.cohort.id())) {
            measures.put(m.id(), m.name());
        }
    }

    @AfterAll
    void close() {
        f.close();
    }

    /** What the database holds for each new table, one list of typed values per row, in the table's columns. */
    private Map<String, List<List<Object>>> database() {
        String cohort = f.cohort.name();
        Map<String, List<List<Object>>> tables = new HashMap<>();
        List<List<Object>> aims = new ArrayList<>();
        for (Aim a : new JdbcAimRepository(f.db).inCohort(f.cohort.id())) {
            aims.add(Arrays.asList(
                    cohort,
                    homes.get(a.homeId()),
                    a.id(),
                    a.measureId(),
                    measures.get(a.measureId()),
                    a.from(),
                    a.to(),
                    a.by(),
                    a.words(),
                    a.setBy(),
                    a.setAt()));
        }
        tables.put(ExportColumns.AIMS, aims);
        List<PdsaCycle> all = new JdbcCycleRepository(f.db).inCohort(f.cohort.id());
        List<List<Object>> cycles = new ArrayList<>();
        for (PdsaCycle c : all) {
            Long measure = c.measureId().isPresent() ? c.measureId().getAsLong() : null;
            Long previous = c.previousId().isPresent() ? c.previousId().getAsLong() : null;
            cycles.add(Arrays.asList(
                    cohort,
                    homes.get(c.homeId()),
                    c.id(),
                    c.number(),
                    measure,
                    measure == null ? null : measures.get(measure),
                    previous,
                    previous == null
                            ? null
                            : all.stream()
                                    .filter(p -> p.id() == previous)
                                    .findFirst()
                                    .orElseThrow()
                                    .number(),
                    c.changeIdea(),
                    c.plan(),
                    c.prediction(),
                    c.start(),
                    c.plannedWeeks(),
                    c.start().plusWeeks(c.plannedWeeks()),
                    c.stage().name().toLowerCase(),
                    c.share().name().toLowerCase(),
                    c.done().map(PdsaCycle.Step::text).orElse(null),
                    c.done().map(PdsaCycle.Step::by).orElse(null),
                    c.done().map(PdsaCycle.Step::at).orElse(null),
                    c.studied().map(PdsaCycle.Step::text).orElse(null),
                    c.studied().map(PdsaCycle.Step::by).orElse(null),
                    c.studied().map(PdsaCycle.Step::at).orElse(null),
                    c.act().map(a -> a.decision().name().toLowerCase()).orElse(null),
                    c.act().map(PdsaCycle.Act::text).orElse(null),
                    c.act().map(PdsaCycle.Act::by).orElse(null),
                    c.act().map(PdsaCycle.Act::at).orElse(null),
                    c.createdBy(),
                    c.createdAt()));
        }
        tables.put(ExportColumns.PDSA_CYCLES, cycles);
        List<List<Object>> recalculations = new ArrayList<>();
        for (Recalculation r : new JdbcRecalculationRepository(f.db).inCohort(f.cohort.id())) {
            recalculations.add(Arrays.asList(
                    cohort,
                    homes.get(r.homeId()),
                    r.id(),
                    r.measureId(),
                    measures.get(r.measureId()),
                    r.from(),
                    r.reason(),
                    r.why(),
                    r.confirmedBy(),
                    r.confirmedAt(),
                    r.undone().isEmpty(),
                    r.undone().map(Recalculation.Undone::by).orElse(null),
                    r.undone().map(Recalculation.Undone::at).orElse(null)));
        }
        tables.put(ExportColumns.RECALCULATIONS, recalculations);
        List<List<Object>> scores = new ArrayList<>();
        for (ProgressScore p : new JdbcProgressScoreRepository(f.db).inCohort(f.cohort.id())) {
            scores.add(Arrays.asList(
                    cohort,
                    homes.get(p.homeId()),
                    p.id(),
                    p.week(),
                    p.score().value(),
                    p.score().meaning(),
                    p.note(),
                    p.setBy(),
                    p.setAt()));
        }
        tables.put(ExportColumns.PROGRESS_SCORES, scores);
        return tables;
    }

    private static final Map<String, List<ExportColumn>> COLUMNS = Map.of(
            ExportColumns.AIMS, ExportColumns.AIM_COLUMNS,
            ExportColumns.PDSA_CYCLES, ExportColumns.CYCLE_COLUMNS,
            ExportColumns.RECALCULATIONS, ExportColumns.RECALCULATION_COLUMNS,
            ExportColumns.PROGRESS_SCORES, ExportColumns.SCORE_COLUMNS);

    @Test
    void the_database_holds_what_the_fixture_stored() {
        Map<String, List<List<Object>>> db = database();
        assertThat(db.get(ExportColumns.AIMS)).hasSize(1);
        assertThat(db.get(ExportColumns.PDSA_CYCLES)).hasSize(4);
        assertThat(db.get(ExportColumns.RECALCULATIONS)).hasSize(2);
        assertThat(db.get(ExportColumns.PROGRESS_SCORES)).hasSize(3);
    }

    @Test
    void every_csv_table_reads_back_as_the_database_rows() {
        List<ExportFile> files = new ExportFiles(new JacksonCsv()).write(export, ExportFormat.CSV, "spring");
        ZoneId zone = f.cohort.zone();
        for (Map.Entry<String, List<List<Object>>> table : database().entrySet()) {
            ExportFile file = files.stream()
                    .filter(x -> x.fileName().equals("spring-" + table.getKey() + ".csv"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no file for " + table.getKey()));
            String text = new String(file.bytes(), StandardCharsets.UTF_8).substring(1);
            List<List<String>> parsed = DataExportTest.Rfc4180.parse(text);
            assertThat(parsed.get(0))
                    .as(table.getKey() + " header")
                    .isEqualTo(COLUMNS.get(table.getKey()).stream()
                            .map(ExportColumn::name)
                            .toList());
            List<List<String>> expected = new ArrayList<>();
            for (List<Object> row : table.getValue()) {
                expected.add(row.stream().map(v -> csv(v, zone)).toList());
            }
            assertThat(parsed.subList(1, parsed.size())).as(table.getKey()).isEqualTo(expected);
        }
        String cycles = new String(
                files.stream()
                        .filter(x -> x.fileName().endsWith("-pdsa_cycles.csv"))
                        .findFirst()
                        .orElseThrow()
                        .bytes(),
                StandardCharsets.UTF_8);
        assertThat(cycles).contains(",'" + ProgrammeFixture.FORMULA_PLAN + ",").doesNotContain(",=cmd");
    }

    @Test
    void every_json_table_reads_back_as_the_database_rows() throws Exception {
        List<ExportFile> files = new ExportFiles(new JacksonCsv()).write(export, ExportFormat.JSON, "spring");
        JsonNode doc = new ObjectMapper().readTree(files.get(0).bytes());
        for (Map.Entry<String, List<List<Object>>> table : database().entrySet()) {
            List<String> names =
                    COLUMNS.get(table.getKey()).stream().map(ExportColumn::name).toList();
            JsonNode rows = doc.path(table.getKey());
            assertThat(rows.size())
                    .as(table.getKey())
                    .isEqualTo(table.getValue().size());
            for (int r = 0; r < rows.size(); r++) {
                List<String> keys = new ArrayList<>();
                rows.get(r).fieldNames().forEachRemaining(keys::add);
                assertThat(keys).isEqualTo(names);
                for (int c = 0; c < names.size(); c++) {
                    Object want = table.getValue().get(r).get(c);
                    JsonNode got = rows.get(r).path(names.get(c));
                    String where = table.getKey() + "[" + r + "]." + names.get(c);
                    if (want == null) {
                        assertThat(got.isNull()).as(where).isTrue();
                    } else if (want instanceof Boolean b) {
                        assertThat(got.isBoolean() && got.asBoolean() == b)
                                .as(where)
                                .isTrue();
                    } else if (want instanceof Number n) {
                        assertThat(got.isNumber()).as(where).isTrue();
                        assertThat(got.asDouble()).as(where).isEqualTo(n.doubleValue());
                    } else {
                        assertThat(got.asText()).as(where).isEqualTo(want.toString());
                    }
                }
            }
        }
        JsonNode hostile = null;
        for (JsonNode n : doc.path(ExportColumns.PDSA_CYCLES)) {
            if (n.path("home").asText().equals("Elm Court") && n.path("number").asInt() == 1) {
                hostile = n;
            }
        }
        assertThat(hostile).isNotNull();
        assertThat(hostile.path("change_idea").asText()).isEqualTo(ProgrammeFixture.HOSTILE_IDEA);
        assertThat(hostile.path("measure").isNull()).isTrue();
    }

    @Test
    void the_coach_is_told_what_the_improvement_tables_hold() {
        String said = new DataExportService(f.histories(AFTER), new ExportFiles(new JacksonCsv()))
                .export(DataExportTest.COACH, f.cohort, ExportFormat.CSV)
                .outcome()
                .message();
        assertThat(said).contains("4 PDSA cycles, 1 aim, 2 recalculations, 3 progress scores");
    }

    /** A value as the CSV cell the database row should read back as. */
    private static String csv(Object v, ZoneId zone) {
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        }
        if (v instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (v instanceof Instant i) {
            return LOCAL.format(i.atZone(zone));
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (v instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }
}
