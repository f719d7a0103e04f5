package uk.stepup.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
import uk.stepup.cohorts.Cohort;
import uk.stepup.deliveries.DeliveryLedger;
import uk.stepup.sandbox.InteractionHandle;
import uk.stepup.sandbox.SandboxAttachment;
import uk.stepup.sandbox.SandboxChannel;
import uk.stepup.sandbox.SandboxMessage;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;

/**
 * {@code /summary [cohort] [week]} end to end: a coach posts week 1's summary on the Friday, through the delivery
 * ledger with the scheduled summary's key, so Monday's scheduled summary is not posted again and a second
 * {@code /summary} says where the first went. Weeks that have not started, or that the cohort does not have, are
 * refused in words a coach can act on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SummaryCommandEndToEndTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    /** Wednesday before the cohort's first Monday, 11 January 2027. */
    static final Instant CREATED = Instant.parse("2027-01-06T10:00:00Z");

    @RegisterExtension
    static final EndToEnd e2e = EndToEnd.startingAt(CREATED);

    BotHarness h;

    @BeforeAll
    void start() throws Exception {
        h = e2e.harness();
        h.sandbox
                .as(h.coach, h.guild)
                .slash("cohort create", Map.of("name", "Spring"), h.general)
                .awaitReply(WAIT);
        String csv = "home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\n" + "Oak House,,"
                + h.alice.id() + ",,,,,,\nElm Court,," + h.bob.id() + ",,,,,,\n";
        h.sandbox
                .as(h.coach, h.guild)
                .slash(
                        "cohort import",
                        Map.of(
                                "cohort",
                                "Spring",
                                "file",
                                SandboxAttachment.of("h.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))),
                        h.general)
                .awaitReply(WAIT);
        h.setupReport("Spring");
    }

    private Cohort cohort() {
        return h.bot.cohorts.byName(h.guild.id(), "Spring").orElseThrow();
    }

    private SandboxChannel peerLearning() {
        return h.sandbox
                .channel(cohort().channels().peerLearningId().orElseThrow())
                .orElseThrow();
    }

    private String summary(Map<String, ?> options) {
        InteractionHandle handle = h.sandbox
                .as(h.coach, h.guild)
                .slash("summary", options, h.general)
                .awaitResponse(WAIT);
        assertThat(handle.failed()).isFalse();
        assertThat(handle.isEphemeral()).isTrue();
        SandboxMessage reply = handle.awaitReply(WAIT);
        assertThat(reply.pingedNobody()).isTrue();
        return reply.content();
    }

    private static long summaries(SandboxChannel channel, int week) {
        return channel.messages().stream()
                .filter(m -> !m.isEphemeral())
                .filter(m -> !m.embeds().isEmpty() && m.embeds().get(0).title().startsWith("Week " + week + " summary"))
                .count();
    }

    @Test
    @Order(1)
    void before_the_first_week_there_is_nothing_to_summarise() {
        assertThat(summary(Map.of()))
                .contains("Spring has no week to summarise yet")
                .contains("week 1 starts Mon 11 Jan 09:00");
    }

    @Test
    @Order(2)
    void weeks_that_have_not_started_or_do_not_exist_are_refused() {
        h.at(Instant.parse("2027-01-11T09:00:00Z"));
        h.at(Instant.parse("2027-01-14T12:00:00Z"));
        assertThat(summary(Map.of("week", 2)))
                .contains("Week 2 of Spring has not started yet")
                .contains("Mon 18 Jan 09:00")
                .contains("Week 1 is the only week so far");
        assertThat(summary(Map.of("cohort", "Spring", "week", 30)))
                .contains("Spring has 24 weeks: choose a week from 1 to 24");
        // Discord's client stops a week below 1 (the option's minimum); the use case refuses it too.
        Outcome zero = h.bot.programme.summaryNow(
                new Actor(h.coach.id(), "Cath", h.guild.id(), true), cohort(), Optional.of(0));
        assertThat(zero.ok()).isFalse();
        assertThat(zero.message()).contains("choose a week from 1 to 24");
        assertThat(summaries(peerLearning(), 1)).isZero();
        assertThat(h.bot.ledger.find(key(1))).isEmpty();
    }

    @Test
    @Order(3)
    void a_coach_posts_the_current_week_s_summary_now_and_monday_s_is_not_sent_again() {
        h.at(Instant.parse("2027-01-15T10:00:00Z")); // Friday of week 1
        String posted = summary(Map.of());
        assertThat(posted)
                .contains("Posted week 1's summary (S1 Safeguarding")
                .contains("to #peer-learning of Spring and the week's thread")
                .contains("https://discord.com/channels/" + h.guild.id() + "/"
                        + peerLearning().id() + "/")
                .contains("The scheduled summary (Mon 18 Jan 08:00) will not be posted again");
        assertThat(summaries(peerLearning(), 1)).isEqualTo(1);
        DeliveryLedger.Entry entry = h.bot.ledger.find(key(1)).orElseThrow();
        assertThat(entry.status()).isEqualTo(DeliveryLedger.Status.SENT);
        assertThat(posted).contains(entry.messageId().orElseThrow());
        String threadId = h.bot.ledger
                .find(new DeliveryLedger.Key(cohort().id(), 1, DeliveryLedger.Kind.PROMPT, "thread"))
                .flatMap(DeliveryLedger.Entry::messageId)
                .orElseThrow();
        SandboxChannel thread = h.sandbox.channel(threadId).orElseThrow();
        assertThat(summaries(thread, 1)).isEqualTo(1);

        // Asked again, the coach is told where it went; nothing is posted.
        String again = summary(Map.of("week", 1));
        assertThat(again)
                .contains("Week 1's summary of Spring was already posted Fri 15 Jan 10:00")
                .contains(entry.messageId().orElseThrow())
                .contains("A summary is posted once");

        // Monday's scheduled summary time: the ledger has it as sent, so it is not posted again.
        h.at(Instant.parse("2027-01-18T08:00:00Z"));
        assertThat(summaries(peerLearning(), 1)).isEqualTo(1);
        assertThat(summaries(thread, 1)).isEqualTo(1);
        assertThat(h.bot.ledger.forCohortWeek(cohort().id(), 1))
                .filteredOn(e -> e.key().kind() == DeliveryLedger.Kind.SUMMARY)
                .hasSize(2)
                .allMatch(e -> e.status() == DeliveryLedger.Status.SENT);

        // Before the next prompt the current week is still week 1, already posted; then week 2 can be posted.
        assertThat(summary(Map.of())).contains("Week 1's summary of Spring was already posted");
        h.at(Instant.parse("2027-01-18T09:00:00Z"));
        assertThat(summary(Map.of("week", 2))).contains("Posted week 2's summary");
        assertThat(summaries(peerLearning(), 2)).isEqualTo(1);
    }

    @Test
    @Order(4)
    void a_manager_is_refused() {
        SandboxMessage reply = h.sandbox
                .as(h.alice, h.guild)
                .slash("summary", Map.of("week", 2), h.general)
                .awaitReply(WAIT);
        assertThat(reply.content()).contains("Only coaches");
        assertThat(summaries(peerLearning(), 2)).isEqualTo(1);
        List<DeliveryLedger.Entry> week2 = h.bot.ledger.forCohortWeek(cohort().id(), 2);
        assertThat(week2)
                .filteredOn(e -> e.key().kind() == DeliveryLedger.Kind.SUMMARY)
                .hasSize(2);
    }

    private DeliveryLedger.Key key(int week) {
        return new DeliveryLedger.Key(cohort().id(), week, DeliveryLedger.Kind.SUMMARY, "peer-learning");
    }
}
