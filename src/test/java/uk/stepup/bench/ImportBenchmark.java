package uk.stepup.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;
import uk.stepup.sandbox.InteractionHandle;
import uk.stepup.sandbox.SandboxAttachment;
import uk.stepup.sandbox.SandboxChannel;
import uk.stepup.sandbox.SandboxGuild;
import uk.stepup.sandbox.SandboxMessage;
import uk.stepup.sandbox.SandboxOptions;
import uk.stepup.sandbox.SandboxStats;
import uk.stepup.sandbox.SandboxUser;

/**
 * {@code /cohort import} of 300 homes with two managers each, through the real bot and JDA, under the sandbox's
 * Discord rate limits (nothing lifted): 600 role adds and 300 channels (plus the overflow categories) at 10 per 10 s
 * per server each. Reports the acknowledgement and the coach's answer (against Discord's 3 s), the wall time from the
 * command to the report in {@code #coaches}, and that against the least time those limits allow:
 * <ul>
 *   <li>the job's bound: every manager admitted before anything is stored (the file is all or nothing), then the
 *       channels, so the two buckets are used one after the other: {@code (ceil(roles/10) - 1) * 10 s +
 *       (ceil(creates/10) - 1) * 10 s};</li>
 *   <li>the limits' own bound, if the two buckets could be used at once (they cannot without giving up all or
 *       nothing): the larger of the two.</li>
 * </ul>
 * Run with {@code mvn -B -Pbench verify -Dtest=ImportBenchmark}; it takes about fifteen minutes, mostly waiting.
 */
class ImportBenchmark {
    static final int HOMES = Integer.getInteger("bench.importHomes", 300);
    static final int MANAGERS_PER_HOME = 2;
    static final Instant CREATED = Instant.parse("2026-12-30T10:00:00Z");
    static final String ROLE_ADD = "PUT guilds/{guild_id}/members/{user_id}/roles/{role_id}";
    static final String CHANNEL_CREATE = "POST guilds/{guild_id}/channels";

    @TempDir
    Path dir;

    /** The least time n requests take through a fixed-window bucket: the first window is free, each further one waits. */
    static Duration bound(long n, SandboxOptions.RateLimit limit) {
        long windows = (n + limit.limit() - 1) / limit.limit();
        return limit.window().multipliedBy(Math.max(0, windows - 1));
    }

    /** Requests Discord took on a route (not those answered 429), over every server. */
    static long accepted(SandboxStats stats, String route) {
        return stats.acceptedPerBucket().entrySet().stream()
                .filter(e -> e.getKey().startsWith(route + " @"))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    @Test
    void three_hundred_homes_with_two_managers_each_under_discords_rate_limits() throws Exception {
        try (BenchWorld w = new BenchWorld(dir, CREATED)) {
            SandboxGuild server = w.server("Care Homes North");
            List<SandboxUser> people = w.people(server, "m", HOMES * MANAGERS_PER_HOME);
            w.startBot();
            Cohort cohort = w.createCohort(server, "Bench", "2027-01-04");
            StringBuilder csv = new StringBuilder(
                    "home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\n");
            for (int i = 0; i < HOMES; i++) {
                csv.append(String.format(
                        "Care Home %03d,1-%d,%s;%s,Good,,,,,%n",
                        i + 1,
                        100_000_000L + i * 7919L,
                        people.get(2 * i).id(),
                        people.get(2 * i + 1).id()));
            }
            SandboxChannel general = server.channelByName("general").orElseThrow();
            SandboxChannel coaches =
                    server.channelByName("SUO · Bench", "coaches").orElseThrow();
            w.sandbox.resetStats();
            w.sandbox.clearViolations();

            // The simulated clock follows real time, as a deployed bot's does: the progress notes come about once a
            // minute, and the command's interaction token dies 15 minutes in.
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            Instant simulatedStart = w.clock.instant();
            long realStart = System.nanoTime();
            ticker.scheduleAtFixedRate(
                    () -> w.clock.set(simulatedStart.plusNanos(System.nanoTime() - realStart)), 1, 1, TimeUnit.SECONDS);
            long t0 = System.nanoTime();
            InteractionHandle started = w.sandbox
                    .as(w.coach, server)
                    .slash(
                            "cohort import",
                            Map.of(
                                    "file",
                                    SandboxAttachment.of(
                                            "homes.csv",
                                            "text/csv",
                                            csv.toString().getBytes(StandardCharsets.UTF_8))),
                            general);
            String answer = started.awaitReply(BenchWorld.WAIT).content();
            Duration answered = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(started.failed()).isFalse();
            assertThat(answer).contains("The file is good");
            SandboxMessage report =
                    w.sandbox.awaitMessage(coaches, m -> m.content().contains("Imported "), Duration.ofMinutes(40));
            Duration wall = Duration.ofNanos(System.nanoTime() - t0);
            ticker.shutdownNow();
            Duration acknowledged = started.callbackLatency().orElseThrow();

            SandboxStats stats = w.sandbox.stats();
            long roleAdds = accepted(stats, ROLE_ADD);
            long creates = accepted(stats, CHANNEL_CREATE);
            long rateLimited = stats.rateLimited();
            SandboxOptions limits = SandboxOptions.defaults();
            Duration roles = bound(roleAdds, limits.routeLimit(ROLE_ADD));
            Duration channels = bound(creates, limits.routeLimit(CHANNEL_CREATE));
            Duration sequential = roles.plus(channels);
            Duration overlapped = roles.compareTo(channels) >= 0 ? roles : channels;
            List<Home> homes = w.bot.homes.inCohort(cohort.id());

            Figures f = new Figures();
            f.note("Import: homes / managers", HOMES + " / " + HOMES * MANAGERS_PER_HOME);
            f.note(
                    "Import: role adds / channel creates (categories too) / 429s",
                    roleAdds + " / " + creates + " / " + rateLimited);
            f.add(
                    "Import: the command acknowledged (deferred)",
                    Figures.ms(acknowledged.toNanos() / 1e6),
                    "3 s",
                    Figures.ratio(acknowledged.toNanos() / 3e9));
            f.add(
                    "Import: the coach's answer, the file checked",
                    Figures.ms(answered.toNanos() / 1e6),
                    "3 s",
                    Figures.ratio(answered.toNanos() / 3e9));
            f.add(
                    "Import: wall time to the report in #coaches",
                    Figures.seconds(wall),
                    Figures.seconds(sequential),
                    Figures.ratio(wall.toNanos() / (double) sequential.toNanos()));
            f.add(
                    "Import: wall time against the limits alone",
                    Figures.seconds(wall),
                    Figures.seconds(overlapped),
                    Figures.ratio(wall.toNanos() / (double) overlapped.toNanos()));
            f.add(
                    "Import: wall time against an interaction token's life",
                    Figures.seconds(wall),
                    "900 s",
                    Figures.ratio(wall.toNanos() / 9e11));
            f.note("Sandbox's own lower bound (busiest bucket)", Figures.seconds(stats.rateLimitLowerBound()));
            f.note(
                    "Notes in #coaches (start, progress, report)",
                    String.valueOf(coaches.messages().size()));
            System.out.println(f.table());

            assertThat(report.content())
                    .contains("Imported " + HOMES + " homes with " + HOMES * MANAGERS_PER_HOME + " managers");
            assertThat(homes).hasSize(HOMES).allMatch(h -> h.channelId().isPresent());
            assertThat(roleAdds).isGreaterThanOrEqualTo((long) HOMES * MANAGERS_PER_HOME);
            assertThat(w.sandbox.violations()).isEmpty();
        }
    }
}
