package uk.stepup.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;
import uk.stepup.deliveries.DeliveryLedger;
import uk.stepup.sandbox.SandboxAttachment;
import uk.stepup.sandbox.SandboxChannel;
import uk.stepup.sandbox.SandboxUser;

/**
 * Cohorts whose moments coincide tick side by side; the same cohort ticked from several threads at once (a timer, a
 * wake-up, a coach's command) still posts everything exactly once: the cohort's lock and the delivery ledger guard it.
 */
class ConcurrentTicksEndToEndTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final EndToEnd e2e =
            EndToEnd.startingAt(Instant.parse("2027-01-06T10:00:00Z")).withoutRuleCheck();

    @Test
    void two_cohorts_ticked_side_by_side_and_each_from_four_threads_post_every_delivery_once() throws Exception {
        BotHarness h = e2e.harness();
        List<SandboxUser> managers = List.of(h.alice, h.bob, h.carol, h.outsider);
        for (int c = 0; c < 2; c++) {
            String name = c == 0 ? "North" : "South";
            h.sandbox
                    .as(h.coach, h.guild)
                    .slash("cohort create", Map.of("name", name), h.general)
                    .awaitReply(WAIT);
            String csv = "home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\n"
                    + name + " A,," + managers.get(2 * c).id() + ",,,,,,\n"
                    + name + " B,," + managers.get(2 * c + 1).id() + ",,,,,,\n";
            h.sandbox
                    .as(h.coach, h.guild)
                    .slash(
                            "cohort import",
                            Map.of(
                                    "cohort",
                                    name,
                                    "file",
                                    SandboxAttachment.of("h.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))),
                            h.general)
                    .awaitReply(WAIT);
            h.setupReport(name);
        }
        List<Cohort> cohorts = h.bot.cohorts.inGuild(h.guild.id());
        assertThat(cohorts).hasSize(2);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Instant t : List.of(
                    Instant.parse("2027-01-11T09:00:00Z"),
                    Instant.parse("2027-01-14T12:00:00Z"),
                    Instant.parse("2027-01-18T08:00:00Z"))) {
                h.clock.set(t);
                List<Future<?>> ticks = new ArrayList<>();
                ticks.add(pool.submit(h.timers::fire));
                for (Cohort c : cohorts) {
                    for (int i = 0; i < 3; i++) {
                        ticks.add(pool.submit(() -> h.bot.programme.tick(c.id())));
                    }
                }
                for (Future<?> f : ticks) {
                    f.get();
                }
            }
        } finally {
            pool.shutdown();
        }
        for (Cohort c : cohorts) {
            Cohort fresh = h.bot.cohorts.byId(c.id()).orElseThrow();
            // The prompt, its thread, a reminder per home, the summary and its copy: each sent once.
            assertThat(h.bot.ledger.forCohortWeek(c.id(), 1))
                    .hasSize(2 + 2 + 2)
                    .allMatch(e -> e.status() == DeliveryLedger.Status.SENT);
            SandboxChannel thisWeek = h.sandbox
                    .channel(fresh.channels().thisWeekId().orElseThrow())
                    .orElseThrow();
            assertThat(thisWeek.messages().stream()
                            .filter(m -> m.button("Check in").isPresent()))
                    .hasSize(1);
            SandboxChannel peer = h.sandbox
                    .channel(fresh.channels().peerLearningId().orElseThrow())
                    .orElseThrow();
            assertThat(peer.messages().stream()
                            .filter(m -> !m.embeds().isEmpty()
                                    && m.embeds().get(0).title().startsWith("Week 1 summary")))
                    .hasSize(1);
            for (Home home : h.bot.homes.inCohort(c.id())) {
                SandboxChannel own =
                        h.sandbox.channel(home.channelId().orElseThrow()).orElseThrow();
                assertThat(own.messages().stream().filter(m -> m.content().contains("your week 1 check-in")))
                        .as(home.name())
                        .hasSize(1);
            }
        }
        assertThat(h.sandbox.violations()).isEmpty();
    }
}
