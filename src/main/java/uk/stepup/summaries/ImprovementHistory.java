package uk.stepup.summaries;

import java.util.List;
import uk.stepup.improvement.Aim;
import uk.stepup.improvement.PdsaCycle;
import uk.stepup.improvement.ProgressScore;
import uk.stepup.improvement.Recalculation;

/**
 * A cohort's improvement work as stored (programme spec section 11), for the export's tables and the report's
 * sections: the homes' aims, PDSA cycles, the limit recalculations people confirmed (undone ones included) and the
 * coaches' progress scores. Only enrolled homes' rows; every text went through the privacy guard before it was stored.
 *
 * @param aims           by home, then measure
 * @param cycles         by home, then number
 * @param recalculations by home, measure and confirmation
 * @param scores         by home, then time
 */
public record ImprovementHistory(
        List<Aim> aims, List<PdsaCycle> cycles, List<Recalculation> recalculations, List<ProgressScore> scores) {

    public ImprovementHistory {
        aims = List.copyOf(aims);
        cycles = List.copyOf(cycles);
        recalculations = List.copyOf(recalculations);
        scores = List.copyOf(scores);
    }

    /** Nothing recorded (or not read). */
    public static ImprovementHistory none() {
        return new ImprovementHistory(List.of(), List.of(), List.of(), List.of());
    }

    /** True when there is nothing to show. */
    public boolean isEmpty() {
        return aims.isEmpty() && cycles.isEmpty() && recalculations.isEmpty() && scores.isEmpty();
    }
}
