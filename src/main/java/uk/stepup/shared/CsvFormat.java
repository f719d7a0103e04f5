package uk.stepup.shared;

import java.util.List;

/**
 * Port: CSV text to records and rows to CSV text, the same way for every CSV the bot reads or writes. Features keep
 * what a row means and its line-numbered problems; the adapter ({@code uk.stepup.csv}) does the quoting.
 */
public interface CsvFormat {

    /**
     * Every record in {@code text}, blank ones included, in file order. Lenient where spreadsheets and people are
     * untidy: LF, CRLF or a lone CR end a line; spaces before an opening quote are ignored; a quote inside an unquoted
     * value is kept as it is. A quoted value may contain line breaks (later line numbers stay right); the caller
     * decides whether that is allowed. Text after a closing quote marks its record with a defect; a quote that is
     * never closed ends the list with a defect.
     */
    List<CsvRecord> read(String text);

    /**
     * The rows as RFC 4180 text: comma separated, CRLF after every row, a value quoted only when it holds a comma, a
     * double quote (doubled inside) or a line break. Values are written as given: guarding cells against formula
     * injection is the caller's decision.
     */
    default String write(List<List<String>> rows) {
        return write(rows, "\r\n");
    }

    /** As {@link #write(List)}, with {@code lineEnd} after every row instead of CRLF. */
    String write(List<List<String>> rows, String lineEnd);
}
