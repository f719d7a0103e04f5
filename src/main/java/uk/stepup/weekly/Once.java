package uk.stepup.weekly;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** Small helpers the tick shares: read a value once, and run posts side by side. */
final class Once {
    private Once() {}

    /** The value, worked out on the first call and kept (for one tick, on one thread). */
    static <T> Supplier<T> of(Supplier<T> read) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = read.get();
                }
                return value;
            }
        };
    }

    /** Runs the tasks on the executor and waits for every one; the first failure is rethrown after all end. */
    static void runAll(Executor posts, List<Runnable> tasks) {
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (Runnable task : tasks) {
            running.add(CompletableFuture.runAsync(task, posts));
        }
        RuntimeException failure = null;
        for (CompletableFuture<Void> f : running) {
            try {
                f.join();
            } catch (CompletionException | CancellationException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
