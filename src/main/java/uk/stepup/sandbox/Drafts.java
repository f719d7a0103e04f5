package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a message payload (JSON or multipart) into a validated {@link MessageDraft}, storing uploaded files. */
final class Drafts {
    /** One {@code files[n]} part of a multipart request. */
    record Upload(int index, String filename, String contentType, byte[] bytes) {}

    private Drafts() {}

    static MessageDraft forCreate(SandboxState state, JsonNode p, List<Upload> uploads) {
        FormErrors errs = new FormErrors();
        MessageRules.checkMessage(p, uploads.size(), false, errs);
        checkSizes(uploads);
        errs.throwIfAny();
        MessageDraft d = common(p);
        d.attachments.addAll(store(state, p, uploads));
        d.embeds = normaliseEmbeds(p.get("embeds"), d.attachments);
        d.components = withIds(p.get("components"));
        return d;
    }

    /** For edits: which fields were present decides what changes; returns null-safe draft. */
    static MessageDraft forEdit(SandboxState state, JsonNode p, List<Upload> uploads, MessageRecord existing) {
        FormErrors errs = new FormErrors();
        List<SandboxAttachment> kept = new ArrayList<>();
        if (p.has("attachments")) {
            Set<String> keep = new HashSet<>();
            p.path("attachments").forEach(a -> keep.add(a.path("id").asText()));
            existing.attachments.stream().filter(a -> keep.contains(a.id())).forEach(kept::add);
        } else {
            kept.addAll(existing.attachments);
        }
        MessageRules.checkMessage(p, kept.size() + uploads.size(), true, errs);
        checkSizes(uploads);
        errs.throwIfAny();
        MessageDraft d = common(p);
        d.attachments.addAll(kept);
        d.attachments.addAll(store(state, p, uploads));
        d.embeds = normaliseEmbeds(p.get("embeds"), d.attachments);
        d.components = withIds(p.get("components"));
        boolean hasContent = p.has("content")
                ? d.content != null && !d.content.isBlank()
                : !existing.base.path("content").asText("").isBlank();
        boolean hasEmbeds = p.has("embeds")
                ? d.embeds.size() > 0
                : existing.base.path("embeds").size() > 0;
        boolean hasComponents = p.has("components")
                ? d.components.size() > 0
                : existing.base.path("components").size() > 0;
        if (!hasContent && !hasEmbeds && !hasComponents && d.attachments.isEmpty()) {
            throw ApiError.badRequest(
                    50006, "Cannot send an empty message", "empty-message", "the edit would leave the message empty");
        }
        return d;
    }

    private static MessageDraft common(JsonNode p) {
        MessageDraft d = new MessageDraft();
        String content = Json.text(p, "content");
        // Discord trims leading and trailing whitespace from content.
        d.content = content == null ? null : content.strip();
        d.tts = p.path("tts").asBoolean(false);
        d.flagsGiven = p.hasNonNull("flags");
        d.flags = Json.intValue(p, "flags", 0);
        d.allowedMentions = p.hasNonNull("allowed_mentions") ? p.get("allowed_mentions") : null;
        d.nonce = Json.text(p, "nonce");
        d.enforceNonce = p.path("enforce_nonce").asBoolean(false);
        d.replyTo = Json.text(p.path("message_reference"), "message_id");
        return d;
    }

    private static void checkSizes(List<Upload> uploads) {
        for (Upload u : uploads) {
            if (u.bytes().length > MessageRules.MAX_FILE_BYTES) {
                throw new ApiError(
                        413,
                        40005,
                        "Request entity too large",
                        null,
                        List.of(new ApiError.Breach(
                                "attachment-size",
                                u.filename() + " is " + u.bytes().length + " bytes; the limit is 10 MiB")));
            }
        }
    }

    private static List<SandboxAttachment> store(SandboxState state, JsonNode p, List<Upload> uploads) {
        Map<String, JsonNode> meta = new HashMap<>();
        p.path("attachments").forEach(a -> meta.put(a.path("id").asText(), a));
        List<SandboxAttachment> out = new ArrayList<>();
        for (Upload u : uploads) {
            JsonNode m = meta.get(Integer.toString(u.index()));
            String filename =
                    m != null && m.hasNonNull("filename") ? m.get("filename").asText() : u.filename();
            String description = m == null ? null : Json.text(m, "description");
            String type = u.contentType() == null || u.contentType().startsWith("application/octet-stream")
                    ? SandboxAttachment.guessType(filename)
                    : u.contentType();
            out.add(state.messages.storeAttachment(filename, type, u.bytes(), description));
        }
        return out;
    }

    static ArrayNode normaliseEmbeds(JsonNode embeds, List<SandboxAttachment> attachments) {
        ArrayNode out = Json.array();
        if (embeds == null || !embeds.isArray()) {
            return out;
        }
        for (JsonNode e : embeds) {
            ObjectNode copy = ((ObjectNode) e).deepCopy();
            if (!copy.hasNonNull("type")) {
                copy.put("type", "rich");
            }
            for (String part : new String[] {"image", "thumbnail"}) {
                JsonNode img = copy.get(part);
                if (img != null && img.isObject()) {
                    String url = Json.text(img, "url");
                    if (url != null && url.startsWith("attachment://")) {
                        String name = url.substring("attachment://".length());
                        attachments.stream()
                                .filter(a -> a.filename().equals(name))
                                .findFirst()
                                .ifPresent(a -> {
                                    ((ObjectNode) img).put("url", a.url());
                                    ((ObjectNode) img).put("proxy_url", a.url());
                                });
                    }
                }
            }
            removeNulls(copy);
            out.add(copy);
        }
        return out;
    }

    private static void removeNulls(ObjectNode o) {
        List<String> nulls = new ArrayList<>();
        o.fieldNames().forEachRemaining(n -> {
            if (o.get(n).isNull()) {
                nulls.add(n);
            }
        });
        nulls.forEach(o::remove);
    }

    /** Copies components, giving every component without one a numeric {@code id} as Discord does. */
    static ArrayNode withIds(JsonNode components) {
        ArrayNode out = Json.array();
        if (components == null || !components.isArray()) {
            return out;
        }
        Set<Integer> used = new HashSet<>();
        collectIds(components, used);
        int[] next = {1};
        for (JsonNode c : components) {
            ObjectNode copy = ((ObjectNode) c).deepCopy();
            assignIds(copy, used, next);
            out.add(copy);
        }
        return out;
    }

    private static void collectIds(JsonNode node, Set<Integer> used) {
        for (JsonNode c : node) {
            if (c.has("id") && c.get("id").isInt()) {
                used.add(c.get("id").asInt());
            }
            if (c.has("components")) {
                collectIds(c.get("components"), used);
            }
            if (c.has("component")) {
                collectIds(Json.array().add(c.get("component")), used);
            }
            if (c.has("accessory")) {
                collectIds(Json.array().add(c.get("accessory")), used);
            }
        }
    }

    static void assignIds(ObjectNode c, Set<Integer> used, int[] next) {
        if (!c.has("id") || c.get("id").isNull()) {
            while (used.contains(next[0])) {
                next[0]++;
            }
            c.put("id", next[0]);
            used.add(next[0]);
        }
        if (c.has("components") && c.get("components").isArray()) {
            for (JsonNode child : c.get("components")) {
                assignIds((ObjectNode) child, used, next);
            }
        }
        if (c.has("component") && c.get("component").isObject()) {
            assignIds((ObjectNode) c.get("component"), used, next);
        }
        if (c.has("accessory") && c.get("accessory").isObject()) {
            assignIds((ObjectNode) c.get("accessory"), used, next);
        }
    }
}
