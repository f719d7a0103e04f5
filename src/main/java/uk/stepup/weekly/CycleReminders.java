package uk.stepup.weekly;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortTimers;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.deliveries.DeliveryLedger.Key;
import uk.stepup.deliveries.DeliveryLedger.Kind;
import uk.stepup.improvement.CycleRepository;
import uk.stepup.improvement.PdsaCycle;

/**
 * The Study reminder of a home's PDSA cycle: at {@link #AT} on the day its planned length ends, if it has neither a
 * Study nor a decision, one post in the home's channel asking how it went, through the delivery ledger (week 0,
 * target {@code cycle-<id>}), so a double fire or a restart never sends it twice.
 *
 * <p>Why at the planned end rather than at the week's mid-week reminder: a cycle's length is counted from the day it
 * started, so its end falls on any weekday, and waiting for the next mid-week moment would ask up to a week late.
 * Like the coach's task reminders, the tick asks the timers to wake the cohort at each end still ahead, and a tick
 * after downtime sends what is due. It stays useful as long as the Study is missing; a cycle studied or decided
 * before its reminder went out gets none.
 */
final class CycleReminders {
    /** The local time of day the reminder is due on the planned end date. */
    static final LocalTime AT = LocalTime.of(9, 0);

    private final CycleRepository cycles;
    private final HomeRepository homes;
    private final ProgrammePublisher publisher;
    private final CohortTimers timers;
    private final Clock clock;

    CycleReminders(
            CycleRepository cycles,
            HomeRepository homes,
            ProgrammePublisher publisher,
            CohortTimers timers,
            Clock clock) {
        this.cycles = cycles;
        this.homes = homes;
        this.publisher = publisher;
        this.timers = timers;
        this.clock = clock;
    }

    static Key key(long cohortId, long cycleId) {
        return new Key(cohortId, 0, Kind.CYCLE_REMINDER, "cycle-" + cycleId);
    }

    /** When the cycle's reminder is due: {@link #AT} in the cohort's zone on its planned end date. */
    static Instant dueAt(PdsaCycle cycle, Cohort cohort) {
        return cycle.plannedEnd().atTime(AT).atZone(cohort.zone()).toInstant();
    }

    void send(Cohort cohort, Deliveries deliveries, Set<String> done, List<String> notes) {
        Instant now = clock.instant();
        Map<Long, Optional<Home>> byId = new HashMap<>();
        for (PdsaCycle cycle : cycles.inCohort(cohort.id())) {
            if (cycle.studied().isPresent() || cycle.act().isPresent()) {
                continue;
            }
            Instant due = dueAt(cycle, cohort);
            if (due.isAfter(now)) {
                timers.wakeAt(cohort.id(), due);
                continue;
            }
            Key key = key(cohort.id(), cycle.id());
            if (done.contains(key.asText())) {
                continue;
            }
            Optional<Home> home = byId.computeIfAbsent(cycle.homeId(), homes::byId);
            if (home.isEmpty()) {
                continue;
            }
            deliveries.deliver(
                    cohort,
                    key,
                    due,
                    true,
                    done,
                    notes,
                    "the Study reminder for cycle " + cycle.number() + " of "
                            + home.get().name(),
                    k -> publisher.findCycleReminder(cohort, home.get(), cycle, k),
                    k -> publisher.postCycleReminder(cohort, home.get(), cycle, k));
        }
    }
}
