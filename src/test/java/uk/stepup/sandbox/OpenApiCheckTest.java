package uk.stepup.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The sandbox's referee: Discord's own OpenAPI document, checked directly and through a running sandbox. */
class OpenApiCheckTest {
    private static final OpenApiCheck SPEC = OpenApiCheck.shared();

    private static OpenApiCheck.Outcome check(
            String method, String path, Map<String, List<String>> query, String json) {
        return SPEC.check(
                method,
                List.of(path.split("/")),
                query,
                json == null ? null : "application/json",
                json == null ? null : Json.parse(json));
    }

    private static OpenApiCheck.Outcome check(String method, String path, String json) {
        return check(method, path, Map.of(), json);
    }

    private static List<String> rules(OpenApiCheck.Outcome o) {
        return o.findings().stream().map(OpenApiCheck.Finding::rule).toList();
    }

    @Test
    @DisplayName("A valid message passes, and the operation is named by its operationId")
    void valid_request_passes() {
        OpenApiCheck.Outcome o = check(
                "POST",
                "channels/1234/messages",
                "{\"content\":\"Week 1\",\"allowed_mentions\":{\"parse\":[]},\"embeds\":[{\"title\":\"t\",\"fields\":[{\"name\":\"a\","
                        + "\"value\":\"b\",\"inline\":false}]}],\"components\":[{\"type\":1,\"components\":[{\"type\":2,\"style\":1,"
                        + "\"label\":\"Check in\",\"custom_id\":\"checkin\"}]}],\"poll\":null,\"nonce\":\"123\",\"enforce_nonce\":true}");
        assertThat(o.findings()).isEmpty();
        assertThat(o.operationId()).isEqualTo("create_message");
        assertThat(o.operation()).isEqualTo("POST /channels/{channel_id}/messages");
    }

    @Test
    @DisplayName("A route Discord does not document is reported, also a documented path with another method")
    void undocumented_route() {
        OpenApiCheck.Outcome unknown = check("GET", "channels/1234/nonsense", null);
        assertThat(unknown.documented()).isFalse();
        assertThat(rules(unknown)).containsExactly("openapi-undocumented-route");
        assertThat(unknown.findings().get(0).detail()).contains("GET /channels/1234/nonsense");

        OpenApiCheck.Outcome wrongMethod = check("DELETE", "users/@me", null);
        assertThat(rules(wrongMethod)).containsExactly("openapi-undocumented-route");
        assertThat(wrongMethod.findings().get(0).detail()).contains("not with DELETE");
    }

    @Test
    @DisplayName("A body failing the operation's schema is reported with the operation, JSON pointer and message")
    void body_failing_schema() {
        OpenApiCheck.Outcome o = check("POST", "channels/1234/messages", "{\"content\":5,\"tts\":\"yes\"}");
        assertThat(rules(o)).containsExactly("openapi-request-body");
        assertThat(o.findings().get(0).detail())
                .contains("create_message")
                .contains("/content")
                .contains("/tts");
    }

    @Test
    @DisplayName("A literal segment wins over a parameter, as Discord routes (@original, @me)")
    void literal_segments_first() {
        assertThat(check("PATCH", "webhooks/1/tok/messages/@original", "{\"content\":\"x\"}")
                        .operationId())
                .isEqualTo("update_original_webhook_message");
        assertThat(check("PATCH", "webhooks/1/tok/messages/5678", "{\"content\":\"x\"}")
                        .operationId())
                .isEqualTo("update_webhook_message");
        assertThat(check("GET", "users/@me", null).operationId()).isEqualTo("get_my_user");
        assertThat(check("GET", "users/1234", null).operationId()).isEqualTo("get_user");
    }

