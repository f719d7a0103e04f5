/**
 * Feature: cohorts, homes, managers and coaches, enrolment and the programme calendar. Plain Java with ports; never imports JDA, Quartz, JDBC, Flyway or Jackson.
 */
package uk.stepup.cohorts;
