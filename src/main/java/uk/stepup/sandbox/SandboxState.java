package uk.stepup.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Everything one sandbox holds, and its one lock: every change happens under {@code synchronized (state)} and
 * dispatches the gateway events Discord would send. This class keeps what belongs to no single Discord resource (the
 * options, ids and time, the bot, the users, violations, stats and the gateway); each resource has its own store,
 * all guarded by this object's monitor so a change that spans two of them (a thread started with its notice message)
 * stays one step:
 * <ul>
 *   <li>{@link GuildStore}: guilds, roles, members and scheduled events, and the guild objects the gateway sends;
 *   <li>{@link ChannelStore}: guild channels, DMs, overwrites, threads and their auto-archiving;
 *   <li>{@link MessageStore}: messages, pins, reactions, nonces and attachments;
 *   <li>{@link CommandStore}: global and guild application commands;
 *   <li>{@link InteractionTokens}: interactions by id and by token.
 * </ul>
 */
final class SandboxState {
    final SandboxOptions options;
    final Clock clock;
    final Snowflakes ids;
    final StatsCollector stats = new StatsCollector();
    final List<Violation> violations = new CopyOnWriteArrayList<>();
    final Map<String, SandboxUser> users = new LinkedHashMap<>();
    final Gateway gateway = new Gateway(this);
    final GuildStore guilds = new GuildStore(this);
    final ChannelStore channels = new ChannelStore(this);
    final MessageStore messages = new MessageStore(this);
    final CommandStore commands = new CommandStore(this);
    final InteractionTokens interactions = new InteractionTokens();
    final SandboxUser botUser;
    final String applicationId;
    volatile String httpBase = "http://127.0.0.1:0";
    /** Set while a large world is built through the bot (see {@link Sandbox#suspendRateLimits}). */
    volatile boolean rateLimitsSuspended;

    SandboxState(SandboxOptions options) {
        this.options = options;
        this.clock = options.clock();
        this.ids = new Snowflakes(clock);
        this.botUser = new SandboxUser(nextId(), options.botUsername(), options.botDisplayName(), true);
        this.applicationId = botUser.id();
        users.put(botUser.id(), botUser);
    }

    // ---- ids, time, violations ----

    String nextId() {
        return ids.next();
    }

    Instant now() {
        return ids.now();
    }

    /** Whether rate limits apply right now: enforced by the options and not suspended. */
    boolean limiting() {
        return options.rateLimitsEnforced() && !rateLimitsSuspended;
    }

    void violation(String route, String rule, String detail) {
        violations.add(new Violation(route, rule, detail, Instant.now()));
    }

    SandboxUser botUser() {
        return botUser;
    }

    // ---- users ----

    synchronized Optional<SandboxUser> user(String id) {
        return Optional.ofNullable(users.get(id));
    }

    synchronized SandboxUser createUser(String username, String displayName, boolean bot) {
        for (SandboxUser u : users.values()) {
            if (u.username().equals(username)) {
                throw new IllegalArgumentException("username already taken: " + username);
            }
        }
        SandboxUser u = new SandboxUser(nextId(), username, displayName, bot);
        users.put(u.id(), u);
        return u;
    }
}
