package uk.stepup.checkins;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: check-ins and every revision of them. */
public interface CheckinRepository {

    /** One saved version of a check-in. */
    record Revision(int number, CheckinAnswers answers, String editedBy, Instant editedAt) {
    }

    /** What a save did: the check-in as stored, and whether this save changed it. */
    record Stored(Checkin checkin, boolean changed) {
    }

    /**
     * Saves the home's check-in for the week: the first save creates it (with {@code late} as given), later saves
     * add a revision and keep the original submission time and lateness. Answers identical to the stored ones change
     * nothing and add no revision ({@code changed} is false): the same form sent twice, e.g. submitted again after
     * Discord said "This interaction failed" although the first submit was saved. Atomic: two identical submits at
     * once store one revision. Committed before this returns.
     */
    Stored save(long homeId, int week, String code, CheckinAnswers answers, String userId, Instant at, boolean late);

    Optional<Checkin> find(long homeId, int week);

    Optional<Checkin> byId(long checkinId);

    List<Checkin> forHome(long homeId);

    List<Checkin> forCohortWeek(long cohortId, int week);

    List<Checkin> forCohort(long cohortId);

    void setShare(long checkinId, HighlightShare share);

    List<Revision> revisions(long checkinId);
}
