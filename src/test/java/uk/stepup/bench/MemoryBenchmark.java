package uk.stepup.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.app.demo.Demo;
import uk.stepup.curriculum.CurriculumLoader;
import uk.stepup.prompts.YamlFrontMatter;

/**
 * Memory after a full 600-home demo, bot alone: the demo's simulated people and the sandbox run here, the bot in a
 * child JVM (the real composition root, JDA, SQLite) started with the options a deployment would use, and its
 * resident memory is read from the kernel at the end. 600 homes on two servers for 24 weeks, with tasks, live
 * sessions and weekly measures, as {@code demo --homes 600} runs them.
 * {@code -Dbench.botJvm="..."} sets the bot's JVM options; the default is the Dockerfile's in a 256 MB container.
 * Add {@code -XX:NativeMemoryTracking=summary} to see where the resident memory goes.
 */
class MemoryBenchmark {
    static final int HOMES = Integer.getInteger("bench.memoryHomes", 600);
    static final long TARGET_MB = 256;
    /** The Dockerfile's JAVA_TOOL_OPTIONS (less the headless flag, which the child gets anyway), in a 256 MB container. */
    static final String DOCKER_JVM = "-XX:+UseSerialGC -Xms32m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 "
            + "-XX:MaxRAMPercentage=75 -XX:MaxRAM=256m";

    @TempDir
    Path dir;

    @Test
    void resident_memory_of_the_bot_after_a_full_600_home_demo() throws Exception {
        List<String> jvm = new ArrayList<>(Arrays.asList(
                System.getProperty("bench.botJvm", DOCKER_JVM).trim().split("\\s+")));
        AtomicReference<ChildBot> child = new AtomicReference<>();
        long started = System.nanoTime();
        Demo.Result r = new Demo(
                        HOMES,
                        24,
                        dir.resolve("out"),
                        7,
                        new CurriculumLoader(new YamlFrontMatter())
                                .load(Path.of("prompts"))
                                .curricula(),
                        Demo.HOMES_PER_SERVER,
                        (config, token, curricula, clock) -> {
                            ChildBot bot = ChildBot.start(dir.resolve("control"), jvm, config, token, clock);
                            child.set(bot);
                            return bot;
                        })
                .run();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Map<String, Long> m = child.get().lastStats();
        long hwm = m.get("VmHWMKb") / 1024;
        long rss = m.get("VmRSSKb") / 1024;
        Figures f = new Figures();
        f.note("Demo: homes / cohorts / weeks", HOMES + " / " + r.cohorts() + " / 24");
        f.note(
                "Demo: check-ins / tasks done / attendances / measure values",
                r.checkins() + " / " + r.tasksDone() + " / " + r.attended() + " / " + r.measureValues());
        f.note("Demo: wall time", Figures.seconds(took));
        f.note("Bot JVM options", String.join(" ", jvm));
        f.add(
                "Bot process peak resident memory (VmHWM)",
                hwm + " MB",
                TARGET_MB + " MB",
                Figures.ratio(hwm / (double) TARGET_MB));
        f.add(
                "Bot process resident memory at the end (VmRSS)",
                rss + " MB",
                TARGET_MB + " MB",
                Figures.ratio(rss / (double) TARGET_MB));
        f.note(
                "Bot heap in use after a full GC at the end",
                String.format(Locale.ROOT, "%.1f MB", m.get("heapAfterGcBytes") / 1048576.0));
        f.note(
                "Bot non-heap in use (classes, code)",
                String.format(Locale.ROOT, "%.1f MB", m.get("nonHeapBytes") / 1048576.0));
        System.out.println(f.table());
        assertThat(r.violations()).isZero();
        assertThat(r.checkins()).isPositive();
    }
}
