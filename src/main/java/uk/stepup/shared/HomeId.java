package uk.stepup.shared;

/** The id of a home (a care home in a cohort). */
public record HomeId(long value) implements EntityId {}
