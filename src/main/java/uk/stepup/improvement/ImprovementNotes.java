package uk.stepup.improvement;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import uk.stepup.measures.ChartMarker;
import uk.stepup.measures.HomeChartNotes;
import uk.stepup.measures.Measure;

/**
 * What a home's improvement work adds to its chart of a measure: the aim's value as the target line, the active
 * recalculations as new periods, and a numbered marker at the start of each cycle that names this measure.
 */
public final class ImprovementNotes implements HomeChartNotes {
    private final AimRepository aims;
    private final CycleRepository cycles;
    private final RecalculationRepository recalculations;

    public ImprovementNotes(AimRepository aims, CycleRepository cycles, RecalculationRepository recalculations) {
        this.aims = aims;
        this.cycles = cycles;
        this.recalculations = recalculations;
    }

    /** The aim reads "9 → 5 by 30 Jun 2027, 'fewer night falls'" ({@link AimWords#summary}). */
    @Override
    public Notes forHome(long homeId, Measure measure) {
        Optional<Aim> aim = aims.of(homeId, measure.id());
        List<LocalDate> from = recalculations.of(homeId, measure.id()).stream()
                .filter(Recalculation::active)
                .map(Recalculation::from)
                .sorted()
                .toList();
        List<ChartMarker> markers = cycles.forHome(homeId).stream()
                .filter(c -> c.measureId().isPresent() && c.measureId().getAsLong() == measure.id())
                .map(c -> marker(c, measure))
                .toList();
        return new Notes(
                aim.map(a -> OptionalDouble.of(a.to())).orElse(OptionalDouble.empty()),
                aim.map(a -> AimWords.summary(a, measure.name())),
                from,
                markers);
    }

    /** Cycle 2 on the chart: its start's period, "Night-time checks: adopted". */
    public static ChartMarker marker(PdsaCycle c, Measure measure) {
        return new ChartMarker(
                c.number(),
                measure.frequency().periodOf(c.start()),
                c.changeIdea() + ": " + c.stage().label().toLowerCase(Locale.ROOT),
                c.adopted());
    }
}
