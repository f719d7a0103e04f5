package uk.stepup.measures;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.stepup.measures.spc.SpcChart;

/**
 * One measure's control chart as values for the renderer: the engine's XmR chart (points with their Making Data
 * Count classification, mean, process limits, target and icons) plus what the drawing needs around it.
 *
 * @param spc            empty while there are fewer than 2 values that may be shown (an XmR chart needs 2)
 * @param suppressed     periods left out of a cohort chart because their count is small; drawn as "<5"
 * @param programmeStart the programme's first period, marked on the chart when earlier (imported) history is shown
 * @param note           a short line under the chart, or "" (e.g. why there is no chart yet)
 * @param markers        a home's changes, numbered on the chart at their start and listed under it (none on a
 *                       cohort chart)
 * @param aimed          true when the target line is the home's own aim: the chart then says "aim", not "target"
 */
public record MeasureChart(
        String title,
        String subtitle,
        Frequency frequency,
        Optional<SpcChart> spc,
        List<LocalDate> suppressed,
        Optional<LocalDate> programmeStart,
        String note,
        List<ChartMarker> markers,
        boolean aimed) {

    /** A chart whose target, if any, is the measure's own (not a home's aim). */
    public MeasureChart(
            String title,
            String subtitle,
            Frequency frequency,
            Optional<SpcChart> spc,
            List<LocalDate> suppressed,
            Optional<LocalDate> programmeStart,
            String note,
            List<ChartMarker> markers) {
        this(title, subtitle, frequency, spc, suppressed, programmeStart, note, markers, false);
    }

    /** A chart without markers. */
    public MeasureChart(
            String title,
            String subtitle,
            Frequency frequency,
            Optional<SpcChart> spc,
            List<LocalDate> suppressed,
            Optional<LocalDate> programmeStart,
            String note) {
        this(title, subtitle, frequency, spc, suppressed, programmeStart, note, List.of(), false);
    }

    /** "target", or "aim" when the line is the home's aim. */
    public String targetName() {
        return aimed ? "aim" : "target";
    }

    public MeasureChart {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subtitle, "subtitle");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(spc, "spc");
        suppressed = List.copyOf(suppressed);
        Objects.requireNonNull(programmeStart, "programmeStart");
        Objects.requireNonNull(note, "note");
        markers = List.copyOf(markers);
    }
}
