package uk.stepup.cohorts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: homes and their managers. */
public interface HomeRepository {

    /** A home to enrol, with the Discord user ids of its managers. */
    record NewHome(
            String name, String slug, Optional<String> cqcLocationId, Baseline baseline, List<String> managerIds) {
        public NewHome {
            managerIds = List.copyOf(managerIds);
        }
    }

    /**
     * Enrols every home in one transaction: all or nothing. Managers already enrolled in another home of the
     * cohort make the whole call fail with {@link EnrolmentConflictException}.
     */
    List<Home> enrolAll(long cohortId, List<NewHome> homes, Instant at);

    /** Adds a manager to an existing home. */
    Home addManager(long homeId, String userId, Instant at);

    Optional<Home> byId(long homeId);

    Optional<Home> byName(long cohortId, String name);

    List<Home> inCohort(long cohortId);

    /** The home this user manages in the cohort, if any. */
    Optional<Home> managedBy(long cohortId, String userId);

    /** Every home this user manages, across cohorts (a manager may be in more than one cohort over time). */
    List<Home> managedBy(String userId);

    void saveChannel(long homeId, String channelId);

    /** Thrown when enrolment would break a rule (a manager in two homes, a duplicate name). */
    final class EnrolmentConflictException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public EnrolmentConflictException(String message) {
            super(message);
        }
    }
}
