package uk.stepup.actions;

import java.time.Instant;
import java.util.Optional;

/**
 * What a manager said about an action in one week's check-in. {@code outcome} is empty when they gave a few words
 * before choosing how it went.
 */
public record FollowUp(
        long actionId,
        int week,
        Optional<ActionOutcome> outcome,
        Optional<String> note,
        String answeredBy,
        Instant answeredAt) {}
