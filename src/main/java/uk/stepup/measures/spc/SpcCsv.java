package uk.stepup.measures.spc;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import uk.stepup.shared.CsvFormat;
import uk.stepup.shared.CsvRecord;

/**
 * The analysts' CSV formats for the {@code spc} command; the {@link CsvFormat} port does the CSV itself.
 *
 * <p>Input: UTF-8, a header line {@code date,value}, then one row per period with an ISO date
 * ({@code yyyy-MM-dd}) and a plain decimal number ({@code 12}, {@code -0.5}, {@code 1.2e3}), dates
 * strictly increasing. Header names are matched ignoring case and spaces; a byte-order mark, blank
 * lines, spaces around fields and double quotes around a whole field are tolerated.
 *
 * <p>Output: header {@code date,value,mean,lpl,upl,point_type}; values echoed as given ({@link #formatValue}), the
 * other numbers from {@link #formatNumber}.
 */
public final class SpcCsv {

    public static final String INPUT_HEADER = "date,value";
    public static final String OUTPUT_HEADER = "date,value,mean,lpl,upl,point_type";
    /** Decimal places written for numbers. */
    public static final int DECIMALS = 6;

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private SpcCsv() {}

    /**
     * Reads {@code date,value} rows; at least one is required.
     *
     * @param file        the file to read
     * @param displayName how to name the file in messages (usually as the user typed it)
     * @param csv         splits the text into records
     * @throws SpcCsvException for anything wrong with the file, with its line number
     */
    public static List<Observation> read(Path file, String displayName, CsvFormat csv) throws SpcCsvException {
        return read(file, displayName, 1, csv);
    }

    /**
     * Reads {@code date,value} rows, refusing files with fewer than {@code minimumRows} (an XmR chart
     * needs 2).
     *
     * @throws SpcCsvException for anything wrong with the file, with its line number
     */
    public static List<Observation> read(Path file, String displayName, int minimumRows, CsvFormat csv)
            throws SpcCsvException {
        String text = readText(file, displayName);
        if (text.isEmpty()) {
            throw new SpcCsvException(displayName, 1, "the file is empty; expected the header '" + INPUT_HEADER + "'");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = text.lines().toList();
        List<CsvRecord> records = csv.read(text);
        CsvRecord header = records.isEmpty() ? new CsvRecord(1, 1, List.of(""), null) : records.get(0);
        List<String> names = header.fields();
        if (header.defect() != null
                || names.size() != 2
                || !"date".equals(names.get(0).strip().toLowerCase(Locale.ROOT))
                || !"value".equals(names.get(1).strip().toLowerCase(Locale.ROOT))) {
            throw new SpcCsvException(
                    displayName,
                    1,
                    "expected the header '" + INPUT_HEADER + "' but found '" + abbreviate(raw(lines, header)) + "'");
        }
        List<Observation> rows = new ArrayList<>();
        LocalDate previous = null;
        int previousLine = 0;
        for (CsvRecord r : records.subList(1, records.size())) {
            int lineNo = r.line();
            String line = raw(lines, r);
            if (line.isBlank()) {
                continue;
            }
            if (r.defect() != null) {
                throw new SpcCsvException(displayName, lineNo, r.defect());
            }
            List<String> fields = r.fields();
            if (fields.size() != 2) {
                throw new SpcCsvException(
                        displayName,
                        lineNo,
                        "expected 2 fields (" + INPUT_HEADER + ") but found " + fields.size() + " in '"
                                + abbreviate(line) + "'");
            }
            LocalDate date = parseDate(fields.get(0).strip(), displayName, lineNo);
            double value = parseValue(fields.get(1).strip(), displayName, lineNo);
            if (previous != null && date.equals(previous)) {
                throw new SpcCsvException(
                        displayName, lineNo, "duplicate date " + date + " (already on line " + previousLine + ")");
            }
            if (previous != null && date.isBefore(previous)) {
                throw new SpcCsvException(
                        displayName,
                        lineNo,
                        "date " + date + " is earlier than " + previous + " on line " + previousLine
                                + "; rows must be in date order, oldest first");
            }
            rows.add(new Observation(date, value));
            previous = date;
            previousLine = lineNo;
        }
        if (rows.isEmpty()) {
            throw new SpcCsvException(
                    displayName, lines.size() + 1, "no data rows after the header '" + INPUT_HEADER + "'");
        }
        if (rows.size() < minimumRows) {
            throw new SpcCsvException(
                    displayName,
                    previousLine,
                    "only " + rows.size() + " data row" + (rows.size() == 1 ? "" : "s") + "; at least " + minimumRows
                            + " are needed");
        }
        return rows;
    }

    /** The physical lines a record is on, as written, for messages. */
    private static String raw(List<String> lines, CsvRecord r) {
        return String.join(
                "\n", lines.subList(Math.min(r.line() - 1, lines.size()), Math.min(r.lastLine(), lines.size())));
    }

    /** The file as text, decoded strictly as UTF-8 so that a bad byte is reported with its line. */
    private static String readText(Path file, String displayName) throws SpcCsvException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SpcCsvException(displayName, 0, "cannot read the file: it does not exist");
        } catch (AccessDeniedException e) {
            throw new SpcCsvException(displayName, 0, "cannot read the file: permission denied");
        } catch (IOException e) {
            throw new SpcCsvException(displayName, 0, "cannot read the file: " + describe(e));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new SpcCsvException(displayName, line, "the file is not UTF-8 text");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** Writes one row per point: {@code date,value,mean,lpl,upl,point_type}, lines ending in LF. */
    public static void write(Writer out, SpcChart chart, CsvFormat csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(OUTPUT_HEADER.split(",")));
        for (SpcPoint p : chart.points()) {
            rows.add(List.of(
                    p.date().toString(),
                    formatValue(p.value()),
                    formatNumber(p.centre()),
                    formatNumber(p.lpl()),
                    formatNumber(p.upl()),
                    p.pointType().code()));
        }
        out.write(csv.write(rows, "\n"));
    }

