/**
 * Adapter: Quartz. {@link uk.stepup.scheduling.QuartzCohortTimers} implements the cohorts' {@code CohortTimers} port:
 * one cron trigger per cohort and weekly moment (the Monday prompt, the reminder, the close and the summary) in the
 * cohort's IANA zone, plus one-off wake-ups for task and session reminders; each fire calls the weekly programme's
 * tick, which decides what is due.
 */
package uk.stepup.scheduling;
