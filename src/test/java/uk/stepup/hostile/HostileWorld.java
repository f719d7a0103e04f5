package uk.stepup.hostile;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import uk.stepup.app.ManualTimers;
import uk.stepup.app.SimulatedClock;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortDefaults;
import uk.stepup.cohorts.CohortService;
import uk.stepup.cohorts.CohortSpaces;
import uk.stepup.cohorts.EnrolmentService;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.WeeklyRhythm;
import uk.stepup.csv.JacksonCsv;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.curriculum.CurriculumLoader;
import uk.stepup.measures.MeasureDefinitionService;
import uk.stepup.measures.MeasureImportService;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.prompts.YamlFrontMatter;
import uk.stepup.shared.WeeklyTime;
import uk.stepup.storage.Database;
import uk.stepup.storage.JdbcCheckinRepository;
import uk.stepup.storage.JdbcCohortRepository;
import uk.stepup.storage.JdbcDeliveryLedger;
import uk.stepup.storage.JdbcHomeRepository;
import uk.stepup.storage.JdbcMeasureRepository;
import uk.stepup.storage.JdbcSessionRepository;
import uk.stepup.storage.JdbcTaskRepository;
import uk.stepup.summaries.WeeklySummaryBuilder;
import uk.stepup.tasks.BroadcastService;
import uk.stepup.tasks.CoachPublisher;
import uk.stepup.tasks.Session;
import uk.stepup.tasks.SessionService;
import uk.stepup.tasks.Task;
import uk.stepup.tasks.TaskService;
import uk.stepup.weekly.CoachReminders;
import uk.stepup.weekly.WeeklyProgramme;

/**
 * The coach tools' use cases wired as the bot wires them, on a real SQLite file and a simulated clock, with Discord
 * replaced by a publisher and channel maker that remember what they were given. No JDA: this is where the bulk of the
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
    final PrivacyGuard guard;
    final RecordingPublisher publisher = new RecordingPublisher();
    final FakeSpaces spaces = new FakeSpaces();
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
        cohorts = new JdbcCohortRepository(db);
        homes = new JdbcHomeRepository(db);
        checkins = new JdbcCheckinRepository(db);
        tasks = new JdbcTaskRepository(db);
        sessions = new JdbcSessionRepository(db);
        measures = new JdbcMeasureRepository(db);
        guard = new PrivacyGuard(clock);
        Supplier<Map<String, Curriculum>> curricula = () -> CURRICULA;
        ProgrammeRef ref = new ProgrammeRef();
        timers = new ManualTimers(id -> ref.programme.tick(id));
        CoachReminders reminders = new CoachReminders(tasks, sessions, homes, publisher, timers, clock);
        programme = new WeeklyProgramme(
                cohorts,
                homes,
                checkins,
                new JdbcDeliveryLedger(db),
                new HostileCheckinInputTest.NoPublisher(),
                new WeeklySummaryBuilder(cohorts, homes, checkins, CURRICULA),
                curricula,
                timers,
                reminders,
                clock,
                Runnable::run);
        ref.programme = programme;
        WeeklyRhythm rhythm = new WeeklyRhythm(
                WeeklyTime.parse("MONDAY 09:00").orElseThrow(),
                WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
                WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                WeeklyTime.parse("MONDAY 08:00").orElseThrow());
        enrolment = new EnrolmentService(cohorts, homes, spaces, guard, new JacksonCsv(), clock);
        admin = new CohortService(
                cohorts,
                spaces,
                timers,
                programme,
                curricula,
                new CohortDefaults("kloe-2017", LONDON, rhythm),
                guard,
                clock);
        taskBoard = new TaskService(tasks, cohorts, homes, publisher, timers::wakeAt, guard, clock);
        sessionDesk = new SessionService(sessions, cohorts, homes, publisher, timers::wakeAt, guard, clock);
        broadcasts = new BroadcastService(cohorts, publisher, guard);
        measureAdmin = new MeasureDefinitionService(cohorts, homes, measures, guard, clock);
        measureImport = new MeasureImportService(cohorts, homes, measures, guard, new JacksonCsv(), clock);
    }

    private static final class ProgrammeRef {
        WeeklyProgramme programme;
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

    /** Accepts every post and remembers it. */
    static final class RecordingPublisher implements CoachPublisher {
        final List<Task> tasks = new CopyOnWriteArrayList<>();
        final List<Session> sessions = new CopyOnWriteArrayList<>();
        final List<String> broadcasts = new CopyOnWriteArrayList<>();
        private final AtomicLong ids = new AtomicLong(900_000_000_000_000_000L);

        private Sent sent() {
            return new Sent(String.valueOf(ids.incrementAndGet()));
        }

        @Override
        public Posted postTask(Cohort cohort, Task task) {
            tasks.add(task);
            return sent();
        }

        @Override
        public Posted createEvent(Cohort cohort, Session session, boolean withLink) {
            return sent();
        }

        @Override
        public void deleteEvent(Cohort cohort, String eventId) {}

        @Override
        public Posted postSession(Cohort cohort, Session session) {
            sessions.add(session);
            return sent();
        }

        @Override
        public Posted postBroadcast(Cohort cohort, String text, String from) {
            broadcasts.add(text);
            return sent();
        }

        @Override
        public Posted postTaskReminder(Cohort cohort, Home home, Task task) {
            return sent();
        }

        @Override
        public Optional<String> findTaskReminder(Cohort cohort, Home home, Task task) {
            return Optional.empty();
        }

        @Override
        public Posted postSessionReminder(Cohort cohort, Session session) {
            return sent();
        }

        @Override
        public Optional<String> findSessionReminder(Cohort cohort, Session session) {
            return Optional.empty();
        }

        @Override
        public Posted postAttendanceCall(Cohort cohort, Session session) {
            return sent();
        }

        @Override
        public Optional<String> findAttendanceCall(Cohort cohort, Session session) {
            return Optional.empty();
        }
    }

    /** Channels that always exist: ids handed out in order. */
    static final class FakeSpaces implements CohortSpaces {
        private final AtomicLong ids = new AtomicLong(800_000_000_000_000_000L);

        private String next() {
            return String.valueOf(ids.incrementAndGet());
        }

        @Override
        public Cohort.Channels provisionCohort(Cohort cohort) {
            return new Cohort.Channels(
                    Optional.of(next()), Optional.of(next()), Optional.of(next()), Optional.of(next()));
        }

        @Override
        public String provisionHome(Cohort cohort, Home home) {
            return next();
        }

        /** Every user id starting with 9 is nobody on the server. */
        @Override
        public Set<String> admit(Cohort cohort, Collection<String> userIds) {
            return userIds.stream().filter(id -> id.startsWith("9")).collect(Collectors.toSet());
        }

        @Override
        public void dismiss(Cohort cohort, Collection<String> userIds) {}
    }
}
