package uk.stepup.summaries;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;
import uk.stepup.improvement.CycleRepository;
import uk.stepup.improvement.PdsaCycle;
import uk.stepup.measures.MeasureRepository;

/**
 * The PDSA cycles a weekly summary lists: those whose home chose to share them, by the same consent rule as a
 * check-in's highlight (anonymous by default: no home name; named: with it; not shared: left out). Changes still being
 * tested, and changes adopted, newest first, at most {@link WeeklySummary#CHANGES_SHOWN} of each.
 */
public final class SharedChanges {
    private final CycleRepository cycles;
    private final MeasureRepository measures;

    public SharedChanges(CycleRepository cycles, MeasureRepository measures) {
        this.cycles = cycles;
        this.measures = measures;
    }

    static final Comparator<PdsaCycle> NEWEST_FIRST =
            Comparator.comparing(PdsaCycle::start).thenComparing(PdsaCycle::id).reversed();

    /** Empty when no home shares a cycle. */
    public Optional<WeeklySummary.Changes> of(Cohort cohort, List<Home> enrolled) {
        List<PdsaCycle> shared = new ArrayList<>(cycles.inCohort(cohort.id()).stream()
                .filter(c -> c.share() != HighlightShare.NONE)
                .filter(c -> c.testing() || c.adopted())
                .toList());
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        shared.sort(NEWEST_FIRST);
        Map<Long, String> names = new HashMap<>();
        enrolled.forEach(h -> names.put(h.id(), h.name()));
        Map<Long, String> measureNames = new HashMap<>();
        measures.inCohort(cohort.id()).forEach(m -> measureNames.put(m.id(), m.name()));
        List<WeeklySummary.SharedChange> testing = new ArrayList<>();
        List<WeeklySummary.SharedChange> adopted = new ArrayList<>();
        for (PdsaCycle c : shared) {
            WeeklySummary.SharedChange change = new WeeklySummary.SharedChange(
                    c.share() == HighlightShare.NAMED ? Optional.ofNullable(names.get(c.homeId())) : Optional.empty(),
                    c.changeIdea(),
                    c.measureId().isPresent()
                            ? Optional.ofNullable(measureNames.get(c.measureId().getAsLong()))
                            : Optional.empty());
            (c.adopted() ? adopted : testing).add(change);
        }
        int shown = WeeklySummary.CHANGES_SHOWN;
        return Optional.of(new WeeklySummary.Changes(
                testing.subList(0, Math.min(shown, testing.size())),
                Math.max(0, testing.size() - shown),
                adopted.subList(0, Math.min(shown, adopted.size())),
                Math.max(0, adopted.size() - shown)));
    }
}
