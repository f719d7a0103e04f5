/**
 * Feature: what the programme shows back: the weekly peer-learning summary, a home's progress, the coach's cohort
 * status, the outcome report and the data export, all as values (charts through the {@link
 * uk.stepup.summaries.ChartRenderer} port).
 *
 * <p>The use cases are {@link uk.stepup.summaries.ProgressService} ({@code /progress}),
 * {@link uk.stepup.summaries.CohortStatusService} ({@code /cohort status}) and
 * {@link uk.stepup.summaries.DataExportService} ({@code /export} and the {@code export} verb);
 * {@link uk.stepup.summaries.WeeklySummaryBuilder} builds the week's summary that {@code weekly.WeeklySummaryPost}
 * posts, and {@link uk.stepup.summaries.OutcomeReportBuilder} the report that {@code report.HtmlReport} renders. Their
 * Discord side is {@code discord.ProgressCommand}, {@code discord.CohortStatusCommand}, {@code discord.ExportCommand}
 * and {@code discord.JdaProgrammePublisher}; their storage, {@code storage.JdbcReportQueries}.
 */
package uk.stepup.summaries;
