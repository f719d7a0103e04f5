package uk.stepup.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * What the machine was doing while a benchmark ran, so its latencies can be read fairly: the load average (other
 * processes share these cores), how late a thread that sleeps 1 ms wakes up (scheduling delay), garbage collection
 * pauses, and the CPU time the bot's own threads (event handlers and JDA) used.
 */
final class Machine implements AutoCloseable {
    /** A summary of one measured window. */
    record Report(
            double loadBefore,
            double loadAfter,
            double wakeUpP99Ms,
            double wakeUpMaxMs,
            int gcPauses,
            double gcLongestMs,
            double gcTotalMs,
            double botCpuMs) {
        String describe() {
            return String.format(
                    Locale.ROOT,
                    "load average %.1f -> %.1f on %d cores; a 1 ms sleep woke %.1f ms late at p99"
                            + " (max %.1f); %d GC pauses, longest %.1f ms, total %.0f ms; bot threads used %.0f ms CPU",
                    loadBefore,
                    loadAfter,
                    Runtime.getRuntime().availableProcessors(),
                    wakeUpP99Ms,
                    wakeUpMaxMs,
                    gcPauses,
                    gcLongestMs,
                    gcTotalMs,
                    botCpuMs);
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final double loadBefore = loadAverage();
    private final Map<Long, Long> cpuBefore = botThreadCpu();
    private final ConcurrentLinkedQueue<Double> gcMillis = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Double> lateMillis = new ConcurrentLinkedQueue<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener gcListener = this::onGc;
    private final Thread sleeper;
    private volatile boolean running = true;

    Machine() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(gcListener, null, null);
                emitters.add(e);
            }
        }
        sleeper = new Thread(
                () -> {
                    while (running) {
                        long t0 = System.nanoTime();
                        try {
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                            return;
                        }
                        lateMillis.add(Math.max(0, (System.nanoTime() - t0) / 1e6 - 1));
                    }
                },
                "bench-wake-up-probe");
        sleeper.setDaemon(true);
        sleeper.start();
    }

    private void onGc(Notification n, Object handback) {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            // G1's concurrent cycle is not a pause; young and mixed collections and full GCs are.
            if (!info.getGcName().contains("Concurrent")) {
                gcMillis.add((double) info.getGcInfo().getDuration());
            }
        }
    }

    Report stop() {
        running = false;
        sleeper.interrupt();
        Map<Long, Long> cpuAfter = botThreadCpu();
        long cpu = 0;
        for (Map.Entry<Long, Long> e : cpuAfter.entrySet()) {
            cpu += e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L);
        }
        double[] late = lateMillis.stream().mapToDouble(Double::doubleValue).toArray();
        double[] gc = gcMillis.stream().mapToDouble(Double::doubleValue).toArray();
        close();
        return new Report(
                loadBefore,
                loadAverage(),
                late.length == 0 ? 0 : Figures.quantile(late, 0.99),
                late.length == 0 ? 0 : Figures.quantile(late, 1.0),
                gc.length,
                gc.length == 0 ? 0 : Figures.quantile(gc, 1.0),
                Arrays.stream(gc).sum(),
                cpu / 1e6);
    }

    @Override
    public void close() {
        running = false;
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(gcListener);
            } catch (ListenerNotFoundException ignored) {
                // already removed
            }
        }
        emitters.clear();
    }

    /** CPU time so far of the bot's threads: its event handlers and JDA's own (gateway, REST, callbacks). */
    private static Map<Long, Long> botThreadCpu() {
        Map<Long, Long> out = new HashMap<>();
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t != null
                    && (t.getThreadName().startsWith("discord-events")
                            || t.getThreadName().startsWith("JDA"))) {
                long cpu = THREADS.getThreadCpuTime(t.getThreadId());
                if (cpu >= 0) {
                    out.put(t.getThreadId(), cpu);
                }
            }
        }
        return out;
    }

    /** The one-minute load average of the whole machine, or -1 where the system does not say. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
