package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.internal.ws.RealWebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway: HELLO, IDENTIFY, READY + GUILD_CREATE, heartbeats, RESUME with replay, op 7 and op 9, and dispatches
 * filtered by the intents each session identified with. All session state is guarded by the state lock, so the order
 * of dispatches matches the order of state changes.
 */
final class Gateway {
    static final long GUILDS = 1L;
    static final long GUILD_MEMBERS = 1L << 1;
    static final long GUILD_PRESENCES = 1L << 8;
    static final long GUILD_MESSAGES = 1L << 9;
    static final long GUILD_MESSAGE_REACTIONS = 1L << 10;
    static final long DIRECT_MESSAGES = 1L << 12;
    static final long DIRECT_MESSAGE_REACTIONS = 1L << 13;
    static final long MESSAGE_CONTENT = 1L << 15;
    static final long GUILD_SCHEDULED_EVENTS = 1L << 16;
    private static final int BACKLOG = 20_000;
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final SandboxState state;
    private final List<Session> sessions = new ArrayList<>();
    /** Until then (System.nanoTime), IDENTIFY and RESUME wait: a gateway outage. */
    private volatile long outageUntilNanos;

    Gateway(SandboxState state) {
        this.state = state;
    }

    /** One identified gateway session; survives disconnects until invalidated. */
    final class Session {
        final String id = UUID.randomUUID().toString().replace("-", "");
        final long intents;
        int seq;
        final Deque<Frame> backlog = new ArrayDeque<>();
        Connection connection;
        boolean invalid;

        Session(long intents) {
            this.intents = intents;
        }

        boolean has(long intent) {
            return (intents & intent) != 0;
        }
    }

    record Frame(int seq, String text) {}

    /** One WebSocket connection; becomes bound to a session on IDENTIFY or RESUME. */
    final class Connection extends WebSocketListener {
        volatile WebSocket ws;
        volatile boolean closed;
        Session session;

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            ws = webSocket;
            state.stats.connections.increment();
            ObjectNode hello = Json.object();
            hello.put("op", 10);
            hello.putNull("s");
            hello.putNull("t");
            ObjectNode d = hello.putObject("d");
            d.put("heartbeat_interval", state.options.heartbeatInterval().toMillis());
            d.putArray("_trace").add("[\"stepup-sandbox\",{\"micros\":0}]");
            webSocket.send(Json.write(hello));
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            JsonNode frame;
            try {
                frame = Json.parse(text);
            } catch (RuntimeException e) {
                webSocket.close(4002, "Error while decoding payload.");
                return;
            }
            int op = frame.path("op").asInt(-1);
            JsonNode d = frame.get("d");
            switch (op) {
                case 1 -> webSocket.send("{\"op\":11,\"d\":null,\"s\":null,\"t\":null}");
                case 2 -> {
                    if (!heldByOutage(this, () -> identify(this, d))) {
                        identify(this, d);
                    }
                }
                case 6 -> {
                    if (!heldByOutage(this, () -> resume(this, d))) {
                        resume(this, d);
                    }
                }
                case 8 -> requestMembers(this, d);
                case 3, 4 -> {
                    // presence and voice state updates: accepted and ignored
                }
                default -> webSocket.close(4001, "Unknown opcode.");
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            closed = true;
            try {
                webSocket.close(code, null);
            } catch (IllegalArgumentException e) {
                webSocket.close(1000, null);
            }
            synchronized (state) {
                if (session != null && (code == 1000 || code == 1001)) {
                    // A client that closes normally ends its session (Discord: it cannot be resumed).
                    session.invalid = true;
                    sessions.remove(session);
                }
                detach(this);
            }
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            closed = true;
            synchronized (state) {
                detach(this);
            }
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            closed = true;
            synchronized (state) {
                detach(this);
            }
        }
    }

    WebSocketListener newConnection() {
        return new Connection();
    }

    private void detach(Connection c) {
        if (c.session != null && c.session.connection == c) {
            c.session.connection = null;
        }
    }

