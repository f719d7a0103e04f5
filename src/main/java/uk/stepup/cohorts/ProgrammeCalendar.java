package uk.stepup.cohorts;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import uk.stepup.shared.WeeklyTime;

/**
 * Where each programme week falls in real time, for one cohort: week 1 starts on the cohort's start Monday, and
 * every later week on the next Monday that is not a break (a skipped or paused week). All times are wall-clock
 * times in the cohort's zone, converted to instants with the zone's rules for that date, so 09:00 stays 09:00
 * across daylight-saving changes. A wall-clock time that does not exist on the day (inside a spring-forward gap)
 * moves forward by the length of the gap, as {@link ZonedDateTime#of} does; it is never dropped. A time that
 * happens twice (autumn overlap) means the second occurrence, which is also when Quartz's cron fires.
 */
public final class ProgrammeCalendar {
    /** Far enough ahead to find every week of the longest programme even with many breaks. */
    private static final int MAX_CALENDAR_WEEKS = 520;

    private final ZoneId zone;
    private final LocalDate start;
    private final WeeklyRhythm rhythm;
    private final int weeks;
    private final Set<LocalDate> breaks;
    private final Optional<LocalDate> pausedFrom;

    /**
     * @param weeks      the number of programme weeks (curriculum items)
     * @param breaks     Mondays of calendar weeks in which the programme does not advance
     * @param pausedFrom while paused: the Monday from which no week runs until resumed
     */
    public ProgrammeCalendar(
            ZoneId zone,
            LocalDate start,
            WeeklyRhythm rhythm,
            int weeks,
            List<LocalDate> breaks,
            Optional<LocalDate> pausedFrom) {
        if (start.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("A cohort starts on a Monday, not " + start);
        }
        this.zone = zone;
        this.start = start;
        this.rhythm = rhythm;
        this.weeks = weeks;
        this.breaks = new TreeSet<>(breaks);
        this.pausedFrom = pausedFrom.map(ProgrammeCalendar::mondayOf);
    }

    public static ProgrammeCalendar of(Cohort cohort, int weeks, List<LocalDate> breaks) {
        return new ProgrammeCalendar(
                cohort.zone(),
                cohort.startDate(),
                cohort.rhythm(),
                weeks,
                breaks,
                cohort.status() == Cohort.Status.PAUSED ? cohort.pausedOn() : Optional.empty());
    }

    /**
     * The calendar of a cohort as it stands (its curriculum length, breaks and pause): the one way the features build
     * it.
     */
    public static ProgrammeCalendar of(Cohort cohort, CohortRepository cohorts) {
        return of(cohort, cohorts.items(cohort.id()).size(), cohorts.breaks(cohort.id()));
    }

    public static LocalDate mondayOf(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public int weeks() {
        return weeks;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The Monday on which programme week {@code n} (1-based) runs; empty if it is not scheduled (paused or beyond). */
    public Optional<LocalDate> weekStart(int n) {
        if (n < 1 || n > weeks) {
            return Optional.empty();
        }
        LocalDate monday = start;
        int seen = 0;
        for (int i = 0; i < MAX_CALENDAR_WEEKS; i++, monday = monday.plusWeeks(1)) {
            if (pausedFrom.isPresent() && !monday.isBefore(pausedFrom.get())) {
                return Optional.empty();
            }
            if (!breaks.contains(monday) && ++seen == n) {
                return Optional.of(monday);
            }
        }
        return Optional.empty();
    }

    /** The programme week running in the calendar week that contains {@code date}, if any. */
    public Optional<Integer> weekContaining(LocalDate date) {
        LocalDate monday = mondayOf(date);
        if (monday.isBefore(start)
                || breaks.contains(monday)
                || (pausedFrom.isPresent() && !monday.isBefore(pausedFrom.get()))) {
            return Optional.empty();
        }
        long calendarWeeks = ChronoUnit.WEEKS.between(start, monday);
        long breaksBefore = breaks.stream()
                .filter(b -> !b.isBefore(start) && b.isBefore(monday))
                .count();
        int n = (int) (calendarWeeks - breaksBefore) + 1;
        return n <= weeks ? Optional.of(n) : Optional.empty();
    }

    /** The programme week whose calendar week contains {@code instant}, in the cohort's zone. */
    public Optional<Integer> weekAt(Instant instant) {
        return weekContaining(instant.atZone(zone).toLocalDate());
    }

    public Optional<Instant> promptAt(int n) {
        return weekStart(n).map(m -> at(m, rhythm.prompt()));
    }

    public Optional<Instant> reminderAt(int n) {
        return weekStart(n).map(m -> at(m, rhythm.reminder()));
    }

    /** When the check-in window of week {@code n} closes; later check-ins are late. */
    public Optional<Instant> closeAt(int n) {
        return weekStart(n).map(m -> at(m, rhythm.close()));
    }

    /** The summary of week {@code n} goes out in the following calendar week, even if that week is a break. */
    public Optional<Instant> summaryAt(int n) {
        return weekStart(n).map(m -> at(m.plusWeeks(1), rhythm.summary()));
    }

    /** The wall-clock time {@code time} in the week starting {@code monday}, as an instant in the cohort's zone. */
    public Instant at(LocalDate monday, WeeklyTime time) {
        return ZonedDateTime.of(monday.plusDays(time.dayOffset()), time.time(), zone)
                .withLaterOffsetAtOverlap()
                .toInstant();
    }

    /** The latest programme week whose prompt time has come, as of {@code now}. */
    public Optional<Integer> currentWeek(Instant now) {
        Optional<Integer> current = Optional.empty();
        for (int n = 1; n <= weeks; n++) {
            Optional<Instant> prompt = promptAt(n);
            if (prompt.isEmpty() || prompt.get().isAfter(now)) {
                break;
            }
            current = Optional.of(n);
        }
        return current;
    }

    /** Where a programme week stands for answers (check-ins and measures) at a moment. */
    public enum WeekState {
        /** Its prompt has not gone out yet, or the week is not scheduled (paused, or beyond the programme). */
        NOT_STARTED,
        /** From its prompt until its summary is posted: answers are taken (late after {@link #closeAt}). */
        OPEN,
        /** Its summary has been posted: the week takes no more answers. */
        SUMMARISED
    }

    /** The one rule for "is week {@code n} still open": from its prompt until its summary. */
    public WeekState stateOf(int n, Instant now) {
        Optional<Instant> prompt = promptAt(n);
        if (prompt.isEmpty() || prompt.get().isAfter(now)) {
            return WeekState.NOT_STARTED;
        }
        Optional<Instant> summary = summaryAt(n);
        return summary.isPresent() && !now.isBefore(summary.get()) ? WeekState.SUMMARISED : WeekState.OPEN;
    }

    /** True once the last week's summary time has passed. */
    public boolean finished(Instant now) {
        return summaryAt(weeks).map(t -> !t.isAfter(now)).orElse(false);
    }
}
