package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Snapshot of a guild scheduled event, as Discord returns it. */
public final class SandboxScheduledEvent {
    /** Discord's statuses: 1 scheduled, 2 active, 3 completed, 4 cancelled. */
    public static final int SCHEDULED = 1;

    public static final int ACTIVE = 2;
    public static final int COMPLETED = 3;
    public static final int CANCELLED = 4;

    private final JsonNode json;

    SandboxScheduledEvent(JsonNode json) {
        this.json = json;
    }

    public String id() {
        return json.get("id").asText();
    }

    public String name() {
        return Json.text(json, "name");
    }

    public Optional<String> description() {
        return Json.optText(json, "description");
    }

    /** For external events: {@code entity_metadata.location} (e.g. the Zoom link). */
    public Optional<String> location() {
        return Json.optText(json.path("entity_metadata"), "location");
    }

    public OffsetDateTime start() {
        return OffsetDateTime.parse(Json.text(json, "scheduled_start_time"));
    }

    public Optional<OffsetDateTime> end() {
        return Json.optText(json, "scheduled_end_time").map(OffsetDateTime::parse);
    }

    public int status() {
        return json.path("status").asInt();
    }

    /** 1 stage, 2 voice, 3 external. */
    public int entityType() {
        return json.path("entity_type").asInt();
    }

    public String creatorId() {
        return Json.text(json, "creator_id");
    }

    /** The raw Discord object. */
    public JsonNode json() {
        return json.deepCopy();
    }

    @Override
    public String toString() {
        return name() + " at " + start() + location().map(l -> " (" + l + ")").orElse("");
    }
}