    private void identify(Connection c, JsonNode d) {
        String token = Json.text(d, "token");
        if (!state.options.botToken().equals(stripBot(token))) {
            state.violation("gateway IDENTIFY", "authentication", "IDENTIFY with a wrong token");
            c.ws.close(4004, "Authentication failed.");
            return;
        }
        long intents = d.path("intents").asLong(0);
        if ((intents & GUILD_MEMBERS) != 0 && !state.options.guildMembersApproved()
                || (intents & MESSAGE_CONTENT) != 0 && !state.options.messageContentApproved()) {
            state.violation(
                    "gateway IDENTIFY",
                    "disallowed-intents",
                    "identified with a privileged intent the app is not approved for");
            c.ws.close(4014, "Disallowed intent(s).");
            return;
        }
        synchronized (state) {
            if (c.session != null) {
                c.ws.close(4005, "Already authenticated.");
                return;
            }
            sessions.removeIf(s -> s.connection == null);
            state.channels
                    .archiveIdleThreads(); // archived threads are not in GUILD_CREATE (topics/threads#gateway-events)
            Session s = new Session(intents);
            sessions.add(s);
            s.connection = c;
            c.session = s;
            state.stats.identifies.increment();
            send(s, "READY", readyJson(s.id));
            for (SandboxGuild g : state.guilds.botGuilds()) {
                send(s, "GUILD_CREATE", state.guilds.guildCreateJson(g, s.has(GUILD_MEMBERS)));
            }
        }
    }

    private static String stripBot(String token) {
        if (token == null) {
            return null;
        }
        return token.startsWith("Bot ") ? token.substring(4) : token;
    }

    private void resume(Connection c, JsonNode d) {
        String sessionId = Json.text(d, "session_id");
        int seq = d.path("seq").asInt(0);
        state.channels.archiveIdleThreads(); // before the replay, so what it dispatches is replayed like the rest
        synchronized (state) {
            Session s = sessions.stream()
                    .filter(x -> x.id.equals(sessionId))
                    .findFirst()
                    .orElse(null);
            if (s == null || s.invalid || !state.options.botToken().equals(stripBot(Json.text(d, "token")))) {
                c.ws.send("{\"op\":9,\"d\":false,\"s\":null,\"t\":null}");
                return;
            }
            if (s.connection != null && s.connection != c) {
                Connection old = s.connection;
                old.session = null;
                abort(old.ws);
            }
            s.connection = c;
            c.session = s;
            state.stats.resumes.increment();
            for (Frame f : s.backlog) {
                if (f.seq() > seq) {
                    c.ws.send(f.text());
                }
            }
            send(s, "RESUMED", Json.object());
        }
    }

    private void requestMembers(Connection c, JsonNode d) {
        synchronized (state) {
            Session s = c.session;
            if (s == null) {
                c.ws.close(4003, "Not authenticated.");
                return;
            }
            if (!s.has(GUILD_MEMBERS)) {
                state.violation(
                        "gateway op 8", "missing-intent", "requested guild members without the GUILD_MEMBERS intent");
                return;
            }
            List<String> guildIds = new ArrayList<>();
            JsonNode g = d.path("guild_id");
            if (g.isArray()) {
                g.forEach(x -> guildIds.add(x.asText()));
            } else {
                guildIds.add(g.asText());
            }
            for (String gid : guildIds) {
                state.guilds.find(gid).ifPresent(guild -> {
                    ObjectNode chunk = Json.object();
                    chunk.put("guild_id", gid);
                    ArrayNode members = chunk.putArray("members");
                    guild.members.keySet().forEach(uid -> members.add(state.guilds.memberJson(guild, uid)));
                    chunk.put("chunk_index", 0);
                    chunk.put("chunk_count", 1);
                    chunk.putArray("not_found");
                    if (d.has("nonce")) {
                        chunk.set("nonce", d.get("nonce"));
                    }
                    send(s, "GUILD_MEMBERS_CHUNK", chunk);
                });
            }
        }
    }

    /** Sends a dispatch to every live session whose intents include any of {@code anyOf} (0: always sent). */
    void dispatch(String type, ObjectNode d, long anyOf) {
        dispatch(type, anyOf, s -> d);
    }

    /** Like {@link #dispatch(String, ObjectNode, long)} with a per-session payload (e.g. message content blanking). */
    void dispatch(String type, long anyOf, Function<Session, ObjectNode> payload) {
        synchronized (state) {
            for (Session s : sessions) {
                if (!s.invalid && (anyOf == 0 || (s.intents & anyOf) != 0)) {
                    ObjectNode d = payload.apply(s);
                    if (d != null) {
                        send(s, type, d);
                    }
                }
            }
        }
    }

