package uk.stepup.curriculum;

import java.util.Objects;

/**
 * One thing wrong in the prompts folder, said so that a coach can fix it.
 *
 * @param file the file or folder, as the path the user passed plus the part inside it (e.g. {@code prompts/kloe-2017/S1.md})
 * @param line 1-based line of the offending text, or 0 when the problem is about a whole file or folder
 * @param message what is wrong and what to do about it
 */
public record CurriculumProblem(String file, int line, String message) {

    public CurriculumProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 (whole file) or 1-based, was " + line);
        }
    }

    /** {@code file:line: message}, or {@code file: message} when the problem has no line. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
