package uk.stepup.improvement;

import java.time.Instant;
import java.util.Objects;

/**
 * A coach's IHI progress score for a home's improvement work, at a programme week. Scores are kept over time; the
 * latest is the home's current score.
 */
public record ProgressScore(long id, long homeId, IhiScale score, int week, String note, String setBy, Instant setAt) {
    public static final int NOTE_MAX = 300;

    public ProgressScore {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(setBy, "setBy");
        Objects.requireNonNull(setAt, "setAt");
    }
}
