package uk.stepup.shared;

/** The id of a cohort. */
public record CohortId(long value) implements EntityId {}
