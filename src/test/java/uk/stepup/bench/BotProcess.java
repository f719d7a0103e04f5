package uk.stepup.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import uk.stepup.app.BotModule;
import uk.stepup.app.ManualTimers;
import uk.stepup.config.StepUpConfig;
import uk.stepup.crash.FileClock;
import uk.stepup.curriculum.CurriculumLoader;
import uk.stepup.prompts.YamlFrontMatter;
import uk.stepup.shared.WeeklyTime;

/**
 * The bot alone in a child process, so that its memory can be measured apart from the sandbox and the simulated
 * people: the real composition root on a real database file, time read from the driver's clock file. Files in the
 * control folder carry the conversation: {@code tick-N} (fire the timers) answered by {@code done-N}; every
 * wake-up the bot asks for becomes a {@code wake-EPOCHMILLIS-N} file; {@code stats} is answered by
 * {@code stats.txt} with the process's memory after a full collection.
 */
public final class BotProcess {
    private BotProcess() {}

    /** Arguments: control folder, database file, REST URL, gateway URL, token, guild id or "-" for every server. */
    public static void main(String[] args) throws Exception {
        Path control = Path.of(args[0]);
        StepUpConfig config = new StepUpConfig(
                new StepUpConfig.Discord("-".equals(args[5]) ? null : args[5], "Coach", args[2], args[3]),
                new StepUpConfig.Storage(Path.of(args[1])),
                new StepUpConfig.Curriculum(Path.of("prompts"), "kloe-2017"),
                new StepUpConfig.Schedule(
                        ZoneId.of("Europe/London"),
                        WeeklyTime.parse("MONDAY 09:00").orElseThrow(),
                        WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
                        WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                        WeeklyTime.parse("MONDAY 08:00").orElseThrow()));
        AtomicReference<ManualTimers> timers = new AtomicReference<>();
        AtomicLong wakes = new AtomicLong();
        try (BotModule bot = new BotModule(
                config,
                args[4],
                new CurriculumLoader(new YamlFrontMatter())
                        .load(Path.of("prompts"))
                        .curricula(),
                new FileClock(control.resolve("clock")),
                ticker -> {
                    ManualTimers t = new ManualTimers(
                            ticker,
                            at -> write(
                                    control.resolve("wake-" + at.toEpochMilli() + "-" + wakes.incrementAndGet()), ""));
                    timers.set(t);
                    return t;
                })) {
            write(control.resolve("ready"), "ready: " + bot.cohorts.running().size() + " running cohorts");
            while (!Files.exists(control.resolve("stop"))) {
                try (var files = Files.list(control)) {
                    for (Path p : files.filter(f -> f.getFileName().toString().startsWith("tick-"))
                            .sorted()
                            .toList()) {
                        timers.get().fire();
                        write(
                                control.resolve(
                                        "done-" + p.getFileName().toString().substring(5)),
                                "done");
                        Files.deleteIfExists(p);
                    }
                }
                if (Files.exists(control.resolve("stats"))) {
                    Files.delete(control.resolve("stats"));
                    write(control.resolve("stats.txt"), stats());
                }
                Thread.sleep(5);
            }
        }
    }

    /** Heap in use after a full collection, and the kernel's resident figures, one {@code key=value} per line. */
    private static String stats() throws IOException {
        System.gc();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long nonHeap =
                ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed();
        StringBuilder s = new StringBuilder("heapAfterGcBytes=" + heap + "\nnonHeapBytes=" + nonHeap + "\n");
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:") || line.startsWith("VmRSS:")) {
                s.append(line.substring(0, 5))
                        .append("Kb=")
                        .append(line.replaceAll("\\D", ""))
                        .append('\n');
            }
        }
        s.append("at=").append(Instant.now()).append('\n');
        return s.toString();
    }

    /** Writes the file whole or not at all (a new name moved into place), as both processes read these files. */
    static void write(Path p, String text) {
        try {
            Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
