package uk.stepup.measures;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import uk.stepup.measures.spc.ImprovementDirection;

/**
 * A QI measure a cohort tracks, defined once by a coach and entered by every home: a plain number per period
 * (e.g. falls this week) or a {@link Rate} made from two aggregate counts (falls per 1,000 occupied bed days).
 *
 * @param position  1-based order in which the cohort's measures are asked and shown
 * @param direction which way is better; neutral gives purple special causes and no assurance icon
 * @param target    optional, for the assurance icon
 */
public record Measure(
        long id,
        long cohortId,
        String name,
        String unit,
        ImprovementDirection direction,
        OptionalDouble target,
        Frequency frequency,
        Optional<Rate> rate,
        int position,
        String createdBy,
        Instant createdAt) {

    public Measure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(rate, "rate");
    }

    public boolean isRate() {
        return rate.isPresent();
    }

    /** "higher is better", "lower is better" or "neither way is better". */
    public String directionWords() {
        return directionWords(direction);
    }

    public static String directionWords(ImprovementDirection direction) {
        return switch (direction) {
            case INCREASE -> "higher is better";
            case DECREASE -> "lower is better";
            case NEUTRAL -> "neither way is better";
        };
    }

    /**
     * One line defining the measure: "falls · weekly · lower is better · target 3", with the rate's definition when
     * it is one.
     */
    public String definition() {
        StringBuilder s = new StringBuilder(unit);
        rate.ifPresent(r -> s.append(" (").append(r.describe()).append(')'));
        s.append(" · ").append(frequency.code()).append(" · ").append(directionWords());
        target.ifPresent(t -> s.append(" · target ").append(Numbers.format(t)));
        return s.toString();
    }
}
