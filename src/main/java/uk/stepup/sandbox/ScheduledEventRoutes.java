package uk.stepup.sandbox;

import static uk.stepup.sandbox.Permissions.CREATE_EVENTS;
import static uk.stepup.sandbox.Permissions.MANAGE_EVENTS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Guild scheduled events: {@code guilds/{g}/scheduled-events[/{e}[/users]]} (resources/guild-scheduled-event). Only
 * external events are modelled; creating needs CREATE_EVENTS, editing and deleting MANAGE_EVENTS or CREATE_EVENTS for
 * the bot's own event (resources/guild-scheduled-event#permissions-requirements).
 */
final class ScheduledEventRoutes {
    private final SandboxState state;
    private final RestChecks checks;

    ScheduledEventRoutes(SandboxState state, RestChecks checks) {
        this.state = state;
        this.checks = checks;
    }

    void register(RestApi.RouteTable routes) {
        routes.route("GET", "guilds/{guild_id}/scheduled-events", this::listEvents);
        routes.route("POST", "guilds/{guild_id}/scheduled-events", this::createEvent);
        routes.route(
                "GET",
                "guilds/{guild_id}/scheduled-events/{event_id}",
                r -> event(checks.guild(r), r.param("event_id")).json.deepCopy());
        routes.route("PATCH", "guilds/{guild_id}/scheduled-events/{event_id}", this::editEvent);
        routes.route("DELETE", "guilds/{guild_id}/scheduled-events/{event_id}", this::deleteEvent);
        routes.route("GET", "guilds/{guild_id}/scheduled-events/{event_id}/users", r -> Json.array());
    }

    private ScheduledEventRecord event(SandboxGuild g, String id) {
        ScheduledEventRecord e = g.events.get(id);
        if (e == null) {
            throw ApiError.unknown(10070, "Guild Scheduled Event");
        }
        return e;
    }

    private JsonNode listEvents(RestRequest r) {
        SandboxGuild g = checks.guild(r);
        ArrayNode out = Json.array();
        synchronized (state) {
            g.events.values().forEach(e -> out.add(e.json.deepCopy()));
        }
        return out;
    }

    private JsonNode createEvent(RestRequest r) {
        SandboxGuild g = checks.guild(r);
        JsonNode b = r.json();
        synchronized (state) {
            long p = PermissionMath.base(g, checks.botId());
            // Discord: creating needs CREATE_EVENTS; MANAGE_EVENTS alone stopped being enough on 23 February 2026.
            if ((p & CREATE_EVENTS) == 0) {
                throw ApiError.missingPermissions(
                        "creating a scheduled event needs CREATE_EVENTS (MANAGE_EVENTS alone is not "
                                + "enough since 23 February 2026)");
            }
            ObjectNode e = Json.object();
            e.put("id", state.nextId());
            e.put("guild_id", g.id());
            validateEvent(b, null, e);
            e.put("creator_id", checks.botId());
            e.set("creator", state.botUser.json());
            e.put("status", SandboxScheduledEvent.SCHEDULED);
            e.putNull("entity_id");
            e.put("user_count", 0);
            e.putNull("image");
            e.putNull("recurrence_rule");
            if (g.events.size() >= 100) {
                throw ApiError.badRequest(
                        30038, "Maximum number of guild events reached (100)", "event-count", g.name());
            }
            ScheduledEventRecord rec = new ScheduledEventRecord(e.get("id").asText(), g.id(), e);
            g.events.put(rec.id, rec);
            state.guilds.dispatchScheduledEvent("GUILD_SCHEDULED_EVENT_CREATE", rec);
            return e.deepCopy();
        }
    }

