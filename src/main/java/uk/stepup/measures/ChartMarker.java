package uk.stepup.measures;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A numbered marker on a home's chart where a change started (a PDSA cycle's start), listed under the chart with what
 * became of it.
 *
 * @param number  the home's cycle number, drawn in the marker
 * @param start   the period the change started in; the marker sits on that period
 * @param label   "Night-time checks: adopted", written by the feature that owns the change
 * @param adopted true when the home adopted the change: only an adopted change can explain a shift
 */
public record ChartMarker(int number, LocalDate start, String label, boolean adopted) {
    public ChartMarker {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(label, "label");
    }
}
