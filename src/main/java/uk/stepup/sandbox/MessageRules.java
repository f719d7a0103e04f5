package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Discord's documented limits on what an application sends: message content, embeds, components, modals, thread and
 * channel names, application commands. Each check adds to a {@link FormErrors} with a stable rule name.
 */
final class MessageRules {
    static final int MAX_CONTENT = 2000;
    static final int MAX_EMBEDS = 10;
    static final int MAX_EMBED_TOTAL = 6000;
    static final int MAX_FILES = 10;
    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    private static final Pattern COMMAND_NAME = Pattern.compile("^[-_\\p{L}\\p{N}]{1,32}$");

    private MessageRules() {}

    /** Checks a message create/edit payload. {@code fileCount} counts new uploads plus kept attachments. */
    static void checkMessage(JsonNode p, int fileCount, boolean isEdit, FormErrors errs) {
        String content = Json.text(p, "content");
        errs.maxLength("content", "content-length", content, MAX_CONTENT);
        int flags = Json.intValue(p, "flags", 0);
        boolean v2 = (flags & SandboxMessage.IS_COMPONENTS_V2) != 0;
        JsonNode embeds = p.get("embeds");
        int embedCount = embeds != null && embeds.isArray() ? embeds.size() : 0;
        if (embedCount > MAX_EMBEDS) {
            errs.add(
                    "embeds",
                    "embed-count",
                    "BASE_TYPE_MAX_LENGTH",
                    "Must be " + MAX_EMBEDS + " or fewer in length (was " + embedCount + ").");
        }
        int total = 0;
        for (int i = 0; i < embedCount; i++) {
            total += checkEmbed(embeds.get(i), "embeds." + i + ".", errs);
        }
        if (total > MAX_EMBED_TOTAL) {
            errs.add(
                    "embeds",
                    "embed-total-length",
                    "MAX_EMBED_SIZE_EXCEEDED",
                    "Embed size exceeds maximum size of " + MAX_EMBED_TOTAL + " (was " + total + ").");
        }
        JsonNode components = p.get("components");
        int componentCount = components != null && components.isArray() ? components.size() : 0;
        if (v2) {
            if (content != null && !content.isEmpty() || embedCount > 0) {
                errs.add(
                        "content",
                        "components-v2-content",
                        "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
                        "The 'content' and 'embeds' fields cannot be used when using MessageFlags.IS_COMPONENTS_V2");
            }
            checkV2Components(components, errs);
        } else if (componentCount > 0) {
            checkActionRows(components, errs);
        }
        if (fileCount > MAX_FILES) {
            errs.add(
                    "attachments",
                    "attachment-count",
                    "BASE_TYPE_MAX_LENGTH",
                    "Must be " + MAX_FILES + " or fewer in length.");
        }
        JsonNode am = p.get("allowed_mentions");
        if (am != null && am.isObject()) {
            Set<String> parse = new HashSet<>();
            am.path("parse").forEach(n -> parse.add(n.asText()));
            if (parse.contains("users") && am.path("users").size() > 0) {
                errs.add(
                        "allowed_mentions",
                        "allowed-mentions-conflict",
                        "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
                        "parse:[\"users\"] and users: [ids] are mutually exclusive.");
            }
            if (parse.contains("roles") && am.path("roles").size() > 0) {
                errs.add(
                        "allowed_mentions",
                        "allowed-mentions-conflict",
                        "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
                        "parse:[\"roles\"] and roles: [ids] are mutually exclusive.");
            }
            if (am.path("users").size() > 100 || am.path("roles").size() > 100) {
                errs.add(
                        "allowed_mentions",
                        "allowed-mentions-count",
                        "BASE_TYPE_MAX_LENGTH",
                        "Must be 100 or fewer in length.");
            }
        }
        if (!isEdit) {
            boolean hasContent = content != null && !content.isBlank();
            boolean hasPoll = p.hasNonNull("poll");
            boolean hasStickers = p.path("sticker_ids").size() > 0;
            if (!hasContent && embedCount == 0 && componentCount == 0 && fileCount == 0 && !hasPoll && !hasStickers) {
                throw ApiError.badRequest(
                        50006,
                        "Cannot send an empty message",
                        "empty-message",
                        "a message needs content, embeds, components or files");
            }
        }
    }

