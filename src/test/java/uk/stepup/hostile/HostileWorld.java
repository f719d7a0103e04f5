package uk.stepup.hostile;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.stepup.app.Features;
import uk.stepup.app.ManualTimers;
import uk.stepup.app.Repositories;
import uk.stepup.app.SimulatedClock;
import uk.stepup.charts.PngCharts;
import uk.stepup.cohorts.CohortDefaults;
import uk.stepup.cohorts.CohortService;
import uk.stepup.cohorts.EnrolmentService;
import uk.stepup.cohorts.WeeklyRhythm;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.curriculum.CurriculumLoader;
import uk.stepup.measures.MeasureDefinitionService;
import uk.stepup.measures.MeasureImportService;
import uk.stepup.prompts.YamlFrontMatter;
import uk.stepup.shared.WeeklyTime;
import uk.stepup.storage.Database;
import uk.stepup.storage.JdbcCheckinRepository;
import uk.stepup.storage.JdbcCohortRepository;
import uk.stepup.storage.JdbcHomeRepository;
import uk.stepup.storage.JdbcMeasureRepository;
import uk.stepup.storage.JdbcSessionRepository;
import uk.stepup.storage.JdbcTaskRepository;
import uk.stepup.tasks.BroadcastService;
import uk.stepup.tasks.SessionService;
import uk.stepup.tasks.TaskService;
import uk.stepup.testkit.FakeCohortSpaces;
import uk.stepup.testkit.RecordingCoachPublisher;
import uk.stepup.testkit.RecordingProgrammePublisher;
import uk.stepup.weekly.WeeklyProgramme;

/**
 * The features wired by {@link Features}, as the bot wires them, on a real SQLite file and a simulated clock, with
 * Discord replaced by a publisher and channel maker that remember what they were given. No JDA: this is where the bulk of the
 * generated input goes, thousands of calls a second.
 */
final class HostileWorld implements AutoCloseable {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Map<String, Curriculum> CURRICULA =
            new CurriculumLoader(new YamlFrontMatter()).load(Path.of("prompts")).curricula();

    final SimulatedClock clock;
    final Database db;
    final JdbcCohortRepository cohorts;
    final JdbcHomeRepository homes;
    final JdbcCheckinRepository checkins;
    final JdbcTaskRepository tasks;
    final JdbcSessionRepository sessions;
    final JdbcMeasureRepository measures;
    final RecordingCoachPublisher publisher = new RecordingCoachPublisher(900_000_000_000_000_001L);
    final FakeCohortSpaces spaces = new FakeCohortSpaces();
    final Features features;
    final ManualTimers timers;
    final WeeklyProgramme programme;
    final EnrolmentService enrolment;
    final CohortService admin;
    final TaskService taskBoard;
    final SessionService sessionDesk;
    final BroadcastService broadcasts;
    final MeasureDefinitionService measureAdmin;
    final MeasureImportService measureImport;

    HostileWorld(Path file, Instant now) {
        clock = new SimulatedClock(now);
        db = Database.open(file);
        Repositories store = Repositories.over(db);
        cohorts = store.cohorts();
        homes = store.homes();
        checkins = store.checkins();
        tasks = store.tasks();
        sessions = store.sessions();
        measures = store.measures();
        WeeklyRhythm rhythm = new WeeklyRhythm(
                WeeklyTime.parse("MONDAY 09:00").orElseThrow(),
                WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
                WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                WeeklyTime.parse("MONDAY 08:00").orElseThrow());
        features = new Features(
                store,
                CURRICULA,
                new CohortDefaults("kloe-2017", LONDON, rhythm),
                new Features.Outlets(
                        RecordingProgrammePublisher.failing("not used"), publisher, spaces, (c, text, mention) -> true),
                new Features.Runners(ManualTimers::new, Runnable::run, Runnable::run),
                new PngCharts(),
                clock);
        timers = (ManualTimers) features.timers;
        programme = features.programme;
        enrolment = features.enrolment;
        admin = features.cohorts;
        taskBoard = features.tasks;
        sessionDesk = features.sessions;
        broadcasts = features.broadcasts;
        measureAdmin = features.measureDefinitions;
        measureImport = features.measureImport;
    }

    /** How many rows the table has. */
    long count(String table) {
        return db.read(c -> {
            try (var st = c.createStatement();
                    var rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The newest row's id. */
    long maxId(String table) {
        return db.read(c -> {
            try (var st = c.createStatement();
                    var rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Every text column of every table, one value a line: what the database holds that a person typed. */
    String allStoredText() {
        return db.read(c -> {
            StringBuilder sb = new StringBuilder();
            try (var st = c.createStatement();
                    var tables = st.executeQuery(
                            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'flyway%'")) {
                List<String> names = new ArrayList<>();
                while (tables.next()) {
                    names.add(tables.getString(1));
                }
                for (String table : names) {
                    try (var s2 = c.createStatement();
                            var rs = s2.executeQuery("SELECT * FROM \"" + table + "\"")) {
                        int n = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int i = 1; i <= n; i++) {
                                Object v = rs.getObject(i);
                                if (v instanceof String s) {
                                    sb.append(s).append('\n');
                                }
                            }
                        }
                    }
                }
            }
            return sb.toString();
        });
    }

    @Override
    public void close() {
        db.close();
    }
}
