package uk.stepup.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import uk.stepup.measures.spc.ImprovementDirection;

/** Port: a cohort's measures and the homes' values. */
public interface MeasureRepository {

    /** What a coach defines; the position is the next free one. */
    record NewMeasure(
            long cohortId,
            String name,
            String unit,
            ImprovementDirection direction,
            OptionalDouble target,
            Frequency frequency,
            Optional<Rate> rate,
            String createdBy,
            Instant createdAt) {}

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

    /**
     * One period's values of a measure, added up over homes: how many there are, their sum, the sums of their
     * numerators and denominators (a missing one counts as 0), and whether every value is a whole number.
     */
    record PeriodTotal(
            LocalDate period, int values, double sum, double numerators, double denominators, boolean allWhole) {}

    /**
     * The values of the measure entered for homes of the cohort, added up per period, for periods up to {@code upTo}
     * in period order: what the cohort aggregate is made of, without reading every value (15,000 homes enter
     * 300,000 weekly values in 24 weeks).
     */
    List<PeriodTotal> totals(long measureId, long cohortId, LocalDate upTo);

    /** Thrown when the cohort already has a measure of that name (names are compared ignoring case). */
    final class DuplicateMeasureException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DuplicateMeasureException(String name) {
            super("This cohort already has a measure called \"" + name + "\".");
        }
    }
}
