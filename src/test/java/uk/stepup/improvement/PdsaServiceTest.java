package uk.stepup.improvement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.app.SimulatedClock;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.cohorts.Baseline;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.WeeklyRhythm;
import uk.stepup.measures.Frequency;
import uk.stepup.measures.Measure;
import uk.stepup.measures.MeasureRepository;
import uk.stepup.measures.spc.ImprovementDirection;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.shared.WeeklyTime;
import uk.stepup.storage.Database;
import uk.stepup.storage.JdbcCohortRepository;
import uk.stepup.storage.JdbcCycleRepository;
import uk.stepup.storage.JdbcHomeRepository;
import uk.stepup.storage.JdbcMeasureRepository;
import uk.stepup.storage.TestDatabases;

/** PDSA cycles over a real SQLite file: refusals, the adapt link, one decision per cycle, privacy keeping the text. */
class PdsaServiceTest {
    static final String GUILD = "100000000000000001";
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate START = LocalDate.of(2027, 1, 4);
    /** Sunday 10 January 2027, 23:30 in London (on UTC in winter): the cycle starts that Sunday. */
    static final Instant NOW = Instant.parse("2027-01-10T23:30:00Z");

    @TempDir
    Path dir;

    Database db;
    SimulatedClock clock = new SimulatedClock(NOW);
    JdbcCycleRepository cycles;
    PdsaService pdsa;
    Cohort cohort;
    Home oak;
    Home elm;
    Measure falls;
    final Actor alice = new Actor("alice", "Alice", GUILD, false);
    final Actor bob = new Actor("bob", "Bob", GUILD, false);
    final Actor coach = new Actor("coach", "Cath", GUILD, true);

