package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A simulated person acting in a guild through the Discord client: slash commands, buttons, selects, modals, plain
 * messages and reactions. The client's own checks apply: anything the real client would not let the person do (an
 * unregistered command, a missing required option, a wrong option type, a disabled button, an invalid modal entry, a
 * channel they cannot see) throws {@link IllegalArgumentException} and nothing reaches the bot.
 */
public final class SandboxActor {
    private final SandboxState state;
    private final Interactions interactions;
    private final SandboxUser user;
    private final SandboxGuild guild;

    SandboxActor(SandboxState state, Interactions interactions, SandboxUser user, SandboxGuild guild) {
        this.state = state;
        this.interactions = interactions;
        this.user = user;
        this.guild = guild;
        if (!guild.isMember(user)) {
            throw new IllegalArgumentException(user + " is not a member of " + guild.name());
        }
    }

    public SandboxUser user() {
        return user;
    }

    public SandboxGuild guild() {
        return guild;
    }

    // ---- slash commands ----

    /** Runs {@code /command} with options in the channel; {@code command} may be {@code "cohort create"} or {@code "cohort"}. */
    public InteractionHandle slash(String command, Map<String, ?> options, SandboxChannel channel) {
        String[] parts = command.trim().split("\\s+");
        String sub = parts.length > 1 ? String.join(" ", Arrays.copyOfRange(parts, 1, parts.length)) : null;
        return slash(parts[0], sub, options, channel);
    }

    /** Runs {@code /name} with no options. */
    public InteractionHandle slash(String command, SandboxChannel channel) {
        return slash(command, Map.of(), channel);
    }

