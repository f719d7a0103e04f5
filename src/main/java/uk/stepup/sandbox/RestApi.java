package uk.stepup.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The router of the REST routes JDA uses: it holds the route table and finds the route for a request; the routes
 * themselves live in one class per Discord resource, as Discord's developer docs group them ({@link UserRoutes},
 * {@link GuildRoutes}, {@link RoleRoutes}, {@link MemberRoutes}, {@link ChannelRoutes}, {@link MessageRoutes},
 * {@link ThreadRoutes}, {@link ScheduledEventRoutes}, {@link CommandRoutes}, {@link InteractionRoutes}), sharing the
 * lookups and permission checks of {@link RestChecks}. {@link HttpFront} does what every request shares (auth, the
 * OpenAPI check, rate limits, faults, errors as Discord's JSON).
 */
final class RestApi {
    /** Thrown for hidden shared limits (channel renames): answered 429 with scope "shared". */
    static final class SharedRateLimit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final double retryAfter;

        SharedRateLimit(double retryAfter) {
            super("shared rate limit", null, false, false);
            this.retryAfter = retryAfter;
        }
    }

    /**
     * Where the resource classes add their routes. Routes match in the order added, so a route with a literal segment
     * ({@code users/@me}, {@code messages/pins}) is added before a parameter route of the same shape
     * ({@code users/{user_id}}, {@code messages/{message_id}}); such pairs always belong to one resource class.
     */
    static final class RouteTable {
        private final List<RestRoute> routes = new ArrayList<>();

        void route(String method, String template, RestRoute.Handler h) {
            routes.add(new RestRoute(method, template, h, false, 200));
        }

        /** A route answering 201 Created. */
        void created(String method, String template, RestRoute.Handler h) {
            routes.add(new RestRoute(method, template, h, false, 201));
        }

        /** An interaction route: no bot token needed, as on Discord. */
        void interaction(String method, String template, RestRoute.Handler h) {
            routes.add(new RestRoute(method, template, h, true, 200));
        }
    }

    private final List<RestRoute> routes;

    RestApi(SandboxState state, Interactions interactions, RateLimiter limiter) {
        RestChecks checks = new RestChecks(state);
        RouteTable table = new RouteTable();
        new UserRoutes(state, checks).register(table);
        new GuildRoutes(state, checks).register(table);
        new RoleRoutes(state, checks).register(table);
        new MemberRoutes(state, checks).register(table);
        new ChannelRoutes(state, checks, limiter).register(table);
        new MessageRoutes(state, checks).register(table);
        new ThreadRoutes(state, checks).register(table);
        new ScheduledEventRoutes(state, checks).register(table);
        new CommandRoutes(state, checks).register(table);
        new InteractionRoutes(state, checks, interactions).register(table);
        this.routes = List.copyOf(table.routes);
    }

    /** Every route served, in matching order (for the test that each one is a documented Discord operation). */
    List<RestRoute> routes() {
        return routes;
    }

    RestRoute match(String method, List<String> path, Map<String, String> paramsOut) {
        for (RestRoute r : routes) {
            Map<String, String> p = r.match(method, path);
            if (p != null) {
                paramsOut.putAll(p);
                return r;
            }
        }
        return null;
    }
}
