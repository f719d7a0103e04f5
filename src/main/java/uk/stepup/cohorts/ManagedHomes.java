package uk.stepup.cohorts;

import java.util.Comparator;
import java.util.Optional;
import uk.stepup.shared.Actor;

/** Which home a manager means when a command names none: their home in the latest cohort on this server. */
public final class ManagedHomes {
    private ManagedHomes() {}

    /** @param runningOnly leave out homes of ended cohorts (for entering data rather than looking at it) */
    public static Optional<Home> current(
            HomeRepository homes, CohortRepository cohorts, Actor actor, boolean runningOnly) {
        return homes.managedBy(actor.userId()).stream()
                .filter(h -> cohorts.byId(h.cohortId())
                        .map(c -> c.guildId().equals(actor.guildId())
                                && (!runningOnly || c.status() != Cohort.Status.ENDED))
                        .orElse(false))
                .max(Comparator.comparingLong(Home::cohortId));
    }
}
