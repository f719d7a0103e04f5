package uk.stepup.sandbox;

/**
 * The interaction routes, which need no bot token: the callback {@code interactions/{id}/{token}/callback} and the
 * interaction webhook {@code webhooks/{app}/{token}[/messages/{id|@original}]} for follow-ups and edits
 * (interactions/receiving-and-responding). The rules live in {@link Interactions}.
 */
final class InteractionRoutes {
    private final SandboxState state;
    private final RestChecks checks;
    private final Interactions interactions;

    InteractionRoutes(SandboxState state, RestChecks checks, Interactions interactions) {
        this.state = state;
        this.checks = checks;
        this.interactions = interactions;
    }

    void register(RestApi.RouteTable routes) {
        routes.interaction(
                "POST",
                "interactions/{interaction_id}/{token}/callback",
                r -> interactions.callback(
                        r.param("interaction_id"),
                        r.param("token"),
                        r.json(),
                        r.uploads(),
                        "true".equals(r.query("with_response"))));
        routes.interaction("POST", "webhooks/{application_id}/{token}", r -> {
            MessageRecord m = interactions.followUp(r.param("application_id"), r.param("token"), r.json(), r.uploads());
            return "true".equals(r.query("wait")) ? m.toJson(checks.botId()) : null;
        });
        routes.interaction("GET", "webhooks/{application_id}/{token}/messages/{message_id}", r -> {
            synchronized (state) {
                InteractionHandle h = interactions.byToken(r.param("application_id"), r.param("token"));
                return interactions.webhookMessage(h, r.param("message_id")).toJson(checks.botId());
            }
        });
        routes.interaction(
                "PATCH",
                "webhooks/{application_id}/{token}/messages/{message_id}",
                r -> interactions
                        .editWebhookMessage(
                                r.param("application_id"),
                                r.param("token"),
                                r.param("message_id"),
                                r.json(),
                                r.uploads())
                        .toJson(checks.botId()));
        routes.interaction("DELETE", "webhooks/{application_id}/{token}/messages/{message_id}", r -> {
            synchronized (state) {
                InteractionHandle h = interactions.byToken(r.param("application_id"), r.param("token"));
                state.messages.delete(interactions.webhookMessage(h, r.param("message_id")));
                return null;
            }
        });
    }
}
