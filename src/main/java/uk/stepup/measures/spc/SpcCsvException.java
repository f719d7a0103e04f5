package uk.stepup.measures.spc;

import java.util.OptionalInt;

/**
 * A CSV file the SPC tools cannot use. The message is one line for people, naming the file and
 * (when there is one) the line: {@code weekly.csv line 7: value "n/a" is not a number}.
 */
public final class SpcCsvException extends Exception {

    private final String file;
    private final int line;

    SpcCsvException(String file, int line, String problem) {
        super(file + (line > 0 ? " line " + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** The file as the user named it. */
    public String file() {
        return file;
    }

    /** 1-based line number, when the problem is on a line. */
    public OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }
}
