/**
 * Adapter: CSV text to records and rows to CSV text, on jackson-dataformat-csv. {@link uk.stepup.csv.JacksonCsv}
 * implements the {@code shared.CsvFormat} port for every CSV the bot reads (enrolment, measure history, the
 * {@code spc} command's files) or writes (exports, templates); the features keep what a row means and its
 * line-numbered problems. The composition root ({@code app}) creates it and hands it to them.
 */
package uk.stepup.csv;
