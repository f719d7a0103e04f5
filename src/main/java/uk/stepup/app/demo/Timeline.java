package uk.stepup.app.demo;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.PriorityQueue;
import uk.stepup.app.SimulatedClock;

/**
 * The demo's time: what the simulated people and the bot's timers do, and when. Steps run in time order (those at
 * the same moment in the order they were planned), with the simulated clock moved to each step's moment first.
 */
final class Timeline {
    /** Something a simulated person or a timer does at a moment. */
    private record Step(Instant at, long order, Runnable action) {}

    private final PriorityQueue<Step> steps =
            new PriorityQueue<>(Comparator.comparing(Step::at).thenComparingLong(Step::order));
    private final SimulatedClock clock;
    private final DemoBot bot;
    private long planned;

    Timeline(SimulatedClock clock, DemoBot bot) {
        this.clock = clock;
        this.bot = bot;
    }

    /** Plans {@code action} for {@code when}. */
    void at(Instant when, Runnable action) {
        steps.add(new Step(when, planned++, action));
    }

    /** Plans the bot's timers to fire at {@code when}, as Quartz would fire them then. */
    void timersAt(Instant when) {
        at(when, bot::fire);
    }

    /** Fires every timer of the bot due now. */
    void fireTimers() {
        bot.fire();
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * Runs every step before {@code end} in time order. Before each, the clock stops at any task or session
     * moment the bot asked to be woken for, as Quartz would fire it.
     */
    void runUntil(Instant end) {
        while (!steps.isEmpty() && steps.peek().at().isBefore(end)) {
            Step step = steps.poll();
            advanceTo(step.at());
            step.action().run();
        }
        advanceTo(end.minusSeconds(1));
    }

    private void advanceTo(Instant t) {
        for (Optional<Instant> w = bot.nextWakeup(t); w.isPresent(); w = bot.nextWakeup(t)) {
            if (w.get().isAfter(clock.instant())) {
                clock.set(w.get());
            }
            bot.fire();
        }
        if (t.isAfter(clock.instant())) {
            clock.set(t);
        }
    }
}
