package uk.stepup.cohorts;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;

/** A home's CQC ratings when it joined: overall and per key question; any may be "not rated". */
public record Baseline(Optional<Rating> overall, Map<KeyQuestion, Rating> byKeyQuestion) {

    public Baseline {
        byKeyQuestion = byKeyQuestion.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(byKeyQuestion));
    }

    public static Baseline notRated() {
        return new Baseline(Optional.empty(), Map.of());
    }

    public Optional<Rating> of(KeyQuestion keyQuestion) {
        return Optional.ofNullable(byKeyQuestion.get(keyQuestion));
    }
}
