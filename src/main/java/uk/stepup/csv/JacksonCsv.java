package uk.stepup.csv;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import uk.stepup.shared.CsvFormat;
import uk.stepup.shared.CsvRecord;

/**
 * The {@link CsvFormat} port on jackson-dataformat-csv. Records are read as arrays of strings (no schema), so the
 * features decide what a header means; the parser's locations give each record its physical lines.
 *
 * <p>Spaces around an unquoted value, and before an opening quote, are dropped ({@code TRIM_SPACES}); a quoted value
 * is kept exactly. Jackson stops at a quoting mistake, so reading starts again just after it: text after a closing
 * quote marks only its own record, and the lines after it keep their numbers.
 */
public final class JacksonCsv implements CsvFormat {
    private final CsvFactory factory = CsvFactory.builder()
            .enable(CsvParser.Feature.TRIM_SPACES)
            .disable(CsvParser.Feature.ALLOW_TRAILING_COMMA)
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    @Override
    public List<CsvRecord> read(String text) {
        Reading reading = new Reading(text);
        try {
            reading.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reading.records;
    }

    @Override
    public String write(List<List<String>> table, String lineEnd) {
        StringWriter out = new StringWriter();
        try (CsvGenerator g = factory.createGenerator(out)) {
            g.setSchema(CsvSchema.emptySchema().withLineSeparator(lineEnd));
            for (List<String> row : table) {
                g.writeStartArray();
                for (String value : row) {
                    g.writeString(value);
                }
                g.writeEndArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** One pass over a text, restarting the parser after each quoting mistake. */
    private final class Reading {
        private final String text;
        private final List<CsvRecord> records = new ArrayList<>();
        /** Where the current parser starts in {@code text}, and the line that is. */
        private int offset;

        private int firstLine = 1;
        /** The record a quoting mistake interrupted: its values so far, first line and defect's value number. */
        private List<String> pending;

        private int pendingLine;
        private int pendingValue;

        Reading(String text) {
            this.text = text;
        }

        void run() throws IOException {
            while (offset < text.length() || pending != null) {
                if (!parseFrom()) {
                    return;
                }
            }
        }

        /** Parses from {@code offset}; false when reading is over. */
        private boolean parseFrom() throws IOException {
            List<String> values = new ArrayList<>();
            int start = 0;
            int last = 0;
            try (CsvParser p = factory.createParser(text.substring(offset))) {
                try {
                    JsonToken t;
                    while ((t = p.nextToken()) != null) {
                        if (t == JsonToken.START_ARRAY) {
                            start = line(p.currentLocation());
                            last = start;
                            values = new ArrayList<>();
                        } else if (t == JsonToken.VALUE_STRING) {
                            values.add(p.getText());
                            last = line(p.currentLocation());
                        } else if (t == JsonToken.END_ARRAY) {
                            finish(start, last, values);
                        }
                    }
                    if (pending != null) { // a mistake on the file's last value, before a last comma
                        finish(pendingLine, Math.max(last, pendingLine), values);
                    }
                    return false;
                } catch (StreamReadException mistake) {
                    JsonLocation at = p.currentLocation();
                    List<String> sofar = new ArrayList<>(values);
                    if (mistake.getOriginalMessage().startsWith("Missing closing quote")) {
                        List<String> all = pending == null ? sofar : pending;
                        if (pending != null) {
                            all.addAll(sofar);
                        }
                        records.add(CsvRecord.unclosedQuote(pending == null ? start : pendingLine, line(at), all));
                        return false;
                    }
                    if (pending == null) {
                        pending = sofar;
                        pendingLine = start;
                        pendingValue = sofar.size() + 1;
                    }
                    return restartAfter(offset + (int) at.getCharOffset(), line(at));
                }
            }
        }

        /**
         * Skips the rest of a value with text after its closing quote, as far as the next comma or line end, and goes
         * on from there: after a comma the interrupted record continues; after a line end the next record starts.
         */
        private boolean restartAfter(int where, int line) {
            int i = where;
            while (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                i++;
            }
            pending.add(text.substring(where, i));
            if (i < text.length() && text.charAt(i) == ',') {
                offset = i + 1;
                firstLine = line;
                return true;
            }
            records.add(CsvRecord.textAfterQuote(pendingLine, line, pending, pendingValue));
            pending = null;
            if (i >= text.length()) {
                return false;
            }
            i += text.startsWith("\r\n", i) ? 2 : 1;
            offset = i;
            firstLine = line + 1;
            return true;
        }

        private void finish(int start, int last, List<String> values) {
            if (pending != null) {
                pending.addAll(values);
                records.add(CsvRecord.textAfterQuote(pendingLine, last, pending, pendingValue));
                pending = null;
            } else {
                records.add(new CsvRecord(start, last, values, null));
            }
        }

        private int line(JsonLocation at) {
            return firstLine + at.getLineNr() - 1;
        }
    }
}
