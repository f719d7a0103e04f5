package uk.stepup.storage;

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
import uk.stepup.measures.spc.ImprovementDirection;
import uk.stepup.shared.WeeklyTime;

/** Aims, PDSA cycles, recalculations and progress scores against a real SQLite file through the real migrations. */
class ImprovementRepositoriesTest {
    private static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");
    private static final LocalDate W1 = LocalDate.of(2027, 1, 4);

    @TempDir
    Path dir;

    Database db;
    Cohort cohort;
    Home oak;
    Home elm;
    Measure falls;

    @BeforeEach
    void open() {
        db = TestDatabases.fresh(dir);
        JdbcCohortRepository cohorts = new JdbcCohortRepository(db);
        WeeklyRhythm rhythm = new WeeklyRhythm(
                WeeklyTime.parse("MONDAY 09:00").orElseThrow(),
                WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
                WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                WeeklyTime.parse("MONDAY 08:00").orElseThrow());
        cohort = cohorts.create(new CohortRepository.NewCohort(
                "1", "Spring", "kloe-2017", ZoneId.of("Europe/London"), W1, rhythm, List.of("S1"), "coach", T0));
        List<Home> enrolled = new JdbcHomeRepository(db)
                .enrolAll(
                        cohort.id(),
                        List.of(
                                new HomeRepository.NewHome(
                                        "Oak House", "oak-house", Optional.empty(), Baseline.notRated(), List.of("u1")),
                                new HomeRepository.NewHome(
                                        "Elm Court",
                                        "elm-court",
                                        Optional.empty(),
                                        Baseline.notRated(),
                                        List.of("u2"))),
                        T0);
        oak = enrolled.get(0);
        elm = enrolled.get(1);
        falls = new JdbcMeasureRepository(db)
                .add(new MeasureRepository.NewMeasure(
                        cohort.id(),
                        "Falls",
                        "falls",
                        ImprovementDirection.DECREASE,
                        OptionalDouble.empty(),
                        Frequency.WEEKLY,
                        Optional.empty(),
                        "coach",
                        T0));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void an_aim_set_again_replaces_the_earlier_one() {
        JdbcAimRepository aims = new JdbcAimRepository(db);
        aims.save(new AimRepository.NewAim(oak.id(), falls.id(), 9, 5, LocalDate.of(2027, 6, 30), "fewer", "u1", T0));
        aims.save(new AimRepository.NewAim(
                oak.id(), falls.id(), 9, 4, LocalDate.of(2027, 7, 31), "fewer still", "u1", T0));

        assertThat(aims.forHome(oak.id())).singleElement().satisfies(a -> {
            assertThat(a.to()).isEqualTo(4);
            assertThat(a.words()).isEqualTo("fewer still");
        });
        assertThat(aims.inCohort(cohort.id())).hasSize(1);
        assertThat(aims.clear(oak.id(), falls.id())).isTrue();
        assertThat(aims.of(oak.id(), falls.id())).isEmpty();
    }

    @Test
    void cycles_are_numbered_per_home_and_a_decision_is_made_once() {
        JdbcCycleRepository cycles = new JdbcCycleRepository(db);
        PdsaCycle first = cycles.add(cycle(oak, OptionalLong.empty()));
        PdsaCycle second = cycles.add(cycle(oak, OptionalLong.of(first.id())));
        PdsaCycle elms = cycles.add(cycle(elm, OptionalLong.empty()));

        assertThat(List.of(first.number(), second.number(), elms.number())).containsExactly(1, 2, 1);
        assertThat(second.previousId()).hasValue(first.id());
        assertThat(first.stage()).isEqualTo(PdsaCycle.Stage.PLANNED);

        cycles.saveDo(first.id(), new PdsaCycle.Step("we tried it", "u1", T0));
        cycles.saveStudy(first.id(), new PdsaCycle.Step("fewer falls", "u1", T0));
        assertThat(cycles.saveAct(first.id(), new PdsaCycle.Act(PdsaCycle.Decision.ADOPT, "keep", "u1", T0)))
                .isTrue();
        assertThat(cycles.saveAct(first.id(), new PdsaCycle.Act(PdsaCycle.Decision.ABANDON, "no", "u1", T0)))
                .isFalse();
        cycles.saveShare(first.id(), HighlightShare.NAMED);

        PdsaCycle read = cycles.byId(first.id()).orElseThrow();
        assertThat(read.stage()).isEqualTo(PdsaCycle.Stage.ADOPTED);
        assertThat(read.done()).map(PdsaCycle.Step::text).hasValue("we tried it");
        assertThat(read.share()).isEqualTo(HighlightShare.NAMED);
        assertThat(read.measureId()).hasValue(falls.id());
        assertThat(cycles.forHome(oak.id())).extracting(PdsaCycle::number).containsExactly(1, 2);
        assertThat(cycles.inCohort(cohort.id())).hasSize(3);
    }

    @Test
    void an_undone_recalculation_is_kept_with_who_and_when() {
        JdbcRecalculationRepository recalculations = new JdbcRecalculationRepository(db);
        Recalculation r = recalculations.add(new RecalculationRepository.NewRecalculation(
                oak.id(), falls.id(), LocalDate.of(2027, 3, 1), "7 weeks below", "night checks", "u1", T0));
        assertThat(r.active()).isTrue();

        assertThat(recalculations.undo(r.id(), new Recalculation.Undone("coach", T0.plusSeconds(60))))
                .isTrue();
        assertThat(recalculations.undo(r.id(), new Recalculation.Undone("coach", T0.plusSeconds(90))))
                .isFalse();

        Recalculation read = recalculations.of(oak.id(), falls.id()).get(0);
        assertThat(read.active()).isFalse();
        assertThat(read.undone()).map(Recalculation.Undone::at).hasValue(T0.plusSeconds(60));
        assertThat(recalculations.inCohort(cohort.id())).hasSize(1);
    }

    @Test
    void progress_scores_are_kept_over_time() {
        JdbcProgressScoreRepository scores = new JdbcProgressScoreRepository(db);
        scores.add(new ProgressScoreRepository.NewScore(oak.id(), IhiScale.ACTIVITY, 4, "", "coach", T0));
        scores.add(new ProgressScoreRepository.NewScore(
                oak.id(), IhiScale.IMPROVEMENT, 12, "good", "coach", T0.plusSeconds(60)));

        assertThat(scores.forHome(oak.id())).extracting(s -> s.score().value()).containsExactly(2.0, 3.5);
        assertThat(scores.inCohort(cohort.id())).hasSize(2);
    }

    private CycleRepository.NewCycle cycle(Home home, OptionalLong previous) {
        return new CycleRepository.NewCycle(
                home.id(),
                OptionalLong.of(falls.id()),
                previous,
                "Night-time checks",
                "Hourly checks on one unit",
                "Fewer night falls",
                W1,
                2,
                HighlightShare.ANONYMOUS,
                "u1",
                T0);
    }
}
