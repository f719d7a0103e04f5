package uk.stepup.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import uk.stepup.deliveries.DeliveryLedger;
import uk.stepup.discord.BotPermissions;
import uk.stepup.improvement.PdsaCycle;
import uk.stepup.improvement.PdsaService;
import uk.stepup.sandbox.InteractionHandle;
import uk.stepup.sandbox.PermissionOverwrite;
import uk.stepup.sandbox.Permissions;
import uk.stepup.sandbox.SandboxChannel;
import uk.stepup.sandbox.SandboxMessage;
import uk.stepup.sandbox.SandboxModal;
import uk.stepup.sandbox.SandboxUser;
import uk.stepup.shared.Actor;

/**
 * PDSA cycles end to end over the sandbox with the real JDA client and a real SQLite file, on a server set up with only
 * the README's permissions: {@code /pdsa new} opens the five-box form and posts the cycle's message in the home's
 * channel; Do and Study through its buttons; another home's manager let into the channel by mistake is refused; Act,
 * Adapt opens cycle 2 linked to cycle 1; {@code /pdsa list}; the weekly summary lists a shared change anonymously and
 * leaves out one not shared; the Study reminder is posted once however often the tick fires, and after a restart;
 * {@code /cohort status} counts each home's cycles. Steps run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PdsaEndToEndTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    /** Wednesday 30 December 2026, 10:00 in London; the cohort starts Monday 4 January 2027. */
    static final Instant CREATED = Instant.parse("2026-12-30T10:00:00Z");
    /** Monday 4 January 2027, 09:00 in London (UTC in winter): week 1's prompt. */
    static final Instant WEEK_1 = Instant.parse("2027-01-04T09:00:00Z");

    static final String PLAN = "Night staff check residents at risk of falling every hour from 22:00 to 06:00.";
    static final String PREDICTION = "Falls at night halve within two weeks.";

    @RegisterExtension
    static final EndToEnd e2e = EndToEnd.startingAt(CREATED);

    BotHarness h;

    @BeforeAll
    void start() {
        h = e2e.harness();
        // Set up as a server admin would from the README: the bot's role has exactly the permissions it lists.
        assertThat(h.guild.botRole().permissions()).isEqualTo(BotPermissions.raw());
        h.sandbox
                .as(h.coach, h.guild)
                .slash("cohort create", Map.of("name", "Spring 2027", "start", "2027-01-04"), h.general)
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
        for (Object[] enrol : new Object[][] {{"Oak House", h.alice}, {"Elm Court", h.bob}}) {
            h.sandbox
                    .as(h.coach, h.guild)
                    .slash("cohort enrol", Map.of("home", enrol[0], "manager", enrol[1]), h.general)
                    .awaitResponse(WAIT)
                    .awaitReply(WAIT);
        }
        h.sandbox
                .as(h.coach, h.guild)
                .slash("measure add", Map.of("name", "Falls", "unit", "falls", "direction", "decrease"), h.general)
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
        h.at(WEEK_1);
    }

    private Cohort cohort() {
        return h.bot.cohorts.byName(h.guild.id(), "Spring 2027").orElseThrow();
    }

    private Home home(String name) {
        return h.bot.homes.byName(cohort().id(), name).orElseThrow();
    }

    private SandboxChannel channelOf(String home) {
        return h.sandbox.channel(home(home).channelId().orElseThrow()).orElseThrow();
    }

    private List<PdsaCycle> cycles(String home) {
        PdsaService.Listing listing =
                h.bot.features.pdsa.list(new Actor(h.coach.id(), "Cath", h.guild.id(), true), Optional.of(home));
        return listing instanceof PdsaService.Listed l
                ? l.cycles().stream().map(PdsaService.Card::cycle).toList()
                : List.of();
    }

    /** The cycle's message in the home's channel as it now stands. */
    private SandboxMessage cycleMessage(String home, int number) {
        String title = "**PDSA Cycle " + number + " ·";
        SandboxMessage found = h.sandbox.awaitMessage(
                channelOf(home), m -> m.isFromBot() && m.content().contains(title), WAIT);
        return h.sandbox.message(found.id()).orElseThrow();
    }

    private SandboxModal open(SandboxUser who, SandboxMessage message, String button) {
        return h.sandbox
                .as(who, h.guild)
                .clickLabel(message, button)
                .awaitResponse(WAIT)
                .modal();
    }

    private SandboxMessage submit(SandboxUser who, SandboxModal modal, Map<String, ?> values) {
        InteractionHandle handle =
                h.sandbox.as(who, h.guild).submitModal(modal, values).awaitResponse(WAIT);
        assertThat(handle.isEphemeral()).isTrue();
        return handle.awaitReply(WAIT);
    }

    private SandboxModal newForm(SandboxUser who) {
        return h.sandbox
                .as(who, h.guild)
                .slash("pdsa new", h.general)
                .awaitResponse(WAIT)
                .modal();
    }

    @Test
    @Order(1)
    void a_manager_starts_a_cycle_from_the_five_box_form_and_its_message_appears_in_the_home_s_channel() {
        SandboxModal form = newForm(h.alice);
        assertThat(form.fields())
                .hasSize(5)
                .allSatisfy(f -> assertThat(f.label().length()).isLessThanOrEqualTo(45));
        assertThat(form.field("measure").orElseThrow().description()).contains("1. Falls");

        // The privacy guard stops a room number; what she typed comes back to her and nothing is stored.
        SandboxMessage refused = submit(
                h.alice,
                form,
                Map.of("idea", "Night-time checks", "plan", "Check room 12 every hour", "prediction", PREDICTION));
        assertThat(refused.isEphemeral()).isTrue();
        assertThat(refused.content())
                .contains("Nothing was saved")
                .contains("'What we will do'")
                .contains("What you typed")
                .contains("> Check room 12 every hour")
                .contains("> Night-time checks");
        assertThat(cycles("Oak House")).isEmpty();

        SandboxMessage started = submit(
                h.alice,
                newForm(h.alice),
                Map.of("idea", "Night-time checks", "plan", PLAN, "prediction", PREDICTION, "measure", "falls"));
        assertThat(started.content())
                .contains("Started **Cycle 1 · Night-time checks** for Oak House")
                .contains("planned for 2 weeks, to Mon 18 Jan 2027")
                .contains("<#" + channelOf("Oak House").id() + ">");
        SandboxMessage message = cycleMessage("Oak House", 1);
        assertThat(message.pingedNobody()).isTrue();
        assertThat(message.content())
                .contains("**Planned** · measure: Falls · started Mon 4 Jan 2027 for 2 weeks")
                .contains("**Plan:** " + PLAN);
        assertThat(message.buttons())
                .extracting(b -> b.label())
                .contains("Do", "Study", "Act", "Share anonymously", "Share with our name", "Don't share");

        InteractionHandle coach =
                h.sandbox.as(h.coach, h.guild).slash("pdsa new", h.general).awaitResponse(WAIT);
        assertThat(coach.isEphemeral()).isTrue();
        assertThat(coach.awaitReply(WAIT).content()).contains("not enrolled as a home's manager");
    }

    @Test
    @Order(2)
    void do_and_study_are_recorded_and_shown_and_another_home_s_manager_is_refused() {
        SandboxMessage m = cycleMessage("Oak House", 1);
        SandboxModal doForm = open(h.alice, m, "Do");
        assertThat(doForm.fields()).hasSize(1);
        assertThat(submit(h.alice, doForm, Map.of("text", "Night staff did the hourly checks every night."))
                        .content())
                .contains("Saved **Do** for cycle 1");
        h.sandbox.await(WAIT, () -> cycleMessage("Oak House", 1).content().contains("**Under way**"));
        assertThat(cycleMessage("Oak House", 1).content()).contains("**Do:** Night staff did the hourly checks");

        // Bob, Elm Court's manager, is let into Oak House's channel by mistake: the bot still refuses him.
        h.guild.putOverwrite(
                channelOf("Oak House"),
                new PermissionOverwrite(h.bob.id(), PermissionOverwrite.MEMBER, Permissions.VIEW_CHANNEL, 0));
        InteractionHandle bob = h.sandbox
                .as(h.bob, h.guild)
                .clickLabel(cycleMessage("Oak House", 1), "Study")
                .awaitResponse(WAIT);
        assertThat(bob.isEphemeral()).isTrue();
        assertThat(bob.awaitReply(WAIT).content()).contains("belongs to another home");
        assertThat(cycles("Oak House").get(0).studied()).isEmpty();

        SandboxModal study = open(h.alice, cycleMessage("Oak House", 1), "Study");
        assertThat(study.fields().get(0).description()).contains("You predicted: Falls at night halve");
        assertThat(submit(h.alice, study, Map.of("text", "Night falls went from 4 to 3 a week: less than predicted."))
                        .content())
                .contains("Saved **Study** for cycle 1");
        h.sandbox.await(WAIT, () -> cycleMessage("Oak House", 1).content().contains("**Studied**"));
    }

    @Test
    @Order(3)
    void act_adapt_opens_cycle_two_linked_to_cycle_one() {
        InteractionHandle act = h.sandbox
                .as(h.alice, h.guild)
                .clickLabel(cycleMessage("Oak House", 1), "Act")
                .awaitResponse(WAIT);
        assertThat(act.isEphemeral()).isTrue();
        SandboxMessage choices = act.awaitReply(WAIT);
        assertThat(choices.buttons()).extracting(b -> b.label()).containsExactly("Adopt", "Adapt", "Abandon");
        SandboxModal adapt = open(h.alice, choices, "Adapt");
        assertThat(adapt.field("next").orElseThrow().value()).isEqualTo(PLAN);
        SandboxMessage adapted = submit(
                h.alice,
                adapt,
                Map.of(
                        "why",
                        "Fewer falls, but hourly checks woke residents.",
                        "next",
                        "Two-hourly checks, with sensor mats for the residents most at risk."));
        assertThat(adapted.content()).contains("Cycle 1 adapted").contains("**Cycle 2 · Night-time checks**");
        List<PdsaCycle> oak = cycles("Oak House");
        assertThat(oak).hasSize(2);
        assertThat(oak.get(1).previousId()).hasValue(oak.get(0).id());
        assertThat(oak.get(1).plan()).startsWith("Two-hourly checks");
        h.sandbox.await(WAIT, () -> cycleMessage("Oak House", 1).content().contains("**Adapted**"));
        assertThat(cycleMessage("Oak House", 1).buttons())
                .extracting(b -> b.label())
                .doesNotContain("Do", "Study", "Act");
        assertThat(cycleMessage("Oak House", 2).content()).contains("It adapts cycle 1.");

        // The decision is made once: the old Act choices now say so.
        InteractionHandle again =
                h.sandbox.as(h.alice, h.guild).clickLabel(choices, "Adopt").awaitResponse(WAIT);
        assertThat(again.awaitReply(WAIT).content()).contains("already adapted");
    }

    @Test
    @Order(4)
    void the_list_shows_the_home_s_cycles_and_a_coach_names_a_home() {
        SandboxMessage mine = h.sandbox
                .as(h.alice, h.guild)
                .slash("pdsa list", h.general)
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
        assertThat(mine.isEphemeral()).isTrue();
        assertThat(mine.content())
                .contains("**Oak House** · PDSA cycles in Spring 2027")
                .contains("**1. Night-time checks** · Adapted · Falls · 4 Jan → 18 Jan")
                .contains("**2. Night-time checks** · Planned · Falls");
        SandboxMessage coach = h.sandbox
                .as(h.coach, h.guild)
                .slash("pdsa list", Map.of("home", "oak house"), h.general)
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
        assertThat(coach.content()).contains("**Oak House** · PDSA cycles").contains("**2. Night-time checks**");
        SandboxMessage bob = h.sandbox
                .as(h.bob, h.guild)
                .slash("pdsa list", Map.of("home", "Oak House"), h.general)
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
        assertThat(bob.content()).contains("private").doesNotContain("Night-time checks");
    }

    @Test
    @Order(5)
    void the_weekly_summary_lists_a_shared_change_anonymously_and_not_one_kept_private() {
        SandboxMessage started = submit(
                h.bob,
                newForm(h.bob),
                Map.of(
                        "idea",
                        "Protected mealtimes",
                        "plan",
                        "No medicines rounds at lunch.",
                        "prediction",
                        "Better intake."));
        assertThat(started.content()).contains("Started **Cycle 1 · Protected mealtimes** for Elm Court");
        InteractionHandle none = h.sandbox
                .as(h.bob, h.guild)
                .clickLabel(cycleMessage("Elm Court", 1), "Don't share")
                .awaitResponse(WAIT);
        assertThat(none.failed()).isFalse();
        h.sandbox.await(WAIT, () -> cycleMessage("Elm Court", 1).content().contains("not shared with the cohort"));
        assertThat(cycles("Elm Court").get(0).share()).isEqualTo(HighlightShare.NONE);

        h.at(Instant.parse("2027-01-11T08:00:00Z")); // Monday 08:00: week 1's summary
        SandboxChannel peer =
                h.guild.channelByName("SUO · Spring 2027", "peer-learning").orElseThrow();
        SandboxMessage summary = h.sandbox.awaitMessage(
                peer, m -> !m.embeds().isEmpty() && m.embeds().get(0).title().startsWith("Week 1 summary"), WAIT);
        String all = summary.embeds().toString();
        assertThat(all)
                .contains("Changes being tested")
                .contains("Night-time checks** · Falls · a home in the cohort")
                .doesNotContain("Oak House")
                .doesNotContain("Protected mealtimes");
        assertThat(summary.pingedNobody()).isTrue();
    }

    @Test
    @Order(6)
    void the_study_reminder_is_posted_once_however_often_the_tick_fires_and_after_a_restart() throws Exception {
        // Cycle 2 started Monday 4 January for 2 weeks: its reminder is due at 09:00 on Monday 18 January.
        Instant due = Instant.parse("2027-01-18T09:00:00Z");
        h.wakeUpsUntil(due.minusSeconds(60));
        assertThat(reminders("Oak House")).isEmpty();
        h.at(due);
        h.sandbox.await(WAIT, () -> reminders("Oak House").size() == 1);
        h.timers.fire();
        h.at(due.plusSeconds(60));
        h.stop();
        h.start();
        h.at(due.plusSeconds(120));
        List<SandboxMessage> oak = reminders("Oak House");
        assertThat(oak).hasSize(1);
        assertThat(oak.get(0).content())
                .contains("Cycle 2 \"Night-time checks\" was planned for 2 weeks: how did it go? Press **Study**");
        assertThat(oak.get(0).pingedNobody()).isTrue();
        // Elm Court's cycle (not shared, but its own) gets its own reminder in its own channel; the decided cycle 1
        // gets none.
        assertThat(reminders("Elm Court")).hasSize(1);
        assertThat(h.bot.ledger.forCohort(cohort().id(), DeliveryLedger.Kind.CYCLE_REMINDER))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(DeliveryLedger.Status.SENT));
        assertThat(reminders("Oak House").get(0).content()).doesNotContain("Cycle 1");
    }

    private List<SandboxMessage> reminders(String home) {
        return channelOf(home).messages().stream()
                .filter(m -> m.isFromBot() && m.content().contains("was planned for"))
                .toList();
    }

    @Test
    @Order(7)
    void cohort_status_counts_each_home_s_cycles() {
        SandboxMessage status = h.sandbox
                .as(h.coach, h.guild)
                .slash("cohort status", Map.of(), h.general)
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
        assertThat(status.content())
                .contains("**Oak House**")
                .contains("PDSA: 1 testing, 0 adopted, 1 Study overdue")
                .hasSizeLessThanOrEqualTo(2000);
    }
}
