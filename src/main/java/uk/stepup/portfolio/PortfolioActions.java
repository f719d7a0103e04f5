package uk.stepup.portfolio;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import uk.stepup.checkins.Checkin;
import uk.stepup.cohorts.Home;

/**
 * Seam: where the portfolio's actions come from. Until next steps are followed through as actions of their own, the
 * actions are the next steps the home wrote in its check-ins ({@link #NEXT_STEPS}); the actions feature plugs its
 * own implementation in here (in {@code app/Features}), with each action's follow-up.
 */
public interface PortfolioActions {

    /**
     * The home's actions, oldest first.
     *
     * @param checkins the home's check-ins (already read for the portfolio)
     */
    List<ActionItem> forHome(Home home, List<Checkin> checkins);

    /** A line for the portfolio saying where the actions come from and what their status means. */
    String source();

    /** Each check-in's next step, as written, with no follow-up recorded. */
    PortfolioActions NEXT_STEPS = new PortfolioActions() {
        @Override
        public List<ActionItem> forHome(Home home, List<Checkin> checkins) {
            return checkins.stream()
                    .sorted(Comparator.comparingInt(Checkin::week))
                    .filter(c -> c.answers().nextStep().isPresent())
                    .map(c -> new ActionItem(
                            c.week(), c.code(), c.answers().nextStep().orElseThrow(), "Set", Optional.empty()))
                    .toList();
        }

        @Override
        public String source() {
            return "The next steps you wrote in your check-ins, week by week. How each went is not recorded here yet:"
                    + " bring your own notes.";
        }
    };
}
