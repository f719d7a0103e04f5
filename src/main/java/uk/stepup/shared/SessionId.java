package uk.stepup.shared;

/** The id of a live session a coach scheduled. */
public record SessionId(long value) implements EntityId {}