    /** Validates fields present in {@code b} (merged over {@code current} for edits) and writes them into {@code out}. */
    private void validateEvent(JsonNode b, JsonNode current, ObjectNode out) {
        FormErrors errs = new FormErrors();
        JsonNode merged = RestChecks.merge(current, b);
        errs.lengthBetween("name", "event-name-length", Json.text(merged, "name"), 1, 100);
        errs.maxLength("description", "event-description-length", Json.text(merged, "description"), 1000);
        int privacy = Json.intValue(merged, "privacy_level", -1);
        if (privacy != 2) {
            errs.add("privacy_level", "event-privacy", "BASE_TYPE_CHOICES", "Value must be one of {2}.");
        }
        int entityType = Json.intValue(merged, "entity_type", -1);
        if (entityType != 3) {
            errs.add(
                    "entity_type",
                    "event-entity-type",
                    "BASE_TYPE_CHOICES",
                    "The sandbox models external events (3) only.");
        }
        String location = Json.text(merged.path("entity_metadata"), "location");
        if (entityType == 3) {
            errs.lengthBetween("entity_metadata.location", "event-location-length", location, 1, 100);
            if (merged.hasNonNull("channel_id")) {
                errs.add(
                        "channel_id",
                        "event-channel",
                        "GUILD_SCHEDULED_EVENT_CHANNEL_NOT_ALLOWED",
                        "External events have no channel.");
            }
        }
        OffsetDateTime start = time(merged, "scheduled_start_time", errs);
        OffsetDateTime end = time(merged, "scheduled_end_time", errs);
        if (entityType == 3 && end == null && errs.isEmpty()) {
            errs.add(
                    "scheduled_end_time",
                    "event-end-required",
                    "GUILD_SCHEDULED_EVENT_END_TIME_REQUIRED",
                    "External events need an end time.");
        }
        Instant now = state.now();
        boolean startChanged = current == null || b.has("scheduled_start_time");
        if (start != null && startChanged && start.toInstant().isBefore(now)) {
            errs.add(
                    "scheduled_start_time",
                    "event-in-past",
                    "GUILD_SCHEDULED_EVENT_SCHEDULE_PAST",
                    "Cannot schedule event in the past (now is " + now + ").");
        }
        if (start != null && end != null && !end.isAfter(start)) {
            errs.add(
                    "scheduled_end_time",
                    "event-end-before-start",
                    "GUILD_SCHEDULED_EVENT_END_BEFORE_START",
                    "The end must be after the start.");
        }
        errs.throwIfAny();
        out.put("name", Json.text(merged, "name"));
        if (merged.hasNonNull("description")) {
            out.put("description", Json.text(merged, "description"));
        } else {
            out.putNull("description");
        }
        out.putNull("channel_id");
        out.put("privacy_level", 2);
        out.put("entity_type", 3);
        out.putObject("entity_metadata").put("location", location);
        out.put("scheduled_start_time", Json.time(start.toInstant()));
        out.put("scheduled_end_time", Json.time(end.toInstant()));
    }

    private static OffsetDateTime time(JsonNode b, String field, FormErrors errs) {
        String s = Json.text(b, field);
        if (s == null) {
            if (field.equals("scheduled_start_time")) {
                errs.add(field, "event-start-required", "BASE_TYPE_REQUIRED", "This field is required");
            }
            return null;
        }
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            errs.add(
                    field,
                    "event-time-format",
                    "DATE_TIME_TYPE_PARSE",
                    "Could not parse " + s + ". Should be ISO8601.");
            return null;
        }
    }

    private JsonNode editEvent(RestRequest r) {
        SandboxGuild g = checks.guild(r);
        JsonNode b = r.json();
        synchronized (state) {
            ScheduledEventRecord e = event(g, r.param("event_id"));
            long p = PermissionMath.base(g, checks.botId());
            boolean own = checks.botId().equals(Json.text(e.json, "creator_id"));
            if ((p & MANAGE_EVENTS) == 0 && !(own && (p & CREATE_EVENTS) != 0)) {
                throw ApiError.missingPermissions("editing a scheduled event needs MANAGE_EVENTS");
            }
            ObjectNode next = e.json.deepCopy();
            validateEvent(b, e.json, next);
            if (b.has("status")) {
                int from = e.json.path("status").asInt();
                int to = b.get("status").asInt();
                boolean ok = from == 1 && (to == 2 || to == 4) || from == 2 && to == 3 || from == to;
                if (!ok) {
                    throw ApiError.badRequest(
                            50035,
                            "Invalid Form Body",
                            "event-status-transition",
                            "status " + from + " cannot become " + to);
                }
                next.put("status", to);
            }
            e.json = next;
            state.guilds.dispatchScheduledEvent("GUILD_SCHEDULED_EVENT_UPDATE", e);
            return next.deepCopy();
        }
    }

    private JsonNode deleteEvent(RestRequest r) {
        SandboxGuild g = checks.guild(r);
        synchronized (state) {
            ScheduledEventRecord e = event(g, r.param("event_id"));
            long p = PermissionMath.base(g, checks.botId());
            boolean own = checks.botId().equals(Json.text(e.json, "creator_id"));
            if ((p & MANAGE_EVENTS) == 0 && !(own && (p & CREATE_EVENTS) != 0)) {
                throw ApiError.missingPermissions(
                        "deleting a scheduled event needs MANAGE_EVENTS, or CREATE_EVENTS for the bot's own");
            }
            g.events.remove(e.id);
            state.guilds.dispatchScheduledEvent("GUILD_SCHEDULED_EVENT_DELETE", e);
            return null;
        }
    }
}
