package uk.stepup.sandbox;

import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionController;
import net.dv8tion.jda.api.utils.messages.MessageRequest;

/** Connects the real JDA client to a sandbox using only public settings, as the bot's adapter will. */
final class JdaHarness {
    static final EnumSet<GatewayIntent> INTENTS = EnumSet.of(
            GatewayIntent.GUILD_MESSAGES,
            GatewayIntent.MESSAGE_CONTENT,
            GatewayIntent.GUILD_MEMBERS,
            GatewayIntent.SCHEDULED_EVENTS,
            GatewayIntent.DIRECT_MESSAGES,
            GatewayIntent.GUILD_MESSAGE_REACTIONS);

    static {
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
    }

    private JdaHarness() {}

    /** A session controller that starts sessions at once (ConcurrentSessionController waits 5 s between them). */
    static SessionController immediateSessions(Sandbox sb) {
        return new SessionController() {
            @Override
            public void appendSession(SessionConnectNode node) {
                Thread t = new Thread(
                        () -> {
                            try {
                                node.run(false);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "test-session-start");
                t.setDaemon(true);
                t.start();
            }

            @Override
            public void removeSession(SessionConnectNode node) {}

            @Override
            public String getGateway() {
                return sb.gatewayUrl();
            }

            @Override
            public ShardedGateway getShardedGateway(JDA api) {
                return new ShardedGateway(sb.gatewayUrl(), 1);
            }
        };
    }

    static JDA connect(Sandbox sb, EnumSet<GatewayIntent> intents, Object... listeners) throws InterruptedException {
        JDA jda = JDABuilder.createLight(sb.botToken(), intents)
                .setRestConfig(new RestConfig().setBaseUrl(sb.restBaseUrl()))
                .setSessionController(immediateSessions(sb))
                .setCompression(Compression.NONE)
                .setEnableShutdownHook(false)
                .addEventListeners(listeners)
                .build();
        jda.awaitReady();
        return jda;
    }

    static void shutdown(JDA jda) throws InterruptedException {
        if (jda != null) {
            jda.shutdownNow();
            jda.awaitShutdown(5, TimeUnit.SECONDS);
        }
    }
}
