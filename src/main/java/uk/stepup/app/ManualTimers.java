package uk.stepup.app;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import uk.stepup.cohorts.Cohort;
import uk.stepup.programme.CohortTimers;
import uk.stepup.programme.ProgrammeTicker;

/**
 * Timers for a simulated programme: instead of waiting for real Mondays, whoever drives the simulated clock calls
 * {@link #fire()} at each moment, which makes the same tick the Quartz jobs make in {@code run}.
 */
public final class ManualTimers implements CohortTimers {
    private final ProgrammeTicker ticker;
    private final Set<Long> scheduled = new ConcurrentSkipListSet<>();

    public ManualTimers(ProgrammeTicker ticker) {
        this.ticker = ticker;
    }

    @Override
    public void schedule(Cohort cohort) {
        scheduled.add(cohort.id());
    }

    @Override
    public void cancel(long cohortId) {
        scheduled.remove(cohortId);
    }

    /** Nothing to remember: {@link #fire()} ticks every scheduled cohort at whatever moment the driver chooses. */
    @Override
    public void wakeAt(long cohortId, Instant at) {
    }

    public List<Long> scheduled() {
        return List.copyOf(scheduled);
    }

    /** Ticks every scheduled cohort, as the timers would at this moment. */
    public void fire() {
        for (long id : scheduled()) {
            ticker.tick(id);
        }
    }
}
