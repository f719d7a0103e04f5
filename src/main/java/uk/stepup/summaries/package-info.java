/**
 * Feature: weekly summaries, progress views, the outcome report and the data export, built as plain values (the
 * last two from one read of a cohort's history, {@code ProgrammeHistory}). Charts are described as values too
 * ({@code Heatmap}, {@code ParticipationSeries}, {@code RatingJourney}) and drawn through the {@code ChartRenderer}
 * port. Plain Java with ports; never imports JDA, Quartz, JDBC, Flyway, Jackson or AWT.
 */
package uk.stepup.summaries;
