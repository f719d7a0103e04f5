package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Collects "Invalid Form Body" problems with Discord's nested {@code errors} shape and our rule names. */
final class FormErrors {
    private record Problem(String path, String rule, String code, String message) {}

    private final List<Problem> problems = new ArrayList<>();
    private final String prefix;

    FormErrors() {
        this("");
    }

    private FormErrors(String prefix) {
        this.prefix = prefix;
    }

    /** Adds a problem at a dotted path such as {@code embeds.0.title}. */
    void add(String path, String rule, String code, String message) {
        problems.add(new Problem(prefix + path, rule, code, message));
    }

    void maxLength(String path, String rule, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            add(
                    path,
                    rule,
                    "BASE_TYPE_MAX_LENGTH",
                    "Must be " + max + " or fewer in length (was " + value.codePointCount(0, value.length()) + ").");
        }
    }

    void lengthBetween(String path, String rule, String value, int min, int max) {
        int len = value == null ? 0 : value.codePointCount(0, value.length());
        if (len < min || len > max) {
            add(
                    path,
                    rule,
                    "BASE_TYPE_BAD_LENGTH",
                    "Must be between " + min + " and " + max + " in length (was " + len + ").");
        }
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw toError();
        }
    }

    ApiError toError() {
        ObjectNode errors = Json.object();
        List<ApiError.Breach> breaches = new ArrayList<>();
        for (Problem p : problems) {
            ObjectNode node = errors;
            if (!p.path.isEmpty()) {
                for (String part : p.path.split("\\.")) {
                    node = node.has(part) ? (ObjectNode) node.get(part) : node.putObject(part);
                }
            }
            ObjectNode e =
                    (node.has("_errors") ? (ArrayNode) node.get("_errors") : node.putArray("_errors")).addObject();
            e.put("code", p.code);
            e.put("message", p.message);
            breaches.add(new ApiError.Breach(p.rule, (p.path.isEmpty() ? "" : p.path + ": ") + p.message));
        }
        return new ApiError(400, 50035, "Invalid Form Body", errors, breaches);
    }
}