    /** Returns the embed's character count towards the 6000 total. */
    static int checkEmbed(JsonNode e, String at, FormErrors errs) {
        String title = Json.text(e, "title");
        String description = Json.text(e, "description");
        String footer = Json.text(e.path("footer"), "text");
        String author = Json.text(e.path("author"), "name");
        errs.maxLength(at + "title", "embed-title-length", title, 256);
        errs.maxLength(at + "description", "embed-description-length", description, 4096);
        errs.maxLength(at + "footer.text", "embed-footer-length", footer, 2048);
        errs.maxLength(at + "author.name", "embed-author-length", author, 256);
        int total = len(title) + len(description) + len(footer) + len(author);
        JsonNode fields = e.path("fields");
        if (fields.size() > 25) {
            errs.add(
                    at + "fields",
                    "embed-field-count",
                    "BASE_TYPE_MAX_LENGTH",
                    "Must be 25 or fewer in length (was " + fields.size() + ").");
        }
        for (int i = 0; i < fields.size(); i++) {
            JsonNode f = fields.get(i);
            String name = Json.text(f, "name");
            String value = Json.text(f, "value");
            if (name == null || name.isEmpty()) {
                errs.add(
                        at + "fields." + i + ".name",
                        "embed-field-name-length",
                        "BASE_TYPE_REQUIRED",
                        "This field is required");
            }
            if (value == null || value.isEmpty()) {
                errs.add(
                        at + "fields." + i + ".value",
                        "embed-field-value-length",
                        "BASE_TYPE_REQUIRED",
                        "This field is required");
            }
            errs.maxLength(at + "fields." + i + ".name", "embed-field-name-length", name, 256);
            errs.maxLength(at + "fields." + i + ".value", "embed-field-value-length", value, 1024);
            total += len(name) + len(value);
        }
        for (String part : new String[] {"image", "thumbnail"}) {
            String url = Json.text(e.path(part), "url");
            if (url != null
                    && !(url.startsWith("http://") || url.startsWith("https://") || url.startsWith("attachment://"))) {
                errs.add(at + part + ".url", "embed-url", "URL_TYPE_INVALID_URL", "Not a well formed URL.");
            }
        }
        String url = Json.text(e, "url");
        if (url != null && !(url.startsWith("http://") || url.startsWith("https://"))) {
            errs.add(at + "url", "embed-url", "URL_TYPE_INVALID_URL", "Not a well formed URL.");
        }
        return total;
    }

    private static int len(String s) {
        return s == null ? 0 : s.codePointCount(0, s.length());
    }

    static void checkActionRows(JsonNode rows, FormErrors errs) {
        if (rows.size() > 5) {
            errs.add(
                    "components",
                    "action-row-count",
                    "BASE_TYPE_MAX_LENGTH",
                    "Must be 5 or fewer in length (was " + rows.size() + ").");
        }
        Set<String> ids = new HashSet<>();
        for (int r = 0; r < rows.size(); r++) {
            JsonNode row = rows.get(r);
            String at = "components." + r;
            if (row.path("type").asInt() != 1) {
                errs.add(
                        at + ".type",
                        "component-layout",
                        "UNION_TYPE_CHOICES",
                        "Top-level components must be action rows (type 1) unless the IS_COMPONENTS_V2 flag is set.");
                continue;
            }
            checkRow(row, at, ids, errs);
        }
    }

    private static void checkRow(JsonNode row, String at, Set<String> ids, FormErrors errs) {
        JsonNode children = row.path("components");
        if (children.size() == 0 || children.size() > 5) {
            errs.add(
                    at + ".components",
                    "row-size",
                    "BASE_TYPE_BAD_LENGTH",
                    "Must be between 1 and 5 in length (was " + children.size() + ").");
        }
        boolean hasSelect = false;
        for (int i = 0; i < children.size(); i++) {
            JsonNode c = children.get(i);
            int type = c.path("type").asInt();
            String cat = at + ".components." + i;
            if (type == 2) {
                checkButton(c, cat, ids, errs);
            } else if (type == 3 || (type >= 5 && type <= 8)) {
                hasSelect = true;
                checkSelect(c, cat, ids, errs);
            } else {
                errs.add(
                        cat + ".type",
                        "component-layout",
                        "COMPONENT_TYPE_INVALID",
                        "Component type " + type + " is not allowed in an action row.");
            }
        }
        if (hasSelect && children.size() > 1) {
            errs.add(
                    at + ".components",
                    "select-not-alone",
                    "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
                    "A select menu must be the only component in its action row.");
        }
    }

