package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Mutable state of a guild scheduled event; {@link #json} is replaced on each change. Guarded by the state lock. */
final class ScheduledEventRecord {
    final String id;
    final String guildId;
    volatile ObjectNode json;

    ScheduledEventRecord(String id, String guildId, ObjectNode json) {
        this.id = id;
        this.guildId = guildId;
        this.json = json;
    }

    SandboxScheduledEvent snapshot() {
        return new SandboxScheduledEvent(json.deepCopy());
    }
}
