package uk.stepup.cohorts;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records the way RFC 4180 describes, keeping the physical line each record starts and ends
 * on so that every message can name the line a person sees in their editor.
 *
 * <p>Lenient where spreadsheets and people are untidy: LF, CRLF or a lone CR end a line; spaces before an opening
 * quote are ignored; a quote inside an unquoted value is kept as it is. A quoted value may contain line breaks (the
 * line count stays right after it); the caller decides whether that is allowed. Two things are marked as defects
 * rather than guessed at: text after a closing quote, and a quote that is never closed.
 *
 * <p>Public so that every CSV the bot reads (enrolment, measure history) is split the same way.
 */
public final class CsvRecords {

    /**
     * One record. {@code line} is the physical line it starts on (1-based), {@code lastLine} the line it ends on;
     * they differ only when a quoted value contains a line break. {@code defect} is null or what is wrong with it.
     */
    public record Record(int line, int lastLine, List<String> fields, String defect) {
        public Record {
            fields = List.copyOf(fields);
        }

        public boolean blank() {
            return defect == null && fields.stream().allMatch(f -> f.strip().isEmpty());
        }
    }

    private CsvRecords() {}

    /** Every record in {@code text}, blank ones included; an unclosed quote ends the list with a defect. */
    public static List<Record> read(String text) {
        List<Record> records = new ArrayList<>();
        int n = text.length();
        int i = 0;
        int line = 1;
        while (i < n) {
            int start = line;
            List<String> fields = new ArrayList<>();
            String defect = null;
            while (true) {
                StringBuilder field = new StringBuilder();
                int j = i;
                while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                    j++;
                }
                if (j < n && text.charAt(j) == '"') {
                    i = j + 1;
                    boolean closed = false;
                    while (i < n) {
                        char c = text.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && text.charAt(i + 1) == '"') {
                                field.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            closed = true;
                            break;
                        }
                        if (c == '\n' || (c == '\r' && !(i + 1 < n && text.charAt(i + 1) == '\n'))) {
                            line++;
                        }
                        field.append(c);
                        i++;
                    }
                    if (!closed) {
                        fields.add(field.toString());
                        records.add(new Record(
                                start,
                                line,
                                fields,
                                "a quoted value starts on this line and is never closed (a closing \" is missing)"));
                        return records;
                    }
                    while (i < n && !endsField(text.charAt(i))) {
                        char c = text.charAt(i);
                        if (c != ' ' && c != '\t' && defect == null) {
                            defect = "value " + (fields.size() + 1) + " has text after its closing quote;"
                                    + " put the whole value inside the quotes, and write a quote inside it as \"\"";
                        }
                        field.append(c);
                        i++;
                    }
                } else {
                    while (i < n && !endsField(text.charAt(i))) {
                        field.append(text.charAt(i));
                        i++;
                    }
                }
                fields.add(field.toString());
                if (i < n && text.charAt(i) == ',') {
                    i++;
                    continue;
                }
                int lastLine = line;
                if (i < n) {
                    i += text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                    line++;
                }
                records.add(new Record(start, lastLine, fields, defect));
                break;
            }
        }
        return records;
    }

    private static boolean endsField(char c) {
        return c == ',' || c == '\n' || c == '\r';
    }
}