    @Test
    @DisplayName(
            "Tolerances apply only where listed: integer attachment ids pass, an integer message_reference does not")
    void tolerancesAreNarrow() {
        assertThat(check(
                                "POST",
                                "channels/1234/messages",
                                "{\"content\":\"x\",\"attachments\":[{\"id\":0,\"filename\":\"chart.png\"}]}")
                        .findings())
                .isEmpty();
        OpenApiCheck.Outcome ref = check(
                "POST", "channels/1234/messages", "{\"content\":\"x\",\"message_reference\":{\"message_id\":5678}}");
        assertThat(rules(ref)).containsExactly("openapi-request-body");
        assertThat(ref.findings().get(0).detail()).contains("/message_reference");
        // A numeric string is taken for a command's default_member_permissions (JDA sends it so), not for other
        // integers.
        assertThat(check(
                                "PUT",
                                "applications/1/guilds/2/commands",
                                "[{\"type\":1,\"name\":\"checkin\",\"description\":"
                                        + "\"Check in\",\"contexts\":[\"0\"],\"integration_types\":[\"0\"],\"default_member_permissions\":\"32\"}]")
                        .findings())
                .isEmpty();
        assertThat(rules(check("PUT", "channels/1234/permissions/5678", "{\"type\":0,\"allow\":\"1024\",\"deny\":0}")))
                .containsExactly("openapi-request-body");
        assertThat(rules(check("POST", "channels/1234/messages", "{\"content\":\"x\",\"flags\":\"64\"}")))
                .containsExactly("openapi-request-body");
    }

    @Test
    @DisplayName("Query and path parameters are checked against their schemas; an unknown query parameter is reported")
    void parameters() {
        assertThat(check("GET", "channels/1234/messages", Map.of("limit", List.of("50")), null)
                        .findings())
                .isEmpty();
        assertThat(rules(check("GET", "channels/1234/messages", Map.of("limit", List.of("500")), null)))
                .containsExactly("openapi-query-parameter");
        assertThat(rules(check("GET", "channels/1234/messages", Map.of("colour", List.of("red")), null)))
                .containsExactly("openapi-query-parameter");
        assertThat(rules(check("GET", "channels/general", null))).containsExactly("openapi-path-parameter");
    }

    @Test
    @DisplayName("Missing required body and a body sent to an operation that takes none are both reported")
    void body_presence() {
        assertThat(rules(check("PUT", "channels/1234/permissions/5678", null))).containsExactly("openapi-request-body");
        assertThat(rules(check("DELETE", "channels/1234/messages/5678", "{\"reason\":\"x\"}")))
                .containsExactly("openapi-request-body");
    }

    @Test
    @DisplayName("Every route the sandbox serves is an operation in Discord's OpenAPI document")
    void every_sandbox_route_is_documented() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            SandboxState state = new SandboxState(SandboxOptions.defaults());
            RestApi api = new RestApi(state, new Interactions(state, timer), new RateLimiter());
            assertThat(api.routes()).hasSizeGreaterThan(50);
            for (RestRoute route : api.routes()) {
                // A parameter gets a snowflake-shaped value; a literal such as @me or @original stays as it is.
                List<String> path = Arrays.stream(route.segments)
                        .map(s -> s.startsWith("{") ? "1234" : s)
                        .toList();
                OpenApiCheck.Outcome o = SPEC.check(route.method, path, Map.of(), null, null);
                assertThat(o.documented()).as(route.key() + ": " + o.findings()).isTrue();
            }
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    @DisplayName("Through a running sandbox: every request is counted, a breach is a violation naming the operation")
    void through_the_sandbox() {
        try (Sandbox sb = Sandbox.start(SandboxOptions.defaults().withoutRateLimits())) {
            SandboxGuild g = sb.createGuild("Spec");
            SandboxChannel general = g.channelByName("general").orElseThrow();
            RawDiscord raw = new RawDiscord(sb);
            raw.send("POST", "channels/" + general.id() + "/messages", "{\"content\":\"hello\"}");
            raw.send("GET", "users/@me", null);
            assertThat(sb.violations()).isEmpty();

            raw.send("POST", "channels/" + general.id() + "/messages", "{\"content\":\"hello\",\"tts\":\"no\"}");
            assertThat(sb.violations()).singleElement().satisfies(v -> {
                assertThat(v.rule()).isEqualTo("openapi-request-body");
                assertThat(v.route()).isEqualTo("POST /channels/{channel_id}/messages");
                assertThat(v.detail()).contains("create_message").contains("/tts");
            });
            sb.clearViolations();

            raw.send("GET", "channels/" + general.id() + "/webhooks-of-my-own", null);
            assertThat(sb.violations())
                    .extracting(Violation::rule)
                    .contains("openapi-undocumented-route", "unknown-route");

            SandboxStats stats = sb.stats();
            assertThat(stats.openApiChecked()).isEqualTo(4);
            assertThat(stats.openApiOperations())
                    .containsEntry("create_message", 2L)
                    .containsEntry("get_my_user", 1L)
                    .hasSize(2);
            assertThat(stats.openApiSummary()).startsWith("4 requests over 2 operations");
        }
    }
}
