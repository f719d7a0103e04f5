package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A rich embed, read back from a message.
 *
 * @param colour the colour as 0xRRGGBB, or null
 * @param imageUrl resolved URL (an {@code attachment://name} reference is resolved to the sandbox URL)
 */
public record SandboxEmbed(
        String title,
        String description,
        String url,
        Integer colour,
        List<Field> fields,
        String footer,
        String author,
        String imageUrl,
        String thumbnailUrl,
        String timestamp) {

    /** One embed field. */
    public record Field(String name, String value, boolean inline) {}

    static SandboxEmbed from(JsonNode e) {
        List<Field> fields = new ArrayList<>();
        for (JsonNode f : e.path("fields")) {
            fields.add(new Field(
                    Json.text(f, "name"),
                    Json.text(f, "value"),
                    f.path("inline").asBoolean(false)));
        }
        return new SandboxEmbed(
                Json.text(e, "title"),
                Json.text(e, "description"),
                Json.text(e, "url"),
                e.hasNonNull("color") ? e.get("color").asInt() : null,
                List.copyOf(fields),
                Json.text(e.path("footer"), "text"),
                Json.text(e.path("author"), "name"),
                Json.text(e.path("image"), "url"),
                Json.text(e.path("thumbnail"), "url"),
                Json.text(e, "timestamp"));
    }

    /** All text of the embed (title, description, fields, footer, author) joined, for easy assertions. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        append(sb, author);
        append(sb, title);
        append(sb, description);
        for (Field f : fields) {
            append(sb, f.name());
            append(sb, f.value());
        }
        append(sb, footer);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String s) {
        if (s != null && !s.isEmpty()) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(s);
        }
    }
}
