package uk.stepup.export;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import uk.stepup.shared.CsvFormat;
import uk.stepup.summaries.ExportTable;

/**
 * One table as a CSV file that Excel opens correctly by double-click:
 * <ul>
 *   <li>UTF-8 with a byte order mark, so Excel does not misread accented letters or the pound sign;</li>
 *   <li>RFC 4180: comma separated, CRLF between records, a field quoted when it holds a comma, a double quote
 *       (doubled inside) or a line break;</li>
 *   <li>safe against formula injection: a text value starting with {@code = + - @}, a tab or a carriage return
 *       gets a leading single quote, so a spreadsheet shows it as text instead of running it (OWASP's advice);
 *       numbers are written as they are;</li>
 *   <li>times in the cohort's own time zone as {@code yyyy-MM-dd HH:mm:ss}, which Excel reads as a date and time;
 *       yes/no as words.</li>
 * </ul>
 */
public final class CsvTables {
    static final String BOM = "\uFEFF";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CsvTables() {}

    /** The table as CSV bytes; {@code csv} does the quoting. */
    public static byte[] write(CsvFormat csv, ExportTable table, ZoneId zone) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(table.columnNames());
        for (List<Object> row : table.rows()) {
            rows.add(row.stream().map(v -> text(v, zone)).toList());
        }
        return (BOM + csv.write(rows)).getBytes(StandardCharsets.UTF_8);
    }

    /** A value as the text of a cell, before quoting. */
    static String text(Object v, ZoneId zone) {
        if (v == null) {
            return "";
        }
        if (v instanceof String t) {
            return guard(t);
        }
        if (v instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (v instanceof Instant i) {
            return LOCAL.format(i.atZone(zone));
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite()
                    ? ""
                    : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }

    /** Text that a spreadsheet would take for a formula gets a leading single quote. */
    static String guard(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text
                : text;
    }
}
