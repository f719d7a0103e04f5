package uk.stepup.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.cohorts.Baseline;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.WeeklyRhythm;
import uk.stepup.measures.CohortMeasures;
import uk.stepup.measures.Frequency;
import uk.stepup.measures.Measure;
import uk.stepup.measures.MeasureRepository;
import uk.stepup.measures.MeasureValue;
import uk.stepup.measures.Rate;
import uk.stepup.measures.spc.ImprovementDirection;
import uk.stepup.shared.WeeklyTime;

/** Measures and values against a real SQLite file through the real migrations. */
class MeasureRepositoryTest {
    private static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");
    private static final LocalDate W1 = LocalDate.of(2027, 1, 4);

    @TempDir
    Path dir;

    Database db;
    JdbcMeasureRepository measures;
    Cohort cohort;
    Cohort other;
    Home oak;
    Home elm;

    @BeforeEach
    void open() {
        db = TestDatabases.fresh(dir);
        measures = new JdbcMeasureRepository(db);
        JdbcCohortRepository cohorts = new JdbcCohortRepository(db);
        JdbcHomeRepository homes = new JdbcHomeRepository(db);
        WeeklyRhythm rhythm = new WeeklyRhythm(
                WeeklyTime.parse("MONDAY 09:00").orElseThrow(),
                WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
                WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                WeeklyTime.parse("MONDAY 08:00").orElseThrow());
        cohort = cohorts.create(new CohortRepository.NewCohort(
                "1", "Spring", "kloe-2017", ZoneId.of("Europe/London"), W1, rhythm, List.of("S1"), "coach", T0));
        other = cohorts.create(new CohortRepository.NewCohort(
                "1", "Autumn", "kloe-2017", ZoneId.of("Europe/London"), W1, rhythm, List.of("S1"), "coach", T0));
        List<Home> enrolled = homes.enrolAll(
                cohort.id(),
                List.of(
                        new HomeRepository.NewHome(
                                "Oak House", "oak-house", Optional.empty(), Baseline.notRated(), List.of("u1")),
                        new HomeRepository.NewHome(
                                "Elm Court", "elm-court", Optional.empty(), Baseline.notRated(), List.of("u2"))),
                T0);
        oak = enrolled.get(0);
        elm = enrolled.get(1);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Measure add(long cohortId, String name, Optional<Rate> rate, OptionalDouble target) {
        return measures.add(new MeasureRepository.NewMeasure(
                cohortId, name, "falls", ImprovementDirection.DECREASE, target, Frequency.WEEKLY, rate, "coach", T0));
    }

    private static MeasureValue value(Measure m, Home h, LocalDate period, double v, OptionalInt week) {
        return new MeasureValue(
                m.id(),
                h.id(),
                period,
                v,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                week.isPresent() ? MeasureValue.Source.ENTERED : MeasureValue.Source.IMPORTED,
                week,
                "u1",
                T0);
    }

    @Test
    void measures_round_trip_in_order_with_rates_and_targets() {
        Measure falls = add(cohort.id(), "Falls", Optional.empty(), OptionalDouble.of(3));
        Measure rate = measures.add(new MeasureRepository.NewMeasure(
                cohort.id(),
                "Falls rate",
                "per 1,000 bed days",
                ImprovementDirection.NEUTRAL,
                OptionalDouble.empty(),
                Frequency.MONTHLY,
                Optional.of(new Rate("falls", "occupied bed days", 1000)),
                "coach",
                T0));
        Measure elsewhere = add(other.id(), "Falls", Optional.empty(), OptionalDouble.empty());

        assertThat(measures.inCohort(cohort.id())).containsExactly(falls, rate);
        assertThat(falls.position()).isEqualTo(1);
        assertThat(rate.position()).isEqualTo(2);
        assertThat(elsewhere.position()).as("positions are per cohort").isEqualTo(1);
        assertThat(falls.target()).hasValue(3);
        assertThat(falls.rate()).isEmpty();
        assertThat(rate.target()).isEmpty();
        assertThat(rate.rate()).contains(new Rate("falls", "occupied bed days", 1000));
        assertThat(rate.frequency()).isEqualTo(Frequency.MONTHLY);
        assertThat(rate.direction()).isEqualTo(ImprovementDirection.NEUTRAL);
        assertThat(rate.createdAt()).isEqualTo(T0);
        assertThat(measures.byId(rate.id())).contains(rate);
        assertThat(measures.byId(9999)).isEmpty();
    }

    @Test
    void a_measure_name_is_unique_in_its_cohort_ignoring_case() {
        add(cohort.id(), "Falls", Optional.empty(), OptionalDouble.empty());
        assertThatThrownBy(() -> add(cohort.id(), "FALLS", Optional.empty(), OptionalDouble.empty()))
                .isInstanceOf(MeasureRepository.DuplicateMeasureException.class)
                .hasMessageContaining("FALLS");
        assertThat(measures.inCohort(cohort.id())).hasSize(1);
    }

    @Test
    void values_replace_per_period_and_come_back_in_order() {
        Measure falls = add(cohort.id(), "Falls", Optional.empty(), OptionalDouble.empty());
        Measure rate =
                add(cohort.id(), "Rate", Optional.of(new Rate("falls", "bed days", 1000)), OptionalDouble.empty());
        measures.saveValues(List.of(
                value(falls, oak, W1.plusWeeks(1), 4, OptionalInt.of(2)),
                value(falls, oak, W1, 6, OptionalInt.empty()),
                value(falls, elm, W1, 7, OptionalInt.of(1)),
                new MeasureValue(
                        rate.id(),
                        oak.id(),
                        W1,
                        3 / 1.7,
                        OptionalDouble.of(3),
                        OptionalDouble.of(1700),
                        MeasureValue.Source.ENTERED,
                        OptionalInt.of(1),
                        "u1",
                        T0)));
        measures.saveValues(List.of(value(falls, oak, W1, 5, OptionalInt.of(1))));

        List<MeasureValue> oakValues = measures.forHome(oak.id());
        assertThat(oakValues)
                .extracting(MeasureValue::measureId, MeasureValue::period, MeasureValue::value)
                .containsExactly(
                        Tuple.tuple(falls.id(), W1, 5.0),
                        Tuple.tuple(falls.id(), W1.plusWeeks(1), 4.0),
                        Tuple.tuple(rate.id(), W1, 3 / 1.7));
        assertThat(oakValues.get(0).source()).isEqualTo(MeasureValue.Source.ENTERED);
        assertThat(oakValues.get(0).week()).hasValue(1);
        assertThat(oakValues.get(2).numerator()).hasValue(3);
        assertThat(oakValues.get(2).denominator()).hasValue(1700);
        assertThat(oakValues.get(1).numerator()).isEmpty();
        assertThat(measures.forMeasure(falls.id()))
                .extracting(MeasureValue::homeId, MeasureValue::period)
                .containsExactly(
                        Tuple.tuple(oak.id(), W1), Tuple.tuple(elm.id(), W1), Tuple.tuple(oak.id(), W1.plusWeeks(1)));
    }

    @Test
    void saving_values_is_all_or_nothing() {
        Measure falls = add(cohort.id(), "Falls", Optional.empty(), OptionalDouble.empty());
        Home ghost = new Home(
                987654,
                cohort.id(),
                "Ghost",
                "ghost",
                Optional.empty(),
                Optional.empty(),
                Baseline.notRated(),
                List.of());
        assertThatThrownBy(() -> measures.saveValues(List.of(
                        value(falls, oak, W1, 3, OptionalInt.empty()),
                        value(falls, ghost, W1, 3, OptionalInt.empty()))))
                .isInstanceOf(StorageException.class);
        assertThat(measures.forMeasure(falls.id())).isEmpty();
    }

    @Test
    void the_schema_refuses_a_half_defined_rate() {
        assertThatThrownBy(() -> db.write(c -> {
                    try (var s = c.createStatement()) {
                        return s.executeUpdate(
                                "INSERT INTO measure (cohort_id, name, unit, direction, frequency, numerator_label,"
                                        + " position, created_by, created_at) VALUES (" + cohort.id()
                                        + ", 'x', 'y', 'increase', 'weekly',"
                                        + " 'falls', 1, 'c', '2027-01-04T09:00:00Z')");
                    }
                }))
                .isInstanceOf(StorageException.class);
    }

    @Test
    void totals_add_up_the_cohorts_values_per_period_as_the_aggregate_does_in_java() {
        Measure falls = add(cohort.id(), "Falls", Optional.empty(), OptionalDouble.empty());
        Measure ulcers =
                add(cohort.id(), "Ulcers", Optional.of(new Rate("ulcers", "bed days", 1000)), OptionalDouble.empty());
        // A home of another cohort with a value for this cohort's measure must not count.
        Home stranger = new JdbcHomeRepository(db)
                .enrolAll(
                        other.id(),
                        List.of(new HomeRepository.NewHome(
                                "Ash Lodge", "ash-lodge", Optional.empty(), Baseline.notRated(), List.of("u9"))),
                        T0)
                .get(0);
        measures.saveValues(List.of(
                value(falls, oak, W1, 3, OptionalInt.of(1)),
                value(falls, elm, W1, 0.1, OptionalInt.of(1)),
                value(falls, stranger, W1, 100, OptionalInt.of(1)),
                value(falls, oak, W1.plusWeeks(1), 2, OptionalInt.of(2)),
                value(falls, elm, W1.plusWeeks(1), 2.2, OptionalInt.of(2)),
                value(falls, oak, W1.plusWeeks(2), 1, OptionalInt.of(3)),
                value(falls, elm, W1.plusWeeks(3), 7, OptionalInt.of(4)),
                new MeasureValue(
                        ulcers.id(),
                        oak.id(),
                        W1,
                        2.5,
                        OptionalDouble.of(2),
                        OptionalDouble.of(800),
                        MeasureValue.Source.ENTERED,
                        OptionalInt.of(1),
                        "u1",
                        T0),
                new MeasureValue(
                        ulcers.id(),
                        elm.id(),
                        W1,
                        0,
                        OptionalDouble.of(0),
                        OptionalDouble.of(750),
                        MeasureValue.Source.ENTERED,
                        OptionalInt.of(1),
                        "u2",
                        T0)));
        LocalDate upTo = W1.plusWeeks(2);
        for (Measure m : List.of(falls, ulcers)) {
            List<MeasureValue> mine = measures.forMeasure(m.id()).stream()
                    .filter(v -> v.homeId() != stranger.id())
                    .toList();
            assertThat(CohortMeasures.aggregate(m, measures.totals(m.id(), cohort.id(), upTo)))
                    .as(m.name())
                    .isEqualTo(CohortMeasures.aggregate(m, mine, upTo));
        }
        assertThat(measures.totals(falls.id(), cohort.id(), upTo))
                .containsExactly(
                        new MeasureRepository.PeriodTotal(W1, 2, 3.1, 0, 0, false),
                        new MeasureRepository.PeriodTotal(W1.plusWeeks(1), 2, 4.2, 0, 0, false),
                        new MeasureRepository.PeriodTotal(W1.plusWeeks(2), 1, 1, 0, 0, true));
    }
}
