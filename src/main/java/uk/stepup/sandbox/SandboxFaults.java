package uk.stepup.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Fault injection. A route pattern is a route key ({@code "POST channels/{channel_id}/messages"}), a template for any
 * method ({@code "channels/{channel_id}/messages"}), {@code "*"} for every route, or a regular expression matched
 * against the concrete request ({@code "POST channels/123/messages"}).
 *
 * <p>Faults can be armed to start at a chosen moment of a run with {@link #when}: "when the fifth reminder is posted,
 * drop the gateway" or "when the summary's first message arrives, start a global 429 storm".
 */
public final class SandboxFaults {
    private final SandboxState state;
    final List<Rule> rules = new CopyOnWriteArrayList<>();
    final List<Trigger> triggers = new CopyOnWriteArrayList<>();
    final List<SlowAnswers> slowAnswers = new CopyOnWriteArrayList<>();
    volatile long globalLimitUntilNanos;

    /** What to do to matching requests. */
    enum Kind {
        SERVER_ERROR,
        LOST_ANSWER,
        RATE_LIMIT,
        DELAY,
        SLOW_REQUEST
    }

    record Rule(String pattern, Kind kind, AtomicInteger remaining, int status, Duration duration) {
        boolean matches(String routeKey, String concrete) {
            return SandboxFaults.matches(pattern, routeKey, concrete);
        }

        /** Consumes one use; a rule made with {@link Integer#MAX_VALUE} uses never runs out. */
        boolean take() {
            if (remaining.get() == Integer.MAX_VALUE) {
                return true;
            }
            return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        }
    }

    /** The bot's next answers to one person's interactions reach Discord late. */
    record SlowAnswers(String userId, AtomicInteger remaining, Duration delay) {}

    /** Runs {@code action} once, on the {@code nth} matching request counted from when it was armed. */
    record Trigger(String pattern, AtomicInteger countdown, Consumer<SandboxFaults> action) {}

    SandboxFaults(SandboxState state) {
        this.state = state;
    }

    static boolean matches(String pattern, String routeKey, String concrete) {
        if (pattern.equals("*") || pattern.equals(routeKey) || routeKey.endsWith(" " + pattern)) {
            return true;
        }
        try {
            return Pattern.compile(pattern).matcher(concrete).matches();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    /** Closes every gateway connection abruptly (no close frame). JDA should reconnect and RESUME. */
    public SandboxFaults dropGateway() {
        state.gateway.dropAll();
        return this;
    }

    /**
     * A gateway outage: every connection is dropped now, and for {@code duration} the gateway accepts connections and
     * says HELLO but answers no IDENTIFY or RESUME (it answers them when the outage ends). Sessions stay resumable, so
     * what happened meanwhile (interactions included) is replayed on RESUME, late: an interaction older than three
     * seconds can no longer be acknowledged, and the person has already seen "This interaction failed".
     */
    public SandboxFaults gatewayOutage(Duration duration) {
        state.gateway.outage(duration);
        return this;
    }

    /** Sends op 9 Invalid Session (not resumable): JDA must IDENTIFY again (through its SessionController). */
    public SandboxFaults invalidateSession() {
        state.gateway.invalidateAll();
        return this;
    }

    /** Sends op 7 Reconnect: JDA should reconnect and RESUME. */
    public SandboxFaults requestReconnect() {
        state.gateway.requestReconnectAll();
        return this;
    }

    /** The next {@code count} matching requests answer {@code status} (e.g. 502, 503) with Discord's error JSON. */
    public SandboxFaults serverErrors(String routePattern, int count, int status) {
        rules.add(new Rule(routePattern, Kind.SERVER_ERROR, new AtomicInteger(count), status, Duration.ZERO));
        return this;
    }

    /**
     * The next {@code count} matching requests are carried out, but their answer is lost on the way back and the bot
     * gets {@code status} instead (a 502 or 504 from Discord's edge after its servers did the work). A client that
     * retries must not do the work twice: Discord returns the first message for a repeated {@code enforce_nonce},
     * answers a second thread on the same message with {@code 160004}, and a second interaction callback with
     * {@code 40060}.
     */
    public SandboxFaults lostAnswers(String routePattern, int count, int status) {
        rules.add(new Rule(routePattern, Kind.LOST_ANSWER, new AtomicInteger(count), status, Duration.ZERO));
        return this;
    }

    /** The next {@code count} matching requests answer a per-route 429 with {@code Retry-After: 1} and {@code Via}. */
    public SandboxFaults rateLimitBurst(String routePattern, int count) {
        return rateLimitBurst(routePattern, count, Duration.ofSeconds(1));
    }

    /** Like {@link #rateLimitBurst(String, int)} with a chosen retry-after (whole seconds in the header). */
    public SandboxFaults rateLimitBurst(String routePattern, int count, Duration retryAfter) {
        rules.add(new Rule(routePattern, Kind.RATE_LIMIT, new AtomicInteger(count), 429, retryAfter));
        return this;
    }

    /**
     * For this long, every non-interaction request answers a global 429: {@code X-RateLimit-Global: true},
     * {@code X-RateLimit-Scope: global}, {@code "global": true} in the body and the time left as {@code Retry-After}.
     */
    public SandboxFaults globalRateLimit(Duration duration) {
        globalLimitUntilNanos = System.nanoTime() + duration.toNanos();
        return this;
    }

    /**
     * Matching responses are delayed by {@code delay} (until {@link #clear()}): the request is handled at once, the
     * answer travels slowly. An interaction callback delayed this way was still in time.
     */
    public SandboxFaults delayResponses(String routePattern, Duration delay) {
        rules.add(new Rule(routePattern, Kind.DELAY, new AtomicInteger(Integer.MAX_VALUE), 0, delay));
        return this;
    }

    /**
     * The next {@code count} matching requests reach Discord {@code delay} late: the sandbox waits before handling
     * them, so rate limits and the interaction deadline are judged when they arrive. An interaction callback that
     * arrives more than three seconds after the interaction was created is refused with 404 {@code 10062 Unknown
     * interaction}, as Discord does.
     */
    public SandboxFaults delayRequests(String routePattern, Duration delay, int count) {
        rules.add(new Rule(routePattern, Kind.SLOW_REQUEST, new AtomicInteger(count), 0, delay));
        return this;
    }

    /**
     * The bot's next {@code count} interaction callbacks for {@code person}'s interactions reach Discord {@code delay}
     * late, like {@link #delayRequests} but aimed at one person, so people acting at the same moment can each meet a
     * different delay: 2.5 s is in time, 3.2 s is refused with {@code 10062} and the person sees "This interaction
     * failed".
     */
    public SandboxFaults delayCallbacks(SandboxUser person, Duration delay, int count) {
        slowAnswers.add(new SlowAnswers(person.id(), new AtomicInteger(count), delay));
        return this;
    }

    /**
     * Arms a fault for a chosen moment: when the {@code nth} request matching {@code routePattern} (counted from now)
     * arrives, {@code fault} runs before that request is handled, so a storm it starts already applies to it.
     * <pre>{@code sb.faults().when("POST channels/{channel_id}/messages", 5, f -> f.invalidateSession());}</pre>
     */
    public SandboxFaults when(String routePattern, int nth, Consumer<SandboxFaults> fault) {
        if (nth < 1) {
            throw new IllegalArgumentException("nth counts from 1");
        }
        triggers.add(new Trigger(
                Objects.requireNonNull(routePattern), new AtomicInteger(nth), Objects.requireNonNull(fault)));
        return this;
    }

    /** Faults armed with {@link #when} that have not fired yet. */
    public int armed() {
        return triggers.size();
    }

    /** Removes every injected fault and every armed one. */
    public SandboxFaults clear() {
        rules.clear();
        triggers.clear();
        slowAnswers.clear();
        globalLimitUntilNanos = 0;
        return this;
    }

    Rule next(Kind kind, String routeKey, String concrete) {
        for (Rule r : rules) {
            if (r.kind() == kind && r.matches(routeKey, concrete) && r.take()) {
                return r;
            }
        }
        return null;
    }

    Duration delayFor(String routeKey, String concrete) {
        Duration total = Duration.ZERO;
        for (Rule r : rules) {
            if (r.kind() == Kind.DELAY && r.matches(routeKey, concrete)) {
                total = total.plus(r.duration());
            }
        }
        return total;
    }

    /** How late a callback for an interaction by {@code userId} reaches Discord (consumes one use). */
    Duration callbackDelayFor(String userId) {
        for (SlowAnswers s : slowAnswers) {
            if (s.userId().equals(userId) && s.remaining().getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                return s.delay();
            }
        }
        return Duration.ZERO;
    }

    /** Fires the triggers this request completes; each fires once. */
    void arrived(String routeKey, String concrete) {
        for (Trigger t : triggers) {
            if (matches(t.pattern(), routeKey, concrete)
                    && t.countdown().decrementAndGet() == 0
                    && triggers.remove(t)) {
                t.action().accept(this);
            }
        }
    }
}
