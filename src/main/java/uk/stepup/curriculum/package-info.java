/**
 * Feature: the KLOE and quality-statement prompts a cohort works through, loaded from prompts/ and validated. Plain Java; never imports JDA, Quartz, JDBC, Flyway or Jackson.
 */
package uk.stepup.curriculum;
