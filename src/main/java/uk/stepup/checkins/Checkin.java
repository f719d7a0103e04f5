package uk.stepup.checkins;

import java.time.Instant;

/**
 * A home's check-in for one programme week (the latest revision).
 *
 * @param late      true if first submitted after the week's window closed
 * @param revisions how many times it was saved (1 = never edited)
 */
public record Checkin(
        long id,
        long homeId,
        int week,
        String code,
        CheckinAnswers answers,
        HighlightShare share,
        boolean late,
        int revisions,
        String submittedBy,
        Instant submittedAt,
        Instant updatedAt) {}
