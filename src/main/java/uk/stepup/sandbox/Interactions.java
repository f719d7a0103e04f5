package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Interaction lifecycle: building INTERACTION_CREATE payloads the way Discord does, the 3-second acknowledgement
 * deadline, callbacks (types 4, 5, 6, 7, 9) and the webhook follow-ups and edits for the next 15 minutes.
 */
final class Interactions {
    private final SandboxState state;
    private final ScheduledExecutorService timer;

    Interactions(SandboxState state, ScheduledExecutorService timer) {
        this.state = state;
        this.timer = timer;
    }

    /** Builds the common part of the payload, registers the interaction, dispatches it and starts the deadline. */
    InteractionHandle dispatch(
            int type,
            SandboxUser user,
            SandboxGuild guild,
            SandboxChannel channel,
            ObjectNode data,
            MessageRecord sourceMessage,
            String description) {
        return dispatch(type, user, guild, channel, data, sourceMessage, description, null);
    }

    /** As above; {@code submitted} is the modal a modal submit comes from (it reopens if the submit fails). */
    InteractionHandle dispatch(
            int type,
            SandboxUser user,
            SandboxGuild guild,
            SandboxChannel channel,
            ObjectNode data,
            MessageRecord sourceMessage,
            String description,
            SandboxModal submitted) {
        InteractionHandle handle;
        synchronized (state) {
            String id = state.nextId();
            String token =
                    "aW50ZXJhY3Rpb246" + id + ":" + UUID.randomUUID().toString().replace("-", "");
            ObjectNode p = Json.object();
            p.put("id", id);
            p.put("application_id", state.applicationId);
            p.put("type", type);
            p.put("token", token);
            p.put("version", 1);
            p.set("data", data);
            p.put("locale", "en-GB");
            p.putArray("entitlements");
            p.put("attachment_size_limit", MessageRules.MAX_FILE_BYTES);
            p.put("channel_id", channel.id());
            if (guild != null) {
                p.put("guild_id", guild.id());
                p.put("guild_locale", "en-GB");
                ObjectNode g = p.putObject("guild");
                g.put("id", guild.id());
                g.put("locale", "en-GB");
                g.putArray("features");
                long userPerms = PermissionMath.inChannel(channel, user.id());
                ObjectNode member = state.guilds.memberJson(guild, user.id());
                member.put("permissions", Long.toString(userPerms));
                p.set("member", member);
                ObjectNode ch = channel.json();
                ch.remove("permission_overwrites");
                ch.put("permissions", Long.toString(userPerms));
                p.set("channel", ch);
                p.put("app_permissions", Long.toString(PermissionMath.inChannel(channel, state.botUser.id())));
                p.putObject("authorizing_integration_owners").put("0", guild.id());
                p.put("context", 0);
            } else {
                p.set("user", user.json());
                ObjectNode ch = channel.json();
                p.set("channel", ch);
                p.put("app_permissions", Long.toString(PermissionMath.DM_PERMISSIONS));
                p.putObject("authorizing_integration_owners").put("0", "0");
                p.put("context", 1);
            }
            if (sourceMessage != null) {
                p.set("message", sourceMessage.toJson(state.botUser.id()));
            }
            handle = new InteractionHandle(
                    state,
                    id,
                    token,
                    type,
                    user,
                    guild,
                    channel,
                    description,
                    sourceMessage == null ? null : sourceMessage.id);
            handle.submittedModal = submitted;
            state.interactions.register(id, token, handle);
            state.stats.interactions.increment();
            state.gateway.dispatch("INTERACTION_CREATE", p, 0);
        }
        long deadline = state.options.interactionDeadline().toMillis();
        timer.schedule(() -> deadlinePassed(handle), deadline, TimeUnit.MILLISECONDS);
        return handle;
    }

    private void deadlinePassed(InteractionHandle h) {
        synchronized (state) {
            if (h.callbackType == null && !h.failed) {
                h.failed = true;
                h.failure = "This interaction failed: no response within "
                        + state.options.interactionDeadline().toMillis() + " ms";
                state.stats.failedInteractions.increment();
                state.violation(
                        "POST interactions/{interaction_id}/{token}/callback",
                        "interaction-deadline",
                        h.description() + " by " + h.user().displayName() + " was not acknowledged within "
                                + state.options.interactionDeadline().toMillis() + " ms");
                if (h.submittedModal != null) {
                    // Discord keeps a modal open when its submit fails ("Something went wrong. Try again."), answers
                    // intact.
                    h.submittedModal.submitted.set(false);
                }
            }
        }
        h.signal();
    }

