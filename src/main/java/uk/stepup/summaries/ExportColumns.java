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
    public static final String AIMS = "aims";
    public static final String PDSA_CYCLES = "pdsa_cycles";
    public static final String RECALCULATIONS = "recalculations";
    public static final String PROGRESS_SCORES = "progress_scores";
    public static final String ACTIONS = "actions";

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

    private static final ExportColumn MEASURE_ID = c("measure_id", "The measure's number, the same in every table.");
    private static final ExportColumn MEASURE = c("measure", "The measure's name, as the coach defined it.");

    /** One row per aim: a home's current aim for a measure (setting it again replaces it). */
    public static final List<ExportColumn> AIM_COLUMNS = List.of(
            COHORT,
            HOME,
            c("aim_id", "The aim's number."),
            MEASURE_ID,
            MEASURE,
            c("from_value", "Where the home started: the measure's value the aim moves from."),
            c("to_value", "The value the home aims for: the target line on its chart."),
            c("by_date", "The day the home aims to get there by."),
            c("words", "The aim in the home's own words."),
            c("set_by", "The Discord user id of who set the aim."),
            c("set_at", "When it was set."));

    /** One row per PDSA cycle. */
    public static final List<ExportColumn> CYCLE_COLUMNS = List.of(
            COHORT,
            HOME,
            c("cycle_id", "The cycle's id, unique in the export."),
            c("number", "The home's cycles counted from 1: the number drawn on its charts."),
            c("measure_id", "The measure the change should move; empty if the home named none."),
            c("measure", "That measure's name; empty if none."),
            c("previous_cycle_id", "The cycle this one adapts (its cycle_id); empty for a first test."),
            c("previous_number", "That cycle's number; empty for a first test."),
            c("change_idea", "The change being tested."),
            c("plan", "What the home planned to do."),
            c("prediction", "What the home predicted would happen."),
            c("start_date", "The day the test started."),
            c("planned_weeks", "How many weeks the home planned to test for (1 to 26)."),
            c("planned_end", "start_date plus the planned weeks: a Study is due from then."),
            c("stage", "planned, doing (Do recorded), studied, adopted, adapted or abandoned."),
            c("share", "How the cohort may see the cycle: anonymous, named or none (as a highlight)."),
            c("do_text", "Do: what happened."),
            c("do_by", "The Discord user id of who recorded the Do step."),
            c("do_at", "When the Do step was recorded."),
            c("study_text", "Study: what the data said against the prediction."),
            c("study_by", "The Discord user id of who recorded the Study step."),
            c("study_at", "When the Study step was recorded."),
            c("decision", "Act: adopt, adapt or abandon; empty until decided."),
            c("act_text", "Act: why, and what next."),
            c("act_by", "The Discord user id of who decided."),
            c("act_at", "When the decision was made."),
            c("created_by", "The Discord user id of who started the cycle."),
            c("created_at", "When the cycle was started."));

    /** One row per recalculation of a home's limits a person confirmed, undone ones included. */
    public static final List<ExportColumn> RECALCULATION_COLUMNS = List.of(
            COHORT,
            HOME,
            c("recalculation_id", "The recalculation's id."),
            MEASURE_ID,
            MEASURE,
            c("from_period", "The first period of the new mean and limits."),
            c("reason", "What the bot saw when it offered the recalculation (the sustained shift after a change)."),
            c("why", "The confirming person's own words."),
            c("confirmed_by", "The Discord user id of who confirmed it."),
            c("confirmed_at", "When it was confirmed."),
            c("active", "yes while it splits the chart; no once undone."),
            c("undone_by", "The Discord user id of who undid it; empty while active."),
            c("undone_at", "When it was undone; empty while active."));

    /** One row per progress score a coach gave a home. */
    public static final List<ExportColumn> SCORE_COLUMNS = List.of(
            COHORT,
            HOME,
            c("score_id", "The score's id."),
            c("week", "The programme week it was given in (0 before week 1)."),
            c("score", "The IHI progress score: 0.5 to 5.0 in steps of 0.5."),
            c("meaning", "The score's meaning on IHI's scale, e.g. Modest improvement."),
            c("note", "The coach's note; empty if none."),
            c("set_by", "The Discord user id of the coach."),
            c("set_at", "When it was given."));
    /**
     * One row per action (a next step a home set in a check-in) and week its home said how it went; an action never
     * followed up has one row with the follow-up columns empty. One table rather than two keeps a CSV export within
     * the ten files Discord attaches to a message.
     */
    public static final List<ExportColumn> ACTION_COLUMNS = List.of(
            COHORT,
            HOME,
            c("action_id", "The action's number: the same on each of its rows."),
            c("set_week", "The programme week of the check-in whose next step it is."),
            c("next_step", "The next step, as the check-in gave it."),
            c(
                    "status",
                    "Where it stands now: open (not yet said done or dropped; partly and not yet carry it"
                            + " forward), done or dropped."),
            c("closed_week", "The week it was said done or dropped; empty while open."),
            c("week", "The programme week whose check-in asked how it went; empty if it was never followed up."),
            c("outcome", "What was said that week: done, partly, not_yet or dropped; empty if only a few words."),
            c("note", "The few words the manager added that week, if any."),
            c("answered_at", "When it was first answered that week."),
            c("created_at", "When the check-in first gave it."),
            c("updated_at", "When it last changed (its words, or its status)."));
}
