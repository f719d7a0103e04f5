package uk.stepup.app;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import uk.stepup.checkins.CheckinAnswers;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.cohorts.Baseline;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.WeeklyRhythm;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.curriculum.CurriculumLoader;
import uk.stepup.improvement.AimRepository;
import uk.stepup.improvement.CycleRepository;
import uk.stepup.improvement.IhiScale;
import uk.stepup.improvement.PdsaCycle;
import uk.stepup.improvement.ProgressScoreRepository;
import uk.stepup.improvement.Recalculation;
import uk.stepup.improvement.RecalculationRepository;
import uk.stepup.measures.Frequency;
import uk.stepup.measures.Measure;
import uk.stepup.measures.MeasureRepository;
import uk.stepup.measures.MeasureValue;
import uk.stepup.measures.Rate;
import uk.stepup.measures.spc.ImprovementDirection;
import uk.stepup.prompts.YamlFrontMatter;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;
import uk.stepup.shared.WeeklyTime;
import uk.stepup.storage.Database;
import uk.stepup.storage.JdbcAimRepository;
import uk.stepup.storage.JdbcCheckinRepository;
import uk.stepup.storage.JdbcCohortRepository;
import uk.stepup.storage.JdbcCycleRepository;
import uk.stepup.storage.JdbcHomeRepository;
import uk.stepup.storage.JdbcMeasureRepository;
import uk.stepup.storage.JdbcProgressScoreRepository;
import uk.stepup.storage.JdbcRecalculationRepository;
import uk.stepup.summaries.ProgrammeHistoryLoader;

/**
 * A small cohort stored in a real SQLite file, with every case the export and the report must get right: an edited
 * check-in, a late one, missing weeks, a home enrolled after two weeks had closed, highlights shared by name,
 * anonymously and not at all, text that a spreadsheet or a browser would misread, a done and an overdue task, a
 * session, and two QI measures (a weekly count and a monthly rate, with a value imported from before the start).
 *
 * <p>Four weeks from Monday 4 January 2027 (S1, S2, E1, W1); week n's window closes Sunday 20:00 London (UTC in
 * winter).
 */
public final class ProgrammeFixture implements AutoCloseable {
    public static final String GUILD = "100000000000000001";
    public static final Instant ENROLLED = Instant.parse("2026-12-30T10:00:00Z");
    /** Monday after week 4: every week has closed. */
    public static final Instant AFTER = Instant.parse("2027-02-01T12:00:00Z");
    /** Wednesday of week 4: its window is still open. */
    public static final Instant MIDWEEK_4 = Instant.parse("2027-01-27T12:00:00Z");

    public static final String HYPERLINK = "=HYPERLINK(\"http://evil.example\",\"click me\")";
    public static final String EVIDENCE = "Audit, \"before\" and after\nsecond line";
    public static final String SCRIPT_HIGHLIGHT = "<script>alert('x')</script> & see https://example.org/tips";
    public static final String PRIVATE_HIGHLIGHT = "Our private learning stays with us.";
    public static final String OAK_HIGHLIGHT = "Night staff asked for the huddle too.";
    public static final String ROSE_HIGHLIGHT = "Tea with families on Fridays.";
    public static final String ROSE = "Rose & Thorn \"Lodge\"";
    public static final String FALLS = "Falls & trips";
    public static final Map<String, Curriculum> CURRICULA = curricula();

    public final Database db;
    public final JdbcCohortRepository cohorts;
    public final JdbcHomeRepository homes;
    public final JdbcCheckinRepository checkins;
    public final Cohort cohort;
    public final Home oak;
    public final Home elm;
    public final Home rose;
    public final Home larch;

    private static Map<String, Curriculum> curricula() {
        CurriculumLoader.LoadResult r = new CurriculumLoader(new YamlFrontMatter()).load(Path.of("prompts"));
        if (!r.ok()) {
            throw new IllegalStateException("prompts do not load: " + r.problems());
        }
        return r.curricula();
    }

