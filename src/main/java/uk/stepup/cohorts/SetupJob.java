package uk.stepup.cohorts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A long set-up a coach started ({@code /cohort import}, {@code /cohort repair}) and how far it has gone, kept in the
 * database so that a restart resumes it where it stopped.
 *
 * @param startedBy the coach's user id, mentioned (and only they) in the final report
 * @param file      for an import, the checked file, read again when the job resumes; dropped when it is done
 * @param done      steps done in the current phase (managers admitted or dismissed, homes given their channel)
 * @param problems  what went wrong so far, for the final report
 */
public record SetupJob(
        long id,
        long cohortId,
        Kind kind,
        String startedBy,
        Optional<String> file,
        Phase phase,
        int done,
        List<String> problems,
        Instant startedAt) {

    public SetupJob {
        problems = List.copyOf(problems);
    }

    public enum Kind {
        IMPORT,
        REPAIR
    }

    /**
     * An import goes ADMIT, STORE, CHANNELS, REPORT (or ADMIT, DISMISS, REFUSED when a manager is not on the server);
     * a repair goes COHORT, CHANNELS, REPORT. DONE once the report is posted.
     */
    public enum Phase {
        ADMIT,
        DISMISS,
        REFUSED,
        STORE,
        COHORT,
        CHANNELS,
        REPORT,
        DONE
    }
}
