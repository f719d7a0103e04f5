package uk.stepup.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.quartz.spi.OperableTrigger;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.ProgrammeCalendar;
import uk.stepup.cohorts.WeeklyRhythm;
import uk.stepup.shared.WeeklyTime;

/** Real Quartz cron triggers, checked against the programme calendar across daylight-saving changes. */
class QuartzCohortTimersTest {

    static Cohort cohort(long id, String zone, LocalDate start, WeeklyRhythm rhythm) {
        return new Cohort(
                id,
                "1",
                "C" + id,
                "kloe-2017",
                ZoneId.of(zone),
                start,
                rhythm,
                Cohort.Status.ACTIVE,
                Optional.empty(),
                Cohort.Channels.none(),
                "coach",
                Instant.EPOCH);
    }

    static WeeklyRhythm rhythm(String p, String r, String c, String s) {
        return new WeeklyRhythm(
                WeeklyTime.parse(p).orElseThrow(),
                WeeklyTime.parse(r).orElseThrow(),
                WeeklyTime.parse(c).orElseThrow(),
                WeeklyTime.parse(s).orElseThrow());
    }

    /** Every fire time of the moment's triggers between from and to, in order. */
    static List<Instant> fires(List<Trigger> triggers, Instant from, Instant to) {
        List<Instant> out = new ArrayList<>();
        for (Trigger trigger : triggers) {
            OperableTrigger t = (OperableTrigger) trigger;
            if (t instanceof CronTrigger) {
                t.setStartTime(Date.from(from));
            }
            Date next = t.getFireTimeAfter(Date.from(from.minusSeconds(1)));
            while (next != null && next.toInstant().isBefore(to)) {
                out.add(next.toInstant());
                next = t.getFireTimeAfter(next);
            }
        }
        out.sort(null);
        return out;
    }

    private static void assertTriggersMatchCalendar(String zone, LocalDate start, WeeklyRhythm rhythm, int weeks) {
        Cohort c = cohort(1, zone, start, rhythm);
        ProgrammeCalendar cal = new ProgrammeCalendar(c.zone(), start, rhythm, weeks, List.of(), Optional.empty());
        List<List<Trigger>> triggers = List.copyOf(QuartzCohortTimers.triggers(
                        c,
                        new JobKey("1", "cohorts"),
                        start.atStartOfDay(c.zone()).minusWeeks(1).toInstant())
                .values());
        Instant from = cal.promptAt(1).orElseThrow().minusSeconds(1);
        Instant to = cal.summaryAt(weeks).orElseThrow().plusSeconds(1);
        List<Instant> expectedPrompts = new ArrayList<>();
        List<Instant> expectedReminders = new ArrayList<>();
        List<Instant> expectedCloses = new ArrayList<>();
        List<Instant> expectedSummaries = new ArrayList<>();
        for (int n = 1; n <= weeks; n++) {
            expectedPrompts.add(cal.promptAt(n).orElseThrow());
            expectedReminders.add(cal.reminderAt(n).orElseThrow());
            expectedCloses.add(cal.closeAt(n).orElseThrow());
            expectedSummaries.add(cal.summaryAt(n).orElseThrow());
        }
        assertThat(fires(triggers.get(0), from, expectedPrompts.get(weeks - 1).plusSeconds(1)))
                .isEqualTo(expectedPrompts);
        assertThat(fires(triggers.get(1), from, to)).isEqualTo(expectedReminders);
        assertThat(fires(triggers.get(2), from, to)).isEqualTo(expectedCloses);
        assertThat(fires(triggers.get(3), cal.summaryAt(1).orElseThrow().minusSeconds(1), to))
                .isEqualTo(expectedSummaries);
    }

    @Test
    void london_spring_forward_week_2027_03_28() {
        assertTriggersMatchCalendar(
                "Europe/London",
                LocalDate.of(2027, 3, 15),
                rhythm("MONDAY 09:00", "THURSDAY 12:00", "SUNDAY 20:00", "MONDAY 08:00"),
                4);
    }

    @Test
    void london_fall_back_week_2027_10_31() {
        assertTriggersMatchCalendar(
                "Europe/London",
                LocalDate.of(2027, 10, 18),
                rhythm("MONDAY 09:00", "THURSDAY 12:00", "SUNDAY 20:00", "MONDAY 08:00"),
                4);
    }

