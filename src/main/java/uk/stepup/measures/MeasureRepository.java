package uk.stepup.measures;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import uk.stepup.measures.spc.ImprovementDirection;

/** Port: a cohort's measures and the homes' values. */
public interface MeasureRepository {

    /** What a coach defines; the position is the next free one. */
    record NewMeasure(long cohortId, String name, String unit, ImprovementDirection direction, OptionalDouble target,
                      Frequency frequency, Optional<Rate> rate, String createdBy, Instant createdAt) {
    }

    /** Adds a measure at the end of the cohort's list; {@link DuplicateMeasureException} if the name is taken. */
    Measure add(NewMeasure measure);

    /** The cohort's measures in their order. */
    List<Measure> inCohort(long cohortId);

    Optional<Measure> byId(long measureId);

    /**
     * Stores every value in one transaction (all or nothing); a value for a period that already has one replaces
     * it.
     */
    void saveValues(List<MeasureValue> values);

    /** Every value of every measure for the home, by measure then period. */
    List<MeasureValue> forHome(long homeId);

    /** Every home's values of the measure, by period then home. */
    List<MeasureValue> forMeasure(long measureId);

    /** Thrown when the cohort already has a measure of that name (names are compared ignoring case). */
    final class DuplicateMeasureException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DuplicateMeasureException(String name) {
            super("This cohort already has a measure called \"" + name + "\".");
        }
    }
}
