package uk.stepup.actions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: homes' actions and what was said about them week by week. */
public interface ActionRepository {

    /**
     * Makes or updates the action a check-in's next step sets: one per home and week. The text follows the check-in
     * while nobody has answered for the action; once someone has, the action keeps the words it was answered for.
     */
    Action fromCheckin(long homeId, int week, long checkinId, String text, Instant at);

    /** Removes the action the home's check-in for the week set, unless someone has answered for it already. */
    void withdraw(long homeId, int week);

    Optional<Action> byId(long actionId);

    /** The home's actions, oldest first. */
    List<Action> forHome(long homeId);

    /** Every action of the cohort's homes, by home, then oldest first. */
    List<Action> inCohort(long cohortId);

    /** What was said about the home's actions, by action, then week. */
    List<FollowUp> followUpsForHome(long homeId);

    /** What was said about the cohort's actions, by action, then week. */
    List<FollowUp> followUpsInCohort(long cohortId);

    /**
     * Records how the action went in {@code week} (replacing an earlier answer that week, keeping its note) and sets
     * the action's status from it, in one transaction. Committed before this returns.
     */
    Action answer(long actionId, int week, ActionOutcome outcome, String userId, Instant at);

    /** Records a few words about the action in {@code week}, keeping any outcome already given. */
    void note(long actionId, int week, String note, String userId, Instant at);
}
