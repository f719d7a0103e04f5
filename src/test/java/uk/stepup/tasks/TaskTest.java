package uk.stepup.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The task's own rules: when it is overdue and when its reminder is due, in the cohort's zone. */
class TaskTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    static Task due(LocalDate date) {
        return new Task(
                1,
                1,
                "Fire drill log",
                Optional.empty(),
                date,
                Optional.empty(),
                "coach",
                Instant.parse("2027-01-01T10:00:00Z"));
    }

    @Test
    void pending_through_the_whole_due_day_then_overdue_until_done() {
        Task t = due(LocalDate.of(2027, 7, 15)); // British Summer Time: the day starts at 23:00 UTC the evening before
        assertThat(t.stateFor(false, Instant.parse("2027-07-15T22:59:59Z"), LONDON))
                .isEqualTo(TaskState.PENDING);
        assertThat(t.stateFor(false, Instant.parse("2027-07-15T23:00:00Z"), LONDON))
                .isEqualTo(TaskState.OVERDUE);
        assertThat(t.stateFor(true, Instant.parse("2027-07-20T10:00:00Z"), LONDON))
                .isEqualTo(TaskState.DONE);
        assertThat(t.stateFor(false, Instant.parse("2027-07-15T23:00:00Z"), ZoneId.of("America/New_York")))
                .as("still the 15th in New York")
                .isEqualTo(TaskState.PENDING);
    }

    @Test
    void the_reminder_is_due_at_nine_the_day_before_in_the_cohorts_zone() {
        assertThat(due(LocalDate.of(2027, 1, 15)).reminderAt(LONDON)).isEqualTo(Instant.parse("2027-01-14T09:00:00Z"));
        assertThat(due(LocalDate.of(2027, 7, 15)).reminderAt(LONDON)).isEqualTo(Instant.parse("2027-07-14T08:00:00Z"));
        // The clocks go forward on Sunday 28 March 2027: the reminder for a Monday task is at 09:00 BST.
        assertThat(due(LocalDate.of(2027, 3, 29)).reminderAt(LONDON)).isEqualTo(Instant.parse("2027-03-28T08:00:00Z"));
        assertThat(due(LocalDate.of(2027, 1, 15)).dueDayStarts(LONDON))
                .isEqualTo(Instant.parse("2027-01-15T00:00:00Z"));
    }

    @Test
    void a_session_is_booked_for_an_hour_with_a_reminder_an_hour_before() {
        Session s = new Session(
                1,
                1,
                "Call",
                Instant.parse("2027-01-14T14:00:00Z"),
                "https://zoom.us/j/1",
                Optional.empty(),
                Optional.empty(),
                "coach",
                Instant.parse("2027-01-01T10:00:00Z"));
        assertThat(s.reminderAt()).isEqualTo(Instant.parse("2027-01-14T13:00:00Z"));
        assertThat(s.endsAt()).isEqualTo(Instant.parse("2027-01-14T15:00:00Z"));
        assertThat(s.started(Instant.parse("2027-01-14T13:59:59Z"))).isFalse();
        assertThat(s.started(Instant.parse("2027-01-14T14:00:00Z"))).isTrue();
    }
}
