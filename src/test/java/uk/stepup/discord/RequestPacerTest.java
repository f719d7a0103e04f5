package uk.stepup.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestPacerTest {

    @Test
    void callers_from_several_threads_get_slots_evenly_spaced() throws Exception {
        RequestPacer pacer = new RequestPacer(100); // one slot per 10 ms
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Long> times = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 21; i++) {
            pool.execute(() -> {
                pacer.acquire();
                synchronized (times) {
                    times.add(System.nanoTime() - start);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        // 21 slots 10 ms apart: the last is at least 200 ms after the first, however the threads were scheduled.
        assertThat(times).hasSize(21);
        assertThat(times.stream().mapToLong(Long::longValue).max().orElseThrow())
                .isGreaterThanOrEqualTo(200_000_000L);
    }

    @Test
    void after_a_quiet_spell_the_next_caller_goes_at_once() throws Exception {
        RequestPacer pacer = new RequestPacer(10);
        pacer.acquire();
        Thread.sleep(150);
        long t0 = System.nanoTime();
        pacer.acquire();
        assertThat(System.nanoTime() - t0).isLessThan(50_000_000L);
    }

    @Test
    void a_rate_must_be_positive() {
        assertThatThrownBy(() -> new RequestPacer(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
