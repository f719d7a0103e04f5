package uk.stepup.sandbox;

import java.time.Duration;
import java.util.Map;

/**
 * A snapshot of what the sandbox served.
 *
 * @param requests every HTTP request to the REST API (including ones answered 429)
 * @param requestsPerRoute per route key such as {@code POST channels/{channel_id}/messages}
 * @param acceptedPerBucket requests that passed rate limiting, per bucket (route key + major parameter)
 * @param responsesByStatus HTTP status to count
 * @param rateLimited 429 answers of any kind (route, global, injected)
 * @param globalRateLimited 429 answers with {@code X-RateLimit-Global: true}
 * @param identifies gateway IDENTIFYs (new sessions)
 * @param resumes successful gateway RESUMEs
 * @param connections WebSocket connections opened
 * @param dispatches gateway dispatches sent (op 0)
 * @param interactions interactions created by simulated people
 * @param failedInteractions interactions Discord would show as "This interaction failed"
 * @param rateLimitLowerBound the least wall time the accepted requests could have taken under the configured limits
 *     (the busiest bucket's full windows, or the global limit); compare a benchmark's elapsed time with it
 * @param openApiChecked REST requests checked against Discord's OpenAPI document (every one the sandbox served)
 * @param openApiOperations per documented operation ({@code operationId} such as {@code create_message}), how many
 *     of those requests it was; an undocumented route is counted in {@code openApiChecked} only
 */
public record SandboxStats(
        long requests,
        Map<String, Long> requestsPerRoute,
        Map<String, Long> acceptedPerBucket,
        Map<Integer, Long> responsesByStatus,
        long rateLimited,
        long globalRateLimited,
        long identifies,
        long resumes,
        long connections,
        long dispatches,
        long interactions,
        long failedInteractions,
        Duration rateLimitLowerBound,
        long openApiChecked,
        Map<String, Long> openApiOperations) {

    /** A line for a run's log: "N requests over M operations checked against Discord's OpenAPI document". */
    public String openApiSummary() {
        return openApiChecked + " requests over " + openApiOperations.size()
                + " operations checked against Discord's OpenAPI document";
    }

    /** Requests for one route key (0 if none). */
    public long requests(String routeKey) {
        return requestsPerRoute.getOrDefault(routeKey, 0L);
    }
}
