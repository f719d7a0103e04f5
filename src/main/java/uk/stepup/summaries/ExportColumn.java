package uk.stepup.summaries;

import java.util.Objects;

/** One column of an exported table: its header and what it holds. */
public record ExportColumn(String name, String description) {
    public ExportColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }
}
