package uk.stepup.actions;

import java.util.Optional;

/**
 * The follow-through rules, as plain functions.
 *
 * <ul>
 *   <li><b>Due</b>: an action is asked about in week {@code w}'s check-in when it is open, was set in an earlier week,
 *       and nobody has yet said how it went in week {@code w}. A manager who skips the question can still check in;
 *       the action stays open and is asked about again next time.
 *   <li><b>Carry forward</b>: partly and not yet keep the action open, so it is due again the following week; done
 *       and dropped close it.
 *   <li><b>Overdue</b>: an action counts as overdue for {@value #OVERDUE_WEEKS} weeks or more when it is still open
 *       and the cohort's current programme week is at least {@value #OVERDUE_WEEKS} weeks after the week it was set:
 *       set in week 3, it counts from week 5 (in week 4 it has had only its first follow-up). Weeks are programme
 *       weeks, so a skipped (holiday) week does not count.
 * </ul>
 */
public final class FollowThrough {
    /** How many programme weeks after it was set an open action counts towards "at risk". */
    public static final int OVERDUE_WEEKS = 2;

    private FollowThrough() {}

    /** The action's status once {@code outcome} is given. */
    public static Action.Status statusAfter(ActionOutcome outcome) {
        return switch (outcome) {
            case DONE -> Action.Status.DONE;
            case DROPPED -> Action.Status.DROPPED;
            case PARTLY, NOT_YET -> Action.Status.OPEN;
        };
    }

    /** True if week {@code week}'s check-in should ask how the action went; {@code thisWeek} is that week's answer. */
    public static boolean due(Action action, int week, Optional<FollowUp> thisWeek) {
        return action.open()
                && action.setWeek() < week
                && thisWeek.flatMap(FollowUp::outcome).isEmpty();
    }

    /** How many programme weeks have passed since the action was set (0 in the week it was set). */
    public static int weeksSinceSet(Action action, int currentWeek) {
        return Math.max(0, currentWeek - action.setWeek());
    }

    /** True if the action is open {@value #OVERDUE_WEEKS} or more programme weeks after the week it was set. */
    public static boolean overdue(Action action, int currentWeek) {
        return action.open() && weeksSinceSet(action, currentWeek) >= OVERDUE_WEEKS;
    }
}
