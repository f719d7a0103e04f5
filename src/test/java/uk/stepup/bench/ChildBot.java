package uk.stepup.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import uk.stepup.app.SimulatedClock;
import uk.stepup.app.demo.DemoBot;
import uk.stepup.config.StepUpConfig;
import uk.stepup.crash.FileClock;

/** The driver's side of {@link BotProcess}: a {@link DemoBot} whose bot runs in a child JVM with the given options. */
final class ChildBot implements DemoBot {
    private static final Duration WAIT = Duration.ofMinutes(2);
    private final Path control;
    private final Process process;
    private final NavigableSet<Instant> wakeups = new TreeSet<>();
    private int ticks;
    private Map<String, Long> stats = Map.of();

    private ChildBot(Path control, Process process) {
        this.control = control;
        this.process = process;
    }

    static ChildBot start(
            Path control, List<String> jvmOptions, StepUpConfig config, String token, SimulatedClock clock)
            throws InterruptedException {
        try {
            Files.createDirectories(control);
            FileClock.set(control.resolve("clock"), clock.instant());
            clock.onChange(t -> FileClock.set(control.resolve("clock"), t));
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(List.of(
                    "-Djava.awt.headless=true",
                    "-cp",
                    System.getProperty("java.class.path"),
                    BotProcess.class.getName(),
                    control.toString(),
                    config.storage().database().toString(),
                    config.discord().apiUrl(),
                    config.discord().gatewayUrl(),
                    token,
                    config.discord().guildId() == null ? "-" : config.discord().guildId()));
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(control.resolve("bot.log").toFile())
                    .start();
            ChildBot bot = new ChildBot(control, p);
            bot.await(control.resolve("ready"));
            return bot;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void fire() {
        Path done = control.resolve(String.format("done-%07d", ++ticks));
        BotProcess.write(control.resolve(String.format("tick-%07d", ticks)), "tick");
        await(done);
    }

    @Override
    public Optional<Instant> nextWakeup(Instant until) {
        try (var files = Files.list(control)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("wake-"))
                    .toList()) {
                wakeups.add(Instant.ofEpochMilli(
                        Long.parseLong(p.getFileName().toString().split("-")[1])));
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant first = wakeups.isEmpty() ? null : wakeups.first();
        if (first == null || first.isAfter(until)) {
            return Optional.empty();
        }
        wakeups.remove(first);
        return Optional.of(first);
    }

    /** The child's memory now, after a full collection: heapAfterGcBytes, nonHeapBytes, VmHWMKb, VmRSSKb. */
    Map<String, Long> measure() {
        try {
            Files.deleteIfExists(control.resolve("stats.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BotProcess.write(control.resolve("stats"), "");
        await(control.resolve("stats.txt"));
        Map<String, Long> m = new HashMap<>();
        try {
            for (String line : Files.readAllLines(control.resolve("stats.txt"))) {
                String[] kv = line.split("=", 2);
                if (kv[1].matches("\\d+")) {
                    m.put(kv[0], Long.parseLong(kv[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stats = m;
        nativeMemory();
        return m;
    }

    /** With {@code -XX:NativeMemoryTracking=summary} among the options, prints where the resident memory goes. */
    private void nativeMemory() {
        if (!process.info()
                .arguments()
                .map(a -> String.join(" ", a).contains("NativeMemoryTracking"))
                .orElse(false)) {
            return;
        }
        try {
            Process jcmd = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                    .toString(),
                            Long.toString(process.pid()),
                            "VM.native_memory",
                            "summary")
                    .redirectErrorStream(true)
                    .start();
            System.out.println(new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            jcmd.waitFor();
        } catch (IOException e) {
            System.out.println("jcmd failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Map<String, Long> lastStats() {
        return stats;
    }

    /** Measures the child's memory at the end of the run (see {@link #lastStats}), then stops it. */
    @Override
    public void close() {
        if (process.isAlive()) {
            measure();
        }
        BotProcess.write(control.resolve("stop"), "");
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void await(Path file) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!Files.exists(file)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the bot process ended (exit " + process.exitValue() + "); see " + control.resolve("bot.log"));
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException(
                        "the bot process did not answer within " + WAIT + ": " + file.getFileName());
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
