package uk.stepup.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.app.Reports;
import uk.stepup.app.cli.StepUpCommand;
import uk.stepup.checkins.CheckinAnswers;
import uk.stepup.checkins.CheckinService;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;
import uk.stepup.improvement.Aim;
import uk.stepup.improvement.AimRepository;
import uk.stepup.improvement.CycleRepository;
import uk.stepup.improvement.IhiScale;
import uk.stepup.improvement.PdsaCycle;
import uk.stepup.improvement.ProgressScore;
import uk.stepup.measures.Measure;
import uk.stepup.measures.MeasureDefinitionService;
import uk.stepup.measures.MeasureValue;
import uk.stepup.shared.Actor;
import uk.stepup.shared.CheckinId;
import uk.stepup.shared.HomeId;
import uk.stepup.shared.Rating;
import uk.stepup.storage.JdbcAimRepository;
import uk.stepup.storage.JdbcCycleRepository;
import uk.stepup.summaries.DataExportService;
import uk.stepup.summaries.ExportFile;
import uk.stepup.summaries.ExportFormat;

/**
 * After hostile input has been stored through the use cases (a cohort and homes with quotes, commas and formula-like
 * names, hundreds of generated tasks, sessions, check-ins and measures), the exports and the report: every CSV file
 * parses with a strict RFC 4180 reader, no cell can run as a spreadsheet formula, every typed text equals the database
 * (guarded as the export documents), the JSON document round-trips exactly, the {@code export} verb writes the same,
 * and the HTML report has no markup but its own.
 */
class HostileExportTest {
    static final Instant NOW = Instant.parse("2027-01-05T10:00:00Z");
    static final Actor COACH = new Actor("100000000000000009", "Cath", "1", true);
    static final String COHORT = "=cmd|' /C calc'!A0 \"Spring\", 2027";

    @TempDir
    Path dir;

