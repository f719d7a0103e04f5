package uk.stepup.summaries;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;

/**
 * A home's self-assessment journey: per key question, its KLOE self-ratings week by week, with the home's CQC
 * baseline for that key question as the reference.
 *
 * @param title       the heading drawn in the image, e.g. "Rosewood Lodge · self-assessment journey"
 * @param subtitle    a second, quieter line (may be empty)
 * @param keyQuestions the panels to draw, in this order; each key question at most once
 */
public record RatingJourney(String title, String subtitle, List<KeyQuestionJourney> keyQuestions) {

    public RatingJourney {
        Objects.requireNonNull(title, "title");
        subtitle = subtitle == null ? "" : subtitle;
        keyQuestions = List.copyOf(keyQuestions);
        if (keyQuestions.stream()
                        .map(KeyQuestionJourney::keyQuestion)
                        .distinct()
                        .count()
                != keyQuestions.size()) {
            throw new IllegalArgumentException("A key question appears twice in the journey " + title);
        }
    }

    public RatingJourney(String title, List<KeyQuestionJourney> keyQuestions) {
        this(title, "", keyQuestions);
    }

    /**
     * Builds the journey from the cohort's programme: week {@code n} worked on {@code codes.get(n - 1)} and the
     * home's self-rating for it is {@code ratings.get(n - 1)} (empty: no check-in). {@code ratings} may be shorter
     * than {@code codes}: only the weeks so far are drawn. A code's first letter names its key question (S1 is
     * Safe); every key question gets a panel, in CQC's order, so each baseline shows even before its first week.
     *
     * @throws IllegalArgumentException if a code does not start with a key question letter
     */
    public static RatingJourney of(
            String title,
            String subtitle,
            List<String> codes,
            List<Optional<Rating>> ratings,
            Map<KeyQuestion, Rating> baseline) {
        if (ratings.size() > codes.size()) {
            throw new IllegalArgumentException(ratings.size() + " ratings for only " + codes.size() + " KLOEs");
        }
        Map<KeyQuestion, List<JourneyPoint>> points = new EnumMap<>(KeyQuestion.class);
        for (KeyQuestion k : KeyQuestion.values()) {
            points.put(k, new ArrayList<>());
        }
        for (int i = 0; i < ratings.size(); i++) {
            String code = codes.get(i);
            KeyQuestion k = keyQuestionOf(code)
                    .orElseThrow(() -> new IllegalArgumentException("KLOE code '" + code + "' names no key question"));
            points.get(k).add(new JourneyPoint(i + 1, code, ratings.get(i)));
        }
        List<KeyQuestionJourney> panels = new ArrayList<>();
        for (KeyQuestion k : KeyQuestion.values()) {
            panels.add(new KeyQuestionJourney(k, Optional.ofNullable(baseline.get(k)), points.get(k)));
        }
        return new RatingJourney(title, subtitle, panels);
    }

    /** S1 is Safe, W5 is Well-led: the code's first letter, when it is one of the five key question letters. */
    public static Optional<KeyQuestion> keyQuestionOf(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String c = code.trim();
        // Quality statements are written QS-S1 … QS-W8; KLOEs S1 … W5.
        if (c.length() > 3 && c.regionMatches(true, 0, "QS-", 0, 3)) {
            c = c.substring(3);
        }
        return KeyQuestion.parse(c.substring(0, 1));
    }

    public boolean hasCheckins() {
        return keyQuestions.stream().anyMatch(KeyQuestionJourney::hasCheckins);
    }
}
