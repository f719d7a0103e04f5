package uk.stepup.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.cohorts.Baseline;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.WeeklyRhythm;
import uk.stepup.improvement.CycleRepository;
import uk.stepup.improvement.PdsaCycle;
import uk.stepup.measures.Frequency;
import uk.stepup.measures.Measure;
import uk.stepup.measures.MeasureRepository;
import uk.stepup.measures.spc.ImprovementDirection;
import uk.stepup.shared.WeeklyTime;
import uk.stepup.storage.Database;
import uk.stepup.storage.JdbcCohortRepository;
import uk.stepup.storage.JdbcCycleRepository;
import uk.stepup.storage.JdbcHomeRepository;
import uk.stepup.storage.JdbcMeasureRepository;
import uk.stepup.storage.TestDatabases;

/** Which cycles a weekly summary lists, by the highlights' consent rule, over a real SQLite file. */
class SharedChangesTest {
    static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");
    static final LocalDate W1 = LocalDate.of(2027, 1, 4);

    @TempDir
    Path dir;

    Database db;
    Cohort cohort;
    Home oak;
    Home elm;
    Measure falls;
    JdbcCycleRepository cycles;
    SharedChanges changes;

    @BeforeEach
    void open() {
        db = TestDatabases.fresh(dir);
        WeeklyRhythm rhythm = new WeeklyRhythm(
                WeeklyTime.parse("MONDAY 09:00").orElseThrow(),
                WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
                WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                WeeklyTime.parse("MONDAY 08:00").orElseThrow());
        cohort = new JdbcCohortRepository(db)
                .create(new CohortRepository.NewCohort(
                        "1", "Spring", "kloe-2017", ZoneId.of("Europe/London"), W1, rhythm, List.of("S1"), "c", T0));
        List<Home> homes = new JdbcHomeRepository(db)
                .enrolAll(
                        cohort.id(),
                        List.of(
                                new HomeRepository.NewHome(
                                        "Oak House", "oak-house", Optional.empty(), Baseline.notRated(), List.of("a")),
                                new HomeRepository.NewHome(
                                        "Elm Court", "elm-court", Optional.empty(), Baseline.notRated(), List.of("b"))),
                        T0);
        oak = homes.get(0);
        elm = homes.get(1);
        JdbcMeasureRepository measures = new JdbcMeasureRepository(db);
        falls = measures.add(new MeasureRepository.NewMeasure(
                cohort.id(),
                "Falls",
                "falls",
                ImprovementDirection.DECREASE,
                OptionalDouble.empty(),
                Frequency.WEEKLY,
                Optional.empty(),
                "c",
                T0));
        cycles = new JdbcCycleRepository(db);
        changes = new SharedChanges(cycles, measures);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private PdsaCycle cycle(Home home, String idea, HighlightShare share, int daysIn) {
        return cycles.add(new CycleRepository.NewCycle(
                home.id(),
                OptionalLong.of(falls.id()),
                OptionalLong.empty(),
                idea,
                "plan",
                "prediction",
                W1.plusDays(daysIn),
                2,
                share,
                "a",
                T0));
    }

    private void decide(PdsaCycle c, PdsaCycle.Decision d) {
        cycles.saveAct(c.id(), new PdsaCycle.Act(d, "why", "a", T0));
    }

    @Test
    void nothing_is_listed_when_no_home_shares_a_cycle() {
        cycle(oak, "Private idea", HighlightShare.NONE, 0);
        assertThat(changes.of(cohort, List.of(oak, elm))).isEmpty();
    }

    @Test
    void anonymous_changes_carry_no_name_named_ones_do_and_private_abandoned_and_adapted_ones_are_left_out() {
        cycle(oak, "Night-time checks", HighlightShare.ANONYMOUS, 0);
        decide(cycle(elm, "Protected mealtimes", HighlightShare.NAMED, 1), PdsaCycle.Decision.ADOPT);
        cycle(elm, "Kept to ourselves", HighlightShare.NONE, 2);
        decide(cycle(oak, "Given up", HighlightShare.NAMED, 3), PdsaCycle.Decision.ABANDON);
        decide(cycle(oak, "Changed", HighlightShare.NAMED, 4), PdsaCycle.Decision.ADAPT);

        WeeklySummary.Changes c = changes.of(cohort, List.of(oak, elm)).orElseThrow();
        assertThat(c.testing())
                .containsExactly(
                        new WeeklySummary.SharedChange(Optional.empty(), "Night-time checks", Optional.of("Falls")));
        assertThat(c.adopted())
                .containsExactly(new WeeklySummary.SharedChange(
                        Optional.of("Elm Court"), "Protected mealtimes", Optional.of("Falls")));
        assertThat(c.moreTesting()).isZero();
    }

    @Test
    void at_most_five_of_each_newest_first_with_how_many_more() {
        for (int i = 1; i <= 7; i++) {
            cycle(oak, "Idea " + i, HighlightShare.ANONYMOUS, i);
        }
        WeeklySummary.Changes c = changes.of(cohort, List.of(oak, elm)).orElseThrow();
        assertThat(c.testing())
                .extracting(WeeklySummary.SharedChange::idea)
                .containsExactly("Idea 7", "Idea 6", "Idea 5", "Idea 4", "Idea 3");
        assertThat(c.moreTesting()).isEqualTo(2);
        assertThat(c.adopted()).isEmpty();
    }
}
