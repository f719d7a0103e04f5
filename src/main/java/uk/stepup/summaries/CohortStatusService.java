package uk.stepup.summaries;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.stepup.checkins.CheckinRepository;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.ProgrammeCalendar;
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
 * window has closed without one; a late check-in turns a missed week into a late one), overdue tasks and sessions
 * attended. Homes at risk (2+ missed check-ins or 2+ overdue tasks) come first, then the others by how far behind
 * they are. Only coaches may see it; it is one reply within Discord's limits.
 */
public final class CohortStatusService {
    public static final int AT_RISK_MISSED = 2;
    public static final int AT_RISK_OVERDUE = 2;
    /** The reply stays within Discord's 2000 characters. */
    static final int TEXT_MAX = 1900;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);

    /** One home's figures so far. */
    public record HomeStatus(String home, int onTime, int late, int missed, int overdueTasks, int sessionsAttended) {
        public boolean atRisk() {
            return missed >= AT_RISK_MISSED || overdueTasks >= AT_RISK_OVERDUE;
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
            .thenComparing(HomeStatus::sessionsAttended)
            .thenComparing(h -> h.home().toLowerCase(Locale.ROOT));

    private final CohortRepository cohorts;
    private final HomeRepository homes;
    private final CheckinRepository checkins;
    private final TaskRepository tasks;
    private final SessionRepository sessions;
    private final Clock clock;

    public CohortStatusService(
            CohortRepository cohorts,
            HomeRepository homes,
            CheckinRepository checkins,
            TaskRepository tasks,
            SessionRepository sessions,
            Clock clock) {
        this.cohorts = cohorts;
        this.homes = homes;
        this.checkins = checkins;
        this.tasks = tasks;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The coach's reply. */
    public Outcome report(Actor actor, Cohort cohort) {
        if (!actor.coach()) {
            return Outcome.refused(Outcome.COACHES_ONLY);
        }
        Instant now = clock.instant();
        return Outcome.done(render(build(cohort, now), now, cohort.zone()));
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
                cohort.zone());
    }

    /**
     * The figures, from what is stored; {@code closedWeeks} are the weeks whose check-in window has closed. Only the
     * check-ins' weeks and lateness count, so their text is never read (at 15,000 homes and 24 weeks that is 300,000
     * rows of it).
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
            ZoneId zone) {
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
            rows.add(new HomeStatus(home.name(), onTime, late, missed, overdue, sessionsAttended));
        }
        rows.sort(ORDER);
        return new Report(cohortName, closedWeeks.size(), tasks.size(), held.size(), rows);
    }

    /** The report as one reply: a heading, then one line per home, cut with "…and N more" if it would not fit. */
    static String render(Report r, Instant now, ZoneId zone) {
        StringBuilder out = new StringBuilder("**" + r.cohort() + "** status, " + WHEN.format(now.atZone(zone)) + " ("
                + zone.getId() + ")\n" + r.weeksClosed() + (r.weeksClosed() == 1 ? " check-in week" : " check-in weeks")
                + " closed · " + r.tasks() + (r.tasks() == 1 ? " task" : " tasks") + " set · " + r.sessionsHeld()
                + (r.sessionsHeld() == 1 ? " session" : " sessions") + " held\n");
        if (r.homes().isEmpty()) {
            return out.append("No homes are enrolled yet: use `/cohort enrol` or `/cohort import`.")
                    .toString();
        }
        out.append(
                        r.atRisk() == 0
                                ? "No home is at risk."
                                : "⚠️ " + r.atRisk() + " of " + r.homes().size()
                                        + (r.homes().size() == 1 ? " home" : " homes") + " at risk (" + AT_RISK_MISSED
                                        + "+ missed check-ins or " + AT_RISK_OVERDUE
                                        + "+ overdue tasks), listed first.")
                .append('\n');
        int shown = 0;
        for (HomeStatus h : r.homes()) {
            String line = "\n" + (h.atRisk() ? "⚠️ " : "• ") + "**" + h.home() + "** · check-ins: " + h.onTime()
                    + " on time, "
                    + h.late() + " late, " + h.missed() + " missed · overdue tasks: " + h.overdueTasks()
                    + " · sessions: " + h.sessionsAttended() + " of " + r.sessionsHeld();
            String more = "\n…and " + (r.homes().size() - shown) + " more homes.";
            if (out.length() + line.length() + more.length() > TEXT_MAX) {
                return out.append(more).toString();
            }
            out.append(line);
            shown++;
        }
        return out.toString();
    }
}
