package uk.stepup.checkins;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.stepup.shared.Rating;

/** Port: check-ins and every revision of them. */
public interface CheckinRepository {

    /** One saved version of a check-in. */
    record Revision(int number, CheckinAnswers answers, String editedBy, Instant editedAt) {}

    /** What a save did: the check-in as stored, and whether this save changed it. */
    record Stored(Checkin checkin, boolean changed) {}

    /**
     * Saves the home's check-in for the week: the first save creates it (with {@code late} as given), later saves
     * add a revision and keep the original submission time and lateness. Answers identical to the stored ones change
     * nothing and add no revision ({@code changed} is false): the same form sent twice, e.g. submitted again after
     * Discord said "This interaction failed" although the first submit was saved. Atomic: two identical submits at
     * once store one revision. Committed before this returns. The check-in records its framework as well as
     * {@code code}: the framework its home's cohort follows, taken when it is first saved and never changed.
     */
    Stored save(long homeId, int week, String code, CheckinAnswers answers, String userId, Instant at, boolean late);

    Optional<Checkin> find(long homeId, int week);

    Optional<Checkin> byId(long checkinId);

    List<Checkin> forHome(long homeId);

    List<Checkin> forCohortWeek(long cohortId, int week);

    List<Checkin> forCohort(long cohortId);

    /**
     * A check-in without its text or times: the home's self-rating for the week, its highlight choice and whether it
     * came late, which is all the summary's counts, the heatmap and the naming rule ({@code HomeLabels}) need.
     */
    record Rated(long homeId, int week, Rating rating, HighlightShare share, boolean late) {}

    /** A highlight and how its home chose to share it. */
    record Highlight(long homeId, HighlightShare share, String text) {}

    /**
     * Every check-in of the cohort as {@link Rated}, in no particular order. A fraction of what {@link #forCohort}
     * reads: at 15,000 homes after 24 weeks that is 300,000 rows with all their text and times.
     */
    List<Rated> ratedInCohort(long cohortId);

    /** The week's highlights that homes chose to share (anonymously or by name), by home id. */
    List<Highlight> sharedHighlights(long cohortId, int week);

    void setShare(long checkinId, HighlightShare share);

    List<Revision> revisions(long checkinId);
}
