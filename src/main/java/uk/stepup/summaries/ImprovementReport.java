package uk.stepup.summaries;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.stepup.improvement.IhiScale;
import uk.stepup.measures.spc.VariationIcon;

/**
 * The improvement work of a cohort for its outcome report (programme spec section 11), under the report's naming
 * rule ({@link HomeLabels}) and the highlights' consent rule: a cycle's words (its change idea, prediction and what
 * the data said) appear only where the home shared the cycle with the cohort; under a home's own section only when
 * the cycle was shared with the home's name and the section carries that name, and in the cohort's list of changes
 * with the home's name or "shared anonymously" as it chose. A cycle kept private shows as its number, stage and dates.
 * Home charts leave out counts of 1 to 4 (as the cohort's charts do). Built by {@link ImprovementReportBuilder}.
 *
 * @param homes   a section for each home with any improvement work, in the report's order
 * @param quiet   how many homes have recorded none yet
 * @param scores  each home's progress scores over time beside its measures' SPC verdicts, every home
 * @param adopted adopted changes the homes shared with the cohort
 * @param testing how many cycles are being tested now (shared or not)
 * @param privateAdopted adopted changes the homes kept to themselves (counted, not described)
 */
public record ImprovementReport(
        List<HomeImprovement> homes,
        int quiet,
        List<Integer> scoreWeeks,
        List<ScoreRow> scores,
        List<SharedChange> adopted,
        int testing,
        int privateAdopted,
        int cycles) {

    public ImprovementReport {
        homes = List.copyOf(homes);
        scoreWeeks = List.copyOf(scoreWeeks);
        scores = List.copyOf(scores);
        adopted = List.copyOf(adopted);
    }

    /** True when no home has recorded aims, cycles, recalculations or scores. */
    public boolean isEmpty() {
        return homes.isEmpty();
    }

    /**
     * One home's improvement work.
     *
     * @param chartsNotShown for each measure whose chart is left out because most of its values are counts of 1 to
     *                       4, a sentence saying so
     */
    public record HomeImprovement(
            String label,
            boolean named,
            List<AimLine> aims,
            List<CycleLine> cycles,
            List<Chart> charts,
            List<String> chartsNotShown,
            List<ScoreLine> scores) {
        public HomeImprovement {
            aims = List.copyOf(aims);
            cycles = List.copyOf(cycles);
            charts = List.copyOf(charts);
            chartsNotShown = List.copyOf(chartsNotShown);
            scores = List.copyOf(scores);
        }
    }

    /** A home's aim: from, to, by when, in its words. */
    public record AimLine(String measure, double from, double to, LocalDate by, String words) {}

    /**
     * A cycle as the report may show it.
     *
     * @param idea       the change idea; empty when the cycle's words may not be shown here
     * @param prediction what the home predicted; empty when not shown or not written
     * @param study      what the data said against the prediction; empty when not shown or not studied yet
     */
    public record CycleLine(
            int number,
            Optional<String> idea,
            String stage,
            LocalDate start,
            LocalDate plannedEnd,
            Optional<String> measure,
            Optional<String> prediction,
            Optional<String> study,
            Optional<Integer> adapts) {}

    /** A home's annotated chart of one measure, drawn. */
    public record Chart(String measure, byte[] png, String alt) {
        public Chart {
            Objects.requireNonNull(png, "png");
        }
    }

    /** A coach's score at a programme week. */
    public record ScoreLine(int week, IhiScale score, LocalDate on) {}

    /**
     * One home's row in the cohort's table of progress scores and SPC verdicts.
     *
     * @param byWeek   the home's latest score in each week of {@link #scoreWeeks}, empty where none was given
     * @param verdicts each measure's variation icon on the home's values (measures with a chart only)
     */
    public record ScoreRow(
            String label, List<Optional<IhiScale>> byWeek, Optional<IhiScale> latest, List<Verdict> verdicts) {
        public ScoreRow {
            byWeek = List.copyOf(byWeek);
            verdicts = List.copyOf(verdicts);
        }
    }

    /**
     * Where a measure stands for a home: its variation icon and, when a person recalculated its limits after a
     * sustained shift, where the mean moved ("limits recalculated from the week of 15 Feb 2027: mean 9.83 → 5.39").
     */
    public record Verdict(String measure, VariationIcon icon, Optional<String> recalculated) {
        public Verdict {
            Objects.requireNonNull(recalculated, "recalculated");
        }
    }

    /** An adopted change a home shared with the cohort; {@code home} empty when shared anonymously. */
    public record SharedChange(String idea, Optional<String> home, Optional<String> measure, LocalDate start) {}
}
