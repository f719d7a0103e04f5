package uk.stepup.shared;

/**
 * A row's id with its kind in the type: a {@link HomeId} cannot be passed where a {@link CohortId} is meant, which a
 * bare {@code long} allowed without a word from the compiler. Component ids on Discord carry {@link #value()}.
 */
public interface EntityId {
    long value();
}
