package uk.stepup.measures;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import uk.stepup.app.SimulatedClock;
import uk.stepup.cohorts.Baseline;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.WeeklyRhythm;
import uk.stepup.measures.spc.ImprovementDirection;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.shared.Actor;
import uk.stepup.shared.WeeklyTime;
import uk.stepup.storage.Database;
import uk.stepup.storage.JdbcCohortRepository;
import uk.stepup.storage.JdbcHomeRepository;
import uk.stepup.storage.JdbcMeasureRepository;
import uk.stepup.storage.TestDatabases;

/**
 * A cohort starting Monday 4 January 2027 (London; prompts Monday 09:00, summaries the next Monday 08:00) with two
 * homes, on a real SQLite file, a simulated clock and a renderer that records what it was asked to draw.
 */
final class MeasuresFixture implements AutoCloseable {
    static final String GUILD = "100000000000000001";
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate START = LocalDate.of(2027, 1, 4);
    static final Instant CREATED = Instant.parse("2026-12-30T10:00:00Z");

    final Database db;
    final JdbcCohortRepository cohorts;
    final JdbcHomeRepository homes;
    final JdbcMeasureRepository measures;
    final SimulatedClock clock = new SimulatedClock(CREATED);
    final PrivacyGuard guard = new PrivacyGuard(clock);
    final RecordingRenderer renderer = new RecordingRenderer();
    final Cohort cohort;
    final Home oak;
    final Home elm;
    final Actor coach = new Actor("coach", "Cath", GUILD, true);
    final Actor alice = new Actor("alice", "Alice", GUILD, false);
    final Actor bob = new Actor("bob", "Bob", GUILD, false);
    final Actor outsider = new Actor("olly", "Olly", GUILD, false);

    /** Draws nothing; remembers every chart it was given. */
    static final class RecordingRenderer implements MeasureChartRenderer {
        final List<MeasureChart> charts = Collections.synchronizedList(new ArrayList<>());
        final List<MeasurePanels> panels = Collections.synchronizedList(new ArrayList<>());

        @Override
        public byte[] measurePng(MeasureChart chart) {
            charts.add(chart);
            return new byte[] {1};
        }

        @Override
        public byte[] panelsPng(MeasurePanels p) {
            panels.add(p);
            return new byte[] {2};
        }
    }

    MeasuresFixture(Path dir) {
        db = TestDatabases.fresh(dir);
        cohorts = new JdbcCohortRepository(db);
        homes = new JdbcHomeRepository(db);
        measures = new JdbcMeasureRepository(db);
        WeeklyRhythm rhythm = new WeeklyRhythm(
                WeeklyTime.parse("MONDAY 09:00").orElseThrow(),
                WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
                WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                WeeklyTime.parse("MONDAY 08:00").orElseThrow());
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= 24; i++) {
            codes.add("K" + i);
        }
        cohort = cohorts.create(new CohortRepository.NewCohort(
                GUILD, "Spring 2027", "kloe-2017", LONDON, START, rhythm, codes, "coach", CREATED));
        List<Home> enrolled = homes.enrolAll(
                cohort.id(),
                List.of(
                        new HomeRepository.NewHome(
                                "Oak House", "oak-house", Optional.empty(), Baseline.notRated(), List.of("alice")),
                        new HomeRepository.NewHome(
                                "Elm Court", "elm-court", Optional.empty(), Baseline.notRated(), List.of("bob"))),
                CREATED);
        oak = enrolled.get(0);
        elm = enrolled.get(1);
    }

    /** 10:00 London on the Monday of programme week {@code n} (no breaks). */
    Instant inWeek(int n) {
        return START.plusWeeks(n - 1).atTime(10, 0).atZone(LONDON).toInstant();
    }

    LocalDate monday(int n) {
        return START.plusWeeks(n - 1);
    }

    Measure plain(String name, ImprovementDirection direction, Frequency frequency, OptionalDouble target) {
        return measures.add(new MeasureRepository.NewMeasure(
                cohort.id(), name, "count", direction, target, frequency, Optional.empty(), "coach", CREATED));
    }

    Measure falls() {
        return plain("Falls", ImprovementDirection.DECREASE, Frequency.WEEKLY, OptionalDouble.empty());
    }

    Measure fallsRate(Frequency frequency) {
        return measures.add(new MeasureRepository.NewMeasure(
                cohort.id(),
                "Falls rate",
                "falls per 1,000 bed days",
                ImprovementDirection.DECREASE,
                OptionalDouble.empty(),
                frequency,
                Optional.of(new Rate("falls", "occupied bed days", 1000)),
                "coach",
                CREATED));
    }

    MeasureValue value(Measure m, Home h, LocalDate period, double v) {
        return new MeasureValue(
                m.id(),
                h.id(),
                period,
                v,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                MeasureValue.Source.IMPORTED,
                OptionalInt.empty(),
                "alice",
                CREATED);
    }

    MeasureValue rate(Measure m, Home h, LocalDate period, double numerator, double denominator) {
        return new MeasureValue(
                m.id(),
                h.id(),
                period,
                m.rate().orElseThrow().of(numerator, denominator),
                OptionalDouble.of(numerator),
                OptionalDouble.of(denominator),
                MeasureValue.Source.IMPORTED,
                OptionalInt.empty(),
                "alice",
                CREATED);
    }

    /** Stores a weekly series for a home, one value per week ending with the week starting {@code lastMonday}. */
    void weekly(Measure m, Home h, LocalDate lastMonday, double... values) {
        List<MeasureValue> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(value(m, h, lastMonday.minusWeeks(values.length - 1L - i), values[i]));
        }
        measures.saveValues(out);
    }

    @Override
    public void close() {
        db.close();
    }
}
