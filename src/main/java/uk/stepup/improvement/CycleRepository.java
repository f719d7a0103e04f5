package uk.stepup.improvement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import uk.stepup.checkins.HighlightShare;

/** Port: homes' PDSA cycles. */
public interface CycleRepository {

    record NewCycle(
            long homeId,
            OptionalLong measureId,
            OptionalLong previousId,
            String changeIdea,
            String plan,
            String prediction,
            LocalDate start,
            int plannedWeeks,
            HighlightShare share,
            String createdBy,
            Instant createdAt) {}

    /** Stores a new cycle with the home's next number (1 for its first), in one transaction. */
    PdsaCycle add(NewCycle cycle);

    Optional<PdsaCycle> byId(long cycleId);

    /** Records the Do step, replacing an earlier one. */
    void saveDo(long cycleId, PdsaCycle.Step step);

    /** Records the Study step, replacing an earlier one. */
    void saveStudy(long cycleId, PdsaCycle.Step step);

    /** Records the decision; false (and nothing stored) when the cycle already has one. */
    boolean saveAct(long cycleId, PdsaCycle.Act act);

    void saveShare(long cycleId, HighlightShare share);

    /** The home's cycles by number. */
    List<PdsaCycle> forHome(long homeId);

    /** Every cycle of the cohort's homes, by home then number. */
    List<PdsaCycle> inCohort(long cohortId);
}