    /** POST interactions/{id}/{token}/callback. Returns the body for {@code with_response=true} or null (204). */
    ObjectNode callback(
            String interactionId, String token, JsonNode body, List<Drafts.Upload> uploads, boolean withResponse) {
        InteractionHandle h;
        ObjectNode response;
        synchronized (state) {
            h = state.interactions.byId(interactionId);
            if (h == null || !h.token().equals(token)) {
                throw ApiError.unknown(10062, "interaction");
            }
            if (h.callbackType != null) {
                throw ApiError.badRequest(
                        40060,
                        "Interaction has already been acknowledged.",
                        "interaction-double-ack",
                        h.description() + " was already acknowledged with type " + h.callbackType);
            }
            long elapsed = System.nanoTime() - h.createdNanos();
            if (h.failed || elapsed > state.options.interactionDeadline().toNanos()) {
                throw new ApiError(
                        404,
                        10062,
                        "Unknown interaction",
                        null,
                        List.of(new ApiError.Breach(
                                "interaction-late",
                                h.description() + " acknowledged after " + elapsed / 1_000_000 + " ms (deadline "
                                        + state.options.interactionDeadline().toMillis() + " ms)")));
            }
            int type = body.path("type").asInt(-1);
            JsonNode data = body.path("data");
            response = Json.object();
            ObjectNode interaction = response.putObject("interaction");
            interaction.put("id", h.id());
            interaction.put("type", h.type());
            ObjectNode resource = response.putObject("resource");
            resource.put("type", type);
            switch (type) {
                case 4 -> {
                    MessageRecord m = createReply(h, data, uploads, false);
                    interaction.put("response_message_id", m.id);
                    interaction.put("response_message_loading", false);
                    interaction.put("response_message_ephemeral", m.ephemeralFor != null);
                    resource.set("message", m.toJson(state.botUser.id()));
                }
                case 5 -> {
                    MessageRecord m = createReply(h, data, List.of(), true);
                    interaction.put("response_message_id", m.id);
                    interaction.put("response_message_loading", true);
                    interaction.put("response_message_ephemeral", m.ephemeralFor != null);
                    resource.set("message", m.toJson(state.botUser.id()));
                }
                case 6, 7 -> {
                    if (h.sourceMessageId == null) {
                        throw ApiError.badRequest(
                                50035,
                                "Invalid Form Body",
                                "interaction-callback-type",
                                "callback type " + type
                                        + " is only valid for component interactions (and modals opened from one)");
                    }
                    MessageRecord source = state.messages.get(h.sourceMessageId);
                    if (type == 7 && source != null && !source.deleted) {
                        MessageDraft d = Drafts.forEdit(state, data, uploads, source);
                        state.messages.edit(
                                source,
                                d,
                                data.has("content"),
                                data.has("embeds"),
                                data.has("components"),
                                data.has("attachments") || !uploads.isEmpty());
                        resource.set("message", source.toJson(state.botUser.id()));
                    }
                    h.originalMessageId = h.sourceMessageId;
                    h.ephemeral = source != null && source.ephemeralFor != null;
                }
                case 9 -> {
                    if (h.type() == InteractionHandle.MODAL_SUBMIT) {
                        throw ApiError.badRequest(
                                50035,
                                "Invalid Form Body",
                                "interaction-callback-type",
                                "a modal cannot be opened in response to a modal submit");
                    }
                    FormErrors errs = new FormErrors();
                    MessageRules.checkModal(data, errs);
                    errs.throwIfAny();
                    ObjectNode modal = ((ObjectNode) data).deepCopy();
                    Set<Integer> used = new HashSet<>();
                    int[] next = {1};
                    modal.path("components").forEach(c -> Drafts.assignIds((ObjectNode) c, used, next));
                    h.modal = new SandboxModal(modal, h);
                }
                case 1 ->
                    throw ApiError.badRequest(
                            50035,
                            "Invalid Form Body",
                            "interaction-callback-type",
                            "PONG (type 1) only answers PING interactions, which the gateway never sends");
                default ->
                    throw ApiError.badRequest(
                            50035,
                            "Invalid Form Body",
                            "interaction-callback-type",
                            "unsupported interaction callback type " + type);
            }
            h.callbackType = type;
            h.callbackNanos = System.nanoTime();
        }
        h.signal();
        return withResponse ? response : null;
    }

    private MessageRecord createReply(
            InteractionHandle h, JsonNode data, List<Drafts.Upload> uploads, boolean deferred) {
        MessageDraft d;
        if (deferred) {
            d = new MessageDraft();
            d.flags = Json.intValue(data, "flags", 0) & SandboxMessage.EPHEMERAL;
        } else {
            d = Drafts.forCreate(state, data, uploads);
        }
        boolean ephemeral = (d.flags & SandboxMessage.EPHEMERAL) != 0;
        d.flags &= ~SandboxMessage.EPHEMERAL;
        MessageExtras x = extras(h, ephemeral);
        x.loading = deferred;
        MessageRecord m = state.messages.create(h.channel(), state.botUser, d, x);
        h.originalMessageId = m.id;
        h.ephemeral = ephemeral;
        return m;
    }

