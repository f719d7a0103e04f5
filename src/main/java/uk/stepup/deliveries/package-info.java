/**
 * Feature: the delivery ledger, the reason no scheduled post is lost or sent twice. Every prompt, reminder and summary
 * has a unique key (cohort, week, kind, target); a post is claimed, sent and marked sent (or skipped, with why) in
 * the ledger, whatever restarts, retries or double timer fires happen between.
 *
 * <p>The port is {@link uk.stepup.deliveries.DeliveryLedger}; its storage is {@code storage.JdbcDeliveryLedger} (table
 * {@code deliveries}, unique key); the protocol that uses it for every post is {@code weekly.Deliveries}.
 */
package uk.stepup.deliveries;
