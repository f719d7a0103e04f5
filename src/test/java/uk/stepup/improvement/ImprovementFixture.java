package uk.stepup.improvement;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import uk.stepup.app.Repositories;
import uk.stepup.app.SimulatedClock;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.cohorts.Baseline;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.WeeklyRhythm;
import uk.stepup.measures.Frequency;
import uk.stepup.measures.HomeMeasuresService;
import uk.stepup.measures.Measure;
import uk.stepup.measures.MeasureChart;
import uk.stepup.measures.MeasureChartRenderer;
import uk.stepup.measures.MeasurePanels;
import uk.stepup.measures.MeasureRepository;
import uk.stepup.measures.MeasureValue;
import uk.stepup.measures.spc.ImprovementDirection;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.shared.Actor;
import uk.stepup.shared.WeeklyTime;
import uk.stepup.storage.Database;
import uk.stepup.storage.TestDatabases;

/**
 * A real SQLite file through the real migrations: a cohort starting Monday 4 January 2027 (London) with Oak House
 * (Alice) and Elm Court (Bob), a Falls measure (lower is better), and the improvement use cases over them. A second
 * cohort on another server has Ash Lodge, whose coach is no coach of this cohort.
 */
final class ImprovementFixture implements AutoCloseable {
    static final String GUILD = "100000000000000001";
    static final String OTHER_GUILD = "100000000000000002";
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate START = LocalDate.of(2027, 1, 4);
    static final Instant CREATED = Instant.parse("2026-12-30T10:00:00Z");

    final Database db;
    final Repositories store;
    final SimulatedClock clock = new SimulatedClock(CREATED);
    final PrivacyGuard guard = new PrivacyGuard(clock);
    final Cohort cohort;
    final Home oak;
    final Home elm;
    final Measure falls;
    final HomeMeasuresService homeMeasures;
    final AimService aims;
    final RecalculationService recalculations;
    final Actor coach = new Actor("coach", "Cath", GUILD, true);
    final Actor otherCoach = new Actor("coach2", "Chris", OTHER_GUILD, true);
    final Actor alice = new Actor("alice", "Alice", GUILD, false);
    final Actor bob = new Actor("bob", "Bob", GUILD, false);

    /** Draws nothing: these tests read the values. */
    static final class NoPictures implements MeasureChartRenderer {
        @Override
        public byte[] measurePng(MeasureChart chart) {
            return new byte[0];
        }

        @Override
        public byte[] panelsPng(MeasurePanels panels) {
            return new byte[0];
        }
    }

    ImprovementFixture(Path dir) {
        db = TestDatabases.fresh(dir);
        store = Repositories.over(db);
        WeeklyRhythm rhythm = new WeeklyRhythm(
                WeeklyTime.parse("MONDAY 09:00").orElseThrow(),
                WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
                WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                WeeklyTime.parse("MONDAY 08:00").orElseThrow());
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= 24; i++) {
            codes.add("K" + i);
        }
        cohort = store.cohorts()
                .create(new CohortRepository.NewCohort(
                        GUILD, "Spring 2027", "kloe-2017", LONDON, START, rhythm, codes, "coach", CREATED));
        List<Home> enrolled = store.homes()
                .enrolAll(
                        cohort.id(),
                        List.of(
                                new HomeRepository.NewHome(
                                        "Oak House",
                                        "oak-house",
                                        Optional.empty(),
                                        Baseline.notRated(),
                                        List.of("alice")),
                                new HomeRepository.NewHome(
                                        "Elm Court",
                                        "elm-court",
                                        Optional.empty(),
                                        Baseline.notRated(),
                                        List.of("bob"))),
                        CREATED);
        oak = enrolled.get(0);
        elm = enrolled.get(1);
        Cohort other = store.cohorts()
                .create(new CohortRepository.NewCohort(
                        OTHER_GUILD, "Autumn 2027", "kloe-2017", LONDON, START, rhythm, codes, "coach2", CREATED));
        store.homes()
                .enrolAll(
                        other.id(),
                        List.of(new HomeRepository.NewHome(
                                "Ash Lodge", "ash-lodge", Optional.empty(), Baseline.notRated(), List.of("carol"))),
                        CREATED);
        falls = store.measures()
                .add(new MeasureRepository.NewMeasure(
                        cohort.id(),
                        "Falls",
                        "falls",
                        ImprovementDirection.DECREASE,
                        OptionalDouble.of(6),
                        Frequency.WEEKLY,
                        Optional.empty(),
                        "coach",
                        CREATED));
        homeMeasures = new HomeMeasuresService(
                store.cohorts(),
                store.homes(),
                store.measures(),
                new NoPictures(),
                new ImprovementNotes(store.aims(), store.cycles(), store.recalculations()));
        aims = new AimService(store.cohorts(), store.homes(), store.measures(), store.aims(), guard, clock);
        recalculations = new RecalculationService(
                store.cohorts(), store.homes(), homeMeasures, store.cycles(), store.recalculations(), guard, clock);
    }

    LocalDate monday(int n) {
        return START.plusWeeks(n - 1L);
    }

    /** Stores a weekly series for Oak House's falls, the first value in week {@code firstWeek}. */
    void oakFalls(int firstWeek, double... values) {
        List<MeasureValue> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new MeasureValue(
                    falls.id(),
                    oak.id(),
                    monday(firstWeek + i),
                    values[i],
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    MeasureValue.Source.IMPORTED,
                    OptionalInt.empty(),
                    "alice",
                    CREATED));
        }
        store.measures().saveValues(out);
    }

    /** Oak House's cycle 1 on falls, started in week {@code week}, adopted (or still being tested). */
    PdsaCycle oakCycle(int week, boolean adopt) {
        PdsaCycle c = store.cycles()
                .add(new CycleRepository.NewCycle(
                        oak.id(),
                        OptionalLong.of(falls.id()),
                        OptionalLong.empty(),
                        "Night-time checks",
                        "Check every room at 2am",
                        "Fewer falls at night",
                        monday(week),
                        4,
                        HighlightShare.NONE,
                        "alice",
                        CREATED));
        if (adopt) {
            store.cycles()
                    .saveAct(
                            c.id(), new PdsaCycle.Act(PdsaCycle.Decision.ADOPT, "It worked", "alice", clock.instant()));
        }
        return c;
    }

    @Override
    public void close() {
        db.close();
    }
}
