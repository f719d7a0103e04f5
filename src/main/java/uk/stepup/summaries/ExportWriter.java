package uk.stepup.summaries;

import java.util.List;

/** Port: writes an export in a file format. */
public interface ExportWriter {

    /**
     * The export as files named after {@code baseName}: for CSV one file per table ({@code baseName-homes.csv},
     * {@code baseName-checkins.csv}, …), for JSON one file {@code baseName.json}.
     */
    List<ExportFile> write(CohortExport export, ExportFormat format, String baseName);
}
