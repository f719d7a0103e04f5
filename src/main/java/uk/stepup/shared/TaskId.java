package uk.stepup.shared;

/** The id of a task a coach set for every home of a cohort. */
public record TaskId(long value) implements EntityId {}