    /** Runs {@code /name subcommand} (subcommand may be {@code "group sub"} or null). */
    public InteractionHandle slash(String name, String subcommand, Map<String, ?> options, SandboxChannel channel) {
        requireGuildChannel(channel);
        ObjectNode command;
        ObjectNode data = Json.object();
        ObjectNode resolved = Json.object();
        synchronized (state) {
            command = state.commands
                    .find(guild.id(), name)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "/" + name + " is not registered (guild commands: " + names(state.commands.list(guild.id()))
                                    + ", global: " + names(state.commands.list(null)) + ")"));
            JsonNode contexts = command.path("contexts");
            boolean guildContext = contexts.isMissingNode() || contexts.isNull() || contains(contexts, 0);
            if (!guildContext) {
                throw new IllegalArgumentException(
                        "/" + name + " is not available in guilds (contexts " + contexts + ")");
            }
            long perms = PermissionMath.inChannel(channel, user.id());
            if ((perms & Permissions.VIEW_CHANNEL) == 0) {
                throw new IllegalArgumentException(user.displayName() + " cannot see " + channel);
            }
            if ((perms & Permissions.USE_APPLICATION_COMMANDS) == 0) {
                throw new IllegalArgumentException(
                        user.displayName() + " cannot use application commands in " + channel);
            }
            if (command.hasNonNull("default_member_permissions")) {
                long needed =
                        Long.parseLong(command.get("default_member_permissions").asText());
                if ((perms & needed) != needed) {
                    throw new IllegalArgumentException("/" + name + " is hidden from " + user.displayName()
                            + ": it needs " + Permissions.names(needed));
                }
            }
            data.put("id", command.get("id").asText());
            data.put("name", name);
            data.put("type", 1);
            if (command.hasNonNull("guild_id")) {
                data.put("guild_id", command.get("guild_id").asText());
            }
            JsonNode optionDefs = command.path("options");
            ArrayNode target = data.putArray("options");
            boolean hasSubcommands = hasType(optionDefs, 1) || hasType(optionDefs, 2);
            if (hasSubcommands) {
                if (subcommand == null) {
                    throw new IllegalArgumentException(
                            "/" + name + " needs a subcommand: " + new SandboxCommand(command).subcommands());
                }
                String[] path = subcommand.split(" ");
                JsonNode level = optionDefs;
                ArrayNode levelTarget = target;
                for (int i = 0; i < path.length; i++) {
                    JsonNode def = find(level, path[i]);
                    int t = def == null ? -1 : def.path("type").asInt();
                    if (def == null || t != 1 && t != 2 || (t == 2) == (i == path.length - 1)) {
                        throw new IllegalArgumentException("/" + name + " has no subcommand '" + subcommand + "': "
                                + new SandboxCommand(command).subcommands());
                    }
                    ObjectNode o = levelTarget.addObject();
                    o.put("name", path[i]);
                    o.put("type", t);
                    levelTarget = o.putArray("options");
                    level = def.path("options");
                }
                fillOptions(name + " " + subcommand, level, options, levelTarget, resolved);
            } else {
                if (subcommand != null) {
                    throw new IllegalArgumentException("/" + name + " has no subcommands");
                }
                fillOptions(name, optionDefs, options, target, resolved);
            }
            if (resolved.size() > 0) {
                data.set("resolved", resolved);
            }
        }
        String description = "/" + name + (subcommand == null ? "" : " " + subcommand);
        return interactions.dispatch(
                InteractionHandle.APPLICATION_COMMAND, user, guild, channel, data, null, description);
    }

    private static String names(List<SandboxCommand> commands) {
        return commands.stream().map(SandboxCommand::name).toList().toString();
    }

    private static boolean contains(JsonNode array, int value) {
        for (JsonNode n : array) {
            if (n.asInt(-1) == value) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasType(JsonNode options, int type) {
        for (JsonNode o : options) {
            if (o.path("type").asInt() == type) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode find(JsonNode options, String name) {
        for (JsonNode o : options) {
            if (name.equals(o.path("name").asText())) {
                return o;
            }
        }
        return null;
    }

    private void fillOptions(
            String command, JsonNode defs, Map<String, ?> values, ArrayNode target, ObjectNode resolved) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        defs.forEach(d -> byName.put(d.path("name").asText(), d));
        for (String key : values.keySet()) {
            if (!byName.containsKey(key)) {
                throw new IllegalArgumentException(
                        "/" + command + " has no option '" + key + "' (options: " + byName.keySet() + ")");
            }
        }
        for (JsonNode def : byName.values()) {
            String optionName = def.path("name").asText();
            Object value = values.get(optionName);
            if (value == null) {
                if (def.path("required").asBoolean(false)) {
                    throw new IllegalArgumentException(
                            "/" + command + " needs the required option '" + optionName + "'");
                }
                continue;
            }
            ObjectNode o = target.addObject();
            o.put("name", optionName);
            int type = def.path("type").asInt();
            o.put("type", type);
            String where = "/" + command + " option '" + optionName + "'";
            switch (type) {
                case 3 -> {
                    if (!(value instanceof CharSequence)) {
                        throw wrongType(where, "text", value);
                    }
                    String s = value.toString();
                    int len = s.codePointCount(0, s.length());
                    if (len < def.path("min_length").asInt(0)
                            || len > def.path("max_length").asInt(6000)) {
                        throw new IllegalArgumentException(
                                where + " must be " + def.path("min_length").asInt(0) + ".."
                                        + def.path("max_length").asInt(6000) + " characters");
                    }
                    checkChoice(where, def, s);
                    o.put("value", s);
                }
                case 4 -> {
                    if (!(value instanceof Integer || value instanceof Long || value instanceof Short)) {
                        throw wrongType(where, "integer", value);
                    }
                    long v = ((Number) value).longValue();
                    checkRange(where, def, v);
                    checkChoice(where, def, Long.toString(v));
                    o.put("value", v);
                }
                case 10 -> {
                    if (!(value instanceof Number)) {
                        throw wrongType(where, "number", value);
                    }
                    double v = ((Number) value).doubleValue();
                    checkRange(where, def, v);
                    o.put("value", v);
                }
                case 5 -> {
                    if (!(value instanceof Boolean)) {
                        throw wrongType(where, "true/false", value);
                    }
                    o.put("value", (Boolean) value);
                }
                case 6 -> {
                    if (!(value instanceof SandboxUser u)) {
                        throw wrongType(where, "user", value);
                    }
                    o.put("value", u.id());
                    resolveUser(resolved, u);
                }
                case 8 -> {
                    if (!(value instanceof SandboxRole r)) {
                        throw wrongType(where, "role", value);
                    }
                    o.put("value", r.id());
                    Json.child(resolved, "roles").set(r.id(), r.json());
                }
                case 9 -> {
                    if (value instanceof SandboxUser u) {
                        o.put("value", u.id());
                        resolveUser(resolved, u);
                    } else if (value instanceof SandboxRole r) {
                        o.put("value", r.id());
                        Json.child(resolved, "roles").set(r.id(), r.json());
                    } else {
                        throw wrongType(where, "user or role", value);
                    }
                }
                case 7 -> {
                    if (!(value instanceof SandboxChannel c)) {
                        throw wrongType(where, "channel", value);
                    }
                    JsonNode types = def.path("channel_types");
                    if (types.size() > 0 && !contains(types, c.kind().type())) {
                        throw new IllegalArgumentException(
                                where + " accepts channel types " + types + ", not " + c.kind());
                    }
                    o.put("value", c.id());
                    ObjectNode cj = c.json();
                    cj.remove("permission_overwrites");
                    cj.put("permissions", Long.toString(PermissionMath.inChannel(c, user.id())));
                    Json.child(resolved, "channels").set(c.id(), cj);
                }
                case 11 -> {
                    SandboxAttachment pending;
                    if (value instanceof SandboxAttachment a) {
                        pending = a;
                    } else if (value instanceof byte[] bytes) {
                        pending = SandboxAttachment.of(optionName + ".bin", bytes);
                    } else {
                        throw wrongType(where, "file", value);
                    }
                    SandboxAttachment stored = state.messages.storeAttachment(
                            pending.filename(), pending.contentType(), pending.bytes(), null);
                    o.put("value", stored.id());
                    ObjectNode aj = stored.json();
                    aj.put("ephemeral", true);
                    Json.child(resolved, "attachments").set(stored.id(), aj);
                }
                default -> throw new IllegalArgumentException(where + " has unsupported type " + type);
            }
        }
    }

    private void resolveUser(ObjectNode resolved, SandboxUser u) {
        Json.child(resolved, "users").set(u.id(), u.json());
        if (guild.members.containsKey(u.id())) {
            ObjectNode member = state.guilds.memberJson(guild, u.id());
            member.remove("user");
            member.put("permissions", Long.toString(PermissionMath.base(guild, u.id())));
            Json.child(resolved, "members").set(u.id(), member);
        }
    }

    private static IllegalArgumentException wrongType(String where, String expected, Object value) {
        return new IllegalArgumentException(
                where + " expects a " + expected + ", not " + value.getClass().getSimpleName() + " " + value);
    }

    private static void checkChoice(String where, JsonNode def, String value) {
        JsonNode choices = def.path("choices");
        if (choices.size() == 0) {
            return;
        }
        for (JsonNode c : choices) {
            if (c.path("value").asText().equals(value)) {
                return;
            }
        }
        List<String> allowed = new ArrayList<>();
        choices.forEach(c -> allowed.add(c.path("value").asText()));
        throw new IllegalArgumentException(where + " must be one of " + allowed + ", not '" + value + "'");
    }

    private static void checkRange(String where, JsonNode def, double v) {
        if (def.has("min_value") && v < def.get("min_value").asDouble()
                || def.has("max_value") && v > def.get("max_value").asDouble()) {
            throw new IllegalArgumentException(
                    where + " must be between " + def.path("min_value") + " and " + def.path("max_value"));
        }
    }

    // ---- components ----

    /** Presses the button with this custom id on the message's current version. */
    public InteractionHandle click(SandboxMessage message, String customId) {
        MessageRecord record = visibleRecord(message);
        SandboxComponent button = state.messages.snapshot(record.id).orElseThrow().components().stream()
                .filter(c -> c.isButton() && customId.equals(c.customId()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no button with custom id '" + customId + "' on "
                        + message.id() + "; buttons: " + describeButtons(record)));
        return press(record, button);
    }

    /** Presses the button with this label. */
    public InteractionHandle clickLabel(SandboxMessage message, String label) {
        MessageRecord record = visibleRecord(message);
        SandboxComponent button = state.messages.snapshot(record.id).orElseThrow().components().stream()
                .filter(c -> c.isButton() && label.equals(c.label()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no button labelled '" + label + "' on " + message.id()
                        + "; buttons: " + describeButtons(record)));
        return press(record, button);
    }

    private static List<String> describeButtons(MessageRecord r) {
        return r.channel.state().messages.snapshot(r.id).orElseThrow().buttons().stream()
                .map(b -> "[" + b.label() + "] " + b.customId())
                .toList();
    }

    private InteractionHandle press(MessageRecord record, SandboxComponent button) {
        if (button.disabled()) {
            throw new IllegalArgumentException("button [" + button.label() + "] is disabled");
        }
        if (button.isLink()) {
            throw new IllegalArgumentException(
                    "button [" + button.label() + "] is a link to " + button.url() + "; it sends no interaction");
        }
        ObjectNode data = Json.object();
        data.put("custom_id", button.customId());
        data.put("component_type", 2);
        componentId(record, button.customId()).ifPresent(id -> data.put("id", id));
        return interactions.dispatch(
                InteractionHandle.MESSAGE_COMPONENT,
                user,
                guild,
                record.channel,
                data,
                record,
                "button [" + button.label() + "] " + button.customId());
    }

    /** Chooses values in a string select menu. */
    public InteractionHandle select(SandboxMessage message, String customId, List<String> values) {
        MessageRecord record = visibleRecord(message);
        SandboxComponent menu = state.messages.snapshot(record.id).orElseThrow().components().stream()
                .filter(c -> c.isSelect() && customId.equals(c.customId()))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("no select menu '" + customId + "' on " + message.id()));
        if (menu.type() != SandboxComponent.STRING_SELECT) {
            throw new IllegalArgumentException(
                    "only string selects are simulated (menu '" + customId + "' is type " + menu.type() + ")");
        }
        if (menu.disabled()) {
            throw new IllegalArgumentException("select menu '" + customId + "' is disabled");
        }
        Set<String> allowed = new HashSet<>();
        menu.options().forEach(o -> allowed.add(o.value()));
        for (String v : values) {
            if (!allowed.contains(v)) {
                throw new IllegalArgumentException("'" + v + "' is not an option of '" + customId + "': " + allowed);
            }
        }
        if (values.size() < menu.minValues() || values.size() > menu.maxValues()) {
            throw new IllegalArgumentException(
                    "select '" + customId + "' takes " + menu.minValues() + ".." + menu.maxValues() + " values");
        }
        ObjectNode data = Json.object();
        data.put("custom_id", customId);
        data.put("component_type", 3);
        ArrayNode vs = data.putArray("values");
        values.forEach(vs::add);
        componentId(record, customId).ifPresent(id -> data.put("id", id));
        return interactions.dispatch(
                InteractionHandle.MESSAGE_COMPONENT,
                user,
                guild,
                record.channel,
                data,
                record,
                "select " + customId + " " + values);
    }

    private static Optional<Integer> componentId(MessageRecord r, String customId) {
        List<Integer> found = new ArrayList<>();
        findId(r.base.path("components"), customId, found);
        return found.stream().findFirst();
    }

    private static void findId(JsonNode components, String customId, List<Integer> out) {
        for (JsonNode c : components) {
            if (customId.equals(Json.text(c, "custom_id")) && c.has("id")) {
                out.add(c.get("id").asInt());
            }
            findId(c.path("components"), customId, out);
            if (c.has("accessory")) {
                findId(Json.array().add(c.get("accessory")), customId, out);
            }
        }
    }

    private MessageRecord visibleRecord(SandboxMessage message) {
        synchronized (state) {
            MessageRecord r = state.messages.get(message.id());
            if (r == null || r.deleted) {
                throw new IllegalArgumentException("message " + message.id() + " no longer exists");
            }
            if (r.ephemeralFor != null
                    ? !r.ephemeralFor.equals(user.id())
                    : (PermissionMath.inChannel(r.channel, user.id()) & Permissions.VIEW_CHANNEL) == 0) {
                throw new IllegalArgumentException(user.displayName() + " cannot see message " + message.id());
            }
            return r;
        }
    }

    // ---- modals ----

    /**
     * Fills in and submits a modal: text inputs by custom id (String), selects by custom id (String or
     * {@code List<String>}). Unmentioned inputs keep their pre-filled value. Refuses what the client would refuse,
     * including a second submit while the first is waiting or after it succeeded. If the submit fails (no answer
     * within three seconds), the dialog stays open as in Discord ("Something went wrong. Try again.") and the person
     * may submit it again: a new interaction with the same modal.
     */
    public InteractionHandle submitModal(SandboxModal modal, Map<String, ?> values) {
        if (!modal.origin().user().id().equals(user.id())) {
            throw new IllegalArgumentException(
                    "the modal was opened for " + modal.origin().user().displayName());
        }
        Set<String> known = new HashSet<>();
        modal.fields().forEach(f -> known.add(f.customId()));
        for (String k : values.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException(
                        "modal '" + modal.title() + "' has no input '" + k + "' (inputs: " + known + ")");
            }
        }
        ObjectNode data = Json.object();
        data.put("custom_id", modal.customId());
        ArrayNode comps = data.putArray("components");
        for (SandboxModal.Field f : modal.fields()) {
            Object raw = values.get(f.customId());
            ObjectNode label = comps.addObject();
            label.put("type", 18);
            label.put("id", f.labelUniqueId());
            ObjectNode inner = label.putObject("component");
            inner.put("type", f.type());
            inner.put("id", f.uniqueId());
            inner.put("custom_id", f.customId());
            String where = "modal '" + modal.title() + "' input '" + f.label() + "' (" + f.customId() + ")";
            if (f.isTextInput()) {
                String v = raw == null ? (f.value() == null ? "" : f.value()) : raw.toString();
                int len = v.codePointCount(0, v.length());
                if (f.required() && v.isEmpty()) {
                    throw new IllegalArgumentException(where + " is required");
                }
                if (!v.isEmpty() && (len < f.minLength() || len > f.maxLength())) {
                    throw new IllegalArgumentException(
                            where + " must be " + f.minLength() + ".." + f.maxLength() + " characters, was " + len);
                }
                inner.put("value", v);
            } else if (f.isSelect()) {
                List<String> chosen = new ArrayList<>();
                if (raw == null) {
                    chosen.addAll(f.defaultValues());
                } else if (raw instanceof Collection<?> c) {
                    c.forEach(x -> chosen.add(x.toString()));
                } else {
                    chosen.add(raw.toString());
                }
                Set<String> allowed = new HashSet<>();
                f.options().forEach(o -> allowed.add(o.value()));
                for (String v : chosen) {
                    if (!allowed.contains(v)) {
                        throw new IllegalArgumentException(where + ": '" + v + "' is not an option " + allowed);
                    }
                }
                int min = f.required() ? Math.max(1, f.minValues()) : 0;
                if (chosen.size() < min || chosen.size() > f.maxValues()) {
                    throw new IllegalArgumentException(
                            where + " takes " + min + ".." + f.maxValues() + " values, got " + chosen.size());
                }
                ArrayNode vs = inner.putArray("values");
                chosen.forEach(vs::add);
            } else {
                throw new IllegalArgumentException(where + " has a component type the sandbox cannot fill in");
            }
        }
        if (!modal.submitted.compareAndSet(false, true)) {
            throw new IllegalArgumentException(
                    "modal '" + modal.title() + "' was already submitted (the dialog is closed, "
                            + "or the submit is still waiting for the bot)");
        }
        InteractionHandle origin = modal.origin();
        MessageRecord source = origin.sourceMessageId == null
                ? null
                : state.messages.find(origin.sourceMessageId).orElse(null);
        return interactions.dispatch(
                InteractionHandle.MODAL_SUBMIT,
                user,
                guild,
                origin.channel(),
                data,
                source,
                "modal " + modal.customId(),
                modal);
    }

    // ---- messages ----

    /** What this person sees in a channel: its messages plus their own ephemeral replies. Throws if they cannot see it. */
    public List<SandboxMessage> read(SandboxChannel channel) {
        synchronized (state) {
            if ((PermissionMath.inChannel(channel, user.id()) & Permissions.VIEW_CHANNEL) == 0) {
                throw new IllegalArgumentException(user.displayName() + " cannot see " + channel);
            }
            List<SandboxMessage> out = new ArrayList<>();
            for (MessageRecord m : channel.messages) {
                if (!m.deleted && (m.ephemeralFor == null || m.ephemeralFor.equals(user.id()))) {
                    out.add(m.snapshot());
                }
            }
            return out;
        }
    }

    /** Posts a plain message as this person (dispatches MESSAGE_CREATE). */
    public SandboxMessage say(SandboxChannel channel, String content) {
        requireGuildChannel(channel);
        synchronized (state) {
            long perms = PermissionMath.inChannel(channel, user.id());
            long send = channel.isThread() ? Permissions.SEND_MESSAGES_IN_THREADS : Permissions.SEND_MESSAGES;
            if ((perms & Permissions.VIEW_CHANNEL) == 0 || (perms & send) == 0) {
                throw new IllegalArgumentException(user.displayName() + " cannot post in " + channel);
            }
            if (channel.isThread() && channel.isLocked() && (perms & Permissions.MANAGE_THREADS) == 0) {
                throw new IllegalArgumentException(
                        channel + " is locked: " + user.displayName() + " cannot post in it");
            }
            state.channels.archiveIdleThreads();
            if (content.isBlank() || content.length() > MessageRules.MAX_CONTENT) {
                throw new IllegalArgumentException("the client sends 1..2000 characters");
            }
            MessageDraft d = new MessageDraft();
            d.content = content;
            MessageExtras x = new MessageExtras();
            return state.messages.create(channel, user, d, x).snapshot();
        }
    }

    /** Adds a reaction as this person (dispatches MESSAGE_REACTION_ADD). */
    public SandboxActor react(SandboxMessage message, String emoji) {
        MessageRecord r = visibleRecord(message);
        synchronized (state) {
            long perms = PermissionMath.inChannel(r.channel, user.id());
            if (!r.reactions.containsKey(emoji) && (perms & Permissions.ADD_REACTIONS) == 0) {
                throw new IllegalArgumentException(user.displayName() + " cannot add new reactions in " + r.channel);
            }
            state.messages.react(r, emoji, user, true);
        }
        return this;
    }

    private void requireGuildChannel(SandboxChannel channel) {
        if (channel.guild().isEmpty() || !channel.guild().get().id().equals(guild.id())) {
            throw new IllegalArgumentException(channel + " is not in " + guild.name());
        }
        if (channel.isCategory()) {
            throw new IllegalArgumentException(channel + " is a category");
        }
        if (channel.isDeleted()) {
            throw new IllegalArgumentException(channel + " was deleted");
        }
    }
}
