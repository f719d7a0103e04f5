package uk.stepup.tasks;

import java.time.Instant;

/** A manager said they attended a session, for their home. */
public record Attendance(long sessionId, long homeId, String userId, Instant recordedAt) {}
