package uk.stepup.checkins;

import java.time.Instant;

/**
 * A home's check-in for one programme week (the latest revision).
 *
 * @param framework the framework the week's item belongs to ({@code kloe-2017}, {@code saf-2023}, …): its cohort's
 *                  framework when it was first saved
 * @param code      the item's code in that framework, e.g. {@code S1} or {@code QS-S3}
 * @param late      true if first submitted after the week's window closed
 * @param revisions how many times it was saved (1 = never edited)
 */
public record Checkin(
        long id,
        long homeId,
        int week,
        String framework,
        String code,
        CheckinAnswers answers,
        HighlightShare share,
        boolean late,
        int revisions,
        String submittedBy,
        Instant submittedAt,
        Instant updatedAt) {}
