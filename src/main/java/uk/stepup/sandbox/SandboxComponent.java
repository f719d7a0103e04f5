package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An interactive message component (button or select menu), read back from a message.
 *
 * @param type Discord component type: 2 button, 3 string select, 5 user, 6 role, 7 mentionable, 8 channel select
 * @param style button style: 1 primary, 2 secondary, 3 success, 4 danger, 5 link, 6 premium
 * @param row index of the action row (0-based)
 */
public record SandboxComponent(
        int type,
        String customId,
        String label,
        int style,
        String url,
        boolean disabled,
        String placeholder,
        List<Option> options,
        int minValues,
        int maxValues,
        int row) {

    public static final int BUTTON = 2;
    public static final int STRING_SELECT = 3;

    /** A select option. */
    public record Option(String label, String value, String description, boolean isDefault) {}

    public boolean isButton() {
        return type == BUTTON;
    }

    public boolean isSelect() {
        return type == STRING_SELECT || type == 5 || type == 6 || type == 7 || type == 8;
    }

    public boolean isLink() {
        return type == BUTTON && style == 5;
    }

    static SandboxComponent from(JsonNode c, int row) {
        List<Option> options = new ArrayList<>();
        for (JsonNode o : c.path("options")) {
            options.add(new Option(
                    Json.text(o, "label"),
                    Json.text(o, "value"),
                    Json.text(o, "description"),
                    o.path("default").asBoolean(false)));
        }
        return new SandboxComponent(
                c.path("type").asInt(),
                Json.text(c, "custom_id"),
                Json.text(c, "label"),
                c.path("style").asInt(0),
                Json.text(c, "url"),
                c.path("disabled").asBoolean(false),
                Json.text(c, "placeholder"),
                List.copyOf(options),
                c.path("min_values").asInt(1),
                c.path("max_values").asInt(1),
                row);
    }

    /** Interactive components of a message (inside action rows, sections or containers), in reading order. */
    static List<SandboxComponent> collect(JsonNode components) {
        List<SandboxComponent> out = new ArrayList<>();
        int row = 0;
        for (JsonNode top : components) {
            collectInto(top, row++, out);
        }
        return out;
    }

    private static void collectInto(JsonNode c, int row, List<SandboxComponent> out) {
        int type = c.path("type").asInt();
        if (type == BUTTON || type == STRING_SELECT || (type >= 5 && type <= 8)) {
            out.add(from(c, row));
            return;
        }
        for (JsonNode child : c.path("components")) {
            collectInto(child, row, out);
        }
        if (c.has("accessory")) {
            collectInto(c.get("accessory"), row, out);
        }
    }
}
