package uk.stepup.discord;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Spaces requests evenly so that a burst (a week's reminders to hundreds of homes) stays under Discord's global limit
 * of 50 requests per second per bot instead of running into it: a global 429 costs far more than it saves, because
 * JDA then waits out the whole {@code Retry-After}, which Discord gives in whole seconds. Thread-safe; callers are
 * given consecutive slots {@code 1 / perSecond} apart and wait for theirs.
 */
public final class RequestPacer {
    /**
     * Bot-initiated requests per second, under Discord's global 50 for every bot. Not 50: a request evenly spaced at
     * exactly the limit lands on the edge of Discord's one-second window as soon as timing jitters, and each global
     * 429 makes JDA wait a whole second; at 48 fifty requests span 1.04 s.
     */
    public static final double PER_SECOND = 48;

    private final long intervalNanos;
    private long nextSlot = System.nanoTime();

    /**
     * The one pacer every bot-initiated post shares (scheduled posts, coach posts, reminders), so that together they
     * stay under the global limit. Replies to interactions do not need it: Discord does not count them.
     */
    public static RequestPacer underGlobalLimit() {
        return new RequestPacer(PER_SECOND);
    }

    RequestPacer(double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("perSecond must be positive");
        }
        this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
    }

    /** Waits for this caller's slot. An interrupt ends the wait early and is kept for the caller to see. */
    void acquire() {
        long slot;
        synchronized (this) {
            slot = Math.max(System.nanoTime(), nextSlot);
            nextSlot = slot + intervalNanos;
        }
        for (long left = slot - System.nanoTime(); left > 0; left = slot - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }
}
