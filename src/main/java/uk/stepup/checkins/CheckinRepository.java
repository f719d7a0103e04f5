package uk.stepup.checkins;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: check-ins and every revision of them. */
public interface CheckinRepository {

    /** One saved version of a check-in. */
    record Revision(int number, CheckinAnswers answers, String editedBy, Instant editedAt) {
    }

    /**
     * Saves the home's check-in for the week: the first save creates it (with {@code late} as given), later saves
     * add a revision and keep the original submission time and lateness. Committed before this returns.
     */
    Checkin save(long homeId, int week, String code, CheckinAnswers answers, String userId, Instant at, boolean late);

    Optional<Checkin> find(long homeId, int week);

    Optional<Checkin> byId(long checkinId);

    List<Checkin> forHome(long homeId);

    List<Checkin> forCohortWeek(long cohortId, int week);

    List<Checkin> forCohort(long cohortId);

    void setShare(long checkinId, HighlightShare share);

    List<Revision> revisions(long checkinId);
}
