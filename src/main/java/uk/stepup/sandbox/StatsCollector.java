package uk.stepup.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counters behind {@link SandboxStats}. */
final class StatsCollector {
    final Map<String, LongAdder> requestsByRoute = new ConcurrentHashMap<>();
    final Map<String, LongAdder> acceptedByBucket = new ConcurrentHashMap<>();
    final Map<String, SandboxOptions.RateLimit> bucketLimits = new ConcurrentHashMap<>();
    final Map<Integer, LongAdder> responsesByStatus = new ConcurrentHashMap<>();
    final LongAdder requests = new LongAdder();
    final LongAdder rateLimited = new LongAdder();
    final LongAdder globalRateLimited = new LongAdder();
    final LongAdder identifies = new LongAdder();
    final LongAdder resumes = new LongAdder();
    final LongAdder connections = new LongAdder();
    final LongAdder dispatches = new LongAdder();
    final LongAdder interactions = new LongAdder();
    final LongAdder failedInteractions = new LongAdder();
    /** Requests to non-interaction routes that passed the global and route limits (the global bound counts these). */
    final LongAdder nonInteractionRequests = new LongAdder();
    /** Requests checked against Discord's OpenAPI document, and how many per documented operation (operationId). */
    final LongAdder openApiChecked = new LongAdder();

    final Map<String, LongAdder> openApiOperations = new ConcurrentHashMap<>();

    void countOpenApi(String operationId) {
        openApiChecked.increment();
        if (operationId != null) {
            inc(openApiOperations, operationId);
        }
    }

    static void inc(Map<String, LongAdder> map, String key) {
        map.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    SandboxStats snapshot(int globalPerSecond) {
        Map<String, Long> perRoute = new TreeMap<>();
        requestsByRoute.forEach((k, v) -> perRoute.put(k, v.sum()));
        Map<Integer, Long> perStatus = new TreeMap<>();
        responsesByStatus.forEach((k, v) -> perStatus.put(k, v.sum()));
        Map<String, Long> perOperation = new TreeMap<>();
        openApiOperations.forEach((k, v) -> perOperation.put(k, v.sum()));
        Map<String, Long> perBucket = new TreeMap<>();
        acceptedByBucket.forEach((k, v) -> perBucket.put(k, v.sum()));
        double lowerBound = 0;
        for (Map.Entry<String, Long> e : perBucket.entrySet()) {
            SandboxOptions.RateLimit rl = bucketLimits.get(e.getKey());
            if (rl != null && e.getValue() > 0) {
                long windows = (e.getValue() - 1) / rl.limit();
                lowerBound = Math.max(lowerBound, windows * rl.window().toMillis() / 1000.0);
            }
        }
        long global = nonInteractionRequests.sum();
        if (globalPerSecond > 0 && global > 0) {
            lowerBound = Math.max(lowerBound, (double) ((global - 1) / globalPerSecond));
        }
        return new SandboxStats(
                requests.sum(),
                Map.copyOf(perRoute),
                Map.copyOf(perBucket),
                Map.copyOf(perStatus),
                rateLimited.sum(),
                globalRateLimited.sum(),
                identifies.sum(),
                resumes.sum(),
                connections.sum(),
                dispatches.sum(),
                interactions.sum(),
                failedInteractions.sum(),
                Duration.ofMillis(Math.round(lowerBound * 1000)),
                openApiChecked.sum(),
                Map.copyOf(perOperation));
    }

    void reset() {
        requestsByRoute.clear();
        acceptedByBucket.clear();
        responsesByStatus.clear();
        openApiOperations.clear();
        for (LongAdder a : new LongAdder[] {
            requests,
            rateLimited,
            globalRateLimited,
            identifies,
            resumes,
            connections,
            dispatches,
            interactions,
            failedInteractions,
            nonInteractionRequests,
            openApiChecked
        }) {
            a.reset();
        }
    }
}
