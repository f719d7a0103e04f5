/**
 * A tiny kernel shared by every feature: identifiers, small value types and helpers. Plain Java only: no JDA, Quartz, JDBC, Flyway or Jackson.
 */
package uk.stepup.shared;