    private void send(Session s, String type, ObjectNode d) {
        int seq = ++s.seq;
        ObjectNode frame = Json.object();
        frame.put("op", 0);
        frame.put("t", type);
        frame.put("s", seq);
        frame.set("d", d);
        String text = Json.write(frame);
        s.backlog.addLast(new Frame(seq, text));
        while (s.backlog.size() > BACKLOG) {
            s.backlog.removeFirst();
        }
        state.stats.dispatches.increment();
        if (s.connection != null) {
            s.connection.ws.send(text);
        }
    }

    // ---- faults ----

    /** During an outage, runs {@code answer} when it ends (if the connection is still open) and returns true. */
    private boolean heldByOutage(Connection c, Runnable answer) {
        long left = outageUntilNanos - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        CompletableFuture.delayedExecutor(left, TimeUnit.NANOSECONDS).execute(() -> {
            if (!c.closed) {
                answer.run();
            }
        });
        return true;
    }

    /** Drops every connection and answers no IDENTIFY or RESUME for {@code duration}; returns the connections dropped. */
    int outage(Duration duration) {
        outageUntilNanos = System.nanoTime() + duration.toNanos();
        return dropAll();
    }

    /** Abruptly drops every connection (no close frame); sessions stay resumable. */
    int dropAll() {
        synchronized (state) {
            int n = 0;
            for (Session s : sessions) {
                if (s.connection != null) {
                    Connection c = s.connection;
                    s.connection = null;
                    c.session = null;
                    abort(c.ws);
                    n++;
                }
            }
            LOG.debug("dropped {} gateway connection(s)", n);
            return n;
        }
    }

    /**
     * Drops a server-side WebSocket without a close frame, like a network failure. okhttp's public {@code cancel()}
     * only works for client sockets, so this uses its web socket's failure path, which closes the socket at once.
     */
    private static void abort(WebSocket ws) {
        if (ws instanceof RealWebSocket real) {
            real.failWebSocket(new IOException("connection dropped by the sandbox"), null, false);
        } else {
            ws.close(4000, "Unknown error");
        }
    }

    /** Sends op 9 (not resumable) to every connected session and forgets the sessions. */
    int invalidateAll() {
        synchronized (state) {
            int n = 0;
            for (Session s : new ArrayList<>(sessions)) {
                s.invalid = true;
                if (s.connection != null) {
                    s.connection.ws.send("{\"op\":9,\"d\":false,\"s\":null,\"t\":null}");
                    n++;
                }
            }
            sessions.clear();
            return n;
        }
    }

    /** Sends op 7: the client should reconnect and resume. */
    int requestReconnectAll() {
        synchronized (state) {
            int n = 0;
            for (Session s : sessions) {
                if (s.connection != null) {
                    s.connection.ws.send("{\"op\":7,\"d\":null,\"s\":null,\"t\":null}");
                    n++;
                }
            }
            return n;
        }
    }

    /** Number of sessions with a live connection. */
    int connectedSessions() {
        synchronized (state) {
            return (int) sessions.stream().filter(s -> s.connection != null).count();
        }
    }

    void closeAll() {
        synchronized (state) {
            for (Session s : sessions) {
                if (s.connection != null) {
                    s.connection.ws.close(4000, "Sandbox shutting down");
                }
            }
        }
    }

    /** READY: the bot user, its guilds (unavailable until their GUILD_CREATE), the session and resume URL. */
    private ObjectNode readyJson(String sessionId) {
        ObjectNode d = Json.object();
        d.put("v", 10);
        ObjectNode user = state.botUser.json();
        user.put("verified", true);
        user.put("mfa_enabled", false);
        user.put("flags", 0);
        d.set("user", user);
        ArrayNode gs = d.putArray("guilds");
        for (SandboxGuild g : state.guilds.botGuilds()) {
            gs.addObject().put("id", g.id()).put("unavailable", true);
        }
        d.put("session_id", sessionId);
        d.put("session_type", "normal");
        d.put("resume_gateway_url", state.httpBase.replace("http://", "ws://") + "/gateway");
        d.putArray("private_channels");
        d.putArray("relationships");
        d.putArray("presences");
        d.putArray("guild_join_requests");
        d.putArray("geo_ordered_rtc_regions");
        d.putObject("user_settings");
        d.putObject("application").put("id", state.applicationId).put("flags", 0);
        d.putArray("_trace").add("[\"stepup-sandbox\",{\"micros\":0}]");
        return d;
    }
}
