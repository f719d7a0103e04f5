package uk.stepup.sandbox;

import java.util.HashMap;
import java.util.Map;

/** Fixed-window buckets per route key and major parameter, plus the global per-second limit; real time. */
final class RateLimiter {
    record Decision(
            boolean allowed, boolean global, int limit, int remaining, double resetAfterSeconds, String bucket) {}

    private static final class Window {
        long start;
        int used;
    }

    private final Map<String, Window> windows = new HashMap<>();
    private final Window global = new Window();

    static String bucketHash(String routeKey) {
        return Integer.toHexString(routeKey.hashCode() & 0x7fffffff) + "sb";
    }

    synchronized Decision acquire(String bucketKey, String routeKey, SandboxOptions.RateLimit rl, boolean enforce) {
        long now = System.nanoTime();
        long window = rl.window().toNanos();
        Window w = windows.computeIfAbsent(bucketKey, k -> new Window());
        if (w.used == 0 || now - w.start >= window) {
            w.start = now;
            w.used = 0;
        }
        double resetAfter = Math.max(0, (w.start + window - now) / 1e9);
        String hash = bucketHash(routeKey);
        if (enforce && w.used >= rl.limit()) {
            return new Decision(false, false, rl.limit(), 0, resetAfter, hash);
        }
        w.used++;
        return new Decision(true, false, rl.limit(), Math.max(0, rl.limit() - w.used), resetAfter, hash);
    }

    /** Counts one request against the global limit; returns the seconds to wait if over it, else 0. */
    synchronized double acquireGlobal(int perSecond) {
        if (perSecond <= 0) {
            return 0;
        }
        long now = System.nanoTime();
        if (global.used == 0 || now - global.start >= 1_000_000_000L) {
            global.start = now;
            global.used = 0;
        }
        if (global.used >= perSecond) {
            return Math.max(0.001, (global.start + 1_000_000_000L - now) / 1e9);
        }
        global.used++;
        return 0;
    }

    /** A hidden shared limit (e.g. channel renames): true if allowed, else the seconds to wait. */
    synchronized double acquireShared(String key, SandboxOptions.RateLimit rl, boolean enforce) {
        Decision d = acquire("shared:" + key, "shared:" + key, rl, enforce);
        return d.allowed() ? 0 : Math.max(0.001, d.resetAfterSeconds());
    }
}
