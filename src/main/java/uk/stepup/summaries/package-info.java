/**
 * Feature: weekly summaries, progress views and the outcome report, built as plain values. Plain Java with ports; never imports JDA, Quartz, JDBC, Flyway or Jackson.
 */
package uk.stepup.summaries;
