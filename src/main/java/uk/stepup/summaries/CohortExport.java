package uk.stepup.summaries;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Everything stored about a cohort, as tables ready to write as CSV or JSON. The tables and their columns are
 * defined in {@link ExportColumns}.
 *
 * @param slug a file-name-safe form of the cohort's name, e.g. {@code spring-2027}
 * @param zone the cohort's time zone: CSV files show times in it
 */
public record CohortExport(
        String cohortName,
        String slug,
        String framework,
        ZoneId zone,
        LocalDate startDate,
        String status,
        int weeksRun,
        int weeksPlanned,
        Instant exportedAt,
        List<ExportTable> tables) {
    public CohortExport {
        Objects.requireNonNull(cohortName, "cohortName");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(zone, "zone");
        tables = List.copyOf(tables);
    }

    public ExportTable table(String name) {
        return tables.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No table " + name));
    }
}
