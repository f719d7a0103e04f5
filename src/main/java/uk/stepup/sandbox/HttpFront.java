package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front door: WebSocket upgrade for {@code /gateway}, attachment downloads, and for {@code /api/v10/...}
 * authentication, routing, injected faults, the global and per-route rate limits (with Discord's headers), the route
 * handler, and Discord's JSON errors. Every 4xx caused by a broken rule is recorded as a {@link Violation}.
 */
final class HttpFront extends Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);
    private static final String API = "/api/v10/";
    /** The bucket size announced when rate limits are off or suspended. */
    private static final int UNLIMITED = 1_000_000;

    private final SandboxState state;
    private final RestApi api;
    private final RateLimiter limiter;
    private final SandboxFaults faults;
    /** Discord's OpenAPI document: loaded when the first sandbox of the JVM starts, before any request can wait on it. */
    private final OpenApiCheck spec = OpenApiCheck.shared();

    private volatile Runnable drain = () -> {};

    HttpFront(SandboxState state, RestApi api, RateLimiter limiter, SandboxFaults faults) {
        this.state = state;
        this.api = api;
        this.limiter = limiter;
        this.faults = faults;
    }

    /** MockWebServer keeps every request in a queue; the sandbox drains it so long runs do not grow memory. */
    void setDrain(Runnable drain) {
        this.drain = drain;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        drain.run();
        String path = request.getUrl().encodedPath();
        if (path.equals("/gateway") || path.equals("/gateway/")) {
            return new MockResponse.Builder()
                    .webSocketUpgrade(state.gateway.newConnection())
                    .build();
        }
        if (path.startsWith("/attachments/")) {
            return attachment(request);
        }
        if (!path.startsWith(API)) {
            return json(404, error(404, 0, "404: Not Found"), null);
        }
        try {
            return api(request);
        } catch (RuntimeException e) {
            LOG.error("sandbox failed on {} {}", request.getMethod(), path, e);
            state.violation(request.getMethod() + " " + path, "sandbox-error", "the sandbox itself failed: " + e);
            return json(500, error(500, 0, "500: Internal Server Error"), null);
        }
    }

    private MockResponse api(RecordedRequest request) {
        String method = request.getMethod();
        List<String> segments = request.getUrl().pathSegments();
        List<String> path = segments.subList(2, segments.size());
        if (!path.isEmpty() && path.get(path.size() - 1).isEmpty()) {
            path = path.subList(0, path.size() - 1);
        }
        String concrete = method + " " + String.join("/", path);
        state.stats.requests.increment();
        byte[] body =
                request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
        RestRequest raw = new RestRequest(method, request.getUrl(), request.getHeaders(), body, null, Map.of());
        checkAgainstSpec(raw, path);
        Map<String, String> params = new HashMap<>();
        RestRoute route = api.match(method, path, params);
        if (route == null) {
            StatsCollector.inc(state.stats.requestsByRoute, "UNKNOWN " + concrete);
            state.violation(
                    concrete,
                    "unknown-route",
                    "the sandbox has no route " + concrete + " (Discord may; add it or stop calling it)");
            return json(404, error(404, 0, "404: Not Found"), null);
        }
        String routeKey = route.key();
        StatsCollector.inc(state.stats.requestsByRoute, routeKey);
        if (!route.interaction) {
            String auth = request.getHeaders().get("Authorization");
            if (auth == null || !auth.equals("Bot " + state.options.botToken())) {
                state.violation(
                        routeKey, "authentication", auth == null ? "no Authorization header" : "wrong bot token");
                return json(401, error(401, 0, "401: Unauthorized"), null);
            }
        }
        // Injected faults first: they model Discord/Cloudflare misbehaving, whatever the bot did. A slow request is
        // judged when it arrives, so it waits before anything else happens to it.
        SandboxFaults.Rule slow = faults.next(SandboxFaults.Kind.SLOW_REQUEST, routeKey, concrete);
        if (slow != null) {
            sleep(slow.duration());
        }
        if (route.interaction && routeKey.endsWith("/callback") && !faults.slowAnswers.isEmpty()) {
            InteractionHandle h;
            synchronized (state) {
                h = state.interactions.byId(params.get("interaction_id"));
            }
            if (h != null) {
                sleep(faults.callbackDelayFor(h.user().id()));
            }
        }
        faults.arrived(routeKey, concrete);
        Duration delay = faults.delayFor(routeKey, concrete);
        if (!route.interaction && System.nanoTime() < faults.globalLimitUntilNanos) {
            double wait = (faults.globalLimitUntilNanos - System.nanoTime()) / 1e9;
            return globalLimited(wait, delay);
        }
        SandboxFaults.Rule burst = faults.next(SandboxFaults.Kind.RATE_LIMIT, routeKey, concrete);
        if (burst != null) {
            SandboxOptions.RateLimit rl = state.options.routeLimit(routeKey);
            RateLimiter.Decision d = new RateLimiter.Decision(
                    false,
                    false,
                    rl.limit(),
                    0,
                    burst.duration().toMillis() / 1000.0,
                    RateLimiter.bucketHash(routeKey));
            return routeLimited(d, burst.duration().toMillis() / 1000.0, "user", delay);
        }
        SandboxFaults.Rule err = faults.next(SandboxFaults.Kind.SERVER_ERROR, routeKey, concrete);
        if (err != null) {
            return json(err.status(), error(err.status(), 0, err.status() + ": " + reason(err.status())), delay);
        }

        // Discord's limits.
        boolean limiting = state.limiting();
        if (!route.interaction && limiting) {
            double wait = limiter.acquireGlobal(state.options.globalRequestsPerSecond());
            if (wait > 0) {
                return globalLimited(wait, delay);
            }
        }
        SandboxOptions.RateLimit rl = state.options.routeLimit(routeKey);
        String bucketKey = routeKey + " @" + route.majorParameter(params);
        RateLimiter.Decision decision;
        if (route.interaction && routeKey.endsWith("/callback")) {
            decision = new RateLimiter.Decision(
                    true, false, rl.limit(), rl.limit() - 1, 0, RateLimiter.bucketHash(routeKey));
        } else if (limiting) {
            decision = limiter.acquire(bucketKey, routeKey, rl, true);
        } else {
            // Unlimited: say so in the headers, so the client does not throttle itself on a limit that is not there.
            decision = new RateLimiter.Decision(
                    true,
                    false,
                    UNLIMITED,
                    UNLIMITED - 1,
                    rl.window().toMillis() / 1000.0,
                    RateLimiter.bucketHash(routeKey));
        }
        if (!decision.allowed()) {
            return routeLimited(decision, decision.resetAfterSeconds(), "user", delay);
        }
        if (limiting) {
            state.stats.bucketLimits.put(bucketKey, rl);
            if (!route.interaction) {
                // Only requests that passed both limits count towards the global lower bound; a 429 is not work done.
                state.stats.nonInteractionRequests.increment();
            }
        }
        StatsCollector.inc(state.stats.acceptedByBucket, bucketKey);

        SandboxFaults.Rule lost = faults.next(SandboxFaults.Kind.LOST_ANSWER, routeKey, concrete);
        RestRequest req = raw.routed(routeKey, params);
        MockResponse.Builder out;
        try {
            state.channels.archiveIdleThreads(); // the clock may have moved since the last request
            JsonNode result = route.handler.handle(req);
            out = result == null ? new MockResponse.Builder().code(204) : jsonBuilder(route.status, result);
        } catch (ApiError e) {
            for (ApiError.Breach b : e.violations) {
                state.violation(routeKey, b.rule(), b.detail());
            }
            out = jsonBuilder(e.status, e.body());
        } catch (RestApi.SharedRateLimit e) {
            RateLimiter.Decision d = new RateLimiter.Decision(
                    false,
                    false,
                    state.options.channelRenameLimit().limit(),
                    0,
                    e.retryAfter,
                    RateLimiter.bucketHash("shared:" + routeKey));
            return routeLimited(d, e.retryAfter, "shared", delay);
        }
        if (lost != null) {
            // Done, but the answer never reaches the bot: it sees an error from Discord's edge instead.
            return json(lost.status(), error(lost.status(), 0, lost.status() + ": " + reason(lost.status())), delay);
        }
        addBucketHeaders(out, decision);
        return finish(out, delay);
    }

    /**
     * Every request, whatever happens to it next (a 429, an injected fault, an unknown route), is checked against
     * Discord's OpenAPI document; what the spec refuses is a violation. See {@link OpenApiCheck}.
     */
    private void checkAgainstSpec(RestRequest raw, List<String> path) {
        OpenApiCheck.Outcome outcome;
        long started = System.nanoTime();
        try {
            outcome = spec.check(raw.method, path, queryOf(raw), raw.mediaType(), raw.specBody());
        } catch (RestRequest.MalformedBody e) {
            state.violation(
                    raw.method + " " + String.join("/", path),
                    "openapi-request-body",
                    "the body is not valid JSON: " + e.getMessage());
            return;
        }
        state.stats.countOpenApi(outcome.operationId());
        OpenApiCheck.countTotal(outcome.operationId(), outcome.findings(), System.nanoTime() - started);
        for (OpenApiCheck.Finding f : outcome.findings()) {
            state.violation(outcome.operation(), f.rule(), f.detail());
        }
    }

    private static Map<String, List<String>> queryOf(RestRequest raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String name : raw.url.queryParameterNames()) {
            query.put(
                    name,
                    raw.url.queryParameterValues(name).stream()
                            .map(v -> v == null ? "" : v)
                            .toList());
        }
        return query;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private MockResponse globalLimited(double wait, Duration delay) {
        state.stats.rateLimited.increment();
        state.stats.globalRateLimited.increment();
        ObjectNode body = Json.object();
        body.put("message", "You are being rate limited.");
        body.put("retry_after", round(wait));
        body.put("global", true);
        body.put("code", 0);
        MockResponse.Builder b = jsonBuilder(429, body);
        b.setHeader("Retry-After", Long.toString((long) Math.ceil(wait)));
        b.setHeader("X-RateLimit-Global", "true");
        b.setHeader("X-RateLimit-Scope", "global");
        return finish(b, delay);
    }

    private MockResponse routeLimited(RateLimiter.Decision d, double wait, String scope, Duration delay) {
        state.stats.rateLimited.increment();
        ObjectNode body = Json.object();
        body.put("message", "You are being rate limited.");
        body.put("retry_after", round(wait));
        body.put("global", false);
        MockResponse.Builder b = jsonBuilder(429, body);
        b.setHeader("Retry-After", Long.toString(Math.max(1, (long) Math.ceil(wait))));
        b.setHeader("X-RateLimit-Scope", scope);
        addBucketHeaders(b, new RateLimiter.Decision(false, false, d.limit(), 0, wait, d.bucket()));
        return finish(b, delay);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    private void addBucketHeaders(MockResponse.Builder b, RateLimiter.Decision d) {
        double reset = System.currentTimeMillis() / 1000.0 + d.resetAfterSeconds();
        b.setHeader("X-RateLimit-Limit", Integer.toString(d.limit()));
        b.setHeader("X-RateLimit-Remaining", Integer.toString(d.remaining()));
        b.setHeader("X-RateLimit-Reset", String.format(Locale.ROOT, "%.3f", reset));
        b.setHeader("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", d.resetAfterSeconds()));
        b.setHeader("X-RateLimit-Bucket", d.bucket());
    }

    private MockResponse finish(MockResponse.Builder b, Duration delay) {
        b.setHeader("Via", "1.1 google");
        if (delay != null && !delay.isZero()) {
            b.headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS);
        }
        MockResponse r = b.build();
        count(r.getCode());
        return r;
    }

    private void count(int status) {
        state.stats
                .responsesByStatus
                .computeIfAbsent(status, k -> new LongAdder())
                .increment();
    }

    private MockResponse json(int status, ObjectNode body, Duration delay) {
        return finish(jsonBuilder(status, body), delay);
    }

    private static MockResponse.Builder jsonBuilder(int status, JsonNode body) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json")
                .body(Json.write(body));
    }

    private static ObjectNode error(int status, int code, String message) {
        ObjectNode o = Json.object();
        o.put("message", message);
        o.put("code", code);
        return o;
    }

    private static String reason(int status) {
        return switch (status) {
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Server Error";
        };
    }

    private MockResponse attachment(RecordedRequest request) {
        List<String> segs = request.getUrl().pathSegments();
        SandboxAttachment a = segs.size() >= 2 ? state.messages.attachment(segs.get(1)) : null;
        if (a == null) {
            return new MockResponse.Builder().code(404).body("Not Found").build();
        }
        Buffer buffer = new Buffer().write(ByteString.of(a.bytes()));
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", a.contentType())
                .body(buffer)
                .build();
    }
}