    @Test
    void a_trigger_inside_the_skipped_hour_still_fires_that_day() {
        // Sunday 01:30 does not exist in London on 2027-03-28.
        assertTriggersMatchCalendar(
                "Europe/London",
                LocalDate.of(2027, 3, 15),
                rhythm("MONDAY 09:00", "THURSDAY 12:00", "SUNDAY 01:30", "MONDAY 08:00"),
                4);
    }

    @Test
    void new_york_and_sydney() {
        assertTriggersMatchCalendar(
                "America/New_York",
                LocalDate.of(2027, 3, 1),
                rhythm("MONDAY 09:00", "THURSDAY 12:00", "SUNDAY 20:00", "MONDAY 08:00"),
                4);
        assertTriggersMatchCalendar(
                "America/New_York",
                LocalDate.of(2027, 10, 25),
                rhythm("MONDAY 09:00", "THURSDAY 12:00", "SUNDAY 20:00", "MONDAY 08:00"),
                3);
        assertTriggersMatchCalendar(
                "Australia/Sydney",
                LocalDate.of(2027, 3, 29),
                rhythm("MONDAY 09:00", "THURSDAY 12:00", "SUNDAY 02:30", "MONDAY 08:00"),
                3);
    }

    @Test
    void a_scheduled_cohort_ticks_through_real_quartz() {
        List<Long> ticks = new CopyOnWriteArrayList<>();
        try (QuartzCohortTimers timers = new QuartzCohortTimers(ticks::add, Clock.systemUTC())) {
            ZoneId zone = ZoneId.of("Europe/London");
            ZonedDateTime soon =
                    ZonedDateTime.now(zone).plusMinutes(1).withSecond(0).withNano(0);
            WeeklyTime at = new WeeklyTime(soon.getDayOfWeek(), soon.toLocalTime());
            Cohort c = cohort(7, "Europe/London", LocalDate.of(2027, 1, 4), new WeeklyRhythm(at, at, at, at));
            timers.schedule(c);
            timers.schedule(c); // rescheduling replaces, never doubles
            assertThat(timers.scheduledCohorts()).isEqualTo(1);
            assertThat(timers.nextFire(7)).contains(soon.toInstant());
            timers.cancel(7);
            assertThat(timers.scheduledCohorts()).isZero();
        }
        assertThat(ticks).isEmpty();
    }

    @Test
    void a_missed_fire_runs_the_job_once_through_quartz() {
        List<Long> ticks = new CopyOnWriteArrayList<>();
        try (QuartzCohortTimers timers = new QuartzCohortTimers(ticks::add, Clock.systemUTC())) {
            timers.fireNow(9);
            await().atMost(Duration.ofSeconds(5)).until(() -> ticks.size() == 1);
        }
        assertThat(ticks).containsExactly(9L);
    }

    @Test
    void a_wake_up_ticks_the_cohort_once_at_its_moment_and_only_while_the_cohort_has_timers() throws Exception {
        List<Long> ticks = new CopyOnWriteArrayList<>();
        try (QuartzCohortTimers timers = new QuartzCohortTimers(ticks::add, Clock.systemUTC())) {
            // Weekly moments far from now, so only the wake-up fires during the test.
            ZonedDateTime far = ZonedDateTime.now(ZoneId.of("Europe/London")).plusDays(3);
            WeeklyTime at = new WeeklyTime(far.getDayOfWeek(), LocalTime.NOON);
            timers.schedule(cohort(11, "Europe/London", LocalDate.of(2027, 1, 4), new WeeklyRhythm(at, at, at, at)));
            Instant soon = Instant.now().plusMillis(1500);
            timers.wakeAt(11, soon);
            timers.wakeAt(11, soon); // asking twice wakes once
            timers.wakeAt(12, soon); // a cohort without timers (ended) is not woken
            assertThat(timers.nextFire(11)).contains(soon.truncatedTo(ChronoUnit.MILLIS));
            await().atMost(Duration.ofSeconds(10)).until(() -> ticks.size() == 1);
            Thread.sleep(500);
            assertThat(ticks).containsExactly(11L);
            assertThat(timers.nextFire(11))
                    .hasValueSatisfying(next -> assertThat(next).isAfter(soon));
        }
    }
}