    public ProgrammeFixture(Path file) {
        db = Database.open(file);
        cohorts = new JdbcCohortRepository(db);
        homes = new JdbcHomeRepository(db);
        checkins = new JdbcCheckinRepository(db);
        WeeklyRhythm rhythm = new WeeklyRhythm(
                WeeklyTime.parse("MONDAY 09:00").orElseThrow(),
                WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
                WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                WeeklyTime.parse("MONDAY 08:00").orElseThrow());
        cohort = cohorts.create(new CohortRepository.NewCohort(
                GUILD,
                "Spring 2027",
                "kloe-2017",
                ZoneId.of("Europe/London"),
                LocalDate.of(2027, 1, 4),
                rhythm,
                List.of("S1", "S2", "E1", "W1"),
                "coach",
                ENROLLED));
        List<Home> enrolled = homes.enrolAll(
                cohort.id(),
                List.of(
                        home(
                                "Oak House",
                                "1-123456789",
                                Rating.GOOD,
                                Map.of(
                                        KeyQuestion.SAFE,
                                        Rating.REQUIRES_IMPROVEMENT,
                                        KeyQuestion.EFFECTIVE,
                                        Rating.GOOD,
                                        KeyQuestion.CARING,
                                        Rating.GOOD,
                                        KeyQuestion.RESPONSIVE,
                                        Rating.GOOD,
                                        KeyQuestion.WELL_LED,
                                        Rating.GOOD),
                                "201",
                                "202"),
                        home(
                                "Elm Court",
                                null,
                                Rating.REQUIRES_IMPROVEMENT,
                                Map.of(
                                        KeyQuestion.SAFE,
                                        Rating.REQUIRES_IMPROVEMENT,
                                        KeyQuestion.EFFECTIVE,
                                        Rating.GOOD,
                                        KeyQuestion.CARING,
                                        Rating.GOOD,
                                        KeyQuestion.RESPONSIVE,
                                        Rating.REQUIRES_IMPROVEMENT,
                                        KeyQuestion.WELL_LED,
                                        Rating.REQUIRES_IMPROVEMENT),
                                "203"),
                        home(ROSE, null, null, Map.of(), "204")),
                ENROLLED);
        oak = byName(enrolled, "Oak House");
        elm = byName(enrolled, "Elm Court");
        rose = byName(enrolled, ROSE);
        // Joins on Monday of week 3, after weeks 1 and 2 had closed.
        larch = homes.enrolAll(
                        cohort.id(),
                        List.of(home("Late Larch", null, Rating.GOOD, Map.of(), "205")),
                        Instant.parse("2027-01-18T10:00:00Z"))
                .get(0);

        // Oak House: week 1 on time and edited (Good, then Outstanding), highlight shared with its name; week 2
        // late; week 3 missing; week 4 on time with a highlight it chose not to share.
        save(
                oak,
                1,
                "S1",
                answers(Rating.GOOD, "Ran a huddle at handover.", null, null, OAK_HIGHLIGHT),
                "201",
                "2027-01-05T10:00:00Z",
                false);
        save(
                oak,
                1,
                "S1",
                answers(Rating.OUTSTANDING, "Ran a huddle at every handover, nights too.", null, null, OAK_HIGHLIGHT),
                "202",
                "2027-01-06T10:00:00Z",
                false);
        checkins.setShare(checkins.find(oak.id(), 1).orElseThrow().id(), HighlightShare.NAMED);
        save(
                oak,
                2,
                "S2",
                answers(Rating.REQUIRES_IMPROVEMENT, "Mapped our risks.", null, null, null),
                "201",
                "2027-01-17T21:00:00Z",
                true);
        save(
                oak,
                4,
                "W1",
                answers(Rating.GOOD, "Vision workshop with staff.", null, null, PRIVATE_HIGHLIGHT),
                "201",
                "2027-01-26T10:00:00Z",
                false);
        checkins.setShare(checkins.find(oak.id(), 4).orElseThrow().id(), HighlightShare.NONE);

        // Elm Court: week 1 missing; week 2 with text a spreadsheet or a browser would misread; weeks 3 and 4.
        save(
                elm,
                2,
                "S2",
                answers(Rating.GOOD, HYPERLINK, EVIDENCE, "-minus first", SCRIPT_HIGHLIGHT),
                "203",
                "2027-01-12T10:00:00Z",
                false);
        save(
                elm,
                3,
                "E1",
                answers(Rating.REQUIRES_IMPROVEMENT, "Reviewed assessments.", null, null, null),
                "203",
                "2027-01-19T10:00:00Z",
                false);
        save(
                elm,
                4,
                "W1",
                answers(Rating.INADEQUATE, "Hard week.", null, "@coach please call", null),
                "203",
                "2027-01-27T10:00:00Z",
                false);

        // Rose & Thorn: every week, named highlight in week 1.
        save(
                rose,
                1,
                "S1",
                answers(Rating.GOOD, "Started a families' tea.", null, null, ROSE_HIGHLIGHT),
                "204",
                "2027-01-05T11:00:00Z",
                false);
        checkins.setShare(checkins.find(rose.id(), 1).orElseThrow().id(), HighlightShare.NAMED);
        save(
                rose,
                2,
                "S2",
                answers(Rating.GOOD, "Risk review.", null, null, null),
                "204",
                "2027-01-12T11:00:00Z",
                false);
        save(
                rose,
                3,
                "E1",
                answers(Rating.OUTSTANDING, "Assessments audit.", null, null, null),
                "204",
                "2027-01-19T11:00:00Z",
                false);
        save(
                rose,
                4,
                "W1",
                answers(Rating.GOOD, "Vision board.", null, null, null),
                "204",
                "2027-01-26T11:00:00Z",
                false);

        // Late Larch: week 3 only.
        save(
                larch,
                3,
                "E1",
                answers(Rating.GOOD, "First week with the cohort.", null, null, null),
                "205",
                "2027-01-20T10:00:00Z",
                false);

        db.write(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO task (id, cohort_id, title, details, due_date, created_by, created_at) VALUES"
                        + " (1, " + cohort.id() + ", 'Share your safeguarding policy', 'Post it in #announcements',"
                        + " '2027-01-15', 'coach', '2027-01-05T09:00:00Z'),"
                        + " (2, " + cohort.id() + ", '=cmd|'' /C calc''!A0 review', NULL, '2027-02-10', 'coach',"
                        + " '2027-01-20T09:00:00Z')");
                s.execute("INSERT INTO task_done (task_id, home_id, done_by, done_at) VALUES (1, " + oak.id()
                        + ", '201', '2027-01-14T15:00:00Z')");
                s.execute("INSERT INTO session (id, cohort_id, title, starts_at, link, created_by, created_at) VALUES"
                        + " (1, " + cohort.id() + ", 'Peer call: safe staffing', '2027-01-20T14:00:00Z',"
                        + " 'https://zoom.example/j/1', 'coach', '2027-01-05T09:00:00Z'),"
                        + " (2, " + cohort.id() + ", 'Closing call', '2027-03-01T14:00:00Z',"
                        + " 'https://zoom.example/j/2', 'coach', '2027-01-05T09:00:00Z')");
                s.execute("INSERT INTO attendance (session_id, home_id, user_id, recorded_at) VALUES"
                        + " (1, " + oak.id() + ", '201', '2027-01-20T15:00:00Z'),"
                        + " (1, " + oak.id() + ", '202', '2027-01-20T15:01:00Z'),"
                        + " (1, " + rose.id() + ", '204', '2027-01-20T15:02:00Z')");
            }
            return null;
        });
        measures();
    }

    private static HomeRepository.NewHome home(
            String name, String cqc, Rating overall, Map<KeyQuestion, Rating> byKq, String... managers) {
        return new HomeRepository.NewHome(
                name,
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-"),
                Optional.ofNullable(cqc),
                new Baseline(Optional.ofNullable(overall), byKq.isEmpty() ? Map.of() : new EnumMap<>(byKq)),
                List.of(managers));
    }

    private static Home byName(List<Home> homes, String name) {
        return homes.stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }

    private static CheckinAnswers answers(Rating r, String did, String evidence, String next, String highlight) {
        return new CheckinAnswers(
                r, did, Optional.ofNullable(evidence), Optional.ofNullable(next), Optional.ofNullable(highlight));
    }

    private void save(Home home, int week, String code, CheckinAnswers a, String user, String at, boolean late) {
        checkins.save(home.id(), week, code, a, user, Instant.parse(at), late);
    }

    private void measures() {
        JdbcMeasureRepository repo = new JdbcMeasureRepository(db);
        Measure falls = repo.add(new MeasureRepository.NewMeasure(
                cohort.id(),
                FALLS,
                "falls",
                ImprovementDirection.DECREASE,
                OptionalDouble.empty(),
                Frequency.WEEKLY,
                Optional.empty(),
                "coach",
                ENROLLED));
        Measure ulcers = repo.add(new MeasureRepository.NewMeasure(
                cohort.id(),
                "Pressure ulcers",
                "per 1,000 bed days",
                ImprovementDirection.DECREASE,
                OptionalDouble.of(1),
                Frequency.MONTHLY,
                Optional.of(new Rate("new pressure ulcers", "occupied bed days", 1000)),
                "coach",
                ENROLLED));
        List<MeasureValue> values = new ArrayList<>();
        int week = 1;
        for (String monday : List.of("2027-01-04", "2027-01-11", "2027-01-18", "2027-01-25")) {
            values.add(value(falls, oak, monday, 3 + week % 2, week));
            values.add(value(falls, elm, monday, 5 + week % 3, week));
            values.add(value(falls, rose, monday, 2 + week % 2, week));
            week++;
        }
        values.add(new MeasureValue(
                falls.id(),
                larch.id(),
                LocalDate.parse("2026-12-28"),
                6,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                MeasureValue.Source.IMPORTED,
                OptionalInt.empty(),
                "coach",
                Instant.parse("2027-01-18T12:00:00Z")));
        values.add(new MeasureValue(
                ulcers.id(),
                oak.id(),
                LocalDate.parse("2027-01-01"),
                2.5,
                OptionalDouble.of(2),
                OptionalDouble.of(800),
                MeasureValue.Source.ENTERED,
                OptionalInt.of(4),
                "201",
                Instant.parse("2027-01-26T10:05:00Z")));
        repo.saveValues(values);
    }

    /** A change idea written to break a page, a chat or a spreadsheet: it must reach each of them as plain text. */
    public static final String HOSTILE_IDEA = "<script>alert('c')</script> **Bold** @everyone <@201>";

    public static final String PRIVATE_IDEA = "Our private change: the lunch rota";

    public static final String FORMULA_PLAN = "=cmd|' /C calc'!A0 then the plan";

    /**
     * The homes' improvement work, for the tests that read it (not part of the fixture itself): Oak House's aim for
     * falls, its 13 weeks of history before the programme (8 to 10 a week), a cycle it adapted and the adapted one it
     * adopted, a recalculation it confirmed and one it undid; Elm Court's hostile, unshared cycle; progress scores.
     */
    public void seedImprovement() {
        JdbcMeasureRepository measures = new JdbcMeasureRepository(db);
        Measure falls = measures.inCohort(cohort.id()).stream()
                .filter(m -> m.name().equals(FALLS))
                .findFirst()
                .orElseThrow();
        List<MeasureValue> history = new ArrayList<>();
        double[] before = {9, 8, 10, 9, 9, 8, 10, 9, 8, 9, 10, 9, 8};
        for (int i = 0; i < before.length; i++) {
            history.add(new MeasureValue(
                    falls.id(),
                    oak.id(),
                    LocalDate.parse("2026-10-05").plusWeeks(i),
                    before[i],
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    MeasureValue.Source.IMPORTED,
                    OptionalInt.empty(),
                    "coach",
                    ENROLLED));
        }
        measures.saveValues(history);
        new JdbcAimRepository(db)
                .save(new AimRepository.NewAim(
                        oak.id(),
                        falls.id(),
                        9,
                        5,
                        LocalDate.parse("2027-06-30"),
                        "Fewer falls at night: 9 to 5 a week by June",
                        "201",
                        Instant.parse("2027-01-04T10:00:00Z")));
        JdbcCycleRepository cycles = new JdbcCycleRepository(db);
        PdsaCycle first = cycles.add(new CycleRepository.NewCycle(
                oak.id(),
                OptionalLong.of(falls.id()),
                OptionalLong.empty(),
                "Night-time checks",
                "Hourly checks on the two residents who fall most, for two weeks",
                "Fewer falls at night",
                LocalDate.parse("2027-01-04"),
                2,
                HighlightShare.ANONYMOUS,
                "201",
                Instant.parse("2027-01-04T10:05:00Z")));
        cycles.saveDo(
                first.id(),
                new PdsaCycle.Step("Checks done on most nights", "201", Instant.parse("2027-01-11T10:00:00Z")));
        cycles.saveStudy(
                first.id(),
                new PdsaCycle.Step(
                        "Falls went down but staff found hourly checks woke people",
                        "201",
                        Instant.parse("2027-01-18T09:00:00Z")));
        cycles.saveAct(
                first.id(),
                new PdsaCycle.Act(
                        PdsaCycle.Decision.ADAPT,
                        "Try sensor mats instead",
                        "201",
                        Instant.parse("2027-01-18T09:05:00Z")));
        PdsaCycle second = cycles.add(new CycleRepository.NewCycle(
                oak.id(),
                OptionalLong.of(falls.id()),
                OptionalLong.of(first.id()),
                "Sensor mats at night",
                "Sensor mats for the same two residents",
                "Falls stay down and people sleep",
                LocalDate.parse("2027-01-18"),
                2,
                HighlightShare.NAMED,
                "201",
                Instant.parse("2027-01-18T09:10:00Z")));
        cycles.saveAct(
                second.id(),
                new PdsaCycle.Act(
                        PdsaCycle.Decision.ADOPT,
                        "Mats for everyone at risk",
                        "202",
                        Instant.parse("2027-01-29T15:00:00Z")));
        PdsaCycle hostile = cycles.add(new CycleRepository.NewCycle(
                elm.id(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                HOSTILE_IDEA,
                FORMULA_PLAN,
                "We predict **less** <b>noise</b>",
                LocalDate.parse("2027-01-11"),
                1,
                HighlightShare.ANONYMOUS,
                "203",
                Instant.parse("2027-01-11T11:00:00Z")));
        cycles.saveAct(
                hostile.id(),
                new PdsaCycle.Act(PdsaCycle.Decision.ADOPT, "Keep it", "203", Instant.parse("2027-01-19T11:00:00Z")));
        PdsaCycle secret = cycles.add(new CycleRepository.NewCycle(
                elm.id(),
                OptionalLong.of(falls.id()),
                OptionalLong.empty(),
                PRIVATE_IDEA,
                "Kept to ourselves",
                "Fewer falls",
                LocalDate.parse("2027-01-18"),
                1,
                HighlightShare.NONE,
                "203",
                Instant.parse("2027-01-18T11:00:00Z")));
        cycles.saveAct(
                secret.id(),
                new PdsaCycle.Act(PdsaCycle.Decision.ADOPT, "Works", "203", Instant.parse("2027-01-26T11:00:00Z")));
        JdbcRecalculationRepository recalculations = new JdbcRecalculationRepository(db);
        recalculations.add(new RecalculationRepository.NewRecalculation(
                oak.id(),
                falls.id(),
                LocalDate.parse("2027-01-04"),
                "4 weeks below the mean since cycle 1",
                "The checks changed how nights run",
                "coach",
                Instant.parse("2027-01-30T10:00:00Z")));
        Recalculation undone = recalculations.add(new RecalculationRepository.NewRecalculation(
                oak.id(),
                falls.id(),
                LocalDate.parse("2027-01-18"),
                "2 weeks below the mean since cycle 2",
                "Too early, on reflection",
                "201",
                Instant.parse("2027-01-30T11:00:00Z")));
        recalculations.undo(undone.id(), new Recalculation.Undone("201", Instant.parse("2027-01-30T11:30:00Z")));
        JdbcProgressScoreRepository scores = new JdbcProgressScoreRepository(db);
        scores.add(new ProgressScoreRepository.NewScore(
                oak.id(), IhiScale.ACTIVITY, 1, "", "coach", Instant.parse("2027-01-05T10:00:00Z")));
        scores.add(new ProgressScoreRepository.NewScore(
                oak.id(),
                IhiScale.MODEST,
                4,
                "Sensor mats adopted; falls down",
                "coach",
                Instant.parse("2027-01-26T10:00:00Z")));
        scores.add(new ProgressScoreRepository.NewScore(
                elm.id(),
                IhiScale.PLANNING,
                2,
                "=SUM(A1) <i>keen</i>",
                "coach",
                Instant.parse("2027-01-12T10:00:00Z")));
    }

    private static MeasureValue value(Measure m, Home home, String period, double v, int week) {
        return new MeasureValue(
                m.id(),
                home.id(),
                LocalDate.parse(period),
                v,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                MeasureValue.Source.ENTERED,
                OptionalInt.of(week),
                "manager",
                Instant.parse(period + "T12:00:00Z").plusSeconds(86_400L * 2));
    }

    /** The history reader over this database, as of {@code now}. */
    public ProgrammeHistoryLoader histories(Instant now) {
        return Reports.histories(db, CURRICULA, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Override
    public void close() {
        db.close();
    }
}
