package uk.stepup.summaries;

import java.util.List;

/**
 * The tables of a data export and their columns, defined here and only here; README.md ("Data export") documents
 * them for coaches, and a test keeps the two in step.
 *
 * <p>Values: ratings are written {@code outstanding}, {@code good}, {@code requires_improvement},
 * {@code inadequate} (empty when not rated); dates are ISO {@code yyyy-MM-dd}; in CSV, times are the cohort's local
 * time {@code yyyy-MM-dd HH:mm:ss} (Excel reads them as dates) and yes/no are words; in JSON, times are ISO-8601
 * UTC instants, yes/no are booleans and "no value" is {@code null}.
 */
public final class ExportColumns {
    private ExportColumns() {}

    public static final String HOMES = "homes";
    public static final String CHECKINS = "checkins";
    public static final String TASKS = "tasks";
    public static final String ATTENDANCE = "attendance";
    public static final String MEASURES = "measures";
    public static final String ACTIONS = "actions";
    public static final String ACTION_FOLLOW_UPS = "action_follow_ups";

    private static ExportColumn c(String name, String description) {
        return new ExportColumn(name, description);
    }

    private static final ExportColumn COHORT = c("cohort", "The cohort's name.");
    private static final ExportColumn HOME = c("home", "The care home's name.");

    /** One row per enrolled home. */
    public static final List<ExportColumn> HOME_COLUMNS = List.of(
            COHORT,
            HOME,
            c(
                    "report_label",
                    "How the outcome report and the weekly summaries name the home: its own name if it"
                            + " chose to share a highlight with its name, else its letter, such as Home F."),
            c("cqc_location_id", "CQC location id (1- and digits); empty if not given."),
            c("managers", "How many managers are enrolled for the home."),
            c("enrolled_at", "When the home was enrolled."),
            c("baseline_overall", "CQC overall rating when the home joined."),
            c("baseline_safe", "CQC rating for Safe when the home joined."),
            c("baseline_effective", "CQC rating for Effective when the home joined."),
            c("baseline_caring", "CQC rating for Caring when the home joined."),
            c("baseline_responsive", "CQC rating for Responsive when the home joined."),
            c("baseline_well_led", "CQC rating for Well-led when the home joined."),
            c("weeks_on_time", "Closed weeks with a check-in before the deadline."),
            c("weeks_late", "Closed weeks with a check-in after the deadline."),
            c("weeks_missing", "Closed weeks with no check-in."));

    /** One row per home and programme week run so far, whether or not the home checked in. */
    public static final List<ExportColumn> CHECKIN_COLUMNS = List.of(
            COHORT,
            HOME,
            c("week", "Programme week, from 1."),
            c("week_start", "The Monday the week began; empty for a week cut short by a pause."),
            c(
                    "framework",
                    "The framework the week's item belongs to: kloe-2017 (CQC's 2017 key lines of enquiry),"
                            + " saf-2023 (its 2023 quality statements) or one added later; prompts/crosswalks/"
                            + " maps codes between frameworks."),
            c("code", "The week's item in that framework: a KLOE or quality statement code, e.g. S1 or QS-S3."),
            c("key_question", "Safe, Effective, Caring, Responsive or Well-led."),
            c("title", "The KLOE or quality statement's title."),
            c(
                    "status",
                    "on_time, late, missing (the window closed without a check-in), open (the week is still"
                            + " running) or not_enrolled (the home joined after the week closed)."),
            c("rating", "The home's self-rating for the week."),
            c(
                    "rating_score",
                    "The self-rating as a number: 1 inadequate, 2 requires improvement, 3 good, 4 outstanding."),
            c("did", "What we did this week."),
            c("evidence", "Evidence we now have."),
            c("next_step", "Next step or help needed."),
            c("highlight", "A highlight other homes could learn from."),
            c(
                    "highlight_share",
                    "How the home chose to share its highlight: anonymous, named or none; empty without a"
                            + " highlight."),
            c("revisions", "How many times the check-in was saved (1 = never edited; 0 = no check-in)."),
            c("submitted_at", "When the check-in was first saved."),
            c("updated_at", "When it was last edited."));

    /** One row per task and home. */
    public static final List<ExportColumn> TASK_COLUMNS = List.of(
            COHORT,
            c("task_id", "The task's number, the same on every home's row."),
            c("task", "The task's title."),
            c("details", "The task's details, if any."),
            c("due_date", "The day it is due."),
            HOME,
            c("status", "done; pending (not done, due date not passed); overdue (not done, due date passed)."),
            c("done_at", "When the home marked it done."));

    /** One row per session and home. */
    public static final List<ExportColumn> ATTENDANCE_COLUMNS = List.of(
            COHORT,
            c("session_id", "The session's number, the same on every home's row."),
            c("session", "The session's title."),
            c("starts_at", "When the session started."),
            HOME,
            c("attended", "yes if anyone from the home pressed I attended."),
            c("people", "How many of the home's people recorded that they attended."));

    /** One row per value a home gave a QI measure for a period. */
    public static final List<ExportColumn> MEASURE_COLUMNS = List.of(
            COHORT,
            HOME,
            c("measure", "The measure's name, as the coach defined it."),
            c(
                    "definition",
                    "What it counts: unit, the rate's parts if it is one, weekly or monthly, which way is"
                            + " better, any target."),
            c("period", "The period's first day: the Monday of a week or the first of a month."),
            c("value", "The home's value for the period (for a rate, numerator / denominator x per)."),
            c("numerator", "For a rate, the count on top; empty otherwise."),
            c("denominator", "For a rate, the count below; empty otherwise."),
            c("source", "entered (after a check-in) or imported (history from a file)."),
            c("week", "The programme week whose form it was entered in; empty for imported history."),
            c("entered_at", "When it was entered or imported."));

    /** One row per action: a next step a home set in a check-in. */
    public static final List<ExportColumn> ACTION_COLUMNS = List.of(
            COHORT,
            HOME,
            c("action_id", "The action's number, the same in action_follow_ups."),
            c("set_week", "The programme week of the check-in whose next step it is."),
            c("next_step", "The next step, as the check-in gave it."),
            c("status", "open (not yet said done or dropped; partly and not yet carry it forward), done or dropped."),
            c("closed_week", "The week it was said done or dropped; empty while open."),
            c("weeks_followed_up", "How many weeks' check-ins said how it went."),
            c("last_outcome", "The latest done, partly, not_yet or dropped; empty if never answered."),
            c("created_at", "When the check-in first gave it."),
            c("updated_at", "When it last changed (its words, or its status)."));

    /** One row per action and week in which the manager said how it went or added a few words. */
    public static final List<ExportColumn> ACTION_FOLLOW_UP_COLUMNS = List.of(
            COHORT,
            HOME,
            c("action_id", "The action's number, as in actions."),
            c("week", "The programme week whose check-in asked how it went."),
            c("outcome", "done, partly, not_yet or dropped; empty if only a few words were given."),
            c("note", "The few words the manager added, if any."),
            c("answered_at", "When it was first answered that week."));
}
