/**
 * Feature: the weekly check-in, its revisions, lateness and the privacy guard. Plain Java with ports; never imports JDA, Quartz, JDBC, Flyway or Jackson.
 */
package uk.stepup.checkins;
