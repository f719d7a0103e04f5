package uk.stepup.summaries;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.stepup.actions.Action;
import uk.stepup.actions.ActionRepository;
import uk.stepup.actions.FollowThrough;
import uk.stepup.checkins.CheckinRepository;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.ProgrammeCalendar;
import uk.stepup.improvement.CycleRepository;
import uk.stepup.improvement.PdsaCycle;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.tasks.Attendance;
import uk.stepup.tasks.Session;
import uk.stepup.tasks.SessionRepository;
import uk.stepup.tasks.Task;
import uk.stepup.tasks.TaskDone;
import uk.stepup.tasks.TaskRepository;
import uk.stepup.tasks.TaskState;

/**
 * {@code /cohort status}: a coach's view of every home so far: check-ins on time, late and missed (weeks whose
 * window has closed without one; a late check-in turns a missed week into a late one), overdue tasks, sessions
 * attended, PDSA cycles being tested, adopted and overdue a Study, and next steps still open {@value FollowThrough#OVERDUE_WEEKS}+ programme weeks after they were set ({@link
 * FollowThrough#overdue}). Homes at risk (2+ missed check-ins, or 2+ overdue items: tasks overdue plus such next
 * steps) come first, then the others by how far behind they are. Only coaches may see it; the Discord adapter writes
 * it as one reply within Discord's limits.
 */
public final class CohortStatusService {
    public static final int AT_RISK_MISSED = 2;
    public static final int AT_RISK_OVERDUE = 2;

    /** A home's PDSA cycles: being tested (no decision yet), adopted, and past their planned length without a Study. */
    public record CycleCounts(int testing, int adopted, int studyOverdue) {
        public static final CycleCounts NONE = new CycleCounts(0, 0, 0);

        public boolean any() {
            return testing + adopted + studyOverdue > 0;
        }
    }

    /**
     * One home's figures so far.
     *
     * @param overdueActions next steps still open {@value FollowThrough#OVERDUE_WEEKS}+ programme weeks after they
     *     were set; they count towards "at risk" with the overdue tasks
     */
    public record HomeStatus(
            String home,
            int onTime,
            int late,
            int missed,
            int overdueTasks,
            int sessionsAttended,
            CycleCounts cycles,
            int overdueActions) {
        /** A home with no PDSA cycles or overdue next steps counted. */
        public HomeStatus(String home, int onTime, int late, int missed, int overdueTasks, int sessionsAttended) {
            this(home, onTime, late, missed, overdueTasks, sessionsAttended, CycleCounts.NONE);
        }

        /** A home with no overdue next steps counted. */
        public HomeStatus(
                String home,
                int onTime,
                int late,
                int missed,
                int overdueTasks,
                int sessionsAttended,
                CycleCounts cycles) {
            this(home, onTime, late, missed, overdueTasks, sessionsAttended, cycles, 0);
        }

        public boolean atRisk() {
            return missed >= AT_RISK_MISSED || overdueTasks + overdueActions >= AT_RISK_OVERDUE;
        }
    }

    /** The whole cohort: homes in the order the coach should read them. */
    public record Report(String cohort, int weeksClosed, int tasks, int sessionsHeld, List<HomeStatus> homes) {
        public long atRisk() {
            return homes.stream().filter(HomeStatus::atRisk).count();
        }
    }

    /** At risk first, then most missed, most overdue, fewest sessions, then by name. */
    static final Comparator<HomeStatus> ORDER = Comparator.comparing((HomeStatus h) -> !h.atRisk())
            .thenComparing(HomeStatus::missed, Comparator.reverseOrder())
            .thenComparing(HomeStatus::overdueTasks, Comparator.reverseOrder())
            .thenComparing(HomeStatus::overdueActions, Comparator.reverseOrder())
            .thenComparing(HomeStatus::sessionsAttended)
            .thenComparing(h -> h.home().toLowerCase(Locale.ROOT));

    private final CohortRepository cohorts;
    private final HomeRepository homes;
    private final CheckinRepository checkins;
    private final TaskRepository tasks;
    private final SessionRepository sessions;
    private final Clock clock;
    private final CycleRepository cycles;
    private final ActionRepository actions;

    /** Counts each home's PDSA cycles, and its next steps open too long among its overdue items. */
    public CohortStatusService(
            CohortRepository cohorts,
            HomeRepository homes,
            CheckinRepository checkins,
            TaskRepository tasks,
            SessionRepository sessions,
            Clock clock,
            CycleRepository cycles,
            ActionRepository actions) {
        this.cycles = cycles;
        this.actions = actions;
        this.cohorts = cohorts;
        this.homes = homes;
        this.checkins = checkins;
        this.tasks = tasks;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** What a coach is answered: refused, or the cohort's status as it stands {@code at} (the cohort's time). */
    public sealed interface Answer permits Refused, Status {}

    public record Refused(Outcome outcome) implements Answer {}

    public record Status(Report report, ZonedDateTime at) implements Answer {}

    /** The coach's view of the cohort now. */
    public Answer report(Actor actor, Cohort cohort) {
        if (!actor.coach()) {
            return new Refused(Outcome.refused(Outcome.COACHES_ONLY));
        }
        Instant now = clock.instant();
        return new Status(build(cohort, now), now.atZone(cohort.zone()));
    }

