package uk.stepup.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;
import uk.stepup.improvement.CycleRepository;
import uk.stepup.improvement.PdsaCycle;
import uk.stepup.improvement.Recalculation;
import uk.stepup.improvement.RecalculationService;
import uk.stepup.measures.Measure;
import uk.stepup.sandbox.InteractionHandle;
import uk.stepup.sandbox.SandboxAttachment;
import uk.stepup.sandbox.SandboxChannel;
import uk.stepup.sandbox.SandboxMessage;
import uk.stepup.sandbox.SandboxModal;
import uk.stepup.sandbox.SandboxUser;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.storage.JdbcCycleRepository;
import uk.stepup.storage.JdbcRecalculationRepository;

/**
 * Aims and the person-confirmed recalculation of limits, end to end over the sandbox with the real JDA client and a
 * real SQLite file: Oak House sets an aim and sees it in {@code /measures} and {@code /progress}; after a change it
 * adopted, its falls stay lower for seven weeks, {@code /measures} offers to recalculate the limits, Alice confirms
 * with her reason, the chart shows two periods and an Undo, and undoing brings the offer back. Another home's
 * manager, a coach of another server's cohort and a stale button are refused, with nothing changed. Steps run in
 * order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AimsAndRecalculationEndToEndTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    /** Wednesday 30 December 2026, 10:00 in London; the cohort starts Monday 4 January 2027. */
    static final Instant CREATED = Instant.parse("2026-12-30T10:00:00Z");
    /** Monday 3 May 2027, programme week 18. */
    static final Instant MAY = Instant.parse("2027-05-03T09:30:00Z");

    static final LocalDate START = LocalDate.of(2027, 1, 4);
    /** Oak House's falls in weeks 1 to 17: ten ordinary weeks, then seven lower ones from week 11 (15 Mar). */
    static final int[] OAK = {8, 9, 7, 8, 10, 8, 9, 7, 8, 9, 4, 3, 4, 5, 3, 4, 4};

    static final LocalDate WEEK_11 = START.plusWeeks(10);

    @RegisterExtension
    static final EndToEnd e2e = EndToEnd.startingAt(CREATED);

    BotHarness h;

    @BeforeAll
    void start() throws Exception {
        h = e2e.harness();
    }

    private Cohort cohort() {
        return h.bot.cohorts.byName(h.guild.id(), "Spring 2027").orElseThrow();
    }

    private Home home(String name) {
        return h.bot.homes.byName(cohort().id(), name).orElseThrow();
    }

    private Measure falls() {
        return h.bot.measures.inCohort(cohort().id()).get(0);
    }

    private SandboxChannel channel(String name) {
        return h.guild.channelByName("SUO · Spring 2027", name).orElseThrow(() -> new AssertionError("no #" + name));
    }

    private SandboxMessage slash(SandboxUser who, String command, Map<String, ?> options) {
        InteractionHandle handle =
                h.sandbox.as(who, h.guild).slash(command, options, h.general).awaitResponse(WAIT);
        assertThat(handle.isEphemeral()).as("/" + command).isTrue();
        SandboxMessage reply = handle.awaitReply(WAIT);
        assertThat(reply.pingedNobody()).isTrue();
        return reply;
    }

    private Actor actor(SandboxUser who, boolean coach) {
        return new Actor(who.id(), who.displayName(), h.guild.id(), coach);
    }

    /** Keeps a chart the bot sent in {@code target/chart-samples/} for a person to look at. */
    private static void keep(String name, byte[] png) throws IOException {
        Path samples = Path.of("target", "chart-samples");
        Files.createDirectories(samples);
        Files.write(samples.resolve(name), png);
    }

    @Test
    @Order(1)
    void a_coach_sets_up_the_cohort_with_falls_and_oak_house_loads_seventeen_weeks() {
        slash(h.coach, "cohort create", Map.of("name", "Spring 2027", "start", "2027-01-04"));
        for (Object[] enrol : new Object[][] {{"Oak House", h.alice}, {"Elm Court", h.bob}}) {
            h.sandbox
                    .as(h.coach, h.guild)
                    .slash("cohort enrol", Map.of("home", enrol[0], "manager", enrol[1]), channel("announcements"))
                    .awaitResponse(WAIT)
                    .awaitReply(WAIT);
        }
        assertThat(slash(
                                h.coach,
                                "measure add",
                                Map.of("name", "Falls", "unit", "falls", "direction", "decrease", "target", 6))
                        .content())
                .contains("Added measure 1");
        // Seventeen weeks on: the clock moves without the weekly posts, which other tests cover.
        h.clock.set(MAY);
        StringBuilder csv = new StringBuilder("measure,period,value\n");
        for (int i = 0; i < OAK.length; i++) {
            csv.append("Falls,")
                    .append(START.plusWeeks(i))
                    .append(',')
                    .append(OAK[i])
                    .append('\n');
        }
        assertThat(slash(
                                h.alice,
                                "measure import",
                                Map.of(
                                        "file",
                                        SandboxAttachment.of(
                                                "falls.csv",
                                                "text/csv",
                                                csv.toString().getBytes(StandardCharsets.UTF_8))))
                        .content())
                .contains("Imported 17 values for Oak House");
    }

    @Test
    @Order(2)
    void a_manager_sets_an_aim_and_measures_and_progress_show_it_with_assurance_against_it() {
        assertThat(slash(h.alice, "aim set", Map.of("measure", "falls", "from", 9, "to", 5, "by", "someday"))
                        .content())
                .contains("could not read \"someday\" as a date");
        assertThat(slash(
                                h.alice,
                                "aim set",
                                Map.of("measure", "Hospital admissions", "from", 9, "to", 5, "by", "June 2027"))
                        .content())
                .contains("Its measures: 1. Falls");
        assertThat(slash(
                                h.bob,
                                "aim set",
                                Map.of("measure", "1", "from", 9, "to", 5, "by", "June 2027", "home", "Oak House"))
                        .content())
                .contains("Only the home's managers and its cohort's coaches");
        SandboxMessage set = slash(
                h.alice,
                "aim set",
                Map.of("measure", "falls", "from", 9, "to", 5, "by", "June 2027", "words", "fewer night falls"));
        assertThat(set.content())
                .contains("Aim set for Oak House · **Falls**: 9 → 5 by 30 Jun 2027, 'fewer night falls'");

        SandboxMessage view = slash(h.alice, "measures", Map.of());
        assertThat(view.content())
                .contains("Aim: 9 → 5 by 30 Jun 2027, 'fewer night falls'")
                .contains("against the aim")
                .doesNotContain("Recalculate");
        assertThat(view.buttons()).isEmpty();
        assertThat(slash(h.alice, "progress", Map.of()).content()).contains("Aim: 9 → 5 by 30 Jun 2027");
    }

    @Test
    @Order(3)
    void without_an_adopted_change_nothing_is_offered_and_a_forged_confirmation_is_refused() {
        Home oak = home("Oak House");
        Home elm = home("Elm Court");
        // A button forged for Oak House's falls from week 11: no adopted change explains the shift yet.
        Outcome forged = h.bot.features.recalculations.confirm(
                actor(h.alice, false), oak.id(), falls().id(), WEEK_11, "Looks lower");
        assertThat(forged.ok()).isFalse();
        assertThat(forged.message()).contains("no longer shows a sustained shift");
        // Elm Court has no values at all.
        assertThat(h.bot.features
                        .recalculations
                        .confirm(actor(h.bob, false), elm.id(), falls().id(), WEEK_11, "Why not")
                        .ok())
                .isFalse();
        assertThat(new JdbcRecalculationRepository(h.bot.database).of(oak.id(), falls().id()))
                .isEmpty();
    }

    private SandboxMessage offered;

    @Test
    @Order(4)
    void after_an_adopted_change_measures_offers_the_recalculation_and_the_manager_confirms_it() throws Exception {
        Home oak = home("Oak House");
        CycleRepository cycles = new JdbcCycleRepository(h.bot.database);
        PdsaCycle cycle = cycles.add(new CycleRepository.NewCycle(
                oak.id(),
                OptionalLong.of(falls().id()),
                OptionalLong.empty(),
                "Night-time checks",
                "Check every room at 2am",
                "Fewer falls at night",
                WEEK_11,
                4,
                HighlightShare.NONE,
                h.alice.id(),
                MAY));
        cycles.saveAct(cycle.id(), new PdsaCycle.Act(PdsaCycle.Decision.ADOPT, "Falls went down", h.alice.id(), MAY));

        offered = slash(h.alice, "measures", Map.of());
        assertThat(offered.content())
                .contains("Recalculate limits from the week of 15 Mar 2027? 7 weeks in a row below the mean since "
                        + "then, after cycle 1 'Night-time checks' was adopted.");
        assertThat(offered.button("Recalculate Falls limits")).isPresent();
        assertThat(offered.content().length()).isLessThanOrEqualTo(2000);

        InteractionHandle open = h.sandbox
                .as(h.alice, h.guild)
                .clickLabel(offered, "Recalculate Falls limits")
                .awaitResponse(WAIT);
        SandboxModal form = open.modal();
        assertThat(form.title()).isEqualTo("Recalculate Falls limits");
        assertThat(form.fields()).hasSize(1);
        SandboxMessage refused = h.sandbox
                .as(h.alice, h.guild)
                .submitModal(form, Map.of("why", "Ring 07700 900123 for the details"))
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
        assertThat(refused.content()).contains("What you wrote").doesNotContain("07700 900123");
        assertThat(new JdbcRecalculationRepository(h.bot.database).of(oak.id(), falls().id()))
                .isEmpty();

        SandboxModal again = h.sandbox
                .as(h.alice, h.guild)
                .clickLabel(offered, "Recalculate Falls limits")
                .awaitResponse(WAIT)
                .modal();
        SandboxMessage done = h.sandbox
                .as(h.alice, h.guild)
                .submitModal(again, Map.of("why", "Night checks are routine now and falls stayed lower"))
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
        assertThat(done.isEphemeral()).isTrue();
        assertThat(done.pingedNobody()).isTrue();
        assertThat(done.content()).contains("Limits for **Falls** recalculated from the week of 15 Mar 2027");
        Recalculation stored = new JdbcRecalculationRepository(h.bot.database)
                .of(oak.id(), falls().id())
                .get(0);
        assertThat(stored.from()).isEqualTo(WEEK_11);
        assertThat(stored.confirmedBy()).isEqualTo(h.alice.displayName() + " (" + h.alice.id() + ")");
        assertThat(stored.why()).isEqualTo("Night checks are routine now and falls stayed lower");
        assertThat(stored.reason()).contains("after cycle 1 'Night-time checks' was adopted");

        SandboxMessage after = slash(h.alice, "measures", Map.of());
        assertThat(after.content())
                .contains("Limits recalculated from the week of 15 Mar 2027 by " + h.alice.displayName()
                        + " on 3 May 2027: Night checks are routine now and falls stayed lower")
                .doesNotContain("Recalculate limits from");
        assertThat(after.button("Undo Falls recalculation (15 Mar)")).isPresent();
        assertThat(after.button("Recalculate Falls limits")).isEmpty();
        keep("e2e-recalculated-oak-house-falls.png", after.attachments().get(0).bytes());
    }

    @Test
    @Order(5)
    void a_stale_button_another_home_s_manager_and_another_server_s_coach_are_refused_and_nothing_changes() {
        Home oak = home("Oak House");
        JdbcRecalculationRepository stored = new JdbcRecalculationRepository(h.bot.database);
        long id = stored.of(oak.id(), falls().id()).get(0).id();

        // The first /measures message's button, pressed again once the limits were recalculated.
        InteractionHandle stale = h.sandbox
                .as(h.alice, h.guild)
                .clickLabel(offered, "Recalculate Falls limits")
                .awaitResponse(WAIT);
        assertThat(stale.isEphemeral()).isTrue();
        assertThat(stale.awaitReply(WAIT).content()).contains("no longer shows a sustained shift");

        Actor bob = actor(h.bob, false);
        assertThat(h.bot.features.recalculations.undo(bob, id).kind()).isEqualTo(Outcome.Kind.REFUSED);
        RecalculationService.Check bobCheck = h.bot.features.recalculations.check(bob, oak.id(), falls().id(), WEEK_11);
        assertThat(bobCheck).isInstanceOf(RecalculationService.Refused.class);
        assertThat(h.bot.features
                        .recalculations
                        .confirm(bob, oak.id(), falls().id(), WEEK_11, "Not my home")
                        .message())
                .contains("Only the home's managers and its cohort's coaches");

        Actor elsewhere = new Actor(h.coach.id(), "Coach elsewhere", "999999999999999999", true);
        assertThat(h.bot.features.recalculations.undo(elsewhere, id).kind()).isEqualTo(Outcome.Kind.REFUSED);
        assertThat(h.bot.features
                        .recalculations
                        .confirm(elsewhere, oak.id(), falls().id(), WEEK_11, "Another cohort")
                        .kind())
                .isEqualTo(Outcome.Kind.REFUSED);
        assertThat(h.bot.features
                        .aims
                        .clear(elsewhere, Optional.of("Oak House"), "Falls")
                        .ok())
                .isFalse();
        assertThat(stored.of(oak.id(), falls().id()))
                .singleElement()
                .satisfies(r -> assertThat(r.active()).isTrue());
    }

    @Test
    @Order(6)
    void undo_keeps_the_record_and_measures_offers_the_recalculation_again() {
        Home oak = home("Oak House");
        SandboxMessage view = slash(h.alice, "measures", Map.of());
        SandboxMessage undone = h.sandbox
                .as(h.alice, h.guild)
                .clickLabel(view, "Undo Falls recalculation (15 Mar)")
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
        assertThat(undone.isEphemeral()).isTrue();
        assertThat(undone.content()).contains("Undone: the limits are no longer recalculated from 15 Mar 2027");
        Recalculation kept = new JdbcRecalculationRepository(h.bot.database)
                .of(oak.id(), falls().id())
                .get(0);
        assertThat(kept.active()).isFalse();
        assertThat(kept.undone().orElseThrow().by()).contains(h.alice.id());

        SandboxMessage again = slash(h.alice, "measures", Map.of());
        assertThat(again.content()).contains("Recalculate limits from the week of 15 Mar 2027?");
        assertThat(again.button("Recalculate Falls limits")).isPresent();
        assertThat(again.button("Undo Falls recalculation (15 Mar)")).isEmpty();

        // The cohort's coach looks at Oak House by name and confirms the recalculation; Bob may not look.
        assertThat(slash(h.bob, "measures", Map.of("home", "Oak House")).content())
                .contains("Only coaches can look at a home by name")
                .doesNotContain("Recalculate");
        SandboxMessage coachView = slash(h.coach, "measures", Map.of("home", "oak house"));
        assertThat(coachView.content())
                .startsWith("**Oak House** · measures in Spring 2027")
                .contains("Recalculate limits from the week of 15 Mar 2027?");
        SandboxModal form = h.sandbox
                .as(h.coach, h.guild)
                .clickLabel(coachView, "Recalculate Falls limits")
                .awaitResponse(WAIT)
                .modal();
        assertThat(h.sandbox
                        .as(h.coach, h.guild)
                        .submitModal(form, Map.of("why", "Agreed with Alice at the coaching call"))
                        .awaitResponse(WAIT)
                        .awaitReply(WAIT)
                        .content())
                .contains("recalculated from the week of 15 Mar 2027");
        assertThat(new JdbcRecalculationRepository(h.bot.database).of(oak.id(), falls().id()))
                .hasSize(2)
                .last()
                .satisfies(r -> assertThat(r.confirmedBy()).contains(h.coach.id()))
                .satisfies(r -> assertThat(r.active()).isTrue());

        // The coach of the cohort may clear the home's aim.
        assertThat(slash(h.coach, "aim clear", Map.of("measure", "Falls", "home", "Oak House"))
                        .content())
                .contains("Aim cleared for Oak House");
        assertThat(h.sandbox.violations()).isEmpty();
    }
}
