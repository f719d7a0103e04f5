/**
 * Feature: QI measures, run charts and SPC (NHS Making Data Count). Plain Java; never imports JDA, Quartz, JDBC, Flyway or Jackson.
 */
package uk.stepup.measures;
