package uk.stepup.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Threads archive themselves as on Discord (topics/threads, "Active &amp; Archived Threads"): after their
 * auto-archive time without activity on the sandbox clock, with THREAD_UPDATE; archived threads are not in
 * GUILD_CREATE or the active list, so JDA loses them; a message unarchives a thread unless it is locked.
 */
class SandboxThreadArchivingTest {
    @RegisterExtension
    final JdaErrorLog jdaErrors = new JdaErrorLog();

    private static final Duration WAIT = Duration.ofSeconds(5);
    private final MovableClock clock = new MovableClock(Instant.parse("2027-03-01T09:00:00Z"));
    private Sandbox sb;
    private RawDiscord raw;
    private SandboxGuild g;
    private SandboxChannel general;
    private SandboxUser alice;
    private JDA jda;

    /** A clock the test moves; the sandbox reads it, nothing tells it when it moves. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now.get(), zone);
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @BeforeEach
    void start() throws InterruptedException {
        sb = Sandbox.start(SandboxOptions.defaults().withClock(clock).withoutRateLimits());
        raw = new RawDiscord(sb);
        g = sb.createGuild("Threads");
        // As the README's bot: it may post in threads but not moderate them.
        g.setRolePermissions(g.botRole(), Permissions.BOT_DEFAULT & ~Permissions.MANAGE_THREADS);
        general = g.channelByName("general").orElseThrow();
        alice = sb.createUser("alice", "Alice Jones");
        g.addMember(alice);
        jda = JdaHarness.connect(sb, EnumSet.of(GatewayIntent.GUILD_MESSAGES));
    }

    @AfterEach
    void stop() throws InterruptedException {
        JdaHarness.shutdown(jda);
        sb.close();
    }

    private TextChannel text() {
        return jda.getGuildById(g.id()).getTextChannelById(general.id());
    }

    private ThreadChannel thread(String name, ThreadChannel.AutoArchiveDuration duration) {
        Message m = text().sendMessage(name + " prompt").complete();
        ThreadChannel t =
                m.createThreadChannel(name).setAutoArchiveDuration(duration).complete();
        sb.await(WAIT, () -> jda.getThreadChannelById(t.getId()) != null);
        return t;
    }

    private JsonNode get(String path) {
        RawDiscord.Reply r = raw.send("GET", path, null);
        assertThat(r.status()).as("GET " + path).isEqualTo(200);
        return r.body();
    }

    private static List<String> ids(JsonNode threads) {
        List<String> out = new ArrayList<>();
        threads.forEach(t -> out.add(t.path("id").asText()));
        return out;
    }

    @Test
    @DisplayName("A quiet thread archives after its auto-archive time with THREAD_UPDATE, and JDA drops it")
    void archives_when_idle() {
        ThreadChannel hour = thread("Hourly", ThreadChannel.AutoArchiveDuration.TIME_1_HOUR);
        ThreadChannel week = thread("Weekly", ThreadChannel.AutoArchiveDuration.TIME_1_WEEK);
        SandboxChannel sHour = sb.channel(hour.getId()).orElseThrow();
        Instant created = sHour.archiveTimestamp();

        clock.advance(Duration.ofMinutes(59));
        assertThat(sHour.isArchived()).isFalse();
        clock.advance(Duration.ofMinutes(1));
        // Nobody sends anything: the sandbox's own sweep notices the time and tells the gateway.
        sb.await(WAIT, () -> jda.getThreadChannelById(hour.getId()) == null);
        assertThat(sHour.isArchived()).isTrue();
        assertThat(sHour.archiveTimestamp()).isEqualTo(created.plus(Duration.ofHours(1)));
        assertThat(jda.getThreadChannelById(week.getId())).isNotNull();

        JsonNode active = get("guilds/" + g.id() + "/threads/active");
        assertThat(ids(active.path("threads"))).containsExactly(week.getId());
        JsonNode archived = get("channels/" + general.id() + "/threads/archived/public");
        assertThat(ids(archived.path("threads"))).containsExactly(hour.getId());
        assertThat(archived.path("threads")
                        .get(0)
                        .path("thread_metadata")
                        .path("archived")
                        .asBoolean())
                .isTrue();
        assertThat(archived.path("members")).hasSize(1);
        assertThat(archived.path("has_more").asBoolean()).isFalse();

        // A week without a message archives the weekly thread too (10080 minutes after it was made).
        clock.advance(Duration.ofDays(7).minusHours(1));
        sb.await(WAIT, () -> jda.getThreadChannelById(week.getId()) == null);
        assertThat(ids(get("channels/" + general.id() + "/threads/archived/public?limit=2")
                        .path("threads")))
                .containsExactly(week.getId(), hour.getId());
        assertThat(sb.violations()).isEmpty();
    }

    @Test
    @DisplayName("Archived threads are not in GUILD_CREATE: after a reconnect JDA reaches one only through REST")
    void not_in_guild_create() throws InterruptedException {
        ThreadChannel hour = thread("Hourly", ThreadChannel.AutoArchiveDuration.TIME_1_HOUR);
        ThreadChannel day = thread("Daily", ThreadChannel.AutoArchiveDuration.TIME_24_HOURS);
        clock.advance(Duration.ofHours(2));
        JdaHarness.shutdown(jda);
        jda = JdaHarness.connect(sb, EnumSet.of(GatewayIntent.GUILD_MESSAGES));
        assertThat(jda.getThreadChannelById(hour.getId()))
                .as("archived: not in GUILD_CREATE")
                .isNull();
        assertThat(jda.getThreadChannelById(day.getId()))
                .as("active: in GUILD_CREATE")
                .isNotNull();

        // The message it was started on carries it, and so does the parent's list of archived threads.
        Message starter = text().retrieveMessageById(hour.getId()).complete();
        assertThat(starter.getStartedThread()).isNotNull();
        assertThat(starter.getStartedThread().isArchived()).isTrue();
        assertThat(text().retrieveArchivedPublicThreadChannels().complete())
                .extracting(ThreadChannel::getId)
                .containsExactly(hour.getId());
        assertThat(sb.violations()).isEmpty();
    }

    @Test
    @DisplayName("A message unarchives an unlocked thread (THREAD_UPDATE) and counts as activity")
    void message_unarchives() throws InterruptedException {
        ThreadChannel hour = thread("Hourly", ThreadChannel.AutoArchiveDuration.TIME_1_HOUR);
        SandboxChannel sHour = sb.channel(hour.getId()).orElseThrow();
        clock.advance(Duration.ofHours(3));
        JdaHarness.shutdown(jda);
        jda = JdaHarness.connect(sb, EnumSet.of(GatewayIntent.GUILD_MESSAGES));
        ThreadChannel fetched =
                text().retrieveMessageById(hour.getId()).complete().getStartedThread();

        fetched.sendMessage("the summary").complete();
        assertThat(sHour.isArchived()).isFalse();
        assertThat(sHour.archiveTimestamp()).isEqualTo(clock.instant());
        sb.await(
                WAIT,
                () -> jda.getThreadChannelById(hour.getId()) != null
                        && !jda.getThreadChannelById(hour.getId()).isArchived());
        assertThat(sHour.messages()).extracting(SandboxMessage::content).containsExactly("the summary");

        // The message restarted the timer: 59 minutes later it is still open; a person's message restarts it again.
        clock.advance(Duration.ofMinutes(59));
        assertThat(sHour.isArchived()).isFalse();
        sb.as(alice, g).say(sHour, "thanks");
        clock.advance(Duration.ofMinutes(59));
        assertThat(sHour.isArchived()).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(sHour.isArchived()).isTrue();
        // A person posting in an archived, unlocked thread unarchives it too, as the client does.
        sb.as(alice, g).say(sHour, "one more thing");
        assertThat(sHour.isArchived()).isFalse();
        assertThat(sb.violations()).isEmpty();
    }

    @Test
    @DisplayName("A locked archived thread refuses a message from the bot without Manage Threads: 400 50083")
    void locked_refuses() {
        ThreadChannel t = thread("Closed", ThreadChannel.AutoArchiveDuration.TIME_1_WEEK);
        SandboxChannel s = sb.channel(t.getId()).orElseThrow();
        g.archiveThread(s, true);
        RawDiscord.Reply r = raw.send("POST", "channels/" + t.getId() + "/messages", "{\"content\":\"hello\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("code").asInt()).isEqualTo(50083);
        assertThat(s.isArchived()).isTrue();
        assertThat(s.messages()).isEmpty();
        assertThat(sb.violations()).extracting(Violation::rule).containsExactly("thread-archived");
        assertThatThrownBy(() -> sb.as(alice, g).say(s, "hello")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName(
            "Nothing but a message happens in an archived thread; auto-archive durations are 60, 1440, 4320, 10080")
    void archivedRulesAndDurations() {
        ThreadChannel t = thread("Quiet", ThreadChannel.AutoArchiveDuration.TIME_1_HOUR);
        Message inThread = t.sendMessage("before").complete();
        clock.advance(Duration.ofHours(1));
        SandboxChannel s = sb.channel(t.getId()).orElseThrow();
        assertThat(s.isArchived()).isTrue();
        RawDiscord.Reply edit =
                raw.send("PATCH", "channels/" + t.getId() + "/messages/" + inThread.getId(), "{\"content\":\"after\"}");
        assertThat(edit.status()).isEqualTo(400);
        assertThat(edit.body().path("code").asInt()).isEqualTo(50083);
        RawDiscord.Reply react = raw.send(
                "PUT", "channels/" + t.getId() + "/messages/" + inThread.getId() + "/reactions/%F0%9F%91%8D/@me", null);
        assertThat(react.body().path("code").asInt()).isEqualTo(50083);

        Message m = text().sendMessage("another").complete();
        RawDiscord.Reply bad = raw.send(
                "POST",
                "channels/" + general.id() + "/messages/" + m.getId() + "/threads",
                "{\"name\":\"two hours\",\"auto_archive_duration\":120}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("code").asInt()).isEqualTo(50035);
        RawDiscord.Reply patch = raw.send("PATCH", "channels/" + t.getId(), "{\"auto_archive_duration\":30}");
        assertThat(patch.status()).isEqualTo(400);
        // Discord's OpenAPI document refuses 120 too (create_thread_from_message allows 60, 1440, 4320, 10080); the
        // PATCH of a thread passes it, as update_channel is an anyOf whose other branches do not name the field.
        assertThat(sb.violations())
                .extracting(Violation::rule)
                .containsExactly(
                        "thread-archived",
                        "thread-archived",
                        "openapi-request-body",
                        "thread-archive-duration",
                        "thread-archive-duration");
    }
}
