package uk.stepup.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Small JSON helpers over Jackson's tree model; Discord speaks snowflakes as strings and times as ISO-8601. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

    private Json() {}

    static ObjectNode object() {
        return F.objectNode();
    }

    static ArrayNode array() {
        return F.arrayNode();
    }

    static ArrayNode arrayOf(Collection<? extends JsonNode> nodes) {
        ArrayNode a = array();
        nodes.forEach(a::add);
        return a;
    }

    static ArrayNode stringArray(Collection<String> values) {
        ArrayNode a = array();
        values.forEach(a::add);
        return a;
    }

    static JsonNode parse(byte[] bytes) {
        try {
            return bytes.length == 0 ? object() : MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String time(Instant instant) {
        return ISO.format(instant);
    }

    /** Text of a field, or null when absent or JSON null. */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static Optional<String> optText(JsonNode node, String field) {
        return Optional.ofNullable(text(node, field));
    }

    static boolean has(JsonNode node, String field) {
        return node != null && node.hasNonNull(field);
    }

    static int intValue(JsonNode node, String field, int fallback) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        return v.isNumber() ? v.asInt() : Integer.parseInt(v.asText());
    }

    /** Discord accepts permission bit sets as strings or numbers. */
    static long longValue(JsonNode node, String field, long fallback) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        return v.isNumber() ? v.asLong() : Long.parseLong(v.asText());
    }

    /** The object under {@code field}, created if absent. */
    static ObjectNode child(ObjectNode parent, String field) {
        JsonNode existing = parent.get(field);
        return existing instanceof ObjectNode o ? o : parent.putObject(field);
    }

    static List<JsonNode> elements(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        List<JsonNode> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(out::add);
        }
        return out;
    }
}
