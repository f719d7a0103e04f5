/**
 * Feature: the coach's tools for a cohort: tasks with due dates that each home marks done, live sessions with
 * reminders and attendance, and broadcasts to {@code #announcements}. Plain Java with ports; never imports JDA,
 * Quartz, JDBC, Flyway or Jackson.
 */
package uk.stepup.tasks;
