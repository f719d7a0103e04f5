package uk.stepup.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.WeeklyRhythm;
import uk.stepup.shared.WeeklyTime;

class ManualTimersTest {

    private static Cohort cohort(long id) {
        WeeklyRhythm rhythm = new WeeklyRhythm(
                WeeklyTime.parse("MONDAY 09:00").orElseThrow(),
                WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
                WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                WeeklyTime.parse("MONDAY 08:00").orElseThrow());
        return new Cohort(
                id,
                "123456789012345678",
                "Cohort " + id,
                "kloe-2017",
                ZoneId.of("Europe/London"),
                LocalDate.of(2027, 1, 4),
                rhythm,
                Cohort.Status.ACTIVE,
                Optional.empty(),
                Cohort.Channels.none(),
                "coach",
                Instant.EPOCH);
    }

    @Test
    void cohorts_due_at_the_same_moment_tick_side_by_side() {
        // Each tick waits until both have started: fire() returns only if they ran at the same time.
        CountDownLatch started = new CountDownLatch(2);
        List<Long> ticked = new CopyOnWriteArrayList<>();
        ManualTimers timers = new ManualTimers(id -> {
            started.countDown();
            try {
                assertThat(started.await(10, TimeUnit.SECONDS))
                        .as("the other cohort's tick ran meanwhile")
                        .isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            ticked.add(id);
        });
        timers.schedule(cohort(1));
        timers.schedule(cohort(2));
        timers.fire();
        assertThat(ticked).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void a_failed_tick_is_thrown_after_the_others_have_ended() {
        List<Long> ticked = new CopyOnWriteArrayList<>();
        ManualTimers timers = new ManualTimers(id -> {
            if (id == 2) {
                throw new IllegalStateException("cohort 2 failed");
            }
            ticked.add(id);
        });
        for (long id = 1; id <= 6; id++) {
            timers.schedule(cohort(id));
        }
        assertThatThrownBy(timers::fire).hasMessage("cohort 2 failed");
        assertThat(ticked).containsExactlyInAnyOrder(1L, 3L, 4L, 5L, 6L);
    }
}
