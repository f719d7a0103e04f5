package uk.stepup.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** JDA queueing many requests against per-route buckets: everything delivered once, in order, within the limits. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxLoadTest {
    @RegisterExtension
    final JdaErrorLog jdaErrors = new JdaErrorLog();

    private Sandbox sb;
    private JDA jda;
    private SandboxGuild g;

    @BeforeAll
    void start() throws InterruptedException {
        // Discord's shape (5 per window per channel) with a short window so the test stays fast.
        sb = Sandbox.start(SandboxOptions.defaults()
                .withRouteLimit("POST channels/{channel_id}/messages", 5, Duration.ofMillis(400)));
        g = sb.createGuild("Load");
        jda = JdaHarness.connect(sb, JdaHarness.INTENTS);
    }

    @AfterAll
    void stop() throws InterruptedException {
        JdaHarness.shutdown(jda);
        sb.close();
    }

    @Test
    @DisplayName("22 queued messages in two channels: delivered once each, no faster than the buckets allow")
    void burst_across_channels() {
        SandboxChannel a = g.channelByName("general").orElseThrow();
        SandboxChannel b = g.createTextChannel("second", null);
        sb.await(Duration.ofSeconds(2), () -> jda.getTextChannelById(b.id()) != null);
        TextChannel ja = jda.getTextChannelById(a.id());
        TextChannel jb = jda.getTextChannelById(b.id());
        sb.resetStats();
        long start = System.nanoTime();
        List<CompletableFuture<Message>> sent = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            sent.add(ja.sendMessage("a" + i).submit());
            sent.add(jb.sendMessage("b" + i).submit());
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        SandboxStats stats = sb.stats();
        // Exactly once each. JDA sends its first requests before it has learnt the route's bucket, so under load the
        // first few may overtake each other; order is not something Discord promises for parallel sends either.
        assertThat(a.messages())
                .extracting(SandboxMessage::content)
                .containsExactlyInAnyOrder("a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10");
        assertThat(b.messages()).hasSize(11);
        assertThat(stats.rateLimitLowerBound()).isEqualTo(Duration.ofMillis(800));
        assertThat(elapsed).isGreaterThanOrEqualTo(stats.rateLimitLowerBound());
        assertThat(stats.requests("POST channels/{channel_id}/messages")).isEqualTo(22 + stats.rateLimited());
        assertThat(sb.violations()).isEmpty();
    }
}
