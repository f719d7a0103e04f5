package uk.stepup.sandbox;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every interaction dispatched, by id (for its callback) and by token (for follow-ups and edits through the
 * interaction webhook). Callers hold the state lock.
 */
final class InteractionTokens {
    private final Map<String, InteractionHandle> byId = new LinkedHashMap<>();
    private final Map<String, InteractionHandle> byToken = new HashMap<>();

    void register(String id, String token, InteractionHandle handle) {
        byId.put(id, handle);
        byToken.put(token, handle);
    }

    InteractionHandle byId(String id) {
        return byId.get(id);
    }

    InteractionHandle byToken(String token) {
        return byToken.get(token);
    }

    /** In the order they were dispatched. */
    Collection<InteractionHandle> all() {
        return byId.values();
    }
}
