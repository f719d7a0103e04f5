/**
 * Feature: the weekly rhythm, the top layer. Each cohort's timers wake {@link uk.stepup.weekly.WeeklyProgramme#tick},
 * which posts what is due, exactly once, through the delivery ledger ({@link uk.stepup.weekly.Deliveries}):
 *
 * <ul>
 *   <li>the Monday prompt and the week's thread: {@link uk.stepup.weekly.WeeklyPrompt};
 *   <li>the mid-week reminder to each home without a check-in: {@link uk.stepup.weekly.CheckinReminders};
 *   <li>the close: not a post, the moment check-ins become late ({@code cohorts.ProgrammeCalendar#closeAt});
 *   <li>the weekly summary and its copy in the thread, and a coach's {@code /summary}:
 *       {@link uk.stepup.weekly.WeeklySummaryPost};
 *   <li>the Study reminder of a PDSA cycle past its planned length: {@link uk.stepup.weekly.CycleReminders};
 *   <li>the coach's task and session reminders: {@link uk.stepup.weekly.CoachReminders}.
 * </ul>
 *
 * <p>When: {@code cohorts.ProgrammeCalendar}; the timers that fire: {@code scheduling.QuartzCohortTimers}. How the posts
 * read in Discord: {@code discord.JdaProgrammePublisher} (the port {@link uk.stepup.weekly.ProgrammePublisher}).
 */
package uk.stepup.weekly;
