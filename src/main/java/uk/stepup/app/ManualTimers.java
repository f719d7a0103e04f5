package uk.stepup.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortTimers;
import uk.stepup.cohorts.ProgrammeTicker;

/**
 * Timers for a simulated programme: instead of waiting for real Mondays, whoever drives the simulated clock calls
 * {@link #fire()} at each moment, which makes the same tick the Quartz jobs make in {@code run}. One-off wake-ups the
 * programme asks for (a task reminder, a post to try again) are remembered; a driver that wants them honoured asks
 * for {@link #wakeUps()} and fires at those moments.
 */
public final class ManualTimers implements CohortTimers {
    private final ProgrammeTicker ticker;
    private final Set<Long> scheduled = new ConcurrentSkipListSet<>();
    private final Map<Long, NavigableSet<Instant>> wakeUps = new ConcurrentHashMap<>();
    private final Consumer<Instant> onWake;

    public ManualTimers(ProgrammeTicker ticker) {
        this(ticker, at -> {});
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
        wakeUps.remove(cohortId);
    }

    /**
     * Remembers the moment (a task or session reminder, a session's start) so that a driver who jumps the clock
     * forward can stop there first ({@link #nextWakeup}), as Quartz would have fired at it; {@link #fire()} does
     * not need them.
     */
    @Override
    public void wakeAt(long cohortId, Instant at) {
        wakeUps.computeIfAbsent(cohortId, k -> new ConcurrentSkipListSet<>()).add(at);
        onWake.accept(at);
    }

    /** Takes the earliest remembered wake-up at or before {@code until}, across cohorts, if any. */
    public Optional<Instant> nextWakeup(Instant until) {
        Optional<Instant> first = wakeUps.values().stream()
                .filter(s -> !s.isEmpty())
                .map(NavigableSet::first)
                .min(Instant::compareTo)
                .filter(t -> !t.isAfter(until));
        first.ifPresent(t -> wakeUps.values().forEach(s -> s.headSet(t, true).clear()));
        return first;
    }

    public List<Long> scheduled() {
        return List.copyOf(scheduled);
    }

    /**
     * Ticks every scheduled cohort, as the timers would at this moment: side by side, up to
     * {@link CohortTimers#CONCURRENT_TICKS} at once as Quartz's threads run them, and returns when all are done. A
     * tick's failure is thrown after every tick has ended.
     */
    public void fire() {
        List<Long> ids = scheduled();
        if (ids.size() <= 1) {
            ids.forEach(ticker::tick);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(ids.size(), CONCURRENT_TICKS), r -> {
            Thread t = new Thread(r, "cohort-tick");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> ticks = new ArrayList<>();
            for (long id : ids) {
                ticks.add(pool.submit(() -> ticker.tick(id)));
            }
            Throwable failure = null;
            for (Future<?> f : ticks) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    } else {
                        failure.addSuppressed(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the cohorts ticked", e);
                }
            }
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            if (failure instanceof Error err) {
                throw err;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
        } finally {
            pool.shutdown();
        }
    }
}