    static void checkButton(JsonNode c, String at, Set<String> ids, FormErrors errs) {
        int style = c.path("style").asInt(0);
        String label = Json.text(c, "label");
        errs.maxLength(at + ".label", "button-label-length", label, 80);
        if ((label == null || label.isEmpty()) && !c.hasNonNull("emoji") && style != 6) {
            errs.add(at + ".label", "button-label-length", "BASE_TYPE_REQUIRED", "A button needs a label or an emoji.");
        }
        if (style < 1 || style > 6) {
            errs.add(at + ".style", "button-style", "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4, 5, 6}.");
        }
        if (style == 5) {
            if (!c.hasNonNull("url")) {
                errs.add(at + ".url", "link-button", "BASE_TYPE_REQUIRED", "Link buttons need a url.");
            }
            if (c.hasNonNull("custom_id")) {
                errs.add(
                        at + ".custom_id",
                        "link-button",
                        "COMPONENT_CUSTOM_ID_NOT_ALLOWED",
                        "Link buttons cannot have a custom_id.");
            }
        } else if (style >= 1 && style <= 4) {
            checkCustomId(c, at, ids, errs);
        }
    }

    static void checkCustomId(JsonNode c, String at, Set<String> ids, FormErrors errs) {
        String id = Json.text(c, "custom_id");
        if (id == null || id.isEmpty()) {
            errs.add(at + ".custom_id", "custom-id-length", "BASE_TYPE_REQUIRED", "This field is required");
            return;
        }
        errs.maxLength(at + ".custom_id", "custom-id-length", id, 100);
        if (!ids.add(id)) {
            errs.add(
                    at + ".custom_id",
                    "custom-id-duplicate",
                    "COMPONENT_CUSTOM_ID_DUPLICATED",
                    "Component custom id cannot be duplicated: " + id);
        }
    }

    static void checkSelect(JsonNode c, String at, Set<String> ids, FormErrors errs) {
        checkCustomId(c, at, ids, errs);
        errs.maxLength(at + ".placeholder", "select-placeholder-length", Json.text(c, "placeholder"), 150);
        int type = c.path("type").asInt();
        int min = c.path("min_values").asInt(1);
        int max = c.path("max_values").asInt(1);
        if (min < 0 || min > 25) {
            errs.add(at + ".min_values", "select-values", "NUMBER_TYPE_MAX", "min_values must be between 0 and 25.");
        }
        if (max < 1 || max > 25 || max < min) {
            errs.add(
                    at + ".max_values",
                    "select-values",
                    "NUMBER_TYPE_MAX",
                    "max_values must be between 1 and 25 and >= min_values.");
        }
        if (type == 3) {
            JsonNode options = c.path("options");
            if (options.size() < 1 || options.size() > 25) {
                errs.add(
                        at + ".options",
                        "select-options",
                        "BASE_TYPE_BAD_LENGTH",
                        "Must be between 1 and 25 in length (was " + options.size() + ").");
            }
            if (max > options.size() && options.size() > 0) {
                errs.add(
                        at + ".max_values",
                        "select-values",
                        "NUMBER_TYPE_MAX",
                        "max_values cannot exceed the number of options.");
            }
            Set<String> values = new HashSet<>();
            for (int i = 0; i < options.size(); i++) {
                JsonNode o = options.get(i);
                String oat = at + ".options." + i;
                errs.lengthBetween(oat + ".label", "select-option-length", Json.text(o, "label"), 1, 100);
                errs.lengthBetween(oat + ".value", "select-option-length", Json.text(o, "value"), 1, 100);
                errs.maxLength(oat + ".description", "select-option-length", Json.text(o, "description"), 100);
                if (!values.add(String.valueOf(Json.text(o, "value")))) {
                    errs.add(
                            oat + ".value",
                            "select-option-duplicate",
                            "SELECT_COMPONENT_OPTION_VALUE_DUPLICATED",
                            "Option values must be unique.");
                }
            }
        }
    }

