package uk.stepup.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.actions.ActionOutcome;
import uk.stepup.app.Portfolios;
import uk.stepup.app.Repositories;
import uk.stepup.charts.PngCharts;
import uk.stepup.checkins.Checkin;
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
import uk.stepup.hostile.ExportCheck;
import uk.stepup.improvement.AimRepository;
import uk.stepup.improvement.CycleRepository;
import uk.stepup.improvement.PdsaCycle;
import uk.stepup.measures.Frequency;
import uk.stepup.measures.Measure;
import uk.stepup.measures.MeasureRepository;
import uk.stepup.measures.MeasureValue;
import uk.stepup.measures.spc.ImprovementDirection;
import uk.stepup.prompts.YamlFrontMatter;
import uk.stepup.report.PortfolioHtml;
import uk.stepup.shared.Actor;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;
import uk.stepup.shared.WeeklyTime;
import uk.stepup.storage.Database;
import uk.stepup.storage.TestDatabases;

/**
 * A home's portfolio checked against the database it was built from: two homes with distinctive words, ten weeks of
 * check-ins each, a measure with values, aims and PDSA cycles. Every one of Oak's entries appears; not one word of
 * Elm's does. Also who may have which portfolio, and reading it under the other framework.
 */
class PortfolioServiceTest {
    static final Map<String, Curriculum> CURRICULA =
            new CurriculumLoader(new YamlFrontMatter()).load(Path.of("prompts")).curricula();
    static final LocalDate START = LocalDate.of(2027, 1, 4);
    static final Instant T0 = Instant.parse("2026-12-30T10:00:00Z");
    /** Tuesday of week 11. */
    static final Instant NOW = Instant.parse("2027-03-16T10:00:00Z");

    static final String GUILD = "100000000000000001";
    static final Actor COACH = new Actor("900", "Cath", GUILD, true);
    static final Actor OAK_MANAGER = new Actor("201", "Olu", GUILD, false);
    static final Actor ELM_MANAGER = new Actor("203", "Eve", GUILD, false);

    @TempDir
    Path dir;

    Database db;
    Repositories store;
    Cohort cohort;
    Home oak;
    Home elm;
    Measure falls;
    PortfolioService service;

