/**
 * Feature: the weekly rhythm of a cohort (prompt, reminder, close, summary), computed from its calendar and
 * delivered exactly once through the delivery ledger. Plain Java with ports; never imports JDA, Quartz, JDBC,
 * Flyway or Jackson.
 */
package uk.stepup.programme;
