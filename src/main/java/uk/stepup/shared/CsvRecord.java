package uk.stepup.shared;

import java.util.List;

/**
 * One record of a CSV file, as the {@link CsvFormat} port hands it to a feature. {@code line} is the physical line it
 * starts on (1-based), {@code lastLine} the line it ends on; they differ only when a quoted value contains a line
 * break. {@code defect} is null or what is wrong with the record's quoting, in words for the person who wrote the file.
 */
public record CsvRecord(int line, int lastLine, List<String> fields, String defect) {
    public CsvRecord {
        fields = List.copyOf(fields);
    }

    /** A record whose value number {@code value} (1-based) has text after its closing quote. */
    public static CsvRecord textAfterQuote(int line, int lastLine, List<String> fields, int value) {
        return new CsvRecord(
                line,
                lastLine,
                fields,
                "value " + value + " has text after its closing quote;"
                        + " put the whole value inside the quotes, and write a quote inside it as \"\"");
    }

    /** The last record of a file whose quoted value, starting on {@code line}, is never closed. */
    public static CsvRecord unclosedQuote(int line, int lastLine, List<String> fields) {
        return new CsvRecord(
                line,
                lastLine,
                fields,
                "a quoted value starts on this line and is never closed (a closing \" is missing)");
    }

    /** True for an empty line or a line of empty (or only spaces) values. */
    public boolean blank() {
        return defect == null && fields.stream().allMatch(f -> f.strip().isEmpty());
    }
}