    static void checkV2Components(JsonNode components, FormErrors errs) {
        int[] count = {0};
        int[] text = {0};
        Set<String> ids = new HashSet<>();
        if (components != null) {
            for (int i = 0; i < components.size(); i++) {
                JsonNode c = components.get(i);
                int type = c.path("type").asInt();
                if (type != 1 && type != 9 && type != 10 && type != 12 && type != 13 && type != 14 && type != 17) {
                    errs.add(
                            "components." + i + ".type",
                            "component-layout",
                            "COMPONENT_TYPE_INVALID",
                            "Component type " + type + " cannot be top-level in a message.");
                }
                walkV2(c, "components." + i, count, text, ids, errs);
            }
        }
        if (count[0] > 40) {
            errs.add(
                    "components",
                    "component-count",
                    "BASE_TYPE_MAX_LENGTH",
                    "A message can have at most 40 components (was " + count[0] + ").");
        }
        if (text[0] > 4000) {
            errs.add(
                    "components",
                    "text-display-length",
                    "BASE_TYPE_MAX_LENGTH",
                    "Text displays total at most 4000 characters (was " + text[0] + ").");
        }
    }

    private static void walkV2(JsonNode c, String at, int[] count, int[] text, Set<String> ids, FormErrors errs) {
        count[0]++;
        int type = c.path("type").asInt();
        if (type == 10) {
            text[0] += len(Json.text(c, "content"));
        }
        if (type == 1) {
            checkRow(c, at, ids, errs);
            count[0] += c.path("components").size();
            return;
        }
        JsonNode children = c.path("components");
        for (int i = 0; i < children.size(); i++) {
            walkV2(children.get(i), at + ".components." + i, count, text, ids, errs);
        }
        if (c.has("accessory")) {
            JsonNode a = c.get("accessory");
            count[0]++;
            if (a.path("type").asInt() == 2) {
                checkButton(a, at + ".accessory", ids, errs);
            }
        }
    }

    /** A modal callback's data: title, LABEL wrappers, text inputs, selects. */
    static void checkModal(JsonNode data, FormErrors errs) {
        errs.lengthBetween("data.title", "modal-title-length", Json.text(data, "title"), 1, 45);
        errs.lengthBetween("data.custom_id", "custom-id-length", Json.text(data, "custom_id"), 1, 100);
        JsonNode comps = data.path("components");
        if (comps.size() < 1 || comps.size() > 5) {
            errs.add(
                    "data.components",
                    "modal-component-count",
                    "BASE_TYPE_BAD_LENGTH",
                    "Must be between 1 and 5 in length (was " + comps.size() + ").");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < comps.size(); i++) {
            JsonNode top = comps.get(i);
            String at = "data.components." + i;
            int type = top.path("type").asInt();
            if (type == 10) {
                errs.maxLength(at + ".content", "modal-text-length", Json.text(top, "content"), 4000);
                continue;
            }
            if (type != 18) {
                errs.add(
                        at + ".type",
                        "modal-label-required",
                        "UNION_TYPE_CHOICES",
                        "Modal components must be LABEL (type 18) wrappers (got type " + type
                                + "); JDA 6 reads no values from action rows.");
                continue;
            }
            errs.lengthBetween(at + ".label", "modal-label-length", Json.text(top, "label"), 1, 45);
            errs.maxLength(at + ".description", "modal-label-description-length", Json.text(top, "description"), 100);
            JsonNode inner = top.get("component");
            if (inner == null || !inner.isObject()) {
                errs.add(at + ".component", "modal-label-required", "BASE_TYPE_REQUIRED", "A label needs a component.");
                continue;
            }
            String iat = at + ".component";
            int itype = inner.path("type").asInt();
            if (itype == 4) {
                checkCustomId(inner, iat, ids, errs);
                int style = inner.path("style").asInt(1);
                if (style != 1 && style != 2) {
                    errs.add(iat + ".style", "text-input-style", "BASE_TYPE_CHOICES", "Value must be one of {1, 2}.");
                }
                int min = inner.path("min_length").asInt(0);
                int max = inner.path("max_length").asInt(4000);
                if (min < 0 || min > 4000) {
                    errs.add(
                            iat + ".min_length",
                            "text-input-length",
                            "NUMBER_TYPE_MAX",
                            "min_length must be between 0 and 4000.");
                }
                if (max < 1 || max > 4000) {
                    errs.add(
                            iat + ".max_length",
                            "text-input-length",
                            "NUMBER_TYPE_MAX",
                            "max_length must be between 1 and 4000.");
                }
                if (min > max) {
                    errs.add(
                            iat + ".min_length",
                            "text-input-length",
                            "NUMBER_TYPE_MAX",
                            "min_length cannot exceed max_length.");
                }
                String value = Json.text(inner, "value");
                errs.maxLength(iat + ".value", "text-input-value-length", value, Math.min(max, 4000));
                errs.maxLength(
                        iat + ".placeholder", "text-input-placeholder-length", Json.text(inner, "placeholder"), 100);
            } else if (itype == 3 || (itype >= 5 && itype <= 8)) {
                checkSelect(inner, iat, ids, errs);
            } else if (itype == 19) {
                checkCustomId(inner, iat, ids, errs);
            } else {
                errs.add(
                        iat + ".type",
                        "modal-unsupported-component",
                        "COMPONENT_TYPE_INVALID",
                        "Component type " + itype + " is not supported inside a modal label by the sandbox.");
            }
        }
    }