    /**
     * An input value echoed at full precision: the shortest plain decimal that reads back as the same double
     * ({@code 0.0000123} stays {@code 0.0000123}, {@code 2.50} reads back as {@code 2.5}), never scientific notation,
     * never "-0". Rounding a value to {@value #DECIMALS} places, as the mean and limits are, would change what the
     * analyst gave us ({@code 0.0000123} became {@code 0.000012}).
     *
     * @throws IllegalArgumentException for NaN or infinity
     */
    public static String formatValue(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot write " + value + " as a plain decimal");
        }
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    /**
     * A plain decimal: rounded half-up to {@value #DECIMALS} decimal places, trailing zeros trimmed,
     * never scientific notation, never "-0" ({@code 2.5}, {@code 100}, {@code 0.000123}, {@code -3.06}).
     *
     * @throws IllegalArgumentException for NaN or infinity
     */
    public static String formatNumber(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot write " + value + " as a plain decimal");
        }
        BigDecimal d = new BigDecimal(Double.toString(value))
                .setScale(DECIMALS, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        if (d.signum() == 0) {
            return "0";
        }
        return d.toPlainString();
    }

    private static LocalDate parseDate(String text, String file, int line) throws SpcCsvException {
        if (text.isEmpty()) {
            throw new SpcCsvException(file, line, "the date is missing");
        }
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw new SpcCsvException(
                    file, line, "date '" + abbreviate(text) + "' is not a valid date in the form yyyy-MM-dd");
        }
    }

    private static double parseValue(String text, String file, int line) throws SpcCsvException {
        if (text.isEmpty()) {
            throw new SpcCsvException(file, line, "the value is missing");
        }
        OptionalDouble v = parseNumber(text);
        if (v.isEmpty()) {
            throw new SpcCsvException(file, line, "value '" + abbreviate(text) + "' is not a number");
        }
        return v.getAsDouble();
    }

    /**
     * Reads a plain decimal such as {@code 12}, {@code -0.5}, {@code .25} or {@code 1.2e3}; empty for
     * anything else, including {@code NaN}, {@code Infinity}, hexadecimal, thousands separators and
     * numbers too large for a double.
     */
    public static OptionalDouble parseNumber(String text) {
        String t = text.strip();
        if (!NUMBER.matcher(t).matches()) {
            return OptionalDouble.empty();
        }
        double v = Double.parseDouble(t);
        return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    }

    private static String abbreviate(String text) {
        if (text.length() <= 40) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(36)) ? 36 : 37;
        return text.substring(0, end) + "...";
    }

    private static String describe(IOException e) {
        String m = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        return m == null ? "input/output error" : m;
    }
}