    @Test
    void exports_of_hostile_data_are_strict_csv_safe_in_a_spreadsheet_and_equal_to_the_database() throws Exception {
        Path file = dir.resolve("export.db");
        try (HostileWorld w = new HostileWorld(file, NOW)) {
            assertThat(w.admin
                            .create(COACH, COHORT, Optional.of("2027-01-04"), Optional.empty(), Optional.empty())
                            .ok())
                    .isTrue();
            Cohort cohort = w.cohorts.byName("1", COHORT).orElseThrow();
            List<String> names = List.of(
                    "Rose & Thorn \"Lodge\", Leeds",
                    "Café Ünïcödé 🧓🏽",
                    "Zalgo t̷̢̛e̵x̶t̸ House",
                    "<script>alert(1)</script> House",
                    "'; DROP TABLE home;-- Court",
                    "Tab\tand  spaces House",
                    "<img src=x onerror=alert(1)> Lodge",
                    "1,000 Oaks \"\"Quoted\"\"");
            List<Home> homes = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String manager = String.valueOf(200_000_000_000_000_000L + i);
                assertThat(w.enrolment
                                .enrol(COACH, cohort, names.get(i), manager)
                                .ok())
                        .as(names.get(i))
                        .isTrue();
                homes.add(w.homes.managedBy(cohort.id(), manager).orElseThrow());
            }
            store(w, cohort, homes, new Random(20279));

            DataExportService export = w.features.export;
            DataExportService.Result csv = export.export(COACH, cohort, ExportFormat.CSV);
            assertThat(csv.outcome().ok()).as(csv.outcome().message()).isTrue();
            ExportCheck.Stored stored = ExportCheck.stored(w.db, cohort.id());
            assertThat(stored.tasks()).hasSizeGreaterThan(50);
            List<String> problems = new ArrayList<>(csvProblems(
                    csv.files().stream().collect(Collectors.toMap(ExportFile::fileName, ExportFile::bytes)), stored));

            DataExportService.Result json = export.export(COACH, cohort, ExportFormat.JSON);
            problems.addAll(ExportCheck.compare(
                    stored,
                    ExportCheck.tables(
                            new ObjectMapper().readTree(json.files().get(0).bytes())),
                    s -> s));

            // The export verb writes the same files from the database file.
            Path config = dir.resolve("stepup.yaml");
            Files.writeString(config, "storage:\n  database: " + file + "\n");
            Path out = Files.createDirectories(dir.resolve("out"));
            assertThat(cli(
                            "export",
                            "--config",
                            config.toString(),
                            "--cohort",
                            COHORT,
                            "--format",
                            "csv",
                            "--out",
                            out.toString()))
                    .isZero();
            Map<String, byte[]> written = new LinkedHashMap<>();
            try (Stream<Path> files = Files.list(out)) {
                for (Path p : files.toList()) {
                    written.put(p.getFileName().toString(), Files.readAllBytes(p));
                }
            }
            assertThat(written).hasSize(10);
            problems.addAll(csvProblems(written, stored));
            Path jsonOut = dir.resolve("export.json");
            assertThat(cli(
                            "export",
                            "--config",
                            config.toString(),
                            "--cohort",
                            COHORT,
                            "--format",
                            "json",
                            "--out",
                            jsonOut.toString()))
                    .isZero();
            problems.addAll(ExportCheck.compare(
                    stored, ExportCheck.tables(new ObjectMapper().readTree(jsonOut.toFile())), s -> s));

            // The report: user text escaped, no markup but the report's own.
            String html = Reports.render(w.db, HostileWorld.CURRICULA, w.clock, cohort)
                    .html();
            problems.addAll(ExportCheck.foreignMarkup(html));
            assertThat(html)
                    .doesNotContainIgnoringCase("<script")
                    .doesNotContainIgnoringCase("<img src=x")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt; House")
                    .contains("&lt;script&gt;alert(&#39;c&#39;)&lt;/script&gt; **Bold** @everyone &lt;@201&gt;")
                    .contains("=cmd|&#39; /C calc&#39;!A0 &quot;Spring&quot;, 2027");
            // Each measure's line starts with its whole name in bold, whatever Markdown the name holds: the report
            // renders from the measure's values, not from the weekly summary's Markdown.
            int measuresAt = html.indexOf("<section id=\"measures\"");
            assertThat(Pattern.compile("<li><strong>(.*?)</strong>")
                            .matcher(html.substring(measuresAt, html.indexOf("</section>", measuresAt)))
                            .results()
                            .map(m -> unescapeHtml(m.group(1)))
                            .toList())
                    .containsExactlyElementsOf(w.measures.inCohort(cohort.id()).stream()
                            .map(m -> m.name().replaceAll("[\\p{Cc}&&[^\\t\\n\\r]]", ""))
                            .toList());
            System.out.printf(
                    "Hostile export: %d homes, %d tasks, %d sessions, %d check-ins, %d measures; %,d CSV cells"
                            + " checked%n",
                    stored.homes().size(),
                    stored.tasks().size(),
                    stored.sessions().size(),
                    stored.checkins().size(),
                    stored.measures().size(),
                    cells);
            assertThat(problems).isEmpty();
        }
    }

    static int cells;

    static List<String> csvProblems(Map<String, byte[]> files, ExportCheck.Stored stored) {
        List<String> problems = new ArrayList<>();
        Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
        files.forEach((name, bytes) -> {
            List<List<String>> rows = ExportCheck.parse(name, bytes);
            rows.forEach(row -> cells += row.size());
            problems.addAll(ExportCheck.unsafeCells(name, rows));
            String table = name.substring(name.lastIndexOf('-') + 1, name.length() - ".csv".length());
            tables.put(table, ExportCheck.records(rows));
        });
        problems.addAll(ExportCheck.compare(stored, tables, ExportCheck::guarded));
        return problems;
    }

    private static int cli(String... args) {
        PrintStream out = System.out;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            return StepUpCommand.execute(args);
        } finally {
            System.setOut(out);
        }
    }

    /** Generated tasks, sessions, check-ins with highlights shared by name, and measures with values. */
    private static void store(HostileWorld w, Cohort cohort, List<Home> homes, Random r) {
        for (int i = 0; i < 300; i++) {
            w.taskBoard.create(
                    COACH,
                    cohort,
                    HostileText.oneLine(r, 100, false),
                    LocalDate.of(2027, 1, 6 + r.nextInt(20)).toString(),
                    r.nextBoolean() ? Optional.empty() : Optional.of(HostileText.text(r, 1000, false)));
        }
        for (int i = 0; i < 40; i++) {
            w.sessionDesk.schedule(
                    COACH,
                    cohort,
                    "2027-02-" + (10 + i % 15) + " 14:00",
                    "https://zoom.us/j/" + i,
                    Optional.of(HostileText.oneLine(r, 100, false)));
        }
        CheckinService desk = w.features.checkins;
        for (int round = 0; round < 20; round++) {
            for (Home home : homes) {
                Actor manager = new Actor(home.managerIds().get(0), "m", "1", false);
                String did = HostileText.text(r, CheckinAnswers.DID_MAX, false);
                CheckinService.Result result = desk.submit(
                        manager,
                        new HomeId(home.id()),
                        1,
                        new CheckinAnswers(
                                Rating.values()[r.nextInt(4)],
                                did.isBlank() ? "x" : did,
                                Optional.of(HostileText.text(r, 1000, false)),
                                Optional.of(HostileText.oneLine(r, 300, false)),
                                Optional.of(HostileText.text(r, 500, false))));
                if (result instanceof CheckinService.Confirm c) {
                    result = desk.confirm(manager, c.token());
                }
                if (result instanceof CheckinService.Saved s) {
                    desk.share(manager, new CheckinId(s.checkin().id()), HighlightShare.values()[r.nextInt(3)]);
                }
            }
        }
        for (int i = 0;
                i < 60 && w.measures.inCohort(cohort.id()).size() < MeasureDefinitionService.MAX_MEASURES;
                i++) {
            w.measureAdmin.add(
                    COACH,
                    cohort,
                    new MeasureDefinitionService.Definition(
                            HostileText.oneLine(r, 60, false),
                            HostileText.oneLine(r, 40, false),
                            "decrease",
                            OptionalDouble.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            OptionalDouble.empty()));
        }
        List<MeasureValue> values = new ArrayList<>();
        for (Measure m : w.measures.inCohort(cohort.id())) {
            for (Home home : homes) {
                values.add(new MeasureValue(
                        m.id(),
                        home.id(),
                        LocalDate.of(2026, 12, 28),
                        r.nextInt(9) - 2,
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        MeasureValue.Source.IMPORTED,
                        OptionalInt.empty(),
                        "m",
                        NOW));
            }
        }
        w.measures.saveValues(values);
        assertThat(w.measures.inCohort(cohort.id())).isNotEmpty();
        improvement(w, cohort, homes, r);
    }

    /** The report's and the export's improvement tables get hostile text too: one fixed, the rest generated. */
    static final String HOSTILE_IDEA = "<script>alert('c')</script> **Bold** @everyone <@201>";

    private static void improvement(HostileWorld w, Cohort cohort, List<Home> homes, Random r) {
        JdbcCycleRepository cycles = new JdbcCycleRepository(w.db);
        long measure = w.measures.inCohort(cohort.id()).get(0).id();
        for (int i = 0; i < homes.size(); i++) {
            Home home = homes.get(i);
            PdsaCycle c = cycles.add(new CycleRepository.NewCycle(
                    home.id(),
                    OptionalLong.of(measure),
                    OptionalLong.empty(),
                    i == 0 ? HOSTILE_IDEA : HostileText.oneLine(r, PdsaCycle.IDEA_MAX, false),
                    HostileText.text(r, PdsaCycle.TEXT_MAX, false),
                    HostileText.text(r, PdsaCycle.TEXT_MAX, false),
                    LocalDate.of(2027, 1, 4),
                    2,
                    i == 0 ? HighlightShare.ANONYMOUS : HighlightShare.values()[r.nextInt(3)],
                    home.managerIds().get(0),
                    NOW));
            cycles.saveStudy(c.id(), new PdsaCycle.Step(HostileText.text(r, PdsaCycle.TEXT_MAX, false), "m", NOW));
            cycles.saveAct(
                    c.id(),
                    new PdsaCycle.Act(
                            PdsaCycle.Decision.ADOPT, HostileText.text(r, PdsaCycle.TEXT_MAX, false), "m", NOW));
            new JdbcAimRepository(w.db)
                    .save(new AimRepository.NewAim(
                            home.id(),
                            measure,
                            9,
                            5,
                            LocalDate.of(2027, 6, 30),
                            HostileText.oneLine(r, Aim.WORDS_MAX, false),
                            "m",
                            NOW));
            w.features.progressScores.set(
                    COACH,
                    cohort,
                    home.name(),
                    IhiScale.values()[r.nextInt(IhiScale.values().length)].label(),
                    Optional.of(HostileText.oneLine(r, ProgressScore.NOTE_MAX, false)));
        }
    }

    /** The text of an escaped HTML value, as the report's template engine escapes it. */
    private static String unescapeHtml(String html) {
        return html.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
