package uk.stepup.improvement;

import java.util.Comparator;
import java.util.Optional;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.shared.Actor;

/**
 * Which home a manager means when a command names none: their home in the latest cohort on this server (the same rule
 * as {@code measures/ManagedHomes}, which is private to its package).
 */
final class ManagedHome {
    private ManagedHome() {}

    /** @param runningOnly leave out homes of ended cohorts (for starting work rather than looking at it) */
    static Optional<Home> current(HomeRepository homes, CohortRepository cohorts, Actor actor, boolean runningOnly) {
        return homes.managedBy(actor.userId()).stream()
                .filter(h -> cohorts.byId(h.cohortId())
                        .map(c -> c.guildId().equals(actor.guildId())
                                && (!runningOnly || c.status() != Cohort.Status.ENDED))
                        .orElse(false))
                .max(Comparator.comparingLong(Home::cohortId));
    }
}
