package uk.stepup.summaries;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One table of an export, format-neutral.
 *
 * @param name the table's name: {@code homes}, {@code checkins}, … (a CSV file name ends with it, a JSON key is it)
 * @param rows one value per column: String, Integer, Long, Double, Boolean, {@link java.time.Instant},
 *             {@link java.time.LocalDate}, or null for "no value"
 */
public record ExportTable(String name, List<ExportColumn> columns, List<List<Object>> rows) {
    public ExportTable {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "A row of " + name + " has " + row.size() + " values for " + columns.size() + " columns");
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    public List<String> columnNames() {
        return columns.stream().map(ExportColumn::name).toList();
    }
}
