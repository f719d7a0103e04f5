package uk.stepup.checkins;

import java.util.Optional;
import uk.stepup.shared.Rating;

/** What a manager wrote in the weekly check-in modal. Optional answers are empty, never blank. */
public record CheckinAnswers(
        Rating rating,
        String didThisWeek,
        Optional<String> evidence,
        Optional<String> nextStep,
        Optional<String> highlight) {

    public static final int DID_MAX = 1000;
    public static final int EVIDENCE_MAX = 1000;
    public static final int NEXT_STEP_MAX = 300;
    public static final int HIGHLIGHT_MAX = 500;

    public CheckinAnswers {
        evidence = blankToEmpty(evidence);
        nextStep = blankToEmpty(nextStep);
        highlight = blankToEmpty(highlight);
    }

    private static Optional<String> blankToEmpty(Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty());
    }
}
