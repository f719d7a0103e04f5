package uk.stepup.improvement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Port: homes' aims, one per home and measure. */
public interface AimRepository {

    record NewAim(
            long homeId,
            long measureId,
            double from,
            double to,
            LocalDate by,
            String words,
            String setBy,
            Instant setAt) {}

    /** Stores the aim, replacing the home's earlier aim for the same measure. */
    Aim save(NewAim aim);

    /** Removes the home's aim for the measure; false when there was none. */
    boolean clear(long homeId, long measureId);

    Optional<Aim> of(long homeId, long measureId);

    /** The home's aims, by measure. */
    List<Aim> forHome(long homeId);

    /** Every aim of the cohort's homes, by home then measure. */
    List<Aim> inCohort(long cohortId);
}
