/**
 * Feature: cohorts and their homes: creating, pausing, resuming and ending a cohort, enrolling homes and managers
 * (one at a time or from a CSV file), the Discord spaces a cohort needs, and the programme calendar.
 *
 * <p>The use cases are {@link uk.stepup.cohorts.CohortService} ({@code /cohort create|pause|resume|end|skip}),
 * {@link uk.stepup.cohorts.EnrolmentService} ({@code /cohort enrol}, {@code /cohort import} and the {@code import}
 * verb, through {@link uk.stepup.cohorts.EnrolmentCsv}) and {@link uk.stepup.cohorts.SetupJobService} (long set-up
 * work in the background). Their Discord side is {@code discord.CohortCommand} and {@code discord.JdaCohortSpaces}
 * (the port {@link uk.stepup.cohorts.CohortSpaces}); their storage, {@code storage.JdbcCohortRepository},
 * {@code storage.JdbcHomeRepository} and {@code storage.JdbcSetupJobRepository}.
 *
 * <p>{@link uk.stepup.cohorts.ProgrammeCalendar} answers, for everyone, which programme week it is, when each week's
 * prompt, reminder, close and summary fall in the cohort's zone, and whether a week still takes answers
 * ({@link uk.stepup.cohorts.ProgrammeCalendar#stateOf}). {@link uk.stepup.cohorts.CohortTimers} is the port the
 * scheduling adapter implements; {@link uk.stepup.cohorts.ProgrammeTicker} is how a cohort change asks the weekly
 * programme to catch up.
 */
package uk.stepup.cohorts;
