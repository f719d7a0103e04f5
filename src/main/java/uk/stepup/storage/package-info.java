/**
 * Adapter: SQLite through JDBC with Flyway migrations; implements the features' repository ports and the delivery ledger.
 */
package uk.stepup.storage;
