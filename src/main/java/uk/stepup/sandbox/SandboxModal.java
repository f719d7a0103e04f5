package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** A modal the bot opened for a person (callback type 9), ready to be filled in with {@link SandboxActor#submitModal}. */
public final class SandboxModal {
    /** One input of the modal (the LABEL wrapper and its component). */
    public record Field(
            String customId,
            String label,
            String description,
            int type,
            int style,
            boolean required,
            int minLength,
            int maxLength,
            String value,
            String placeholder,
            List<SandboxComponent.Option> options,
            int minValues,
            int maxValues,
            int labelUniqueId,
            int uniqueId) {

        public static final int TEXT_INPUT = 4;
        public static final int STRING_SELECT = 3;

        public boolean isTextInput() {
            return type == TEXT_INPUT;
        }

        public boolean isSelect() {
            return type == STRING_SELECT;
        }

        /** Values pre-selected through {@code default: true} options. */
        public List<String> defaultValues() {
            return options.stream()
                    .filter(SandboxComponent.Option::isDefault)
                    .map(SandboxComponent.Option::value)
                    .toList();
        }
    }

    private final JsonNode json;
    private final InteractionHandle origin;
    private final List<Field> fields;
    final AtomicBoolean submitted = new AtomicBoolean();

    SandboxModal(JsonNode json, InteractionHandle origin) {
        this.json = json;
        this.origin = origin;
        List<Field> fs = new ArrayList<>();
        for (JsonNode top : json.path("components")) {
            if (top.path("type").asInt() != 18) {
                continue;
            }
            JsonNode c = top.path("component");
            List<SandboxComponent.Option> options = new ArrayList<>();
            for (JsonNode o : c.path("options")) {
                options.add(new SandboxComponent.Option(
                        Json.text(o, "label"),
                        Json.text(o, "value"),
                        Json.text(o, "description"),
                        o.path("default").asBoolean(false)));
            }
            int type = c.path("type").asInt();
            boolean required = c.path("required").asBoolean(true);
            fs.add(new Field(
                    Json.text(c, "custom_id"),
                    Json.text(top, "label"),
                    Json.text(top, "description"),
                    type,
                    c.path("style").asInt(1),
                    required,
                    c.path("min_length").asInt(0),
                    c.path("max_length").asInt(4000),
                    Json.text(c, "value"),
                    Json.text(c, "placeholder"),
                    List.copyOf(options),
                    c.path("min_values").asInt(1),
                    c.path("max_values").asInt(1),
                    top.path("id").asInt(),
                    c.path("id").asInt()));
        }
        this.fields = List.copyOf(fs);
    }

    public String customId() {
        return Json.text(json, "custom_id");
    }

    public String title() {
        return Json.text(json, "title");
    }

    public List<Field> fields() {
        return fields;
    }

    public Optional<Field> field(String customId) {
        return fields.stream().filter(f -> customId.equals(f.customId())).findFirst();
    }

    /** The interaction that opened this modal. */
    public InteractionHandle origin() {
        return origin;
    }

    /** True while a submit is waiting for the bot or after one succeeded; false again after a failed submit. */
    public boolean isSubmitted() {
        return submitted.get();
    }

    /** The raw modal data as the bot sent it (ids filled in as Discord does). */
    public JsonNode json() {
        return json.deepCopy();
    }

    @Override
    public String toString() {
        return "modal '" + title() + "' " + fields.stream().map(Field::customId).toList();
    }
}
