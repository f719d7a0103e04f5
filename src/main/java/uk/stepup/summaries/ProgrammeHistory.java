package uk.stepup.summaries;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import uk.stepup.checkins.Checkin;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;
import uk.stepup.curriculum.CurriculumItem;
import uk.stepup.measures.Measure;
import uk.stepup.measures.MeasureValue;

/**
 * Everything stored about one cohort's programme as of one moment, read once and shared by the data export and
 * the outcome report so that both tell the same story.
 *
 * @param items      every planned week's curriculum item, in programme order (week n is {@code items.get(n - 1)})
 * @param weeks      the weeks that have run so far (prompt posted), week 1 first
 * @param homes      the enrolled homes, by name
 * @param checkins   each home's check-ins (by home id), by week
 * @param enrolledAt when each home (by id) was enrolled
 * @param measures   the cohort's QI measures, in their order
 * @param measureValues the cohort's homes' values of those measures, by measure, then period, then home
 * @param asOf       the moment the history describes
 * @param improvement the homes' aims, PDSA cycles, recalculations and progress scores
 */
public record ProgrammeHistory(
        Cohort cohort,
        List<CurriculumItem> items,
        List<Week> weeks,
        List<Home> homes,
        Map<Long, Map<Integer, Checkin>> checkins,
        Map<Long, Instant> enrolledAt,
        List<ReportQueries.TaskRecord> tasks,
        List<ReportQueries.SessionRecord> sessions,
        List<Measure> measures,
        List<MeasureValue> measureValues,
        Instant asOf,
        ImprovementHistory improvement) {

    /** A history without improvement work (aims, cycles, recalculations, scores). */
    public ProgrammeHistory(
            Cohort cohort,
            List<CurriculumItem> items,
            List<Week> weeks,
            List<Home> homes,
            Map<Long, Map<Integer, Checkin>> checkins,
            Map<Long, Instant> enrolledAt,
            List<ReportQueries.TaskRecord> tasks,
            List<ReportQueries.SessionRecord> sessions,
            List<Measure> measures,
            List<MeasureValue> measureValues,
            Instant asOf) {
        this(
                cohort,
                items,
                weeks,
                homes,
                checkins,
                enrolledAt,
                tasks,
                sessions,
                measures,
                measureValues,
                asOf,
                ImprovementHistory.none());
    }

    /**
     * One programme week that has run.
     *
     * @param start    its Monday, when the calendar still knows it (empty for a week cut short by a pause)
     * @param closesAt when its check-in window closes, when known
     * @param closed   the window has closed: a home without a check-in has missed it
     */
    public record Week(
            int number, CurriculumItem item, Optional<LocalDate> start, Optional<Instant> closesAt, boolean closed) {
        public Week {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(closesAt, "closesAt");
        }
    }

    public ProgrammeHistory {
        items = List.copyOf(items);
        weeks = List.copyOf(weeks);
        homes = List.copyOf(homes);
        checkins = Map.copyOf(checkins);
        enrolledAt = Map.copyOf(enrolledAt);
        tasks = List.copyOf(tasks);
        sessions = List.copyOf(sessions);
        measures = List.copyOf(measures);
        measureValues = List.copyOf(measureValues);
        Objects.requireNonNull(improvement, "improvement");
    }

    public int weeksRun() {
        return weeks.size();
    }

    public int weeksPlanned() {
        return items.size();
    }

    /** The weeks whose window has closed. */
    public List<Week> closedWeeks() {
        return weeks.stream().filter(Week::closed).toList();
    }

    public Optional<Checkin> checkin(long homeId, int week) {
        return Optional.ofNullable(checkins.getOrDefault(homeId, Map.of()).get(week));
    }

    /** Where the home stands for the week; see {@link WeekStatus}. */
    public WeekStatus status(Home home, Week week) {
        Optional<Checkin> c = checkin(home.id(), week.number());
        if (c.isPresent()) {
            return c.get().late() ? WeekStatus.LATE : WeekStatus.ON_TIME;
        }
        Instant enrolled = enrolledAt.get(home.id());
        if (enrolled != null
                && week.closesAt().isPresent()
                && !enrolled.isBefore(week.closesAt().get())) {
            return WeekStatus.NOT_ENROLLED;
        }
        return week.closed() ? WeekStatus.MISSING : WeekStatus.OPEN;
    }

    /** A task's state for one home: done, or pending until its due date has passed, then overdue. */
    public TaskState taskState(ReportQueries.TaskRecord task, Home home) {
        if (task.doneAt().containsKey(home.id())) {
            return TaskState.DONE;
        }
        LocalDate today = asOf.atZone(cohort.zone()).toLocalDate();
        return today.isAfter(task.dueDate()) ? TaskState.OVERDUE : TaskState.PENDING;
    }

    /** A task's state for one home. */
    public enum TaskState {
        DONE,
        PENDING,
        OVERDUE;

        /** done, pending or overdue. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
