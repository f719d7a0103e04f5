package uk.stepup.cohorts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: set-up jobs and their progress, persisted so that a restart resumes them. */
public interface SetupJobRepository {

    SetupJob start(
            long cohortId,
            SetupJob.Kind kind,
            String startedBy,
            Optional<String> file,
            SetupJob.Phase phase,
            Instant at);

    /** Records one step in one transaction: the phase and count reached, and any problems the step found. */
    void step(long jobId, SetupJob.Phase phase, int done, List<String> newProblems, Instant at);

    /** Marks the job done and forgets its file. */
    void finish(long jobId, Instant at);

    Optional<SetupJob> byId(long jobId);

    /** Jobs not yet done, oldest first. */
    List<SetupJob> unfinished();
}