    @BeforeEach
    void open() {
        db = TestDatabases.fresh(dir);
        JdbcCohortRepository cohorts = new JdbcCohortRepository(db);
        JdbcHomeRepository homes = new JdbcHomeRepository(db);
        JdbcMeasureRepository measures = new JdbcMeasureRepository(db);
        cycles = new JdbcCycleRepository(db);
        WeeklyRhythm rhythm = new WeeklyRhythm(
                WeeklyTime.parse("MONDAY 09:00").orElseThrow(),
                WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
                WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                WeeklyTime.parse("MONDAY 08:00").orElseThrow());
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            codes.add("K" + i);
        }
        cohort = cohorts.create(new CohortRepository.NewCohort(
                GUILD, "Spring 2027", "kloe-2017", LONDON, START, rhythm, codes, "coach", NOW));
        List<Home> enrolled = homes.enrolAll(
                cohort.id(),
                List.of(
                        new HomeRepository.NewHome(
                                "Oak House", "oak-house", Optional.empty(), Baseline.notRated(), List.of("alice")),
                        new HomeRepository.NewHome(
                                "Elm Court", "elm-court", Optional.empty(), Baseline.notRated(), List.of("bob"))),
                NOW);
        oak = enrolled.get(0);
        elm = enrolled.get(1);
        falls = measures.add(new MeasureRepository.NewMeasure(
                cohort.id(),
                "Falls",
                "falls",
                ImprovementDirection.DECREASE,
                OptionalDouble.empty(),
                Frequency.WEEKLY,
                Optional.empty(),
                "coach",
                NOW));
        measures.add(new MeasureRepository.NewMeasure(
                cohort.id(),
                "Hospital admissions",
                "admissions",
                ImprovementDirection.DECREASE,
                OptionalDouble.empty(),
                Frequency.WEEKLY,
                Optional.empty(),
                "coach",
                NOW));
        pdsa = new PdsaService(cycles, measures, homes, cohorts, new PrivacyGuard(clock), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static PdsaService.Draft draft(String measure, String weeks) {
        return new PdsaService.Draft(
                "Night-time checks",
                "Hourly checks between 22:00 and 06:00 for residents at risk of falling",
                "Fewer falls at night within two weeks",
                measure,
                weeks);
    }

    private PdsaService.Done done(PdsaService.Result r) {
        assertThat(r).isInstanceOf(PdsaService.Done.class);
        return (PdsaService.Done) r;
    }

    private PdsaService.Refused refused(PdsaService.Result r) {
        assertThat(r).isInstanceOf(PdsaService.Refused.class);
        return (PdsaService.Refused) r;
    }

    @Test
    void a_manager_starts_a_cycle_for_their_home_today_in_the_cohort_s_zone_with_the_default_length() {
        PdsaService.Done d = done(pdsa.start(alice, draft("falls", "")));
        PdsaCycle c = d.card().cycle();
        assertThat(c.homeId()).isEqualTo(oak.id());
        assertThat(c.number()).isEqualTo(1);
        assertThat(c.start()).isEqualTo(LocalDate.of(2027, 1, 10));
        assertThat(c.plannedWeeks()).isEqualTo(PdsaService.DEFAULT_WEEKS);
        assertThat(c.share()).isEqualTo(HighlightShare.ANONYMOUS);
        assertThat(c.measureId()).hasValue(falls.id());
        assertThat(d.card().home()).isEqualTo("Oak House");
    }

    @Test
    void the_measure_may_be_given_by_its_number_or_left_out() {
        assertThat(done(pdsa.start(alice, draft("2", "3"))).card().measure())
                .map(Measure::name)
                .hasValue("Hospital admissions");
        assertThat(done(pdsa.start(alice, draft("", "26"))).card().cycle().measureId())
                .isEmpty();
    }

    @Test
    void an_unknown_measure_is_refused_naming_the_cohort_s_measures_and_keeping_what_was_typed() {
        PdsaService.Refused r = refused(pdsa.start(alice, draft("Falls rate", "2")));
        assertThat(r.why().message())
                .contains("1. Falls; 2. Hospital admissions")
                .contains("Nothing was saved");
        assertThat(r.typed()).containsEntry(PdsaService.IDEA, "Night-time checks");
        assertThat(r.typed()).containsEntry(PdsaService.MEASURE, "Falls rate");
        assertThat(cycles.forHome(oak.id())).isEmpty();
    }

    @Test
    void a_planned_length_outside_one_to_twenty_six_weeks_is_refused() {
        for (String weeks : List.of("0", "27", "two", "1.5")) {
            PdsaService.Refused r = refused(pdsa.start(alice, draft("", weeks)));
            assertThat(r.why().message()).contains("from 1 to 26");
            assertThat(r.typed()).containsEntry(PdsaService.WEEKS, weeks);
        }
        assertThat(cycles.forHome(oak.id())).isEmpty();
    }

    @Test
    void a_coach_without_a_home_is_told_cycles_belong_to_a_home() {
        PdsaService.Refused r = refused(pdsa.start(coach, draft("", "")));
        assertThat(r.why().kind()).isEqualTo(Outcome.Kind.REFUSED);
        assertThat(r.why().message()).contains("not enrolled as a home's manager");
    }

    @Test
    void an_idea_longer_than_the_limit_is_refused() {
        PdsaService.Draft d = new PdsaService.Draft("x".repeat(PdsaCycle.IDEA_MAX + 1), "plan", "prediction", "", "");
        assertThat(refused(pdsa.start(alice, d)).why().message()).contains("at most " + PdsaCycle.IDEA_MAX);
    }

    @Test
    void a_privacy_refusal_stores_nothing_and_hands_back_what_was_typed() {
        PdsaService.Draft d =
                new PdsaService.Draft("Night-time checks", "Check room 12 every hour", "Fewer falls", "", "");
        PdsaService.Refused r = refused(pdsa.start(alice, d));
        assertThat(r.why().message()).contains("Nothing was saved").contains("'What we will do'");
        assertThat(r.why().message()).doesNotContain("room 12");
        assertThat(r.typed()).containsEntry(PdsaService.PLAN, "Check room 12 every hour");
        assertThat(cycles.forHome(oak.id())).isEmpty();

        long id = done(pdsa.start(alice, draft("", ""))).card().cycle().id();
        PdsaService.Refused study = refused(pdsa.recordStudy(alice, id, "Falls dropped; call 07700 900123"));
        assertThat(study.typed()).containsEntry(PdsaService.STUDY, "Falls dropped; call 07700 900123");
        assertThat(cycles.byId(id).orElseThrow().studied()).isEmpty();
    }

    @Test
    void another_home_s_manager_is_refused_on_every_step_and_a_coach_may_act() {
        long id = done(pdsa.start(alice, draft("", ""))).card().cycle().id();
        for (PdsaService.Result r : List.of(
                pdsa.open(bob, id, PdsaService.Step.STUDY),
                pdsa.recordDo(bob, id, "We did it"),
                pdsa.recordStudy(bob, id, "It worked"),
                pdsa.act(bob, id, PdsaCycle.Decision.ABANDON, "No", ""),
                pdsa.share(bob, id, HighlightShare.NAMED))) {
            assertThat(refused(r).why().message()).contains("belongs to another home");
        }
        PdsaCycle untouched = cycles.byId(id).orElseThrow();
        assertThat(untouched.done()).isEmpty();
        assertThat(untouched.share()).isEqualTo(HighlightShare.ANONYMOUS);
        assertThat(done(pdsa.recordDo(coach, id, "Checked with the night team"))
                        .card()
                        .cycle()
                        .stage())
                .isEqualTo(PdsaCycle.Stage.DOING);
        Actor elsewhere = new Actor("alice", "Alice", "999", false);
        assertThat(refused(pdsa.recordDo(elsewhere, id, "x")).why().message()).contains("another server");
    }

    @Test
    void adopting_needs_a_study_first_but_abandoning_does_not() {
        long id = done(pdsa.start(alice, draft("", ""))).card().cycle().id();
        assertThat(refused(pdsa.act(alice, id, PdsaCycle.Decision.ADOPT, "It worked", ""))
                        .why()
                        .message())
                .contains("Study comes before Act");
        assertThat(done(pdsa.act(alice, id, PdsaCycle.Decision.ABANDON, "Staff could not keep it up", ""))
                        .card()
                        .cycle()
                        .stage())
                .isEqualTo(PdsaCycle.Stage.ABANDONED);
    }

    @Test
    void adapting_may_give_the_next_cycle_its_own_idea_and_prediction_and_they_pass_the_privacy_guard() {
        PdsaCycle first = done(pdsa.start(alice, draft("Falls", "2"))).card().cycle();
        done(pdsa.recordStudy(alice, first.id(), "Fewer falls on the unit that did it"));

        PdsaService.Refused named = refused(pdsa.act(
                alice,
                first.id(),
                PdsaCycle.Decision.ADAPT,
                "Worked on one unit",
                new PdsaService.NextCycle("Checks in room 12 and every unit", "", "")));
        assertThat(named.typed()).containsEntry(PdsaService.NEXT_IDEA, "Checks in room 12 and every unit");
        assertThat(cycles.forHome(oak.id())).hasSize(1);

        PdsaCycle next = done(pdsa.act(
                        alice,
                        first.id(),
                        PdsaCycle.Decision.ADAPT,
                        "Worked on one unit",
                        new PdsaService.NextCycle("Checks on every unit", "", "Falls halve across the home")))
                .next()
                .orElseThrow()
                .cycle();
        assertThat(next.changeIdea()).isEqualTo("Checks on every unit");
        assertThat(next.plan()).isEqualTo(first.plan());
        assertThat(next.prediction()).isEqualTo("Falls halve across the home");
    }

    @Test
    void adapting_opens_the_next_cycle_linked_and_pre_filled_and_a_cycle_is_decided_only_once() {
        PdsaCycle first = done(pdsa.start(alice, draft("Falls", "3"))).card().cycle();
        done(pdsa.share(alice, first.id(), HighlightShare.NAMED));
        done(pdsa.recordDo(alice, first.id(), "Night staff did hourly checks for three weeks"));
        done(pdsa.recordStudy(alice, first.id(), "Falls at night went from 4 to 2 a week; as predicted"));
        clock.set(Instant.parse("2027-02-01T10:00:00Z"));
        PdsaService.Done adapted = done(pdsa.act(
                alice, first.id(), PdsaCycle.Decision.ADAPT, "Worked but tiring", "Two-hourly checks instead"));
        assertThat(adapted.card().cycle().stage()).isEqualTo(PdsaCycle.Stage.ADAPTED);
        PdsaCycle next = adapted.next().orElseThrow().cycle();
        assertThat(next.number()).isEqualTo(2);
        assertThat(next.previousId()).hasValue(first.id());
        assertThat(next.changeIdea()).isEqualTo(first.changeIdea());
        assertThat(next.plan()).isEqualTo("Two-hourly checks instead");
        assertThat(next.prediction()).isEqualTo(first.prediction());
        assertThat(next.measureId()).hasValue(falls.id());
        assertThat(next.plannedWeeks()).isEqualTo(3);
        assertThat(next.share()).isEqualTo(HighlightShare.NAMED);
        assertThat(next.start()).isEqualTo(LocalDate.of(2027, 2, 1));

        PdsaService.Refused again = refused(pdsa.act(alice, first.id(), PdsaCycle.Decision.ADOPT, "Changed mind", ""));
        assertThat(again.why().message()).contains("already adapted");
        assertThat(again.typed()).containsEntry(PdsaService.WHY, "Changed mind");
        assertThat(refused(pdsa.recordStudy(alice, first.id(), "More")).why().message())
                .contains("already adapted");
        assertThat(cycles.forHome(oak.id())).hasSize(2);
    }

    @Test
    void a_cycle_past_its_planned_length_without_a_study_is_overdue_until_studied() {
        long id = done(pdsa.start(alice, draft("", "1"))).card().cycle().id();
        assertThat(pdsa.studyOverdue(cohort)).isEmpty();
        clock.set(Instant.parse("2027-01-17T00:00:00Z"));
        assertThat(pdsa.studyOverdue(cohort)).extracting(c -> c.cycle().id()).containsExactly(id);
        done(pdsa.recordStudy(alice, id, "No change"));
        assertThat(pdsa.studyOverdue(cohort)).isEmpty();
    }

    @Test
    void the_list_is_the_manager_s_own_home_and_a_coach_names_any_home() {
        done(pdsa.start(alice, draft("", "")));
        done(pdsa.start(bob, draft("", "")));
        PdsaService.Listed mine = (PdsaService.Listed) pdsa.list(alice, Optional.empty());
        assertThat(mine.home()).isEqualTo("Oak House");
        assertThat(mine.cycles()).hasSize(1);
        assertThat(pdsa.list(alice, Optional.of("Elm Court"))).isInstanceOf(PdsaService.NotListed.class);
        PdsaService.Listed elmList = (PdsaService.Listed) pdsa.list(coach, Optional.of("elm court"));
        assertThat(elmList.home()).isEqualTo("Elm Court");
        assertThat(((PdsaService.NotListed) pdsa.list(coach, Optional.of("Birch Lodge")))
                        .why()
                        .message())
                .contains("Elm Court, Oak House");
        assertThat(pdsa.list(coach, Optional.empty())).isInstanceOf(PdsaService.NotListed.class);
    }
}
