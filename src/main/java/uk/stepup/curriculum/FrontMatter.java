package uk.stepup.curriculum;

import java.util.List;

/**
 * Port: reads a prompt file's front matter (the YAML between the two {@code ---} lines) into its keys, each with the
 * line it is on. The same flat {@code key: value} reading serves a framework's {@code framework.yaml} and the
 * crosswalk files. What the keys mean, and every message about them, stays in the curriculum; the adapter
 * ({@code uk.stepup.prompts}) only reads YAML.
 */
public interface FrontMatter {

    /**
     * The entries of {@code yaml} in file order, line 1 being its first line. A line that is not {@code key: value}
     * (or whose value is a list or a map) comes back as {@link Entry#notAKey}; the lines after it are still read.
     */
    List<Entry> read(String yaml);

    /**
     * A key and its value as written (quotes removed), on {@code line}; or, with a null key, a line that is not
     * {@code key: value}, with {@code hint} saying why when the YAML reader could tell (else empty).
     */
    record Entry(int line, String key, String value, String hint) {
        public static Entry key(int line, String key, String value) {
            return new Entry(line, key, value, "");
        }

        public static Entry notAKey(int line, String hint) {
            return new Entry(line, null, "", hint);
        }

        public boolean isKey() {
            return key != null;
        }
    }
}
