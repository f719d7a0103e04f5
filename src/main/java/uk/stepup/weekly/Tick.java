package uk.stepup.weekly;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import uk.stepup.checkins.CheckinRepository;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.ProgrammeCalendar;
import uk.stepup.curriculum.CurriculumItem;

/**
 * What one tick of one cohort knows, read once at its start and shared by the prompt, the reminders and the summary.
 *
 * @param done      ledger keys settled (sent or skipped) as of the start of the tick, plus those settled during it
 * @param claimed   ledger keys claimed by an earlier attempt that did not finish
 * @param notes     late and skipped posts, told to the coaches at the end of the tick
 * @param enrolled  the cohort's homes, read when first needed
 * @param rated     the cohort's check-ins (their ratings), read when first needed
 * @param checkedIn which homes checked in for each week: week → home ids
 */
record Tick(
        Cohort cohort,
        Instant now,
        ProgrammeCalendar calendar,
        Set<String> done,
        Set<String> claimed,
        List<String> notes,
        Supplier<List<Home>> enrolled,
        Supplier<List<CheckinRepository.Rated>> rated,
        Supplier<Map<Integer, Set<Long>>> checkedIn) {

    /** One programme week whose prompt time has come: its KLOE and when its check-in window closes. */
    record Week(int number, CurriculumItem item, Instant promptAt, Instant close) {}

    /** Whether a post of this week made now is still useful before the week's window closes. */
    boolean beforeClose(Week week) {
        return now.isBefore(week.close());
    }
}