    private MessageExtras extras(InteractionHandle h, boolean ephemeral) {
        MessageExtras x = new MessageExtras();
        x.type = h.type() == InteractionHandle.APPLICATION_COMMAND ? 20 : 0;
        x.ephemeralFor = ephemeral ? h.user().id() : null;
        x.interactionId = h.id();
        x.webhook = true;
        ObjectNode meta = Json.object();
        meta.put("id", h.id());
        meta.put("type", h.type());
        meta.set("user", h.user().json());
        meta.putObject("authorizing_integration_owners")
                .put("0", h.guild().map(SandboxGuild::id).orElse("0"));
        if (h.sourceMessageId != null) {
            meta.put("interacted_message_id", h.sourceMessageId);
        }
        x.interactionMetadata = meta;
        return x;
    }

    /** Resolves the interaction behind a webhook token, enforcing the application id and the token lifetime. */
    InteractionHandle byToken(String applicationId, String token) {
        InteractionHandle h = state.interactions.byToken(token);
        if (h == null || !state.applicationId.equals(applicationId)) {
            throw ApiError.unknown(10015, "Webhook");
        }
        // Discord: "Interaction tokens are valid for 15 minutes", measured on the sandbox's clock so that a test can
        // let a
        // token expire in the middle of long work by moving the clock.
        Duration age = Duration.between(h.clockAt, state.now());
        if (age.compareTo(state.options.interactionTokenLifetime()) > 0) {
            throw new ApiError(
                    401,
                    50027,
                    "Invalid Webhook Token",
                    null,
                    List.of(new ApiError.Breach(
                            "interaction-token-expired",
                            "used the token of " + h.description() + " after " + age.toSeconds()
                                    + " s by the sandbox's clock")));
        }
        if (h.callbackType == null) {
            throw new ApiError(
                    404,
                    10015,
                    "Unknown Webhook",
                    null,
                    List.of(new ApiError.Breach(
                            "followup-before-callback",
                            "used the webhook of " + h.description() + " before acknowledging the interaction")));
        }
        return h;
    }

    /** POST webhooks/{app}/{token}: a follow-up (or the edit of a still-loading deferred reply). */
    MessageRecord followUp(String applicationId, String token, JsonNode body, List<Drafts.Upload> uploads) {
        InteractionHandle h;
        MessageRecord m;
        synchronized (state) {
            h = byToken(applicationId, token);
            MessageRecord original = h.originalMessageId == null ? null : state.messages.get(h.originalMessageId);
            if (original != null && original.loading && !original.deleted) {
                // Discord: the first follow-up after a deferred reply replaces the "thinking" message.
                MessageDraft d = Drafts.forEdit(state, body, uploads, original);
                state.messages.edit(original, d, true, true, true, true);
                m = original;
            } else {
                MessageDraft d = Drafts.forCreate(state, body, uploads);
                boolean ephemeral = (d.flags & SandboxMessage.EPHEMERAL) != 0;
                d.flags &= ~SandboxMessage.EPHEMERAL;
                m = state.messages.create(h.channel(), state.botUser, d, extras(h, ephemeral));
                h.followUpIds.add(m.id);
            }
        }
        h.signal();
        return m;
    }

    /** The message {@code @original} or an id refers to, for GET/PATCH/DELETE webhooks/{app}/{token}/messages/{id}. */
    MessageRecord webhookMessage(InteractionHandle h, String messageId) {
        String id = "@original".equals(messageId) ? h.originalMessageId : messageId;
        MessageRecord m = id == null ? null : state.messages.get(id);
        if (m == null
                || m.deleted
                || !("@original".equals(messageId) || h.followUpIds.contains(id) || id.equals(h.originalMessageId))) {
            throw ApiError.unknown(10008, "Message");
        }
        return m;
    }

    MessageRecord editWebhookMessage(
            String applicationId, String token, String messageId, JsonNode body, List<Drafts.Upload> uploads) {
        InteractionHandle h;
        MessageRecord m;
        synchronized (state) {
            h = byToken(applicationId, token);
            m = webhookMessage(h, messageId);
            MessageDraft d = Drafts.forEdit(state, body, uploads, m);
            state.messages.edit(
                    m,
                    d,
                    body.has("content"),
                    body.has("embeds"),
                    body.has("components"),
                    body.has("attachments") || !uploads.isEmpty());
        }
        h.signal();
        return m;
    }
}
