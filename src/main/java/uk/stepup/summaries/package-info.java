/**
 * Feature: weekly summaries, progress views and the outcome report, built as plain values. Charts are described
 * as values too ({@code Heatmap}, {@code ParticipationSeries}, {@code RatingJourney}) and drawn through the
 * {@code ChartRenderer} port. Plain Java with ports; never imports JDA, Quartz, JDBC, Flyway, Jackson or AWT.
 */
package uk.stepup.summaries;
