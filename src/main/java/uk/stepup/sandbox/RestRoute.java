package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A REST route template like {@code channels/{channel_id}/messages} with its handler. */
final class RestRoute {
    /** Handles a request; returns the JSON body, or null for 204 No Content. */
    interface Handler {
        JsonNode handle(RestRequest request);
    }

    final String method;
    final String template;
    final String[] segments;
    final Handler handler;
    final boolean interaction;
    final int status;

    RestRoute(String method, String template, Handler handler, boolean interaction, int status) {
        this.method = method;
        this.template = template;
        this.segments = template.split("/");
        this.handler = handler;
        this.interaction = interaction;
        this.status = status;
    }

    String key() {
        return method + " " + template;
    }

    /** Path parameters if the path matches, else null. */
    Map<String, String> match(String method, List<String> path) {
        if (!this.method.equals(method) || path.size() != segments.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.startsWith("{")) {
                params.put(s.substring(1, s.length() - 1), path.get(i));
            } else if (!s.equals(path.get(i))) {
                return null;
            }
        }
        return params;
    }

    /** The major parameter Discord buckets by: channel, guild, or webhook/interaction token. */
    String majorParameter(Map<String, String> params) {
        for (String p : new String[] {"channel_id", "guild_id", "token", "interaction_id"}) {
            if (params.containsKey(p)) {
                return params.get(p);
            }
        }
        return "";
    }
}
