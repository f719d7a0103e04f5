package uk.stepup.measures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.stepup.measures.spc.SpcChart;
import uk.stepup.measures.spc.SpcPoint;

/**
 * When to offer a person the recalculation of a home's limits (Making Data Count: recalculate only after a sustained
 * shift that a known change explains, and never automatically). The rule: in the chart's latest period, a run of at
 * least {@value #RUN} points in a row on one side of the mean (a point on the mean ends a run, as in the engine's
 * shift rule) whose first point is at or after the start of a change the home adopted, and which leaves at least 2
 * points before it in the period (an XmR period needs a moving range). The first such run is offered, from its first
 * point's period.
 */
public final class SustainedShift {
    /** Making Data Count's shift: 7 points in a row on one side of the mean. */
    public static final int RUN = 7;

    private SustainedShift() {}

    /** Which side of the mean the run is on. */
    public enum Side {
        ABOVE("above"),
        BELOW("below");

        private final String word;

        Side(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /**
     * A shift worth offering.
     *
     * @param from   the period the new limits would start from: the run's first point
     * @param points how many points the run has so far
     * @param change the adopted change it follows (the latest one that started on or before {@code from})
     */
    public record Offer(LocalDate from, int points, Side side, ChartMarker change) {
        public Offer {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(change, "change");
        }
    }

    /** The shift to offer, if the chart has one after one of the changes; never one before any adopted change. */
    public static Optional<Offer> find(SpcChart chart, List<ChartMarker> changes) {
        List<ChartMarker> adopted =
                changes.stream().filter(ChartMarker::adopted).toList();
        if (adopted.isEmpty()) {
            return Optional.empty();
        }
        int lastPeriod = chart.periods().get(chart.periods().size() - 1).index();
        List<SpcPoint> points = new ArrayList<>();
        for (SpcPoint p : chart.points()) {
            if (p.period() == lastPeriod) {
                points.add(p);
            }
        }
        int i = 0;
        while (i < points.size()) {
            int side = side(points.get(i));
            int j = i + 1;
            while (side != 0 && j < points.size() && side(points.get(j)) == side) {
                j++;
            }
            int length = j - i;
            if (side != 0 && length >= RUN && i >= 2) {
                LocalDate from = points.get(i).date();
                Optional<ChartMarker> change = adopted.stream()
                        .filter(c -> !c.start().isAfter(from))
                        .reduce((a, b) -> b.start().isAfter(a.start()) ? b : a);
                if (change.isPresent()) {
                    return Optional.of(new Offer(from, length, side > 0 ? Side.ABOVE : Side.BELOW, change.get()));
                }
            }
            i = j;
        }
        return Optional.empty();
    }

    private static int side(SpcPoint p) {
        return Double.compare(p.value(), p.centre());
    }
}
