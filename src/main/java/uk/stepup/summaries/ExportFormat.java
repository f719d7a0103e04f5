package uk.stepup.summaries;

import java.util.Locale;
import java.util.Optional;

/** The file formats of an export. */
public enum ExportFormat {
    /** One CSV file per table (UTF-8 with a byte order mark, for Excel). */
    CSV,
    /** One JSON document holding every table. */
    JSON;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ExportFormat> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (ExportFormat f : values()) {
            if (f.key().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