    @BeforeEach
    void seed() {
        db = TestDatabases.fresh(dir);
        store = Repositories.over(db);
        WeeklyRhythm rhythm = new WeeklyRhythm(
                WeeklyTime.parse("MONDAY 09:00").orElseThrow(),
                WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
                WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                WeeklyTime.parse("MONDAY 08:00").orElseThrow());
        cohort = store.cohorts()
                .create(new CohortRepository.NewCohort(
                        GUILD,
                        "Spring 2027",
                        "kloe-2017",
                        ZoneId.of("Europe/London"),
                        START,
                        rhythm,
                        CURRICULA.get("kloe-2017").defaultOrder(),
                        "coach",
                        T0));
        List<Home> homes = store.homes()
                .enrolAll(
                        cohort.id(),
                        List.of(
                                new HomeRepository.NewHome(
                                        "Oak House",
                                        "oak-house",
                                        Optional.empty(),
                                        new Baseline(
                                                Optional.of(Rating.GOOD),
                                                Map.of(
                                                        KeyQuestion.SAFE,
                                                        Rating.REQUIRES_IMPROVEMENT,
                                                        KeyQuestion.EFFECTIVE,
                                                        Rating.GOOD)),
                                        List.of("201", "202")),
                                new HomeRepository.NewHome(
                                        "Elm Court",
                                        "elm-court",
                                        Optional.empty(),
                                        Baseline.notRated(),
                                        List.of("203"))),
                        T0);
        oak = homes.get(0);
        elm = homes.get(1);
        List<String> order = store.cohorts().items(cohort.id());
        for (int week = 1; week <= 10; week++) {
            Instant at = START.plusWeeks(week - 1)
                    .atTime(10, 0)
                    .toInstant(ZoneOffset.UTC)
                    .plusSeconds(86_400);
            // Oak: evidence every week but week 4; Outstanding in week 2 without evidence would be a gap, so week 4.
            Rating oakRating =
                    week == 4 ? Rating.OUTSTANDING : week % 3 == 0 ? Rating.REQUIRES_IMPROVEMENT : Rating.GOOD;
            store.checkins()
                    .save(
                            oak.id(),
                            week,
                            order.get(week - 1),
                            new CheckinAnswers(
                                    oakRating,
                                    "oakdid" + week + " walked the floor with night staff",
                                    week == 4 ? Optional.empty() : Optional.of("oakevidence" + week + " audit notes"),
                                    Optional.of("oaknext" + week + " repeat the audit"),
                                    week % 2 == 0
                                            ? Optional.of("oakhighlight" + week + " families noticed")
                                            : Optional.empty()),
                            "201",
                            at,
                            week == 7);
            store.checkins()
                    .save(
                            elm.id(),
                            week,
                            order.get(week - 1),
                            new CheckinAnswers(
                                    Rating.GOOD,
                                    "elmsecret did " + week,
                                    Optional.of("elmsecret evidence " + week),
                                    Optional.of("elmsecret next " + week),
                                    Optional.of("elmsecret highlight " + week)),
                            "203",
                            at,
                            false);
        }
        // Oak's next steps are actions; week 1's was partly done in week 2 and done in week 3, with a word each time.
        for (Checkin c : store.checkins().forHome(oak.id())) {
            store.actions()
                    .fromCheckin(
                            oak.id(), c.week(), c.id(), c.answers().nextStep().orElseThrow(), T0);
        }
        for (Checkin c : store.checkins().forHome(elm.id())) {
            store.actions()
                    .fromCheckin(
                            elm.id(), c.week(), c.id(), c.answers().nextStep().orElseThrow(), T0);
        }
        long first = store.actions().forHome(oak.id()).stream()
                .filter(a -> a.setWeek() == 1)
                .findFirst()
                .orElseThrow()
                .id();
        store.actions().note(first, 2, "oaknote2 half the rota agreed", "201", T0);
        store.actions().answer(first, 2, ActionOutcome.PARTLY, "201", T0);
        store.actions().note(first, 3, "oaknote3 all agreed", "201", T0);
        store.actions().answer(first, 3, ActionOutcome.DONE, "201", T0);
        long elms = store.actions().forHome(elm.id()).get(0).id();
        store.actions().note(elms, 2, "elmsecret note", "203", T0);

        falls = store.measures()
                .add(new MeasureRepository.NewMeasure(
                        cohort.id(),
                        "Falls",
                        "falls",
                        ImprovementDirection.DECREASE,
                        OptionalDouble.of(4),
                        Frequency.WEEKLY,
                        Optional.empty(),
                        "coach",
                        T0));
        List<MeasureValue> values = new ArrayList<>();
        for (int week = 1; week <= 10; week++) {
            LocalDate period = START.plusWeeks(week - 1);
            values.add(value(oak, period, 9 - week * 0.5, week));
            values.add(value(elm, period, 77, week));
        }
        store.measures().saveValues(values);
        store.aims()
                .save(new AimRepository.NewAim(
                        oak.id(),
                        falls.id(),
                        9,
                        4,
                        LocalDate.of(2027, 6, 30),
                        "oakaim fewer falls at night",
                        "201",
                        T0));
        store.aims()
                .save(new AimRepository.NewAim(
                        elm.id(), falls.id(), 9, 2, LocalDate.of(2027, 6, 30), "elmsecret aim", "203", T0));
        PdsaCycle c = store.cycles()
                .add(new CycleRepository.NewCycle(
                        oak.id(),
                        OptionalLong.of(falls.id()),
                        OptionalLong.empty(),
                        "oakidea night-time checks",
                        "oakplan hourly checks on one unit",
                        "oakprediction fewer night falls",
                        START.plusWeeks(3),
                        4,
                        HighlightShare.NONE,
                        "201",
                        T0));
        store.cycles().saveDo(c.id(), new PdsaCycle.Step("oakdo we tried it", "201", T0));
        store.cycles()
                .add(new CycleRepository.NewCycle(
                        elm.id(),
                        OptionalLong.of(falls.id()),
                        OptionalLong.empty(),
                        "elmsecret idea",
                        "elmsecret plan",
                        "elmsecret prediction",
                        START,
                        2,
                        HighlightShare.NAMED,
                        "203",
                        T0));
        service = Portfolios.service(store, CURRICULA, new PngCharts(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private MeasureValue value(Home home, LocalDate period, double v, int week) {
        return new MeasureValue(
                falls.id(),
                home.id(),
                period,
                v,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                MeasureValue.Source.ENTERED,
                OptionalInt.of(week),
                "x",
                T0);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void every_evidence_entry_of_the_home_appears_and_nothing_of_another_home() {
        Portfolio p = service.build(cohort, oak, Optional.empty());
        String html = new PortfolioHtml(new PngCharts(), new PngCharts()).html(p);

        assertThat(p.items()).hasSize(24);
        List<Checkin> stored = store.checkins().forHome(oak.id());
        assertThat(stored).hasSize(10);
        for (Checkin c : stored) {
            PortfolioItem item = p.items().stream()
                    .filter(i -> i.code().equals(c.code()))
                    .findFirst()
                    .orElseThrow();
            assertThat(item.entries()).singleElement().satisfies(e -> {
                assertThat(e.week()).isEqualTo(c.week());
                assertThat(e.rating()).isEqualTo(c.answers().rating());
                assertThat(e.did()).isEqualTo(c.answers().didThisWeek());
                assertThat(e.evidence()).isEqualTo(c.answers().evidence());
                assertThat(e.nextStep()).isEqualTo(c.answers().nextStep());
            });
            assertThat(html).contains(c.answers().didThisWeek());
            c.answers().evidence().ifPresent(t -> assertThat(html).contains(t));
            c.answers().nextStep().ifPresent(t -> assertThat(html).contains(t));
            c.answers().highlight().ifPresent(t -> assertThat(html).contains(t));
        }
        assertThat(html)
                .contains("oakaim fewer falls at night", "oakidea night-time checks", "oakdo we tried it")
                .doesNotContain("elmsecret", "Elm Court");
        assertThat(p.measures()).singleElement().satisfies(m -> {
            assertThat(m.values()).extracting(MeasureValue::homeId).containsOnly(oak.id());
            assertThat(m.verdict()).isPresent();
            assertThat(m.aim()).map(a -> a.words()).contains("oakaim fewer falls at night");
            assertThat(m.cycles()).extracting(PdsaCycle::changeIdea).containsExactly("oakidea night-time checks");
        });
        assertThat(p.actions()).hasSize(10).allSatisfy(a -> assertThat(a.text()).startsWith("oaknext"));
        assertThat(p.actions().get(0)).satisfies(a -> {
            assertThat(a.week()).isEqualTo(1);
            assertThat(a.code()).isEqualTo(stored.get(0).code());
            assertThat(a.status()).isEqualTo("Done (week 3)");
            assertThat(a.note()).contains("Week 2: oaknote2 half the rota agreed\nWeek 3: oaknote3 all agreed");
        });
        assertThat(p.actions().get(1).status()).isEqualTo("Not followed up yet");
        assertThat(html).contains("oaknote3 all agreed").contains("Done (week 3)");
        assertThat(ExportCheck.foreignMarkup(html)).isEmpty();
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("http://", "https://");
    }

    @Test
    void gaps_cover_items_not_reached_a_week_without_evidence_and_outstanding_without_it() {
        Portfolio p = service.build(cohort, oak, Optional.empty());
        List<String> order = store.cohorts().items(cohort.id());
        // 14 items not reached; week 4's item has a check-in without evidence, rated Outstanding.
        assertThat(p.gaps().stream().filter(g -> g.kind() == Gap.Kind.NO_EVIDENCE))
                .hasSize(15);
        assertThat(p.gaps().stream().filter(g -> g.kind() == Gap.Kind.RATING_ABOVE_EVIDENCE))
                .singleElement()
                .satisfies(g -> assertThat(g.code()).isEqualTo(order.get(3)));
        assertThat(p.gaps()).noneMatch(g -> g.kind() == Gap.Kind.OLD_EVIDENCE);

        // Eight months on, every item's evidence is old.
        PortfolioService later = Portfolios.service(
                store, CURRICULA, new PngCharts(), Clock.fixed(NOW.plusSeconds(240L * 86_400), ZoneOffset.UTC));
        assertThat(later.build(cohort, oak, Optional.empty()).gaps().stream()
                        .filter(g -> g.kind() == Gap.Kind.OLD_EVIDENCE))
                .hasSize(9);
    }

    @Test
    void every_home_s_portfolio_is_written_to_a_folder_under_its_own_name() throws Exception {
        List<Path> files = Portfolios.writeAll(
                service,
                new PortfolioHtml(new PngCharts(), new PngCharts()),
                cohort,
                store.homes().inCohort(cohort.id()),
                dir.resolve("portfolios"));
        assertThat(files)
                .extracting(f -> f.getFileName().toString())
                .containsExactlyInAnyOrder("portfolio-oak-house.html", "portfolio-elm-court.html");
        assertThat(Files.readString(dir.resolve("portfolios/portfolio-elm-court.html")))
                .contains("elmsecret did 1")
                .doesNotContain("oakdid");
    }

    @Test
    void the_pir_draft_quotes_only_the_home_s_own_words_with_their_week() {
        Portfolio p = service.build(cohort, oak, Optional.empty());
        List<PirDraft.Quote> quotes = p.pir().answers().stream()
                .flatMap(a -> java.util.stream.Stream.concat(a.goingWell().stream(), a.barriers().stream()))
                .toList();
        assertThat(quotes).isNotEmpty().allSatisfy(q -> assertThat(q.text()).matches("oak[a-z]+" + q.week() + " .*"));
        // Requires improvement weeks (3, 6, 9) give "what we did" under the barriers.
        assertThat(quotes).anySatisfy(q -> assertThat(q.text()).startsWith("oakdid3 "));
        String html = new PortfolioHtml(new PngCharts(), new PngCharts()).html(p);
        assertThat(html).contains(PirDraft.LABEL).contains("What is going well and the difference it makes");
    }

    @Test
    void a_manager_gets_their_own_home_and_a_coach_any_home_of_their_cohorts() {
        PortfolioService.Result own = service.forPerson(OAK_MANAGER, Optional.empty());
        assertThat(own.outcome().ok()).isTrue();
        assertThat(own.file()).get().satisfies(f -> {
            assertThat(f.fileName()).isEqualTo("portfolio-oak-house.html");
            assertThat(new String(f.bytes(), StandardCharsets.UTF_8))
                    .contains("oakdid1")
                    .doesNotContain("elmsecret");
        });
        assertThat(service.forPerson(OAK_MANAGER, Optional.of("oak house")).file())
                .isPresent();

        PortfolioService.Result refused = service.forPerson(ELM_MANAGER, Optional.of("Oak House"));
        assertThat(refused.outcome().ok()).isFalse();
        assertThat(refused.file()).isEmpty();
        assertThat(refused.outcome().message()).contains("your own home").contains("Elm Court");

        assertThat(service.forPerson(COACH, Optional.of("Elm Court")).file())
                .get()
                .satisfies(f -> assertThat(new String(f.bytes(), StandardCharsets.UTF_8))
                        .contains("elmsecret did 1")
                        .doesNotContain("oakdid"));
        assertThat(service.forPerson(COACH, Optional.of("Birch")).outcome().message())
                .contains("no home called \"Birch\"")
                .contains("Homes: Elm Court, Oak House.");
        assertThat(service.forPerson(COACH, Optional.of("call 07700 900123"))
                        .outcome()
                        .message())
                .as("a reply never repeats an identifier")
                .doesNotContain("07700")
                .contains("no home called that");
        assertThat(service.forPerson(COACH, Optional.empty()).outcome().ok()).isFalse();
        // A coach of another server gets nothing from this one.
        assertThat(service.forPerson(new Actor("901", "X", "2", true), Optional.of("Oak House"))
                        .file())
                .isEmpty();
        assertThat(service.forPerson(new Actor("999", "X", GUILD, false), Optional.of("Oak House"))
                        .file())
                .isEmpty();
    }

    @Test
    void read_under_the_quality_statements_each_check_in_lands_on_the_statements_it_maps_to() {
        Portfolio p = service.build(cohort, oak, Optional.of("saf-2023"));
        assertThat(p.framework()).isEqualTo("saf-2023");
        assertThat(p.items()).hasSize(CURRICULA.get("saf-2023").items().size());
        assertThat(p.items()).allSatisfy(i -> assertThat(i.code()).startsWith("QS-"));
        List<String> codes = p.items().stream()
                .flatMap(i -> i.entries().stream())
                .map(Evidence::code)
                .distinct()
                .toList();
        assertThat(codes).isNotEmpty().allSatisfy(c -> assertThat(c).doesNotStartWith("QS-"));
        String html = new PortfolioHtml(new PngCharts(), new PngCharts()).html(p);
        assertThat(html)
                .contains("Read under CQC&#39;s quality statements (2023)")
                .contains("your check-in on ");
        // Through the crosswalk files the same check-ins land on quality statements too.
        PortfolioService crosswalked = Portfolios.service(
                store,
                CURRICULA,
                ItemMapping.from(new CurriculumLoader(new YamlFrontMatter())
                        .load(Path.of("prompts"))
                        .crosswalk()),
                new PngCharts(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        Portfolio viaFiles = crosswalked.build(cohort, oak, Optional.of("saf-2023"));
        assertThat(viaFiles.items().stream().filter(i -> !i.entries().isEmpty()))
                .isNotEmpty();
        assertThat(crosswalked.build(cohort, oak, Optional.empty()).items().stream()
                        .mapToInt(i -> i.entries().size())
                        .sum())
                .isEqualTo(10);
        assertThatThrownBy(() -> service.build(cohort, oak, Optional.of("kloe-2099")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Known: kloe-2017, saf-2023");
    }
}
