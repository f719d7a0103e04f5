package uk.stepup.improvement;

import java.time.Instant;
import java.util.List;

/** Port: coaches' progress scores, kept over time. */
public interface ProgressScoreRepository {

    record NewScore(long homeId, IhiScale score, int week, String note, String setBy, Instant setAt) {}

    ProgressScore add(NewScore score);

    /** The home's scores, oldest first. */
    List<ProgressScore> forHome(long homeId);

    /** Every score of the cohort's homes, by home then time. */
    List<ProgressScore> inCohort(long cohortId);
}
