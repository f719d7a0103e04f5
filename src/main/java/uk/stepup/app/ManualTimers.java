package uk.stepup.app;

import java.time.Instant;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Consumer;
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
    private final NavigableSet<Instant> wakeups = new ConcurrentSkipListSet<>();

    private final Consumer<Instant> onWake;

    public ManualTimers(ProgrammeTicker ticker) {
        this(ticker, at -> { });
    }

    /** @param onWake told of every wake-up asked for, as it is asked (a driver in another process listens) */
    public ManualTimers(ProgrammeTicker ticker, Consumer<Instant> onWake) {
        this.ticker = ticker;
        this.onWake = onWake;
    }

    @Override
    public void schedule(Cohort cohort) {
        scheduled.add(cohort.id());
    }

    @Override
    public void cancel(long cohortId) {
        scheduled.remove(cohortId);
    }

    /**
     * Remembers the moment (a task or session reminder, a session's start) so that a driver who jumps the clock
     * forward can stop there first ({@link #nextWakeup}), as Quartz would have fired at it.
     */
    @Override
    public void wakeAt(long cohortId, Instant at) {
        wakeups.add(at);
        onWake.accept(at);
    }

    /** Takes the earliest remembered wake-up at or before {@code until}, if any. */
    public Optional<Instant> nextWakeup(Instant until) {
        Instant first = wakeups.isEmpty() ? null : wakeups.first();
        if (first == null || first.isAfter(until)) {
            return Optional.empty();
        }
        wakeups.remove(first);
        return Optional.of(first);
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
