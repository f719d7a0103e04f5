package uk.stepup.improvement;

import java.util.Comparator;
import java.util.Optional;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.ManagedHomes;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;

/**
 * Who may act on a home's improvement work: its managers, and the coaches of its cohort (a coach on the cohort's
 * server). Checked inside each use case, whatever button or command the request came from.
 */
final class HomeAccess {
    private final CohortRepository cohorts;
    private final HomeRepository homes;

    HomeAccess(CohortRepository cohorts, HomeRepository homes) {
        this.cohorts = cohorts;
        this.homes = homes;
    }

    /** A home with its cohort, or why the person cannot act on it. */
    sealed interface Resolved {}

    record Found(Cohort cohort, Home home) implements Resolved {}

    record NotFound(Outcome why) implements Resolved {}

    static boolean may(Actor actor, Cohort cohort, Home home) {
        if (!cohort.guildId().equals(actor.guildId())) {
            return false;
        }
        return actor.coach() || home.managerIds().contains(actor.userId());
    }

    /** The home a request names by id (a button's): only for its managers and its cohort's coaches. */
    Resolved byId(Actor actor, long homeId, String what) {
        Optional<Home> home = homes.byId(homeId);
        Optional<Cohort> cohort = home.flatMap(h -> cohorts.byId(h.cohortId()));
        if (home.isEmpty() || cohort.isEmpty() || !may(actor, cohort.get(), home.get())) {
            return new NotFound(Outcome.refused(
                    "Only the home's managers and its cohort's coaches can " + what + ". Nothing was changed."));
        }
        return new Found(cohort.get(), home.get());
    }

    /**
     * The home a command means: the one named in {@code home:} (for a coach, or a manager naming their own), or else
     * the manager's home in the latest cohort on this server.
     */
    Resolved named(Actor actor, Optional<String> name, String what) {
        Optional<String> wanted = name.map(String::strip).filter(s -> !s.isEmpty());
        if (wanted.isPresent()) {
            Optional<Found> found = cohorts.inGuild(actor.guildId()).stream()
                    .sorted(Comparator.comparingLong(Cohort::id).reversed())
                    .flatMap(c -> homes.byName(c.id(), wanted.get()).map(h -> new Found(c, h)).stream())
                    .findFirst();
            if (found.isEmpty()) {
                return new NotFound(Outcome.invalid("There is no home of that name in this server's cohorts. "
                        + "Check the spelling in `/cohort status`, or leave `home` out for your own home."));
            }
            if (!may(actor, found.get().cohort(), found.get().home())) {
                return new NotFound(Outcome.refused(
                        "Only the home's managers and its cohort's coaches can " + what + ". Nothing was changed."));
            }
            return found.get();
        }
        Optional<Home> mine = ManagedHomes.current(homes, cohorts, actor, false);
        if (mine.isPresent()) {
            return new Found(cohorts.byId(mine.get().cohortId()).orElseThrow(), mine.get());
        }
        if (actor.coach()) {
            return new NotFound(Outcome.invalid("As a coach, name the home with the `home` option."));
        }
        return new NotFound(Outcome.refused("You are not enrolled as a manager of a home yet, so there is no home to "
                + what + " for. Ask your coach to enrol you."));
    }
}
