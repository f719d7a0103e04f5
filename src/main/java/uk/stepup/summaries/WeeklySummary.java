package uk.stepup.summaries;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import uk.stepup.measures.CohortMeasures;
import uk.stepup.shared.Rating;

/**
 * What the cohort learns about a week: who checked in, how homes rated themselves, highlights they chose to share,
 * and what comes next. Plain values; the Discord adapter decides how it looks and splits it to fit.
 *
 * @param spread   how many homes chose each self-rating for this week's KLOE
 * @param highlights the shared highlights the summary shows: all of them, or {@link HighlightPick#SHOWN} picked by
 *                 {@link HighlightPick} when more homes shared one
 * @param moreHighlights how many more homes shared a highlight this week than are shown
 * @param nextCode empty after the last week
 * @param heatmap  homes × KLOEs so far, labelled by {@link HomeLabels}: a home is named only if it chose to share
 *                 its name, else "Home" and its letter
 * @param measures the cohort's measures as aggregates (small counts suppressed) with their small-multiples chart;
 *                 empty when the cohort tracks none or has no values yet
 * @param changes  the PDSA cycles homes shared, tested and adopted; empty when none is shared
 */
public record WeeklySummary(
        long cohortId,
        String cohortName,
        int week,
        String code,
        String title,
        int homes,
        int onTime,
        int late,
        int missing,
        Map<Rating, Integer> spread,
        List<SharedHighlight> highlights,
        int moreHighlights,
        Optional<String> nextCode,
        Optional<String> nextTitle,
        boolean lastWeek,
        Heatmap heatmap,
        Optional<CohortMeasures.Digest> measures,
        Optional<TaskTally> tasks,
        Optional<Changes> changes) {

    /**
     * The PDSA cycles homes chose to share (programme spec section 11): changes being tested and changes adopted,
     * newest first, at most {@link #CHANGES_SHOWN} of each, with how many more there are. A cycle shared anonymously
     * carries no home name; one shared with its name carries it; one not shared is never here.
     */
    public record Changes(List<SharedChange> testing, int moreTesting, List<SharedChange> adopted, int moreAdopted) {
        public Changes {
            testing = List.copyOf(testing);
            adopted = List.copyOf(adopted);
        }
    }

    /** One shared change: its idea, the measure it should move, and the home's name only if it chose to be named. */
    public record SharedChange(Optional<String> homeName, String idea, Optional<String> measure) {}

    /** The most changes of each kind a summary lists. */
    public static final int CHANGES_SHOWN = 5;

    /** A summary without the homes' shared changes. */
    public WeeklySummary(
            long cohortId,
            String cohortName,
            int week,
            String code,
            String title,
            int homes,
            int onTime,
            int late,
            int missing,
            Map<Rating, Integer> spread,
            List<SharedHighlight> highlights,
            int moreHighlights,
            Optional<String> nextCode,
            Optional<String> nextTitle,
            boolean lastWeek,
            Heatmap heatmap,
            Optional<CohortMeasures.Digest> measures,
            Optional<TaskTally> tasks) {
        this(
                cohortId,
                cohortName,
                week,
                code,
                title,
                homes,
                onTime,
                late,
                missing,
                spread,
                highlights,
                moreHighlights,
                nextCode,
                nextTitle,
                lastWeek,
                heatmap,
                measures,
                tasks,
                Optional.empty());
    }

    /**
     * Where the cohort's tasks stand, counted per task and home: done, overdue (past the due date, not done) and
     * still pending, over every task set so far. Counts only: no home is named.
     */
    public record TaskTally(int tasks, int done, int overdue, int pending) {}

    /** A highlight a home agreed to share; {@code homeName} is empty when shared anonymously. */
    public record SharedHighlight(Optional<String> homeName, String text) {}

    public WeeklySummary {
        spread = Map.copyOf(spread);
        highlights = List.copyOf(highlights);
        Objects.requireNonNull(measures, "measures");
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(changes, "changes");
    }
}
