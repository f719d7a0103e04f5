package uk.stepup.sandbox;

import java.time.Clock;
import java.time.Instant;

/**
 * Ids and time for one sandbox: snowflakes taken from the sandbox clock (milliseconds since Discord's epoch in the top
 * 42 bits, reference#snowflakes), strictly increasing, so ids stay consistent with message timestamps in a simulated
 * programme even when a test moves the clock.
 */
final class Snowflakes {
    static final long DISCORD_EPOCH = 1420070400000L;

    private final Clock clock;
    private long lastId;

    Snowflakes(Clock clock) {
        this.clock = clock;
    }

    synchronized String next() {
        long ms = clock.millis() - DISCORD_EPOCH;
        long candidate = Math.max(ms, 0) << 22;
        lastId = Math.max(lastId + 1, candidate);
        return Long.toUnsignedString(lastId);
    }

    Instant now() {
        return clock.instant();
    }
}
