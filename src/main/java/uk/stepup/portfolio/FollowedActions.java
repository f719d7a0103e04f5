package uk.stepup.portfolio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import uk.stepup.actions.Action;
import uk.stepup.actions.ActionOutcome;
import uk.stepup.actions.ActionRepository;
import uk.stepup.actions.FollowUp;
import uk.stepup.checkins.Checkin;
import uk.stepup.cohorts.Home;

/**
 * The portfolio's actions from the actions feature: each next step the home set, with how it went as the manager
 * said in the following weeks' check-ins (done, partly, not yet, dropped) and their few words, week by week.
 */
public final class FollowedActions implements PortfolioActions {
    private final ActionRepository actions;

    public FollowedActions(ActionRepository actions) {
        this.actions = actions;
    }

    @Override
    public List<ActionItem> forHome(Home home, List<Checkin> checkins) {
        Map<Long, String> codeOf = checkins.stream()
                .filter(c -> c.homeId() == home.id())
                .collect(Collectors.toMap(Checkin::id, Checkin::code, (a, b) -> a));
        Map<Long, List<FollowUp>> followUps = actions.followUpsForHome(home.id()).stream()
                .sorted(Comparator.comparingInt(FollowUp::week))
                .collect(Collectors.groupingBy(FollowUp::actionId));
        List<ActionItem> out = new ArrayList<>();
        for (Action a : actions.forHome(home.id()).stream()
                .filter(a -> a.homeId() == home.id())
                .sorted(Comparator.comparingInt(Action::setWeek).thenComparingLong(Action::id))
                .toList()) {
            List<FollowUp> said = followUps.getOrDefault(a.id(), List.of());
            Optional<FollowUp> last =
                    said.stream().filter(f -> f.outcome().isPresent()).reduce((x, y) -> y);
            String status = last.map(
                            f -> f.outcome().map(ActionOutcome::label).orElseThrow() + " (week " + f.week() + ")")
                    .orElse(a.open() ? "Not followed up yet" : a.status().name());
            List<String> notes = said.stream()
                    .filter(f -> f.note().isPresent())
                    .map(f -> "Week " + f.week() + ": " + f.note().orElseThrow())
                    .toList();
            out.add(new ActionItem(
                    a.setWeek(),
                    codeOf.getOrDefault(a.checkinId(), ""),
                    a.text(),
                    status,
                    notes.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", notes))));
        }
        return out;
    }

    @Override
    public String source() {
        return "The next steps you set in your check-ins, and how each went as you said in the weeks after (done,"
                + " partly, not yet or dropped), with your words. Steps not done carry forward until done or dropped.";
    }
}
