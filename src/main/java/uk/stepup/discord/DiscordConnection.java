package uk.stepup.discord;

import java.util.EnumSet;
import java.util.concurrent.ExecutorService;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.messages.MessageRequest;

/**
 * Builds the JDA client with public settings only: the REST base URL and gateway URL (Discord's own by default,
 * or any Discord-compatible server such as the built-in sandbox), the one non-privileged intent slash commands,
 * components and channel management need, no audio, no compression, and no mentions unless a message asks.
 */
public final class DiscordConnection {
    /**
     * No optional intents: JDA always identifies with GUILDS, which keeps channels, threads and roles current, and
     * slash commands, buttons and modals arrive without any intent. Nothing privileged is needed.
     */
    public static final EnumSet<GatewayIntent> INTENTS = EnumSet.noneOf(GatewayIntent.class);

    private DiscordConnection() {}

    /** Connects and waits until the guilds are loaded. */
    public static JDA connect(String token, String apiUrl, String gatewayUrl, ExecutorService events)
            throws InterruptedException {
        // No message the bot sends may ping anyone unless it names who (reminders name the home's managers).
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        // Discord's global rate limits are waited out by JDA, which nonetheless logs them as ERRORs; they are WARNs.
        JdaLogLevels.install();
        JDABuilder builder = JDABuilder.createLight(token, INTENTS)
                .setRestConfig(new RestConfig().setBaseUrl(apiUrl))
                .setSessionController(new GatewaySessionController(gatewayUrl))
                .setCompression(Compression.NONE)
                .setEnableShutdownHook(false)
                // Interactions are handled in parallel, so one slow command never delays another past 3 seconds.
                .setEventPool(events, false);
        JDA jda = builder.build();
        jda.awaitReady();
        return jda;
    }

    /** JDA's session controller, pointed at the configured gateway. */
    static final class GatewaySessionController extends ConcurrentSessionController {
        private final String gatewayUrl;

        GatewaySessionController(String gatewayUrl) {
            this.gatewayUrl = gatewayUrl;
        }

        @Override
        public String getGateway() {
            return gatewayUrl;
        }
    }
}
