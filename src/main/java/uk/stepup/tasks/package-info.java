/**
 * Feature: coach tasks with due dates and sessions with attendance. Plain Java with ports; never imports JDA, Quartz, JDBC, Flyway or Jackson.
 */
package uk.stepup.tasks;
