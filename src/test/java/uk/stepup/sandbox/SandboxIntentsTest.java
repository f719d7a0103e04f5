package uk.stepup.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.guild.member.GuildMemberUpdateEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A bot identified without MESSAGE_CONTENT and GUILD_MEMBERS, on a simulated clock. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxIntentsTest {
    @RegisterExtension
    final JdaErrorLog jdaErrors = new JdaErrorLog();

    private static final Instant MONDAY = Instant.parse("2027-01-04T09:00:00Z");
    private Sandbox sb;
    private JDA jda;
    private SandboxGuild g;
    private SandboxUser alice;
    /** What JDA saw of each message, by id: a message another test said can still be arriving when the next starts. */
    private final Map<String, String> contentById = new ConcurrentHashMap<>();

    private final List<String> memberUpdates = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() throws InterruptedException {
        sb = Sandbox.start(SandboxOptions.defaults().withClock(Clock.fixed(MONDAY, ZoneOffset.UTC)));
        g = sb.createGuild("Quiet");
        alice = sb.createUser("alice", "Alice Jones");
        g.addMember(alice);
        jda = JdaHarness.connect(sb, EnumSet.of(GatewayIntent.GUILD_MESSAGES), new ListenerAdapter() {
            @Override
            public void onMessageReceived(MessageReceivedEvent e) {
                contentById.put(e.getMessageId(), e.getMessage().getContentRaw());
            }

            @Override
            public void onGuildMemberUpdate(GuildMemberUpdateEvent e) {
                memberUpdates.add(e.getUser().getId());
            }
        });
    }

    @AfterAll
    void stop() throws InterruptedException {
        JdaHarness.shutdown(jda);
        sb.close();
    }

    @Test
    @DisplayName("Without MESSAGE_CONTENT other people's text arrives blank, unless it mentions the bot")
    void content_is_blanked() {
        SandboxChannel general = g.channelByName("general").orElseThrow();
        SandboxMessage quiet = sb.as(alice, g).say(general, "private words");
        SandboxMessage mention =
                sb.as(alice, g).say(general, "hey " + sb.botUser().mention());
        sb.await(
                Duration.ofSeconds(30),
                () -> contentById.containsKey(quiet.id()) && contentById.containsKey(mention.id()));
        assertThat(contentById.get(quiet.id())).isEmpty();
        assertThat(contentById.get(mention.id()))
                .isEqualTo("hey " + sb.botUser().mention());
    }

    @Test
    @DisplayName("Without GUILD_MEMBERS no member events are dispatched")
    void no_member_events() {
        g.grantRole(alice, g.createRole("Manager", 0));
        // Dispatches reach JDA in order: once a later message (GUILD_MESSAGES) has arrived, a member update sent before
        // it would have too.
        SandboxMessage after = sb.as(alice, g).say(g.channelByName("general").orElseThrow(), "after the role change");
        sb.await(Duration.ofSeconds(30), () -> contentById.containsKey(after.id()));
        assertThat(memberUpdates).isEmpty();
    }

    @Test
    @DisplayName("Messages and snowflakes carry the simulated clock's time")
    void simulated_clock() {
        SandboxChannel general = g.channelByName("general").orElseThrow();
        SandboxMessage m = sb.as(alice, g).say(general, "on Monday");
        assertThat(m.createdAt()).isEqualTo(MONDAY);
        long ms = (Long.parseUnsignedLong(m.id()) >>> 22) + 1420070400000L;
        assertThat(Instant.ofEpochMilli(ms)).isAfterOrEqualTo(MONDAY);
    }
}
