package uk.stepup.export;

import java.util.ArrayList;
import java.util.List;
import uk.stepup.shared.CsvFormat;
import uk.stepup.summaries.CohortExport;
import uk.stepup.summaries.ExportFile;
import uk.stepup.summaries.ExportFormat;
import uk.stepup.summaries.ExportTable;
import uk.stepup.summaries.ExportWriter;

/**
 * Writes exports as files. CSV gives one file per table ({@code BASE-homes.csv}, {@code BASE-checkins.csv},
 * {@code BASE-tasks.csv}, {@code BASE-attendance.csv}, {@code BASE-measures.csv}) rather than a zip: a coach
 * double-clicks each one into Excel, and Discord shows them as separate attachments.
 */
public final class ExportFiles implements ExportWriter {
    public static final String CSV_TYPE = "text/csv; charset=utf-8";
    public static final String JSON_TYPE = "application/json; charset=utf-8";

    private final CsvFormat csv;

    public ExportFiles(CsvFormat csv) {
        this.csv = csv;
    }

    @Override
    public List<ExportFile> write(CohortExport export, ExportFormat format, String baseName) {
        if (format == ExportFormat.JSON) {
            return List.of(new ExportFile(baseName + ".json", JSON_TYPE, JsonExport.write(export)));
        }
        List<ExportFile> files = new ArrayList<>();
        for (ExportTable t : export.tables()) {
            files.add(new ExportFile(
                    baseName + "-" + t.name() + ".csv", CSV_TYPE, CsvTables.write(csv, t, export.zone())));
        }
        return files;
    }
}
