package uk.stepup.app.demo;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import uk.stepup.app.BotModule;
import uk.stepup.app.ManualTimers;
import uk.stepup.app.SimulatedClock;
import uk.stepup.config.StepUpConfig;
import uk.stepup.curriculum.Curriculum;

/**
 * The bot a simulated programme drives: started on the simulated clock, it fires its timers when told (as Quartz
 * would at that moment) and says which task and session moments it asked to be woken at. {@link #inProcess} is the
 * real composition root in this process; a benchmark may run the same bot in a child process to measure it alone.
 */
public interface DemoBot extends AutoCloseable {
    /** Fires every timer due at the simulated clock's current time. */
    void fire();

    /** Takes the earliest moment the bot asked to be woken at that is at or before {@code until}. */
    Optional<Instant> nextWakeup(Instant until);

    @Override
    void close();

    /** Starts a bot for the demo, connected and ready when it returns. */
    @FunctionalInterface
    interface Starter {
        DemoBot start(StepUpConfig config, String token, Map<String, Curriculum> curricula, SimulatedClock clock)
                throws InterruptedException;
    }

    /** The bot in this process: {@link BotModule} with {@link ManualTimers}. */
    static DemoBot inProcess(StepUpConfig config, String token, Map<String, Curriculum> curricula, SimulatedClock clock)
            throws InterruptedException {
        AtomicReference<ManualTimers> ref = new AtomicReference<>();
        BotModule bot = new BotModule(config, token, curricula, clock, ticker -> {
            ManualTimers t = new ManualTimers(ticker);
            ref.set(t);
            return t;
        });
        ManualTimers timers = ref.get();
        return new DemoBot() {
            @Override
            public void fire() {
                timers.fire();
            }

            @Override
            public Optional<Instant> nextWakeup(Instant until) {
                return timers.nextWakeup(until);
            }

            @Override
            public void close() {
                bot.close();
            }
        };
    }
}
