package uk.stepup.shared;

/** The id of a stored check-in. */
public record CheckinId(long value) implements EntityId {}
