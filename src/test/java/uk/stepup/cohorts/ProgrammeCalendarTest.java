package uk.stepup.cohorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.stepup.shared.WeeklyTime;

class ProgrammeCalendarTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final WeeklyRhythm DEFAULT = rhythm("MONDAY 09:00", "THURSDAY 12:00", "SUNDAY 20:00", "MONDAY 08:00");

    static WeeklyRhythm rhythm(String p, String r, String c, String s) {
        return new WeeklyRhythm(
                WeeklyTime.parse(p).orElseThrow(),
                WeeklyTime.parse(r).orElseThrow(),
                WeeklyTime.parse(c).orElseThrow(),
                WeeklyTime.parse(s).orElseThrow());
    }

    @Test
    void week_one_starts_on_the_start_monday_and_times_are_local() {
        ProgrammeCalendar cal =
                new ProgrammeCalendar(LONDON, LocalDate.of(2027, 1, 4), DEFAULT, 24, List.of(), Optional.empty());
        assertThat(cal.promptAt(1)).contains(Instant.parse("2027-01-04T09:00:00Z"));
        assertThat(cal.reminderAt(1)).contains(Instant.parse("2027-01-07T12:00:00Z"));
        assertThat(cal.closeAt(1)).contains(Instant.parse("2027-01-10T20:00:00Z"));
        assertThat(cal.summaryAt(1)).contains(Instant.parse("2027-01-11T08:00:00Z"));
        assertThat(cal.weekStart(24)).contains(LocalDate.of(2027, 6, 14));
        assertThat(cal.weekStart(25)).isEmpty();
    }

    @Test
    void posts_stay_at_nine_local_across_both_london_transitions() {
        // 2027-03-28: clocks go forward (GMT -> BST); 2027-10-31: back (BST -> GMT).
        ProgrammeCalendar cal =
                new ProgrammeCalendar(LONDON, LocalDate.of(2027, 3, 22), DEFAULT, 40, List.of(), Optional.empty());
        assertThat(cal.promptAt(1)).contains(Instant.parse("2027-03-22T09:00:00Z")); // GMT
        assertThat(cal.closeAt(1)).contains(Instant.parse("2027-03-28T19:00:00Z")); // Sunday of the change: BST
        assertThat(cal.promptAt(2)).contains(Instant.parse("2027-03-29T08:00:00Z")); // BST
        assertThat(cal.summaryAt(1)).contains(Instant.parse("2027-03-29T07:00:00Z"));
        assertThat(cal.closeAt(32)).contains(Instant.parse("2027-10-31T20:00:00Z")); // back to GMT that morning
        assertThat(cal.reminderAt(32)).contains(Instant.parse("2027-10-28T11:00:00Z")); // still BST on Thursday
        assertThat(cal.promptAt(33)).contains(Instant.parse("2027-11-01T09:00:00Z"));
    }

    @Test
    void a_time_inside_the_spring_forward_gap_moves_forward_and_is_not_lost() {
        WeeklyRhythm night = rhythm("MONDAY 09:00", "THURSDAY 12:00", "SUNDAY 01:30", "MONDAY 08:00");
        ProgrammeCalendar cal =
                new ProgrammeCalendar(LONDON, LocalDate.of(2027, 3, 22), night, 3, List.of(), Optional.empty());
        // 01:30 does not exist on 2027-03-28 in London; it becomes 02:30 BST = 01:30 UTC.
        assertThat(cal.closeAt(1)).contains(Instant.parse("2027-03-28T01:30:00Z"));
        // In the autumn overlap 01:30 happens twice; the second (GMT) one is used, as Quartz's cron does.
        ProgrammeCalendar autumn =
                new ProgrammeCalendar(LONDON, LocalDate.of(2027, 10, 25), night, 1, List.of(), Optional.empty());
        assertThat(autumn.closeAt(1)).contains(Instant.parse("2027-10-31T01:30:00Z"));
    }

    @Test
    void another_zone_new_york() {
        ZoneId ny = ZoneId.of("America/New_York");
        ProgrammeCalendar cal =
                new ProgrammeCalendar(ny, LocalDate.of(2027, 3, 8), DEFAULT, 2, List.of(), Optional.empty());
        assertThat(cal.promptAt(1)).contains(Instant.parse("2027-03-08T14:00:00Z")); // EST
        assertThat(cal.promptAt(2)).contains(Instant.parse("2027-03-15T13:00:00Z")); // EDT from 2027-03-14
    }

    @Test
    void breaks_push_later_weeks_back_and_weeks_are_found_by_date() {
        LocalDate easter = LocalDate.of(2027, 3, 29);
        ProgrammeCalendar cal =
                new ProgrammeCalendar(LONDON, LocalDate.of(2027, 3, 15), DEFAULT, 4, List.of(easter), Optional.empty());
        assertThat(cal.weekStart(2)).contains(LocalDate.of(2027, 3, 22));
        assertThat(cal.weekStart(3)).contains(LocalDate.of(2027, 4, 5));
        assertThat(cal.weekContaining(LocalDate.of(2027, 3, 31))).isEmpty();
        assertThat(cal.weekContaining(LocalDate.of(2027, 4, 7))).contains(3);
        assertThat(cal.weekContaining(LocalDate.of(2027, 3, 14))).isEmpty();
        assertThat(cal.weekContaining(LocalDate.of(2027, 4, 19))).isEmpty(); // after week 4
        assertThat(cal.currentWeek(Instant.parse("2027-04-01T12:00:00Z"))).contains(2);
        assertThat(cal.finished(Instant.parse("2027-04-19T07:00:00Z"))).isTrue();
        assertThat(cal.finished(Instant.parse("2027-04-19T06:59:00Z"))).isFalse();
    }

    @Test
    void a_pause_stops_weeks_from_its_monday() {
        ProgrammeCalendar cal = new ProgrammeCalendar(
                LONDON, LocalDate.of(2027, 1, 4), DEFAULT, 10, List.of(), Optional.of(LocalDate.of(2027, 1, 20)));
        assertThat(cal.weekStart(2)).contains(LocalDate.of(2027, 1, 11));
        assertThat(cal.weekStart(3)).isEmpty();
        assertThat(cal.weekContaining(LocalDate.of(2027, 1, 19))).isEmpty();
    }

    @Test
    void a_cohort_starts_on_a_monday() {
        assertThatThrownBy(() -> new ProgrammeCalendar(
                        LONDON, LocalDate.of(2027, 1, 5), DEFAULT, 1, List.of(), Optional.empty()))
                .hasMessageContaining("Monday");
    }
}
