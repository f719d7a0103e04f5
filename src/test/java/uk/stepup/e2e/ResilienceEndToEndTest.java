package uk.stepup.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;
import uk.stepup.sandbox.InteractionHandle;
import uk.stepup.sandbox.SandboxAttachment;
import uk.stepup.sandbox.SandboxChannel;
import uk.stepup.sandbox.SandboxMessage;

/**
 * The bot under Discord's bad days and a coach's admin actions: a dropped gateway, 429 storms and 5xx answers
 * never lose or duplicate a post; pause, skip, resume, end and repair move or stop the programme.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResilienceEndToEndTest {
    static final Duration WAIT = Duration.ofSeconds(15);
    static final Instant CREATED = Instant.parse("2027-02-24T10:00:00Z");

    @RegisterExtension
    static final EndToEnd e2e = EndToEnd.startingAt(CREATED).withoutRuleCheck();

    BotHarness h;

    @BeforeAll
    void start() throws Exception {
        h = e2e.harness();
        h.sandbox
                .as(h.coach, h.guild)
                .slash("cohort create", Map.of("name", "Autumn", "start", "2027-03-01"), h.general)
                .awaitReply(WAIT);
        String csv = "home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\n" + "Oak House,,"
                + h.alice.id() + ",,,,,,\n";
        h.sandbox
                .as(h.coach, h.guild)
                .slash(
                        "cohort import",
                        Map.of(
                                "file",
                                SandboxAttachment.of("homes.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))),
                        h.general)
                .awaitReply(WAIT);
        assertThat(h.setupReport("Autumn").content()).contains("Imported 1 home with 1 manager");
    }

    private Cohort cohort() {
        return h.bot.cohorts.byName(h.guild.id(), "Autumn").orElseThrow();
    }

    private SandboxChannel channel(String name) {
        return h.guild.channelByName("SUO · Autumn", name).orElseThrow();
    }

    private List<SandboxMessage> posts(String name) {
        return channel(name).messages().stream().filter(m -> !m.isEphemeral()).toList();
    }

    @Test
    @Order(9)
    void after_a_dropped_gateway_the_bot_resumes_and_still_answers() {
        long before = h.sandbox.stats().connections();
        h.sandbox.faults().dropGateway();
        h.sandbox.await(WAIT, () -> h.sandbox.stats().connections() > before && h.sandbox.connectedSessions() == 1);
        InteractionHandle r =
                h.sandbox.as(h.outsider, h.guild).slash("progress", h.general).awaitResponse(WAIT);
        assertThat(r.failed()).isFalse();
        assertThat(r.awaitReply(WAIT).content()).contains("not enrolled");
    }

    @Test
    @Order(2)
    void a_429_burst_on_message_posts_delays_the_prompt_but_delivers_it_exactly_once() {
        h.sandbox.faults().rateLimitBurst("POST channels/{channel_id}/messages", 2);
        h.at(Instant.parse("2027-03-01T09:00:00Z"));
        assertThat(posts("this-week")).hasSize(1);
        assertThat(h.sandbox.stats().rateLimited()).isGreaterThanOrEqualTo(2);
        h.at(Instant.parse("2027-03-01T09:00:30Z"));
        assertThat(posts("this-week")).hasSize(1);
    }

    @Test
    @Order(3)
    void server_errors_are_retried_and_the_reminder_still_arrives_once() {
        h.sandbox.faults().serverErrors("POST channels/{channel_id}/messages", 2, 502);
        h.at(Instant.parse("2027-03-04T12:00:00Z"));
        List<SandboxMessage> reminders = posts("home-oak-house").stream()
                .filter(m -> m.content().contains("reminder"))
                .toList();
        assertThat(reminders).hasSize(1);
        assertThat(reminders.get(0).pingedUserIds()).containsExactly(h.alice.id());
    }

    @Test
    @Order(4)
    void a_message_over_discords_limit_is_refused_and_recorded() {
        String tooLong = "x".repeat(2001);
        assertThatThrownBy(() -> h.bot.jda
                        .getTextChannelById(h.general.id())
                        .sendMessage(tooLong)
                        .complete())
                .isInstanceOf(IllegalArgumentException.class); // JDA refuses it before sending
        int before = h.sandbox.violations().size();
        h.sandbox.clearViolations();
        assertThat(before).isZero();
    }

    @Test
    @Order(5)
    void only_a_coach_can_pause_and_a_paused_cohort_posts_nothing_until_resumed() {
        InteractionHandle refused = h.sandbox
                .as(h.alice, h.guild)
                .slash("cohort pause", Map.of(), channel("this-week"))
                .awaitResponse(WAIT);
        assertThat(refused.awaitReply(WAIT).content()).contains("Only coaches");
        String paused = h.sandbox
                .as(h.coach, h.guild)
                .slash("cohort pause", Map.of(), channel("this-week"))
                .awaitReply(WAIT)
                .content();
        assertThat(paused).contains("paused from the week of Monday 8 March 2027");
        h.at(Instant.parse("2027-03-08T09:00:00Z"));
        h.at(Instant.parse("2027-03-15T09:00:00Z"));
        assertThat(posts("this-week")).hasSize(1);
        // Week 1's summary was due on 8 March and still went out: pausing stops new weeks, not the summary of the last
        // one.
        assertThat(posts("peer-learning")).hasSize(1);
        h.clock.set(Instant.parse("2027-03-17T10:00:00Z"));
        String resumed = h.sandbox
                .as(h.coach, h.guild)
                .slash("cohort resume", Map.of("cohort", "Autumn"), h.general)
                .awaitReply(WAIT)
                .content();
        assertThat(resumed).contains("running again");
        // Resumed on Wednesday: week 2 opens at once.
        assertThat(posts("this-week")).hasSize(2);
        assertThat(posts("this-week").get(1).embeds().get(0).title()).startsWith("Week 2 · S2");
    }

    @Test
    @Order(6)
    void skip_makes_the_next_week_a_break() {
        String skipped = h.sandbox
                .as(h.coach, h.guild)
                .slash("cohort skip", Map.of("cohort", "Autumn"), h.general)
                .awaitReply(WAIT)
                .content();
        assertThat(skipped).contains("week of Monday 22 March 2027 is a break");
        h.at(Instant.parse("2027-03-22T09:00:00Z"));
        assertThat(posts("this-week")).hasSize(2);
        h.at(Instant.parse("2027-03-29T08:00:00Z")); // summary of week 2 (the week after it, even across the break)
        h.at(Instant.parse("2027-03-29T09:00:00Z")); // clocks went forward on the 28th: still 09:00 in London
        assertThat(posts("this-week")).hasSize(3);
        assertThat(posts("this-week").get(2).createdAt()).isEqualTo(Instant.parse("2027-03-29T08:00:00Z"));
    }

    @Test
    @Order(7)
    void a_deleted_channel_is_reported_to_coaches_and_repair_recreates_it() {
        h.bot.jda
                .getTextChannelById(cohort().channels().peerLearningId().orElseThrow())
                .delete()
                .complete();
        h.sandbox.await(
                WAIT,
                () -> h.bot.jda.getTextChannelById(
                                cohort().channels().peerLearningId().orElseThrow())
                        == null);
        h.at(Instant.parse("2027-04-05T08:00:00Z"));
        SandboxMessage note =
                h.sandbox.awaitMessage(channel("coaches"), m -> m.content().contains("could not post"), WAIT);
        assertThat(note.content()).contains("/cohort repair");
        String repaired = h.sandbox
                .as(h.coach, h.guild)
                .slash("cohort repair", Map.of("cohort", "Autumn"), h.general)
                .awaitReply(WAIT)
                .content();
        assertThat(repaired).contains("Repairing Autumn");
        assertThat(h.setupReport("Autumn").content())
                .contains("Repaired **Autumn**")
                .contains("all 1 home channel are in place");
        h.at(Instant.parse("2027-04-05T08:30:00Z"));
        assertThat(posts("peer-learning")).hasSize(1);
    }

    @Test
    @Order(8)
    void end_stops_everything() {
        String ended = h.sandbox
                .as(h.coach, h.guild)
                .slash("cohort end", Map.of("cohort", "Autumn"), h.general)
                .awaitReply(WAIT)
                .content();
        assertThat(ended).contains("has ended");
        int before = posts("this-week").size();
        h.at(Instant.parse("2027-04-12T09:00:00Z"));
        assertThat(posts("this-week")).hasSize(before);
        assertThat(h.sandbox.violations()).isEmpty();
    }

    @Test
    @Order(30)
    void a_check_in_held_for_a_privacy_confirmation_survives_a_restart() throws Exception {
        try (BotHarness w = new BotHarness(e2e.dir().resolve("held"), CREATED)) {
            w.sandbox
                    .as(w.coach, w.guild)
                    .slash("cohort create", Map.of("name", "Held", "start", "2027-03-01"), w.general)
                    .awaitReply(WAIT);
            String csv = "home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\n"
                    + "Oak House,," + w.alice.id() + ",,,,,,\n";
            w.sandbox
                    .as(w.coach, w.guild)
                    .slash(
                            "cohort import",
                            Map.of(
                                    "file",
                                    SandboxAttachment.of(
                                            "homes.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))),
                            w.general)
                    .awaitReply(WAIT);
            w.setupReport("Held");
            w.at(Instant.parse("2027-03-01T09:00:00Z"));
            w.clock.set(Instant.parse("2027-03-01T10:00:00Z"));

            // A possible name: the answers are held for Alice to confirm or edit, and the bot restarts meanwhile.
            SandboxMessage held = holdFor(w, "Mrs Smith enjoyed the garden party we ran for the residents.");
            w.stop();
            w.start();
            InteractionHandle edit = w.sandbox
                    .as(w.alice, w.guild)
                    .clickLabel(held, "Edit my answers")
                    .awaitResponse(WAIT);
            assertThat(edit.modal().field("did").orElseThrow().value())
                    .as("what Alice typed, after the restart")
                    .isEqualTo("Mrs Smith enjoyed the garden party we ran for the residents.");
            InteractionHandle saved = w.sandbox
                    .as(w.alice, w.guild)
                    .submitModal(
                            edit.modal(), Map.of("did", "A resident enjoyed the garden party we ran for everyone."))
                    .awaitResponse(WAIT);
            assertThat(saved.awaitReply(WAIT).content()).contains("Saved your week 1 check-in");

            // Held again, the bot restarts, and Alice saves it as written.
            SandboxMessage again = holdFor(w, "Mr Jones chose the music for the garden party this time.");
            w.stop();
            w.clock.set(Instant.parse("2027-03-01T10:05:00Z"));
            w.start();
            assertThat(w.sandbox
                            .as(w.alice, w.guild)
                            .clickLabel(again, "Save as written")
                            .awaitReply(WAIT)
                            .content())
                    .contains("version 2");
            Home oak = w.bot.homes
                    .byName(
                            w.bot.cohorts
                                    .byName(w.guild.id(), "Held")
                                    .orElseThrow()
                                    .id(),
                            "Oak House")
                    .orElseThrow();
            assertThat(w.bot.checkins.find(oak.id(), 1).orElseThrow().answers().didThisWeek())
                    .startsWith("Mr Jones");

            // Nothing is held longer than 15 minutes: a third one, left alone, is gone after the next start.
            SandboxMessage left = holdFor(w, "Mrs Patel asked for the garden party to become a monthly event.");
            w.stop();
            w.clock.set(Instant.parse("2027-03-01T10:30:00Z"));
            w.start();
            int stillHeld = w.bot.database.read(c -> {
                try (var st = c.createStatement();
                        var rs = st.executeQuery("SELECT count(*) FROM held_checkin")) {
                    return rs.getInt(1);
                }
            });
            assertThat(stillHeld).as("held check-ins forgotten at start").isZero();
            assertThat(w.sandbox
                            .as(w.alice, w.guild)
                            .clickLabel(left, "Save as written")
                            .awaitReply(WAIT)
                            .content())
                    .contains("no longer waiting");
        }
    }

    /** Alice submits the check-in with these words; the privacy guard holds it and asks her to confirm or edit. */
    private static SandboxMessage holdFor(BotHarness w, String did) {
        InteractionHandle open =
                w.sandbox.as(w.alice, w.guild).slash("checkin", w.general).awaitResponse(WAIT);
        InteractionHandle submitted = w.sandbox
                .as(w.alice, w.guild)
                .submitModal(open.modal(), Map.of("rating", List.of("good"), "did", did))
                .awaitResponse(WAIT);
        SandboxMessage reply = submitted.awaitReply(WAIT);
        assertThat(reply.button("Save as written")).as(reply.content()).isPresent();
        return reply;
    }
}
