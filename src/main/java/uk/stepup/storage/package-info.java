/**
 * Adapter: SQLite through JDBC, with Flyway migrations ({@code src/main/resources/db/migration}, released ones never
 * edited). {@link uk.stepup.storage.Database} opens the file and migrates it; each {@code Jdbc*} class implements one
 * feature port ({@code JdbcCheckinRepository} writes check-ins, {@code JdbcDeliveryLedger} keeps the ledger, ...);
 * {@link uk.stepup.storage.JdbcRows} holds the small binding and row-mapping helpers they share.
 */
package uk.stepup.storage;
