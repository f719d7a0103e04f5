package uk.stepup.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a simulated person sees after using a slash command, button, select or modal: the bot's reply, a modal, a
 * deferred "thinking" state, or "This interaction failed" when the bot did not acknowledge within 3 seconds.
 *
 * <pre>{@code
 * InteractionHandle h = sb.as(alice, g).slash("checkin", Map.of(), thisWeek).awaitResponse();
 * SandboxModal modal = h.modal();
 * }</pre>
 */
public final class InteractionHandle {
    /** Interaction types: 2 application command, 3 message component, 5 modal submit. */
    public static final int APPLICATION_COMMAND = 2;

    public static final int MESSAGE_COMPONENT = 3;
    public static final int MODAL_SUBMIT = 5;

    private final SandboxState state;
    private final String id;
    private final String token;
    private final int type;
    private final SandboxUser user;
    private final SandboxGuild guild;
    private final SandboxChannel channel;
    private final String description;
    private final long createdNanos;
    private final Instant createdAt;
    final Instant clockAt;
    final String sourceMessageId;
    volatile Integer callbackType;
    volatile long callbackNanos;
    volatile boolean failed;
    volatile String failure;
    volatile String originalMessageId;
    volatile boolean ephemeral;
    volatile SandboxModal modal;
    /** For a modal submit: the modal it came from. */
    volatile SandboxModal submittedModal;

    final List<String> followUpIds = new ArrayList<>();

    InteractionHandle(
            SandboxState state,
            String id,
            String token,
            int type,
            SandboxUser user,
            SandboxGuild guild,
            SandboxChannel channel,
            String description,
            String sourceMessageId) {
        this.state = state;
        this.id = id;
        this.token = token;
        this.type = type;
        this.user = user;
        this.guild = guild;
        this.channel = channel;
        this.description = description;
        this.sourceMessageId = sourceMessageId;
        this.createdNanos = System.nanoTime();
        this.createdAt = Instant.now();
        this.clockAt = state.now();
    }

    public String id() {
        return id;
    }

    public String token() {
        return token;
    }

    /** 2 slash command, 3 component, 5 modal submit. */
    public int type() {
        return type;
    }

    public SandboxUser user() {
        return user;
    }

    public Optional<SandboxGuild> guild() {
        return Optional.ofNullable(guild);
    }

    public SandboxChannel channel() {
        return channel;
    }

    /** What the person did, e.g. {@code /cohort create} or {@code button checkin:12}. */
    public String description() {
        return description;
    }

    long createdNanos() {
        return createdNanos;
    }

    /** Real time the interaction was dispatched. */
    public Instant createdAt() {
        return createdAt;
    }

    /** Waits up to 5 seconds for the bot's callback (or the 3-second failure), then returns this handle. */
    public InteractionHandle awaitResponse() {
        return awaitResponse(Duration.ofSeconds(5));
    }

    /** Waits until the bot acknowledged the interaction or it failed; throws if neither happened in time. */
    public InteractionHandle awaitResponse(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (callbackType == null && !failed) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no response to " + description + " within " + timeout);
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        return this;
    }

    /**
     * Waits until a visible reply exists: the immediate reply, the edited deferred reply, or a follow-up after a
     * deferred update. Returns the latest version of that reply.
     */
    public SandboxMessage awaitReply(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        awaitResponse(timeout);
        while (true) {
            // Never hold this monitor while reading the sandbox state: writers signal us while holding the state lock.
            Optional<SandboxMessage> m = visibleReply();
            if (m.isPresent()) {
                return m.get();
            }
            if (failed) {
                throw new AssertionError(description + " failed: " + failure);
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no visible reply to " + description + " within " + timeout
                        + " (callback type " + callbackType + ")");
            }
            synchronized (this) {
                try {
                    wait(Math.max(1, Math.min(50, left / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    public SandboxMessage awaitReply() {
        return awaitReply(Duration.ofSeconds(10));
    }

    private Optional<SandboxMessage> visibleReply() {
        String oid = originalMessageId;
        Integer cb = callbackType;
        if (oid != null && cb != null && cb != 6) {
            Optional<SandboxMessage> m = state.messages.snapshot(oid);
            if (m.isPresent() && !m.get().isLoading()) {
                return m;
            }
        }
        List<String> ids;
        synchronized (state) {
            ids = List.copyOf(followUpIds);
        }
        if (!ids.isEmpty()) {
            return state.messages.snapshot(ids.get(ids.size() - 1));
        }
        if (cb != null && cb == 6 && oid != null && callbackNanos != 0 && editedAfterCallback(oid)) {
            return state.messages.snapshot(oid);
        }
        return Optional.empty();
    }

    private boolean editedAfterCallback(String messageId) {
        synchronized (state) {
            return state.messages.find(messageId).map(r -> r.editedAt != null).orElse(false);
        }
    }

    /** True once the bot answered (any callback type) in time. */
    public boolean isAcknowledged() {
        return callbackType != null;
    }

    /** The callback type the bot used: 4 reply, 5 deferred reply, 6 deferred update, 7 update, 9 modal; null if none. */
    public Integer callbackType() {
        return callbackType;
    }

    /** How long the bot took to acknowledge (real time). */
    public Optional<Duration> callbackLatency() {
        Integer cb = callbackType;
        return cb == null ? Optional.empty() : Optional.of(Duration.ofNanos(callbackNanos - createdNanos));
    }

    /** True when Discord would show "This interaction failed": no valid callback within the deadline. */
    public boolean failed() {
        return failed;
    }

    /** Why it failed, if it did. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** Whether the reply (immediate or deferred) is ephemeral. */
    public boolean isEphemeral() {
        return ephemeral;
    }

    /** The reply message (latest version): for type 4/5 the response, for 6/7 the updated component message. */
    public SandboxMessage reply() {
        String oid = originalMessageId;
        if (oid == null) {
            throw new IllegalStateException(description + " has no reply message (callback type " + callbackType
                    + (failed ? ", failed: " + failure : "") + ")");
        }
        return state.messages
                .snapshot(oid)
                .orElseThrow(() -> new IllegalStateException("the reply to " + description + " was deleted"));
    }

    /** The reply if there is one. */
    public Optional<SandboxMessage> replyIfAny() {
        String oid = originalMessageId;
        return oid == null ? Optional.empty() : state.messages.snapshot(oid);
    }

    /** The modal the bot opened (callback type 9). */
    public SandboxModal modal() {
        SandboxModal m = modal;
        if (m == null) {
            throw new IllegalStateException(description + " did not open a modal (callback type " + callbackType
                    + (failed ? ", failed: " + failure : "") + ")");
        }
        return m;
    }

    /** Follow-up messages sent through the interaction webhook, oldest first. */
    public List<SandboxMessage> followUps() {
        List<String> ids;
        synchronized (state) {
            ids = List.copyOf(followUpIds);
        }
        return ids.stream()
                .map(state.messages::snapshot)
                .flatMap(Optional::stream)
                .toList();
    }

    void signal() {
        synchronized (this) {
            notifyAll();
        }
    }

    @Override
    public String toString() {
        return description + " by " + user.displayName()
                + (failed ? " (failed)" : callbackType != null ? " (answered " + callbackType + ")" : "");
    }
}
