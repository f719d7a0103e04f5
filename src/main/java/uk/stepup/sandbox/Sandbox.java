package uk.stepup.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ServerSocketFactory;
import mockwebserver3.MockWebServer;

/**
 * A local Discord: REST v10 and the gateway on one random 127.0.0.1 port, with state you can set up and inspect.
 * Point JDA at {@link #restBaseUrl()} and {@link #gatewayUrl()} with {@link #botToken()}; drive simulated people
 * with {@link #as(SandboxUser, SandboxGuild)}; check {@link #violations()} for rules the bot broke.
 *
 * <pre>{@code
 * try (Sandbox sb = Sandbox.start()) {
 *   SandboxGuild g = sb.createGuild("Care Homes North");
 *   SandboxUser alice = sb.createUser("alice", "Alice Jones");
 *   g.addMember(alice, g.createRole("Coach", Permissions.MANAGE_GUILD));
 *   // ... start the bot against sb.restBaseUrl() / sb.gatewayUrl() ...
 *   SandboxMessage reply = sb.as(alice, g).slash("cohort create", Map.of("name", "Spring 2027"), g.channelByName("general").orElseThrow())
 *       .awaitResponse().reply();
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {
    private static final Logger MOCKWEBSERVER_LOG = Logger.getLogger(MockWebServer.class.getName());

    private final SandboxState state;
    private final MockWebServer server;
    private final Interactions interactions;
    private final SandboxFaults faults;
    private final ScheduledExecutorService timer;

    private Sandbox(SandboxOptions options) {
        MOCKWEBSERVER_LOG.setLevel(Level.WARNING);
        this.state = new SandboxState(options);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-timer");
            t.setDaemon(true);
            return t;
        });
        this.interactions = new Interactions(state, timer);
        // Threads archive themselves on the sandbox clock even when nobody sends anything: look every 100 ms.
        timer.scheduleWithFixedDelay(this::archiveIdleThreads, 100, 100, TimeUnit.MILLISECONDS);
        this.faults = new SandboxFaults(state);
        RateLimiter limiter = new RateLimiter();
        RestApi api = new RestApi(state, interactions, limiter);
        HttpFront front = new HttpFront(state, api, limiter, faults);
        this.server = new MockWebServer();
        server.setServerSocketFactory(new NoDelayServerSockets());
        server.setDispatcher(front);
        front.setDrain(this::drainRecordedRequests);
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the sandbox", e);
        }
        state.httpBase = "http://127.0.0.1:" + server.getPort();
    }

    /** Starts a sandbox with Discord-like defaults on a random port. */
    public static Sandbox start() {
        return new Sandbox(SandboxOptions.defaults());
    }

    public static Sandbox start(SandboxOptions options) {
        return new Sandbox(options);
    }

    private void archiveIdleThreads() {
        try {
            state.channels.archiveIdleThreads();
        } catch (RuntimeException e) {
            // a failed sweep must not end the periodic task; the next request or sweep tries again
            state.violation("auto-archive sweep", "sandbox-error", "the sandbox itself failed: " + e);
        }
    }

    private void drainRecordedRequests() {
        try {
            while (server.takeRequest(0, TimeUnit.NANOSECONDS) != null) {
                // discard: the sandbox keeps its own state
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- connection settings for JDA ----

    /** {@code http://127.0.0.1:PORT/api/v10/}: give it to {@code RestConfig.setBaseUrl}. */
    public String restBaseUrl() {
        return state.httpBase + "/api/v10/";
    }

    /** {@code ws://127.0.0.1:PORT/gateway}: return it from {@code SessionController.getGateway()}. */
    public String gatewayUrl() {
        return state.httpBase.replace("http://", "ws://") + "/gateway";
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return state.httpBase;
    }

    public int port() {
        return server.getPort();
    }

    public String botToken() {
        return state.options.botToken();
    }

    public String applicationId() {
        return state.applicationId;
    }

    public SandboxUser botUser() {
        return state.botUser;
    }

    public SandboxOptions options() {
        return state.options;
    }

    /** The clock that stamps messages and ids (SandboxOptions.clock). */
    public Clock clock() {
        return state.clock;
    }

    // ---- setting up servers, people and channels ----

    /** Creates a guild with an owner (a new human), {@code @everyone}, the bot with its "Step up bot" role, and #general. */
    public SandboxGuild createGuild(String name) {
        return state.guilds.create(name);
    }

    /** Creates a person; {@code username} is the unique handle, {@code displayName} their global name. */
    public SandboxUser createUser(String username, String displayName) {
        return state.createUser(username, displayName, false);
    }

    public List<SandboxUser> users() {
        synchronized (state) {
            return List.copyOf(state.users.values());
        }
    }

    public Optional<SandboxUser> user(String id) {
        return state.user(id);
    }

    public Optional<SandboxUser> userByName(String username) {
        return users().stream().filter(u -> u.username().equals(username)).findFirst();
    }

    public List<SandboxGuild> guilds() {
        synchronized (state) {
            return List.copyOf(state.guilds.all());
        }
    }

    public Optional<SandboxGuild> guild(String id) {
        return state.guilds.find(id);
    }

    public Optional<SandboxChannel> channel(String id) {
        return state.channels.find(id);
    }

    /** The current version of a message by id. */
    public Optional<SandboxMessage> message(String id) {
        synchronized (state) {
            return state.messages.find(id).filter(m -> !m.deleted).map(MessageRecord::snapshot);
        }
    }

    /** The bot's DM channel with a user, if the bot opened one. */
    public Optional<SandboxChannel> dmChannel(SandboxUser user) {
        synchronized (state) {
            return state.channels.dmWith(user.id());
        }
    }

    public List<SandboxChannel> dmChannels() {
        return state.channels.dms();
    }

    /** Global application commands the bot registered. */
    public List<SandboxCommand> globalCommands() {
        return state.commands.list(null);
    }

    /** A command by name as a person in the guild would find it (guild command first, then global). */
    public Optional<SandboxCommand> command(SandboxGuild guild, String name) {
        return state.commands.find(guild.id(), name).map(c -> new SandboxCommand(c.deepCopy()));
    }

    /** Every interaction created so far, oldest first. */
    public List<InteractionHandle> interactions() {
        synchronized (state) {
            return List.copyOf(state.interactions.all());
        }
    }

    // ---- acting as people ----

    /** A person acting in a guild through the Discord client. */
    public SandboxActor as(SandboxUser user, SandboxGuild guild) {
        return new SandboxActor(state, interactions, user, guild);
    }

    // ---- waiting ----

    /** Polls until the condition holds; throws {@link AssertionError} after the timeout. */
    public void await(Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + timeout);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Waits for a (non-deleted) message in the channel matching the predicate; returns its latest version. */
    public SandboxMessage awaitMessage(SandboxChannel channel, Predicate<SandboxMessage> predicate, Duration timeout) {
        SandboxMessage[] found = new SandboxMessage[1];
        try {
            await(timeout, () -> {
                for (SandboxMessage m : channel.messages()) {
                    if (predicate.test(m)) {
                        found[0] = m;
                        return true;
                    }
                }
                return false;
            });
        } catch (AssertionError e) {
            throw new AssertionError(
                    "no matching message in " + channel + " within " + timeout + "; messages: " + channel.messages());
        }
        return found[0];
    }

    /** Waits until a gateway session is connected (READY sent). */
    public void awaitConnected(Duration timeout) {
        await(timeout, () -> state.gateway.connectedSessions() > 0);
    }

    /** Number of gateway sessions with a live WebSocket. */
    public int connectedSessions() {
        return state.gateway.connectedSessions();
    }

    // ---- rules, faults, stats ----

    /** Rules the bot broke so far, oldest first. */
    public List<Violation> violations() {
        return List.copyOf(state.violations);
    }

    public void clearViolations() {
        state.violations.clear();
    }

    public SandboxFaults faults() {
        return faults;
    }

    public SandboxStats stats() {
        return state.stats.snapshot(state.limiting() ? state.options.globalRequestsPerSecond() : 0);
    }

    /**
     * Suspends (true) or restores (false) every rate limit, for building a large world through the bot quickly, e.g.
     * enrolling hundreds of homes before a benchmark. While suspended, responses announce a huge bucket so the client
     * does not throttle itself, and nothing counts towards {@link SandboxStats#rateLimitLowerBound()}. Restore the
     * limits and {@link #resetStats()} before measuring anything that Discord would rate limit.
     */
    public void suspendRateLimits(boolean suspended) {
        state.rateLimitsSuspended = suspended;
    }

    public void resetStats() {
        state.stats.reset();
    }

    /** Closes gateway connections and the server. Shut JDA down first, or it will keep reconnecting. */
    @Override
    public void close() {
        state.gateway.closeAll();
        timer.shutdownNow();
        server.close();
        OpenApiCheck.writeReport();
    }

    @Override
    public String toString() {
        return "Sandbox[" + state.httpBase + "]";
    }

    /**
     * Server sockets whose connections send at once (TCP_NODELAY), as Discord's edge does. With Nagle's algorithm on, a
     * response or gateway frame written in two parts waits for the client's delayed ACK (40 ms on Linux), which made
     * every exchange with the sandbox look up to 40 ms slower than the bot really is.
     */
    private static final class NoDelayServerSockets extends ServerSocketFactory {
        @Override
        public ServerSocket createServerSocket() throws IOException {
            return new NoDelayServerSocket();
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            ServerSocket s = createServerSocket();
            s.bind(new InetSocketAddress(port));
            return s;
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            ServerSocket s = createServerSocket();
            s.bind(new InetSocketAddress(port), backlog);
            return s;
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            ServerSocket s = createServerSocket();
            s.bind(new InetSocketAddress(address, port), backlog);
            return s;
        }
    }

    private static final class NoDelayServerSocket extends ServerSocket {
        NoDelayServerSocket() throws IOException {
            super();
        }

        @Override
        public Socket accept() throws IOException {
            Socket s = super.accept();
            s.setTcpNoDelay(true);
            return s;
        }
    }
}
