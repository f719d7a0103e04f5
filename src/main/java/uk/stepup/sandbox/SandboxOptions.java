package uk.stepup.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a {@link Sandbox} behaves. Immutable; start from {@link #defaults()} and change with the {@code with...} methods.
 *
 * <pre>{@code
 * Sandbox.start(SandboxOptions.defaults().withClock(simulatedClock).withBotPermissions(Permissions.BOT_DEFAULT & ~Permissions.MANAGE_CHANNELS));
 * }</pre>
 */
public final class SandboxOptions {
    /** A per-route rate limit: {@code limit} requests per {@code window}, counted per major parameter (channel, guild, token). */
    public record RateLimit(int limit, Duration window) {
        public RateLimit {
            if (limit < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a rate limit needs limit >= 1 and a positive window");
            }
        }
    }

    private static final Map<String, RateLimit> DISCORD_ROUTE_LIMITS;

    static {
        Map<String, RateLimit> m = new LinkedHashMap<>();
        // Observed on Discord: 5 messages per 5 s per channel.
        m.put("POST channels/{channel_id}/messages", new RateLimit(5, Duration.ofSeconds(5)));
        m.put("PATCH channels/{channel_id}/messages/{message_id}", new RateLimit(5, Duration.ofSeconds(5)));
        m.put("DELETE channels/{channel_id}/messages/{message_id}", new RateLimit(5, Duration.ofSeconds(5)));
        // Reactions: 1 per 250 ms per channel.
        m.put(
                "PUT channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me",
                new RateLimit(1, Duration.ofMillis(250)));
        m.put(
                "DELETE channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me",
                new RateLimit(1, Duration.ofMillis(250)));
        // Webhook (interaction follow-up) executions: 5 per 2 s per token.
        m.put("POST webhooks/{application_id}/{token}", new RateLimit(5, Duration.ofSeconds(2)));
        m.put("PATCH webhooks/{application_id}/{token}/messages/{message_id}", new RateLimit(5, Duration.ofSeconds(2)));
        // Set-up: creating a channel (or category) and giving or taking a member's role, 10 per 10 s per server, in a
        // fixed window, as Discord answers them (X-RateLimit-Limit 10; discord/discord-api-docs issue 7680 shows the
        // member-role route's fixed window). Named here so that no one mistakes them for the default and lifts them.
        m.put("POST guilds/{guild_id}/channels", new RateLimit(10, Duration.ofSeconds(10)));
        m.put("PUT guilds/{guild_id}/members/{user_id}/roles/{role_id}", new RateLimit(10, Duration.ofSeconds(10)));
        m.put("DELETE guilds/{guild_id}/members/{user_id}/roles/{role_id}", new RateLimit(10, Duration.ofSeconds(10)));
        DISCORD_ROUTE_LIMITS = Collections.unmodifiableMap(m);
    }

    private final Clock clock;
    private final String botToken;
    private final String botUsername;
    private final String botDisplayName;
    private final long botPermissions;
    private final Duration heartbeatInterval;
    private final Duration interactionDeadline;
    private final Duration interactionTokenLifetime;
    private final boolean messageContentApproved;
    private final boolean guildMembersApproved;
    private final boolean rateLimitsEnforced;
    private final int globalRequestsPerSecond;
    private final RateLimit defaultRouteLimit;
    private final RateLimit channelRenameLimit;
    private final Map<String, RateLimit> routeLimits;

    private SandboxOptions(Builder b) {
        this.clock = b.clock;
        this.botToken = b.botToken;
        this.botUsername = b.botUsername;
        this.botDisplayName = b.botDisplayName;
        this.botPermissions = b.botPermissions;
        this.heartbeatInterval = b.heartbeatInterval;
        this.interactionDeadline = b.interactionDeadline;
        this.interactionTokenLifetime = b.interactionTokenLifetime;
        this.messageContentApproved = b.messageContentApproved;
        this.guildMembersApproved = b.guildMembersApproved;
        this.rateLimitsEnforced = b.rateLimitsEnforced;
        this.globalRequestsPerSecond = b.globalRequestsPerSecond;
        this.defaultRouteLimit = b.defaultRouteLimit;
        this.channelRenameLimit = b.channelRenameLimit;
        this.routeLimits = Collections.unmodifiableMap(new LinkedHashMap<>(b.routeLimits));
    }

    /** Discord-like defaults: system UTC clock, 3 s interaction deadline, Discord's observed rate limits. */
    public static SandboxOptions defaults() {
        return new Builder().build();
    }

    /**
     * Timestamps messages, ids and event times, and measures the interaction token's life. The 3-second deadline and
     * rate limits always use real time.
     */
    public SandboxOptions withClock(Clock clock) {
        return copy(b -> b.clock = Objects.requireNonNull(clock));
    }

    public SandboxOptions withBotToken(String token) {
        return copy(b -> b.botToken = Objects.requireNonNull(token));
    }

    public SandboxOptions withBotName(String username, String displayName) {
        return copy(b -> {
            b.botUsername = Objects.requireNonNull(username);
            b.botDisplayName = Objects.requireNonNull(displayName);
        });
    }

    /** Permissions of the bot's managed role in every guild created afterwards (Administrator is never implied). */
    public SandboxOptions withBotPermissions(long permissions) {
        return copy(b -> b.botPermissions = permissions);
    }

    public SandboxOptions withHeartbeatInterval(Duration interval) {
        return copy(b -> b.heartbeatInterval = Objects.requireNonNull(interval));
    }

    /** Discord's is 3 seconds; measured in real time from dispatch. */
    public SandboxOptions withInteractionDeadline(Duration deadline) {
        return copy(b -> b.interactionDeadline = Objects.requireNonNull(deadline));
    }

    /**
     * Discord's is 15 minutes: how long follow-ups and edits through the interaction token are allowed, measured from the
     * interaction's creation on the sandbox's {@linkplain #withClock clock}.
     */
    public SandboxOptions withInteractionTokenLifetime(Duration lifetime) {
        return copy(b -> b.interactionTokenLifetime = Objects.requireNonNull(lifetime));
    }

    /**
     * Which privileged intents the application is "approved" for in the developer portal. Identifying with a
     * privileged intent that is not approved closes the gateway with 4014, as Discord does; without message content
     * approval REST reads blank other users' content too.
     */
    public SandboxOptions withPrivilegedIntents(boolean guildMembers, boolean messageContent) {
        return copy(b -> {
            b.guildMembersApproved = guildMembers;
            b.messageContentApproved = messageContent;
        });
    }

    /** Turns off all rate limiting (headers are still sent, with a huge limit). Faults still apply. */
    public SandboxOptions withoutRateLimits() {
        return copy(b -> b.rateLimitsEnforced = false);
    }

    public SandboxOptions withGlobalRateLimit(int requestsPerSecond) {
        return copy(b -> b.globalRequestsPerSecond = requestsPerSecond);
    }

    /** Overrides one route's bucket; {@code routeKey} like {@code "POST channels/{channel_id}/messages"}. */
    public SandboxOptions withRouteLimit(String routeKey, int limit, Duration window) {
        return copy(b -> b.routeLimits.put(routeKey, new RateLimit(limit, window)));
    }

    /** The bucket used by routes without a specific limit (default 10 per 10 s). */
    public SandboxOptions withDefaultRouteLimit(int limit, Duration window) {
        return copy(b -> b.defaultRouteLimit = new RateLimit(limit, window));
    }

    /** Discord allows only 2 name/topic changes per channel per 10 minutes; this is that limit. */
    public SandboxOptions withChannelRenameLimit(int limit, Duration window) {
        return copy(b -> b.channelRenameLimit = new RateLimit(limit, window));
    }

    public Clock clock() {
        return clock;
    }

    public String botToken() {
        return botToken;
    }

    public String botUsername() {
        return botUsername;
    }

    public String botDisplayName() {
        return botDisplayName;
    }

    public long botPermissions() {
        return botPermissions;
    }

    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    public Duration interactionDeadline() {
        return interactionDeadline;
    }

    public Duration interactionTokenLifetime() {
        return interactionTokenLifetime;
    }

    public boolean messageContentApproved() {
        return messageContentApproved;
    }

    public boolean guildMembersApproved() {
        return guildMembersApproved;
    }

    public boolean rateLimitsEnforced() {
        return rateLimitsEnforced;
    }

    public int globalRequestsPerSecond() {
        return globalRequestsPerSecond;
    }

    public RateLimit defaultRouteLimit() {
        return defaultRouteLimit;
    }

    public RateLimit channelRenameLimit() {
        return channelRenameLimit;
    }

    /** Route-specific limits by route key. */
    public Map<String, RateLimit> routeLimits() {
        return routeLimits;
    }

    /** The limit that applies to a route key. */
    public RateLimit routeLimit(String routeKey) {
        return routeLimits.getOrDefault(routeKey, defaultRouteLimit);
    }

    private SandboxOptions copy(Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    private static final class Builder {
        Clock clock = Clock.systemUTC();
        String botToken = "sandbox-bot-token";
        String botUsername = "stepup-bot";
        String botDisplayName = "Step up bot";
        long botPermissions = Permissions.BOT_DEFAULT;
        Duration heartbeatInterval = Duration.ofMillis(41_250);
        Duration interactionDeadline = Duration.ofSeconds(3);
        Duration interactionTokenLifetime = Duration.ofMinutes(15);
        boolean messageContentApproved = true;
        boolean guildMembersApproved = true;
        boolean rateLimitsEnforced = true;
        int globalRequestsPerSecond = 50;
        RateLimit defaultRouteLimit = new RateLimit(10, Duration.ofSeconds(10));
        RateLimit channelRenameLimit = new RateLimit(2, Duration.ofMinutes(10));
        Map<String, RateLimit> routeLimits = new LinkedHashMap<>(DISCORD_ROUTE_LIMITS);

        Builder() {}

        Builder(SandboxOptions o) {
            clock = o.clock;
            botToken = o.botToken;
            botUsername = o.botUsername;
            botDisplayName = o.botDisplayName;
            botPermissions = o.botPermissions;
            heartbeatInterval = o.heartbeatInterval;
            interactionDeadline = o.interactionDeadline;
            interactionTokenLifetime = o.interactionTokenLifetime;
            messageContentApproved = o.messageContentApproved;
            guildMembersApproved = o.guildMembersApproved;
            rateLimitsEnforced = o.rateLimitsEnforced;
            globalRequestsPerSecond = o.globalRequestsPerSecond;
            defaultRouteLimit = o.defaultRouteLimit;
            channelRenameLimit = o.channelRenameLimit;
            routeLimits = new LinkedHashMap<>(o.routeLimits);
        }

        SandboxOptions build() {
            return new SandboxOptions(this);
        }
    }
}
