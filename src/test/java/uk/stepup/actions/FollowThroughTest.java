package uk.stepup.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The follow-through rules at their edges: what is asked, what carries forward, what is overdue. */
class FollowThroughTest {
    static final Instant T = Instant.parse("2027-01-11T10:00:00Z");

    static Action action(int setWeek, Action.Status status) {
        return new Action(
                1,
                10,
                setWeek,
                100,
                "Ask the GP for a medicines review",
                status,
                status == Action.Status.OPEN ? Optional.empty() : Optional.of(setWeek + 1),
                T,
                T);
    }

    static Optional<FollowUp> said(int week, ActionOutcome outcome) {
        return Optional.of(new FollowUp(1, week, Optional.of(outcome), Optional.empty(), "alice", T));
    }

    @Test
    void done_and_dropped_close_an_action_partly_and_not_yet_carry_it_forward() {
        assertThat(FollowThrough.statusAfter(ActionOutcome.DONE)).isEqualTo(Action.Status.DONE);
        assertThat(FollowThrough.statusAfter(ActionOutcome.DROPPED)).isEqualTo(Action.Status.DROPPED);
        assertThat(FollowThrough.statusAfter(ActionOutcome.PARTLY)).isEqualTo(Action.Status.OPEN);
        assertThat(FollowThrough.statusAfter(ActionOutcome.NOT_YET)).isEqualTo(Action.Status.OPEN);
        for (ActionOutcome o : ActionOutcome.values()) {
            assertThat(o.closes()).isEqualTo(FollowThrough.statusAfter(o) != Action.Status.OPEN);
        }
    }

    @Test
    void an_action_is_asked_about_from_the_week_after_it_was_set_not_in_its_own_week() {
        Action set3 = action(3, Action.Status.OPEN);
        assertThat(FollowThrough.due(set3, 3, Optional.empty())).isFalse();
        assertThat(FollowThrough.due(set3, 4, Optional.empty())).isTrue();
        assertThat(FollowThrough.due(set3, 2, Optional.empty())).isFalse();
    }

    @Test
    void once_answered_partly_it_is_not_asked_again_that_week_but_is_the_next() {
        Action set3 = action(3, Action.Status.OPEN);
        assertThat(FollowThrough.due(set3, 4, said(4, ActionOutcome.PARTLY))).isFalse();
        assertThat(FollowThrough.due(set3, 5, Optional.empty())).isTrue();
    }

    @Test
    void a_few_words_without_an_outcome_leave_it_asked() {
        Action set3 = action(3, Action.Status.OPEN);
        Optional<FollowUp> wordsOnly =
                Optional.of(new FollowUp(1, 4, Optional.empty(), Optional.of("Rang twice"), "alice", T));
        assertThat(FollowThrough.due(set3, 4, wordsOnly)).isTrue();
    }

    @Test
    void a_skipped_follow_up_leaves_it_open_and_asked_next_week() {
        Action set3 = action(3, Action.Status.OPEN);
        // Week 4: the manager pressed Continue without answering; nothing was stored.
        assertThat(FollowThrough.due(set3, 4, Optional.empty())).isTrue();
        assertThat(FollowThrough.due(set3, 5, Optional.empty())).isTrue();
    }

    @Test
    void closed_actions_are_never_asked_about() {
        assertThat(FollowThrough.due(action(3, Action.Status.DONE), 5, Optional.empty()))
                .isFalse();
        assertThat(FollowThrough.due(action(3, Action.Status.DROPPED), 5, Optional.empty()))
                .isFalse();
    }

    @Test
    void an_open_action_is_overdue_two_programme_weeks_after_it_was_set_not_one() {
        Action set3 = action(3, Action.Status.OPEN);
        assertThat(FollowThrough.weeksSinceSet(set3, 3)).isZero();
        assertThat(FollowThrough.overdue(set3, 3)).isFalse();
        assertThat(FollowThrough.weeksSinceSet(set3, 4)).isEqualTo(1);
        assertThat(FollowThrough.overdue(set3, 4))
                .as("one week: its first follow-up")
                .isFalse();
        assertThat(FollowThrough.weeksSinceSet(set3, 5)).isEqualTo(2);
        assertThat(FollowThrough.overdue(set3, 5)).as("two weeks").isTrue();
        assertThat(FollowThrough.overdue(set3, 9)).isTrue();
    }

    @Test
    void a_closed_action_is_never_overdue_and_a_week_before_it_was_set_counts_as_none() {
        assertThat(FollowThrough.overdue(action(3, Action.Status.DONE), 9)).isFalse();
        assertThat(FollowThrough.overdue(action(3, Action.Status.DROPPED), 9)).isFalse();
        assertThat(FollowThrough.weeksSinceSet(action(3, Action.Status.OPEN), 1))
                .isZero();
    }

    @Test
    void outcome_keys_round_trip_and_fit_a_component_id() {
        for (ActionOutcome o : ActionOutcome.values()) {
            assertThat(ActionOutcome.parse(o.key())).contains(o);
            assertThat(o.key()).matches("[a-z_]{1,40}");
        }
        assertThat(ActionOutcome.parse("maybe")).isEmpty();
    }
}