    Report build(Cohort cohort, Instant now) {
        ProgrammeCalendar cal = ProgrammeCalendar.of(cohort, cohorts);
        List<Integer> closed = new ArrayList<>();
        for (int week = 1; week <= cal.weeks(); week++) {
            Optional<Instant> close = cal.closeAt(week);
            if (close.isPresent() && !close.get().isAfter(now)) {
                closed.add(week);
            }
        }
        int currentWeek = cal.currentWeek(now).orElse(closed.isEmpty() ? 0 : closed.get(closed.size() - 1));
        Map<Long, Integer> overdueActions = overdueActions(actions.inCohort(cohort.id()), currentWeek);
        return compute(
                cohort.name(),
                homes.inCohort(cohort.id()),
                checkins.ratedInCohort(cohort.id()),
                closed,
                tasks.forCohort(cohort.id()),
                tasks.doneInCohort(cohort.id()),
                sessions.forCohort(cohort.id()),
                sessions.attendanceInCohort(cohort.id()),
                now,
                cohort.zone(),
                cycleCounts(cohort, now),
                overdueActions);
    }

    /** How many of each home's actions are overdue ({@link FollowThrough#overdue}) in {@code currentWeek}, by home. */
    static Map<Long, Integer> overdueActions(List<Action> actions, int currentWeek) {
        Map<Long, Integer> byHome = new HashMap<>();
        for (Action a : actions) {
            if (FollowThrough.overdue(a, currentWeek)) {
                byHome.merge(a.homeId(), 1, Integer::sum);
            }
        }
        return byHome;
    }

    /** Each home's PDSA cycles counted, by home id. */
    private Map<Long, CycleCounts> cycleCounts(Cohort cohort, Instant now) {
        Map<Long, CycleCounts> out = new HashMap<>();
        LocalDate today = now.atZone(cohort.zone()).toLocalDate();
        for (PdsaCycle c : cycles.inCohort(cohort.id())) {
            CycleCounts was = out.getOrDefault(c.homeId(), CycleCounts.NONE);
            out.put(
                    c.homeId(),
                    new CycleCounts(
                            was.testing() + (c.testing() ? 1 : 0),
                            was.adopted() + (c.adopted() ? 1 : 0),
                            was.studyOverdue() + (c.studyOverdue(today) ? 1 : 0)));
        }
        return out;
    }

    /**
     * The figures, from what is stored; {@code closedWeeks} are the weeks whose check-in window has closed. Only the
     * check-ins' weeks and lateness count, so their text is never read (at 15,000 homes and 24 weeks that is 300,000
     * rows of it). Each home's PDSA cycles counted and its count of overdue next steps ({@link #overdueActions}) are
     * by home id (a home without any counts none).
     */
    static Report compute(
            String cohortName,
            List<Home> homes,
            List<CheckinRepository.Rated> checkins,
            List<Integer> closedWeeks,
            List<Task> tasks,
            List<TaskDone> done,
            List<Session> sessions,
            List<Attendance> attendance,
            Instant now,
            ZoneId zone,
            Map<Long, CycleCounts> cycleCounts,
            Map<Long, Integer> overdueActions) {
        Map<Long, List<CheckinRepository.Rated>> byHome = new HashMap<>();
        checkins.forEach(
                c -> byHome.computeIfAbsent(c.homeId(), k -> new ArrayList<>()).add(c));
        Set<String> doneKeys = new HashSet<>();
        done.forEach(d -> doneKeys.add(d.taskId() + ":" + d.homeId()));
        List<Session> held = sessions.stream().filter(s -> s.started(now)).toList();
        Set<String> attended = new HashSet<>();
        attendance.forEach(a -> attended.add(a.sessionId() + ":" + a.homeId()));
        List<HomeStatus> rows = new ArrayList<>();
        for (Home home : homes) {
            List<CheckinRepository.Rated> mine = byHome.getOrDefault(home.id(), List.of());
            Set<Integer> weeksIn = new HashSet<>();
            int onTime = 0;
            int late = 0;
            for (CheckinRepository.Rated c : mine) {
                weeksIn.add(c.week());
                if (c.late()) {
                    late++;
                } else {
                    onTime++;
                }
            }
            int missed =
                    (int) closedWeeks.stream().filter(w -> !weeksIn.contains(w)).count();
            int overdue = (int) tasks.stream()
                    .filter(t ->
                            t.stateFor(doneKeys.contains(t.id() + ":" + home.id()), now, zone) == TaskState.OVERDUE)
                    .count();
            int sessionsAttended = (int) held.stream()
                    .filter(s -> attended.contains(s.id() + ":" + home.id()))
                    .count();
            rows.add(new HomeStatus(
                    home.name(),
                    onTime,
                    late,
                    missed,
                    overdue,
                    sessionsAttended,
                    cycleCounts.getOrDefault(home.id(), CycleCounts.NONE),
                    overdueActions.getOrDefault(home.id(), 0)));
        }
        rows.sort(ORDER);
        return new Report(cohortName, closedWeeks.size(), tasks.size(), held.size(), rows);
    }
}
