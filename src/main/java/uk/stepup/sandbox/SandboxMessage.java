package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An immutable snapshot of a message at the time it was read. Re-read to see edits. */
public final class SandboxMessage {
    /** Message flag: only the interaction user sees it. */
    public static final int EPHEMERAL = 1 << 6;
    /** Message flag: a deferred reply still "thinking". */
    public static final int LOADING = 1 << 7;
    /** Message flag: silent (no notifications). */
    public static final int SUPPRESS_NOTIFICATIONS = 1 << 12;
    /** Message flag: Components V2 layout. */
    public static final int IS_COMPONENTS_V2 = 1 << 15;

    private final JsonNode json;
    private final SandboxUser author;
    private final String guildId;
    private final Instant createdAt;
    private final Instant editedAt;
    private final String ephemeralFor;
    private final boolean loading;
    private final Set<String> pingedUserIds;
    private final Set<String> pingedRoleIds;
    private final boolean pingedEveryone;
    private final List<SandboxAttachment> attachments;
    private final Map<String, List<String>> reactions;
    private final String interactionId;

    SandboxMessage(
            JsonNode json,
            SandboxUser author,
            String guildId,
            Instant createdAt,
            Instant editedAt,
            String ephemeralFor,
            boolean loading,
            Set<String> pingedUserIds,
            Set<String> pingedRoleIds,
            boolean pingedEveryone,
            List<SandboxAttachment> attachments,
            Map<String, List<String>> reactions,
            String interactionId) {
        this.json = json;
        this.author = author;
        this.guildId = guildId;
        this.createdAt = createdAt;
        this.editedAt = editedAt;
        this.ephemeralFor = ephemeralFor;
        this.loading = loading;
        this.pingedUserIds = pingedUserIds;
        this.pingedRoleIds = pingedRoleIds;
        this.pingedEveryone = pingedEveryone;
        this.attachments = attachments;
        this.reactions = reactions;
        this.interactionId = interactionId;
    }

    public String id() {
        return json.get("id").asText();
    }

    public String channelId() {
        return json.get("channel_id").asText();
    }

    public Optional<String> guildId() {
        return Optional.ofNullable(guildId);
    }

    public SandboxUser author() {
        return author;
    }

    public boolean isFromBot() {
        return author.isBot();
    }

    public String content() {
        return json.path("content").asText("");
    }

    /** Discord message type: 0 default, 6 pin notice, 18 thread created, 19 reply, 20 slash command reply. */
    public int type() {
        return json.path("type").asInt();
    }

    /** System messages (pins, thread created) are written by Discord, not typed by anyone. */
    public boolean isSystem() {
        int t = type();
        return t != 0 && t != 19 && t != 20;
    }

    public List<SandboxEmbed> embeds() {
        List<SandboxEmbed> out = new ArrayList<>();
        json.path("embeds").forEach(e -> out.add(SandboxEmbed.from(e)));
        return out;
    }

    /** Buttons and selects in reading order. */
    public List<SandboxComponent> components() {
        return SandboxComponent.collect(json.path("components"));
    }

    public List<SandboxComponent> buttons() {
        return components().stream().filter(SandboxComponent::isButton).toList();
    }

    public Optional<SandboxComponent> button(String label) {
        return buttons().stream().filter(b -> label.equals(b.label())).findFirst();
    }

    public Optional<SandboxComponent> componentById(String customId) {
        return components().stream().filter(c -> customId.equals(c.customId())).findFirst();
    }

    /** Text of Components V2 text displays, in order (empty for classic messages). */
    public List<String> textDisplays() {
        List<String> out = new ArrayList<>();
        collectText(json.path("components"), out);
        return out;
    }

    private static void collectText(JsonNode components, List<String> out) {
        for (JsonNode c : components) {
            if (c.path("type").asInt() == 10) {
                out.add(c.path("content").asText(""));
            }
            collectText(c.path("components"), out);
        }
    }

    public List<SandboxAttachment> attachments() {
        return attachments;
    }

    public Optional<SandboxAttachment> attachment(String filename) {
        return attachments.stream().filter(a -> a.filename().equals(filename)).findFirst();
    }

    public boolean isPinned() {
        return json.path("pinned").asBoolean();
    }

    /** Emoji (unicode, or {@code name:id}) to the ids of users who reacted, in order. */
    public Map<String, List<String>> reactions() {
        return reactions;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> editedAt() {
        return Optional.ofNullable(editedAt);
    }

    public int flags() {
        return json.path("flags").asInt(0);
    }

    public boolean isEphemeral() {
        return ephemeralFor != null;
    }

    /** For ephemeral replies: the only user who sees it. */
    public Optional<String> ephemeralFor() {
        return Optional.ofNullable(ephemeralFor);
    }

    /** A deferred reply that has not been edited yet ("Bot is thinking..."). */
    public boolean isLoading() {
        return loading;
    }

    /** Users this message actually notified (content mentions filtered by allowed_mentions and permissions). */
    public Set<String> pingedUserIds() {
        return pingedUserIds;
    }

    public Set<String> pingedRoleIds() {
        return pingedRoleIds;
    }

    /** Whether {@code @everyone}/{@code @here} actually pinged. */
    public boolean pingedEveryone() {
        return pingedEveryone;
    }

    /** True if nobody at all was notified. */
    public boolean pingedNobody() {
        return pingedUserIds.isEmpty() && pingedRoleIds.isEmpty() && !pingedEveryone;
    }

    /** The thread started on this message, if any. */
    public Optional<String> threadId() {
        return Json.optText(json.path("thread"), "id");
    }

    /** The interaction this message answers, if it is an interaction response or follow-up. */
    public Optional<String> interactionId() {
        return Optional.ofNullable(interactionId);
    }

    /** The raw Discord message object. */
    public JsonNode json() {
        return json.deepCopy();
    }

    /** Content, embed text and button labels joined: handy for "contains" assertions. */
    public String allText() {
        StringBuilder sb = new StringBuilder(content());
        textDisplays().forEach(t -> sb.append('\n').append(t));
        embeds().forEach(e -> sb.append('\n').append(e.text()));
        components().forEach(c -> {
            if (c.label() != null) {
                sb.append('\n').append(c.label());
            }
        });
        return sb.toString();
    }

    @Override
    public String toString() {
        String text = content().isEmpty() && !embeds().isEmpty()
                ? "[embed] " + embeds().get(0).title()
                : content();
        return author.displayName() + ": " + text + (isEphemeral() ? " (ephemeral)" : "");
    }
}
