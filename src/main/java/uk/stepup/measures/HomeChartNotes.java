package uk.stepup.measures;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Port: what a home has added to its own chart of a measure, from the improvement feature (which sits above this
 * one): its aim (drawn as the target line), the recalculations a person confirmed (each starts a new period with its
 * own mean and limits) and its changes (numbered markers).
 */
public interface HomeChartNotes {

    /**
     * @param aimTarget        the aim's value, which replaces the cohort's target on this home's chart
     * @param aim              the aim in the home's words, for the line under the chart
     * @param recalculatedFrom the first period of each recalculated stretch, in date order
     * @param markers          the home's changes for this measure, by number
     */
    record Notes(
            OptionalDouble aimTarget,
            Optional<String> aim,
            List<LocalDate> recalculatedFrom,
            List<ChartMarker> markers) {
        public static final Notes NONE = new Notes(OptionalDouble.empty(), Optional.empty(), List.of(), List.of());

        public Notes {
            Objects.requireNonNull(aimTarget, "aimTarget");
            Objects.requireNonNull(aim, "aim");
            recalculatedFrom = List.copyOf(recalculatedFrom);
            markers = List.copyOf(markers);
        }
    }

    Notes forHome(long homeId, Measure measure);

    /** No aims, recalculations or changes: the chart as the measure alone draws it. */
    HomeChartNotes NONE = (homeId, measure) -> Notes.NONE;
}
