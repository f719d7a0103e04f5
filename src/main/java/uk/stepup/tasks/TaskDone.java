package uk.stepup.tasks;

import java.time.Instant;

/** A home marked a task done: which manager, and when. */
public record TaskDone(long taskId, long homeId, String doneBy, Instant doneAt) {}
