package uk.stepup.summaries;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import uk.stepup.measures.CohortMeasures;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;

/**
 * A cohort's outcome report as plain values, ready for a renderer: every name in it is already the one the report
 * may show (see {@link HomeLabels}), and it carries only highlights that homes agreed to share. Built by
 * {@link OutcomeReportBuilder}.
 *
 * @param framework      the curriculum's name for people, e.g. "CQC Key Lines of Enquiry (2017)"
 * @param firstDay       the Monday of week 1, when known
 * @param lastDay        the Sunday that ended the last week run, when known
 * @param finished       every planned week has run
 * @param openWeek       a week still running, left out of the participation figures (empty when none)
 * @param participation  check-ins per closed week, for the chart
 * @param heatmap        homes by KLOE self-ratings, homes under their report labels
 * @param homes          one section per home, in label order (named homes first)
 * @param learning       highlights homes agreed to share, by week: all of them, or for a week in which more homes
 *                       shared one, the {@link HighlightPick#SHOWN} that {@link HighlightPick} picks
 * @param learningNotShown for each week with more shared highlights than are shown, how many more (week → count)
 * @param measures       the cohort's QI measures as aggregates (no home named, small counts suppressed) with their
 *                       chart; empty when the cohort tracks none or has no values
 */
public record OutcomeReport(
        String cohortName,
        String framework,
        Optional<LocalDate> firstDay,
        Optional<LocalDate> lastDay,
        LocalDate producedOn,
        int weeksRun,
        int weeksPlanned,
        boolean finished,
        Optional<Integer> openWeek,
        Participation totals,
        List<KeyQuestionChange> changes,
        int homesImprovedAny,
        Map<Rating, Integer> baselineOverall,
        Map<Rating, Integer> projectedOverall,
        int projectionsPending,
        ParticipationSeries participation,
        Heatmap heatmap,
        List<HomeSection> homes,
        List<Learning> learning,
        Map<Integer, Integer> learningNotShown,
        List<TaskLine> tasks,
        List<SessionLine> sessions,
        Optional<CohortMeasures.Digest> measures) {

    public OutcomeReport {
        Objects.requireNonNull(cohortName, "cohortName");
        changes = List.copyOf(changes);
        baselineOverall = Map.copyOf(baselineOverall);
        projectedOverall = Map.copyOf(projectedOverall);
        homes = List.copyOf(homes);
        learning = List.copyOf(learning);
        learningNotShown = Map.copyOf(learningNotShown);
        tasks = List.copyOf(tasks);
        sessions = List.copyOf(sessions);
        Objects.requireNonNull(measures, "measures");
    }

    /** The naming rule, for the report's reader. */
    public static final String NAMING_RULE = "Homes that chose to share a highlight under their own name are named;"
            + " every other home appears as \"Home\" and a letter, the same letter it had in the weekly summaries all"
            + " programme, dealt so that it follows neither names nor enrolment order. Highlights appear only where"
            + " the home agreed to share them, and carry the home's name only where it chose that for the highlight.";

    /** The rule used to turn weekly KLOE self-ratings into one self-assessment per key question. */
    public static final String ROLL_UP_RULE = "A key question's self-assessment is the lower median of the home's"
            + " self-ratings for its KLOEs, never better than Requires improvement if any of them is Inadequate.";

    /**
     * Check-in counts over homes and closed weeks.
     *
     * @param expected homes × closed weeks, leaving out weeks before a home enrolled
     */
    public record Participation(int homes, int expected, int onTime, int late, int missing) {
        public int received() {
            return onTime + late;
        }

        /** Received as a whole percentage of expected (0 when nothing was expected). */
        public int percent() {
            return expected == 0 ? 0 : (int) Math.round(100.0 * received() / expected);
        }

        /** On time as a whole percentage of received (0 when none was received). */
        public int onTimePercent() {
            return received() == 0 ? 0 : (int) Math.round(100.0 * onTime / received());
        }
    }

    /** How many homes' self-assessment for a key question is above, level with or below their CQC baseline. */
    public record KeyQuestionChange(KeyQuestion keyQuestion, int improved, int same, int lower, int notCompared) {}

    /** One row of a home's baseline-versus-now table. */
    public record KeyQuestionRow(
            KeyQuestion keyQuestion,
            Optional<Rating> baseline,
            Optional<Rating> selfAssessment,
            int itemsRated,
            int itemsRun) {
        /** Levels up (positive) or down (negative) from the baseline; empty when either is missing. */
        public Optional<Integer> change() {
            return baseline.flatMap(b -> selfAssessment.map(s -> s.compareTo(b)));
        }
    }

    /**
     * One home's page.
     *
     * @param label      the home's name if it agreed to be named, else its letter label
     * @param weeksAsked closed weeks the home was enrolled for
     */
    public record HomeSection(
            String label,
            boolean named,
            Optional<Rating> baselineOverall,
            List<KeyQuestionRow> rows,
            Projection projection,
            RatingJourney journey,
            int weeksAsked,
            int onTime,
            int late,
            int tasksDone,
            int tasksSet,
            int sessionsAttended,
            int sessionsHeld) {
        public HomeSection {
            rows = List.copyOf(rows);
        }

        public int missing() {
            return weeksAsked - onTime - late;
        }
    }

    /** Every shared highlight, shown or not. */
    public int learningShared() {
        return learning.size()
                + learningNotShown.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** A highlight a home agreed to share; {@code homeName} is empty when it was shared anonymously. */
    public record Learning(
            int week, String code, String title, KeyQuestion keyQuestion, Optional<String> homeName, String text) {}

    /** A task and how many homes have done it. */
    public record TaskLine(String title, LocalDate due, int done, int pending, int overdue) {}

    /** A session and how many homes came, in the cohort's local time. */
    public record SessionLine(String title, LocalDateTime startsAt, boolean held, int homesAttended, int people) {}
}