    /** Validates one command definition (as sent in PUT/POST applications/.../commands). */
    static void checkCommand(JsonNode c, String at, FormErrors errs) {
        int type = c.path("type").asInt(1);
        String name = Json.text(c, "name");
        if (type == 1) {
            if (name == null || !COMMAND_NAME.matcher(name).matches() || !name.equals(name.toLowerCase(Locale.ROOT))) {
                errs.add(
                        at + "name",
                        "command-name",
                        "APPLICATION_COMMAND_INVALID_NAME",
                        "Command name must be 1-32 lower-case letters, digits, - or _ (was '" + name + "').");
            }
            errs.lengthBetween(at + "description", "command-description-length", Json.text(c, "description"), 1, 100);
        } else {
            errs.lengthBetween(at + "name", "command-name", name, 1, 32);
        }
        checkOptions(c.path("options"), at + "options", 0, errs);
    }

    private static void checkOptions(JsonNode options, String at, int depth, FormErrors errs) {
        if (options.size() > 25) {
            errs.add(at, "command-option-count", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
        }
        boolean seenOptional = false;
        Set<String> names = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            JsonNode o = options.get(i);
            String oat = at + "." + i + ".";
            String name = Json.text(o, "name");
            if (name == null || !COMMAND_NAME.matcher(name).matches() || !name.equals(name.toLowerCase(Locale.ROOT))) {
                errs.add(
                        oat + "name",
                        "command-name",
                        "APPLICATION_COMMAND_INVALID_NAME",
                        "Option name is invalid: '" + name + "'.");
            }
            if (!names.add(String.valueOf(name))) {
                errs.add(
                        oat + "name",
                        "command-option-duplicate",
                        "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS",
                        "Duplicate option name " + name);
            }
            errs.lengthBetween(oat + "description", "command-description-length", Json.text(o, "description"), 1, 100);
            int type = o.path("type").asInt();
            if (type == 1 || type == 2) {
                if (depth > (type == 2 ? 0 : 1)) {
                    errs.add(
                            oat + "type",
                            "command-nesting",
                            "APPLICATION_COMMAND_OPTION_TYPE_INVALID",
                            "Subcommands nest at most group > subcommand.");
                }
                checkOptions(o.path("options"), oat + "options", depth + 1, errs);
                continue;
            }
            boolean required = o.path("required").asBoolean(false);
            if (required && seenOptional) {
                errs.add(
                        oat + "required",
                        "command-option-order",
                        "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                        "Required options must be placed before non-required options");
            }
            seenOptional |= !required;
            JsonNode choices = o.path("choices");
            if (choices.size() > 25) {
                errs.add(
                        oat + "choices",
                        "command-choice-count",
                        "BASE_TYPE_MAX_LENGTH",
                        "Must be 25 or fewer in length.");
            }
            for (int j = 0; j < choices.size(); j++) {
                errs.lengthBetween(
                        oat + "choices." + j + ".name",
                        "command-choice-length",
                        Json.text(choices.get(j), "name"),
                        1,
                        100);
            }
        }
    }

    /** Text channel names as Discord stores them: lower-case, spaces to dashes, most punctuation dropped. */
    static String normaliseTextChannelName(String name) {
        String lower = name.toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", "-");
        return lower.replaceAll("[^\\p{L}\\p{N}\\-_·・]", "").replaceAll("-{2,}", "-");
    }
}
