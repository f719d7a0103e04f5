package uk.stepup.actions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.stepup.checkins.Checkin;
import uk.stepup.checkins.NextSteps;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.ProgrammeCalendar;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.privacy.PrivacyVerdict;
import uk.stepup.shared.Actor;
import uk.stepup.shared.HomeId;
import uk.stepup.shared.Outcome;
import uk.stepup.shared.UserText;

/**
 * Next steps followed through: a saved check-in's next step becomes an action of its home ({@link NextSteps}); the
 * following week's check-in first asks how each open action went. Only the home's own managers may answer for its
 * actions, and only in a week whose check-in is open.
 */
public final class ActionService implements NextSteps {
    /**
     * How many actions one follow-up step shows: one row of buttons each, and Discord allows five rows on a message,
     * the last being "Continue to check-in". Any more are asked about when the manager presses Check in again.
     */
    public static final int SHOWN_MAX = 4;
    /** The longest "few words" about one action. */
    public static final int NOTE_MAX = 300;

    private final CohortRepository cohorts;
    private final HomeRepository homes;
    private final ActionRepository actions;
    private final PrivacyGuard guard;
    private final Clock clock;

    public ActionService(
            CohortRepository cohorts, HomeRepository homes, ActionRepository actions, PrivacyGuard guard, Clock clock) {
        this.cohorts = cohorts;
        this.homes = homes;
        this.actions = actions;
        this.guard = guard;
        this.clock = clock;
    }

    /** Keeps the home's action for the check-in's week in step with its next step (the check-in is already saved). */
    @Override
    public void saved(Checkin checkin) {
        Optional<String> next = checkin.answers().nextStep();
        if (next.isPresent()) {
            actions.fromCheckin(checkin.homeId(), checkin.week(), checkin.id(), next.get(), clock.instant());
        } else {
            actions.withdraw(checkin.homeId(), checkin.week());
        }
    }

    /** One action as the follow-up step shows it: its number on the message, and what was said this week. */
    public record Item(int number, Action action, Optional<FollowUp> thisWeek) {
        public Optional<ActionOutcome> answered() {
            return thisWeek.flatMap(FollowUp::outcome);
        }
    }

    /**
     * The step before week {@code week}'s check-in questions for a home.
     *
     * @param more how many further actions are due but not shown (asked about next time Check in is pressed)
     */
    public record Step(long cohortId, long homeId, int week, List<Item> items, int more) {
        public Step {
            items = List.copyOf(items);
        }
    }

