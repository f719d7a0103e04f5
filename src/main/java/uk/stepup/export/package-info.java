/**
 * Adapter: writes a cohort's {@code CohortExport} as files a coach can open: CSV for Excel (one file per table)
 * or one JSON document (Jackson). Implements the summaries' {@code ExportWriter} port.
 */
package uk.stepup.export;
