package uk.stepup.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Fault injection. A route pattern is a route key ({@code "POST channels/{channel_id}/messages"}), a template for any
 * method ({@code "channels/{channel_id}/messages"}), {@code "*"} for every route, or a regular expression matched
 * against the concrete request ({@code "POST channels/123/messages"}).
 */
public final class SandboxFaults {
  private final World world;
  final List<Rule> rules = new CopyOnWriteArrayList<>();
  volatile long globalLimitUntilNanos;

  /** What to do to matching requests. */
  enum Kind { SERVER_ERROR, RATE_LIMIT, DELAY }

  record Rule(String pattern, Kind kind, AtomicInteger remaining, int status, Duration duration) {
    boolean matches(String routeKey, String concrete) {
      if (pattern.equals("*") || pattern.equals(routeKey) || routeKey.endsWith(" " + pattern)) {
        return true;
      }
      try {
        return Pattern.compile(pattern).matcher(concrete).matches();
      } catch (PatternSyntaxException e) {
        return false;
      }
    }

    /** Consumes one use; DELAY rules never run out. */
    boolean take() {
      if (kind == Kind.DELAY) {
        return true;
      }
      return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
  }

  SandboxFaults(World world) {
    this.world = world;
  }

  /** Closes every gateway connection abruptly (no close frame). JDA should reconnect and RESUME. */
  public SandboxFaults dropGateway() {
    world.gateway.dropAll();
    return this;
  }

  /** Sends op 9 Invalid Session (not resumable): JDA must IDENTIFY again (through its SessionController). */
  public SandboxFaults invalidateSession() {
    world.gateway.invalidateAll();
    return this;
  }

  /** Sends op 7 Reconnect: JDA should reconnect and RESUME. */
  public SandboxFaults requestReconnect() {
    world.gateway.requestReconnectAll();
    return this;
  }

  /** The next {@code count} matching requests answer {@code status} (e.g. 502, 503) with Discord's error JSON. */
  public SandboxFaults serverErrors(String routePattern, int count, int status) {
    rules.add(new Rule(routePattern, Kind.SERVER_ERROR, new AtomicInteger(count), status, Duration.ZERO));
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

  /** For this long, every non-interaction request answers a global 429 ({@code X-RateLimit-Global: true}). */
  public SandboxFaults globalRateLimit(Duration duration) {
    globalLimitUntilNanos = System.nanoTime() + duration.toNanos();
    return this;
  }

  /** Matching responses are delayed by {@code delay} (until {@link #clear()}). */
  public SandboxFaults delayResponses(String routePattern, Duration delay) {
    rules.add(new Rule(routePattern, Kind.DELAY, new AtomicInteger(Integer.MAX_VALUE), 0, delay));
    return this;
  }

  /** Removes every injected fault. */
  public SandboxFaults clear() {
    rules.clear();
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
}
