package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A Discord JSON error answer. When {@link #violations} is non-empty the sandbox records them: the bot broke a rule.
 */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One rule breach that becomes a {@link Violation}. */
    record Breach(String rule, String detail) {}

    final int status;
    final int code;
    final ObjectNode errors;
    final transient List<Breach> violations;

    ApiError(int status, int code, String message, ObjectNode errors, List<Breach> violations) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = errors;
        this.violations = violations;
    }

    static ApiError unknown(int code, String what) {
        return new ApiError(404, code, "Unknown " + what, null, List.of());
    }

    static ApiError missingPermissions(String detail) {
        return new ApiError(
                403, 50013, "Missing Permissions", null, List.of(new Breach("missing-permissions", detail)));
    }

    static ApiError missingAccess(String detail) {
        return new ApiError(403, 50001, "Missing Access", null, List.of(new Breach("missing-access", detail)));
    }

    /** A 400 with a Discord code that is a rule breach, e.g. 40060 or 50006. */
    static ApiError badRequest(int code, String message, String rule, String detail) {
        return new ApiError(400, code, message, null, List.of(new Breach(rule, detail)));
    }

    static ApiError forbidden(int code, String message, String rule, String detail) {
        return new ApiError(403, code, message, null, List.of(new Breach(rule, detail)));
    }

    ObjectNode body() {
        ObjectNode b = Json.object();
        b.put("message", getMessage());
        b.put("code", code);
        if (errors != null) {
            b.set("errors", errors);
        }
        return b;
    }
}