    /**
     * The actions week {@code week}'s check-in should ask about (oldest first, at most {@link #SHOWN_MAX}); empty when
     * none is due, and the check-in's questions come straight away.
     */
    public Optional<Step> due(HomeId homeId, int week) {
        Optional<Home> home = homes.byId(homeId.value());
        if (home.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, FollowUp> thisWeek = thisWeek(homeId.value(), week);
        List<Action> due = actions.forHome(homeId.value()).stream()
                .filter(a -> FollowThrough.due(a, week, Optional.ofNullable(thisWeek.get(a.id()))))
                .toList();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        List<Item> items = new ArrayList<>();
        for (Action a : due.subList(0, Math.min(SHOWN_MAX, due.size()))) {
            items.add(new Item(items.size() + 1, a, Optional.ofNullable(thisWeek.get(a.id()))));
        }
        return Optional.of(new Step(home.get().cohortId(), homeId.value(), week, items, due.size() - items.size()));
    }

    /** The step again for the actions a message shows, after one of them was answered; only for the home's managers. */
    public Optional<Step> shown(Actor actor, HomeId homeId, int week, List<Long> actionIds) {
        Optional<Home> home = homes.byId(homeId.value());
        if (home.isEmpty() || !home.get().managerIds().contains(actor.userId())) {
            return Optional.empty();
        }
        Map<Long, FollowUp> thisWeek = thisWeek(homeId.value(), week);
        Map<Long, Action> mine = new HashMap<>();
        actions.forHome(homeId.value()).forEach(a -> mine.put(a.id(), a));
        List<Item> items = new ArrayList<>();
        for (long id : actionIds) {
            Action a = mine.get(id);
            if (a != null && items.size() < SHOWN_MAX) {
                items.add(new Item(items.size() + 1, a, Optional.ofNullable(thisWeek.get(id))));
            }
        }
        return items.isEmpty()
                ? Optional.empty()
                : Optional.of(new Step(home.get().cohortId(), homeId.value(), week, items, 0));
    }

    private Map<Long, FollowUp> thisWeek(long homeId, int week) {
        Map<Long, FollowUp> found = new HashMap<>();
        actions.followUpsForHome(homeId).stream()
                .filter(f -> f.week() == week)
                .forEach(f -> found.put(f.actionId(), f));
        return found;
    }

    /** What became of an answer. */
    public sealed interface Answer permits Answered, Refused {}

    /** Stored: the action as it now stands. */
    public record Answered(Action action, ActionOutcome outcome) implements Answer {}

    public record Refused(Outcome outcome) implements Answer {}

    /**
     * Records how the action went, said in week {@code week}'s check-in. Committed before this returns, so the
     * interaction that asked is acknowledged only once the answer is stored.
     */
    public Answer answer(Actor actor, long actionId, int week, ActionOutcome outcome) {
        Optional<Action> action = actions.byId(actionId);
        Optional<Home> home = action.flatMap(a -> homes.byId(a.homeId()));
        if (home.isEmpty() || !home.get().managerIds().contains(actor.userId())) {
            return new Refused(Outcome.refused("Only the managers of a home can say how its next steps went."));
        }
        Optional<Outcome> closed = closed(home.get(), action.get(), week);
        if (closed.isPresent()) {
            return new Refused(closed.get());
        }
        Action after = actions.answer(actionId, week, outcome, actor.userId(), clock.instant());
        return new Answered(after, outcome);
    }

    /**
     * Stores a few words about each action given (action id to words; blank words are skipped), after the privacy
     * guard: if it stops any of them, nothing is stored and the reply quotes back what was typed (with any identifier
     * taken out) so the manager can copy it, change it and send it again.
     */
    public Outcome words(Actor actor, HomeId homeId, int week, Map<Long, String> notes) {
        Optional<Home> home = homes.byId(homeId.value());
        if (home.isEmpty() || !home.get().managerIds().contains(actor.userId())) {
            return Outcome.refused("Only the managers of a home can say how its next steps went.");
        }
        Map<Long, Action> mine = new HashMap<>();
        actions.forHome(homeId.value()).forEach(a -> mine.put(a.id(), a));
        Map<Long, String> given = new LinkedHashMap<>();
        for (Map.Entry<Long, String> e : notes.entrySet()) {
            Action a = mine.get(e.getKey());
            if (a == null) {
                return Outcome.refused("Only the managers of a home can say how its next steps went.");
            }
            String text = e.getValue() == null ? "" : e.getValue().strip();
            if (!text.isEmpty()) {
                Optional<Outcome> closed = closed(home.get(), a, week);
                if (closed.isPresent()) {
                    return closed.get();
                }
                given.put(a.id(), UserText.cut(text, NOTE_MAX));
            }
        }
        if (given.isEmpty()) {
            return Outcome.done("Nothing to add: every box was empty.");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        int n = 1;
        for (String text : given.values()) {
            fields.put("A few words on next step " + n++, text);
        }
        PrivacyVerdict verdict = guard.check(fields);
        if (!verdict.mayStore()) {
            StringBuilder quoted = new StringBuilder(verdict.reply())
                    .append("\n\nNothing was saved. Press Add a few words again to change it; what you wrote:");
            for (String text : given.values()) {
                quoted.append("\n> ").append(UserText.oneLine(guard.quoted(text, "\"" + guard.redact(text) + "\"")));
            }
            return Outcome.invalid(quoted.toString());
        }
        Instant now = clock.instant();
        given.forEach((id, text) -> actions.note(id, week, text, actor.userId(), now));
        return Outcome.done(
                given.size() == 1 ? "Saved your few words." : "Saved your few words on " + given.size() + " steps.");
    }

    private Optional<Outcome> closed(Home home, Action action, int week) {
        if (week <= action.setWeek()) {
            return Optional.of(Outcome.invalid("A next step is followed up in a later week's check-in."));
        }
        Cohort cohort = cohorts.byId(home.cohortId()).orElseThrow();
        if (cohort.status() == Cohort.Status.ENDED) {
            return Optional.of(Outcome.invalid("This programme has ended, so its check-ins are closed."));
        }
        ProgrammeCalendar.WeekState state =
                ProgrammeCalendar.of(cohort, cohorts).stateOf(week, clock.instant());
        if (state != ProgrammeCalendar.WeekState.OPEN) {
            return Optional.of(Outcome.invalid("Week " + week + "'s check-in is not open, so nothing was changed. "
                    + "Press Check in on this week's prompt or use `/checkin`."));
        }
        return Optional.empty();
    }
}
