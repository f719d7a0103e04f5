package uk.stepup.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Real JDA against injected faults: deadlines, dropped connections, invalid sessions, 429s and 5xx. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxFaultsTest {
    @RegisterExtension
    final JdaErrorLog jdaErrors = new JdaErrorLog();

    private Sandbox sb;
    private JDA jda;
    private SandboxGuild g;
    private SandboxUser alice;
    private SandboxChannel general;
    private final TestBot bot = new TestBot();
    /** How long a reconnection may take before the test gives up; the wait returns as soon as the condition holds. */
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    private static final String CALLBACK = "POST interactions/{interaction_id}/{token}/callback";

    @BeforeAll
    void start() throws InterruptedException {
        sb = Sandbox.start();
        g = sb.createGuild("Faults");
        alice = sb.createUser("alice", "Alice Jones");
        g.addMember(alice);
        general = g.channelByName("general").orElseThrow();
        jda = JdaHarness.connect(sb, JdaHarness.INTENTS, bot);
        jda.getGuildById(g.id())
                .updateCommands()
                .addCommands(TestBot.commands())
                .complete();
    }

    /**
     * #general as JDA's cache has it now. Looked up each time: a test that makes JDA identify again (op 9) rebuilds the
     * cache, and a channel object kept from before would never see another message (which made drop_and_resume fail
     * whenever it ran after such a test).
     */
    private TextChannel channel() {
        return jda.getTextChannelById(general.id());
    }

    @AfterAll
    void stop() throws InterruptedException {
        JdaHarness.shutdown(jda);
        sb.close();
    }

    @BeforeEach
    void clean() {
        sb.faults().clear();
        sb.clearViolations();
        bot.replyFailures.clear();
    }

    @Test
    @DisplayName("A listener that never answers: after 3 s the person sees 'This interaction failed'")
    void deadline() {
        InteractionHandle h = sb.as(alice, g).slash("silent", general).awaitResponse(Duration.ofSeconds(5));
        assertThat(h.failed()).isTrue();
        assertThat(h.failure()).hasValueSatisfying(f -> assertThat(f).contains("This interaction failed"));
        assertThat(sb.violations()).extracting(Violation::rule).containsExactly("interaction-deadline");
        assertThat(sb.stats().failedInteractions()).isGreaterThanOrEqualTo(1);
    }

    @Test
    @DisplayName("A dropped gateway connection: JDA resumes, gets what it missed, and still answers interactions")
    void drop_and_resume() {
        long resumes = sb.stats().resumes();
        sb.faults().dropGateway();
        SandboxMessage missed = sb.as(alice, g).say(general, "said while you were away");
        sb.await(RECOVERY, () -> sb.stats().resumes() > resumes && sb.connectedSessions() == 1);
        sb.await(RECOVERY, () -> channel().getLatestMessageId().equals(missed.id()));
        InteractionHandle h = sb.as(alice, g).slash("ping", general).awaitResponse();
        assertThat(h.reply().content()).isEqualTo("pong");
        assertThat(sb.violations()).isEmpty();
    }

    @Test
    @DisplayName("op 7 Reconnect: JDA resumes")
    void reconnect_request() {
        long resumes = sb.stats().resumes();
        sb.faults().requestReconnect();
        sb.await(RECOVERY, () -> sb.stats().resumes() > resumes && sb.connectedSessions() == 1);
        assertThat(sb.as(alice, g).slash("ping", general).awaitResponse().failed())
                .isFalse();
    }

    @Test
    @DisplayName("op 9 Invalid Session: JDA identifies again and works")
    void invalid_session() {
        long identifies = sb.stats().identifies();
        sb.faults().invalidateSession();
        sb.await(RECOVERY, () -> sb.stats().identifies() > identifies && sb.connectedSessions() == 1);
        sb.await(RECOVERY, () -> jda.getStatus() == JDA.Status.CONNECTED);
        assertThat(sb.as(alice, g).slash("ping", general).awaitResponse().failed())
                .isFalse();
    }

    @Test
    @DisplayName("A 429 burst: JDA waits Retry-After and the message is delivered exactly once")
    void rate_limit_burst() {
        long limited = sb.stats().rateLimited();
        sb.faults().rateLimitBurst("POST channels/{channel_id}/messages", 1);
        Message m = channel().sendMessage("after a 429").complete();
        assertThat(general.messages())
                .filteredOn(x -> x.content().equals("after a 429"))
                .hasSize(1);
        assertThat(m.getId()).isNotBlank();
        assertThat(sb.stats().rateLimited()).isEqualTo(limited + 1);
    }

    @Test
    @DisplayName("A 502: JDA retries and the message is delivered once")
    void server_error() {
        long before = sb.stats().requests("POST channels/{channel_id}/messages");
        sb.faults().serverErrors("POST channels/{channel_id}/messages", 1, 502);
        channel().sendMessage("after a 502").complete();
        assertThat(general.messages())
                .filteredOn(x -> x.content().equals("after a 502"))
                .hasSize(1);
        assertThat(sb.stats().requests("POST channels/{channel_id}/messages")).isEqualTo(before + 2);
    }

    @Test
    @DisplayName("Slow responses are delayed as asked")
    void delayed_responses() {
        sb.faults().delayResponses("GET channels/{channel_id}/messages", Duration.ofMillis(300));
        long start = System.nanoTime();
        channel().getHistory().retrievePast(1).complete();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    @DisplayName("A callback that reaches Discord 2.5 s after the interaction is in time; the answer may travel slowly")
    void slow_but_in_time() {
        sb.faults()
                .delayRequests(CALLBACK, Duration.ofMillis(2500), 1)
                .delayResponses(CALLBACK, Duration.ofMillis(1000));
        InteractionHandle h = sb.as(alice, g).slash("ping", general).awaitResponse();
        assertThat(h.failed()).isFalse();
        assertThat(h.reply().content()).isEqualTo("pong");
        assertThat(h.callbackLatency().orElseThrow()).isGreaterThanOrEqualTo(Duration.ofMillis(2500));
        assertThat(sb.violations()).isEmpty();
    }

    @Test
    @DisplayName(
            "A modal submit that fails leaves the dialog open, as in Discord; submitting again is a new interaction")
    void failedModalStaysOpen() {
        SandboxMessage prompt = sb.as(alice, g).slash("checkin", general).awaitReply();
        SandboxModal modal =
                sb.as(alice, g).clickLabel(prompt, "Check in").awaitResponse().modal();
        sb.faults().delayRequests(CALLBACK, Duration.ofMillis(3200), 1);
        InteractionHandle first = sb.as(alice, g)
                .submitModal(modal, Map.of("rating", "good", "did", "one try"))
                .awaitResponse();
        assertThat(first.failed()).isTrue();
        assertThat(modal.isSubmitted()).isFalse();
        InteractionHandle second = sb.as(alice, g)
                .submitModal(modal, Map.of("rating", "good", "did", "one try"))
                .awaitResponse();
        assertThat(second.failed()).isFalse();
        assertThat(second.reply().content()).startsWith("Saved:");
        assertThat(modal.isSubmitted()).isTrue();
        sb.await(RECOVERY, () -> bot.replyFailures.size() == 1);
        assertThat(bot.modalTexts).containsExactly("one try", "one try");
    }

    @Test
    @DisplayName("A gateway outage: RESUME waits for its end, then what happened meanwhile is replayed, late")
    void outage_replays_late() {
        long resumes = sb.stats().resumes();
        long identifies = sb.stats().identifies();
        sb.faults().gatewayOutage(Duration.ofMillis(3500));
        SandboxMessage said = sb.as(alice, g).say(general, "said during the outage");
        InteractionHandle h = sb.as(alice, g).slash("ping", general).awaitResponse();
        assertThat(h.failed()).isTrue();
        assertThat(sb.connectedSessions()).isZero();
        sb.await(RECOVERY, () -> sb.stats().resumes() > resumes && sb.connectedSessions() == 1);
        sb.await(RECOVERY, () -> channel().getLatestMessageId().equals(said.id()));
        // The replayed interaction reached the bot after its deadline: its answer is refused.
        sb.await(RECOVERY, () -> bot.replyFailures.size() == 1);
        assertThat(sb.stats().identifies()).isEqualTo(identifies);
        assertThat(sb.as(alice, g).slash("ping", general).awaitResponse().failed())
                .isFalse();
    }

    @Test
    @DisplayName("After op 9 (not resumable) nothing is replayed: an interaction in the gap never reaches the bot")
    void invalid_session_does_not_replay() {
        long identifies = sb.stats().identifies();
        int pings = (int) bot.slashCommands.stream().filter("ping"::equals).count();
        sb.faults().invalidateSession();
        InteractionHandle h = sb.as(alice, g).slash("ping", general);
        sb.await(RECOVERY, () -> sb.stats().identifies() > identifies && sb.connectedSessions() == 1);
        assertThat(h.awaitResponse().failed()).isTrue();
        assertThat(bot.slashCommands.stream().filter("ping"::equals)).hasSize(pings);
        sb.await(RECOVERY, () -> jda.getStatus() == JDA.Status.CONNECTED);
        assertThat(sb.as(alice, g).slash("ping", general).awaitResponse().failed())
                .isFalse();
    }

    @Test
    @DisplayName("A fault armed for the second message post fires there, and only once")
    void armed_fault() {
        long before = sb.stats().requests("POST channels/{channel_id}/messages");
        sb.faults()
                .when(
                        "POST channels/{channel_id}/messages",
                        2,
                        f -> f.serverErrors("POST channels/{channel_id}/messages", 1, 502));
        channel().sendMessage("first").complete();
        assertThat(sb.faults().armed()).isEqualTo(1);
        channel().sendMessage("second").complete();
        channel().sendMessage("third").complete();
        assertThat(sb.faults().armed()).isZero();
        assertThat(sb.stats().requests("POST channels/{channel_id}/messages")).isEqualTo(before + 4);
        assertThat(general.messages())
                .filteredOn(m -> m.content().equals("second"))
                .hasSize(1);
    }

    @Test
    @DisplayName(
            "An answer lost on the way back: the message was made, JDA sends it again, and its nonce keeps it single")
    void lostAnswer() {
        long before = sb.stats().requests("POST channels/{channel_id}/messages");
        sb.faults().lostAnswers("POST channels/{channel_id}/messages", 1, 504);
        Message m = channel().sendMessage("made once").complete();
        assertThat(sb.stats().requests("POST channels/{channel_id}/messages")).isEqualTo(before + 2);
        assertThat(general.messages())
                .filteredOn(x -> x.content().equals("made once"))
                .hasSize(1)
                .allSatisfy(x -> assertThat(x.id()).isEqualTo(m.getId()));
    }

    @Test
    @DisplayName(
            "Answers to one person's interactions reach Discord 3.2 s late and are refused with 10062; another's are not")
    void oneSlowPerson() {
        SandboxUser bob = sb.createUser("bob", "Bob Smith");
        g.addMember(bob);
        sb.faults().delayCallbacks(alice, Duration.ofMillis(3200), 1);
        InteractionHandle slow = sb.as(alice, g).slash("ping", general);
        InteractionHandle quick = sb.as(bob, g).slash("ping", general);
        assertThat(quick.awaitResponse().failed()).isFalse();
        assertThat(slow.awaitResponse().failed()).isTrue();
        sb.await(RECOVERY, () -> bot.replyFailures.size() == 1);
        assertThat(bot.replyFailures.get(0))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> assertThat(e.getErrorResponse()).isEqualTo(ErrorResponse.UNKNOWN_INTERACTION));
        assertThat(sb.violations()).extracting(Violation::rule).contains("interaction-deadline", "interaction-late");
    }
}
