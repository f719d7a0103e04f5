package uk.stepup.improvement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Port: the limit recalculations people confirmed, undone ones included. */
public interface RecalculationRepository {

    record NewRecalculation(
            long homeId,
            long measureId,
            LocalDate from,
            String reason,
            String why,
            String confirmedBy,
            Instant confirmedAt) {}

    Recalculation add(NewRecalculation recalculation);

    Optional<Recalculation> byId(long recalculationId);

    /** Marks it undone; false when it already was. */
    boolean undo(long recalculationId, Recalculation.Undone undone);

    /** The home's recalculations for the measure, in the order they were confirmed. */
    List<Recalculation> of(long homeId, long measureId);

    /** Every recalculation of the cohort's homes, by home, measure and confirmation. */
    List<Recalculation> inCohort(long cohortId);
}
