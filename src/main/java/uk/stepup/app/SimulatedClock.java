package uk.stepup.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** A clock the demo (and tests) move by hand, so 24 weeks of programme run in seconds. Thread-safe. */
public final class SimulatedClock extends Clock {
    private final AtomicReference<Instant> now;
    private final List<Consumer<Instant>> listeners = new CopyOnWriteArrayList<>();

    public SimulatedClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public void set(Instant instant) {
        now.set(instant);
        listeners.forEach(l -> l.accept(instant));
    }

    public void advance(Duration by) {
        Instant t = now.updateAndGet(i -> i.plus(by));
        listeners.forEach(l -> l.accept(t));
    }

    /** Calls {@code listener} with the new time whenever the clock is moved (to keep another process's clock in step). */
    public void onChange(Consumer<Instant> listener) {
        listeners.add(listener);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now.get(), zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
