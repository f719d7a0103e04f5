package uk.stepup.portfolio;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.stepup.improvement.Aim;
import uk.stepup.improvement.PdsaCycle;
import uk.stepup.measures.Measure;
import uk.stepup.measures.MeasureChart;
import uk.stepup.measures.MeasureValue;

/**
 * One of the cohort's measures for the home: its values, its SPC verdict in Making Data Count's words, its chart
 * (with the home's aim as the target and its cycles as markers), and the aim and PDSA cycles the home set for it.
 *
 * @param latest    "Latest 3, week of 15 Feb 2027", or "No values yet."
 * @param verdict   the variation verdict ("Common cause variation", …); empty with fewer than two values
 * @param assurance whether the target is met reliably; empty without a target or a chart
 */
public record MeasureSection(
        Measure measure,
        List<MeasureValue> values,
        String latest,
        Optional<String> verdict,
        Optional<String> assurance,
        MeasureChart chart,
        Optional<Aim> aim,
        List<PdsaCycle> cycles) {

    public MeasureSection {
        Objects.requireNonNull(measure, "measure");
        values = List.copyOf(values);
        Objects.requireNonNull(latest, "latest");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(assurance, "assurance");
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(aim, "aim");
        cycles = List.copyOf(cycles);
    }
}
