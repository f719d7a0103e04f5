package uk.stepup.summaries;

import java.util.List;
import java.util.Objects;

/**
 * Homes by KLOEs so far, each cell a home's self-rating for that KLOE: the picture in the weekly summary and in
 * {@code /progress}.
 *
 * @param title       the heading drawn in the image, e.g. "Spring cohort · self-ratings after week 5"
 * @param subtitle    a second, quieter line (may be empty), e.g. "12 homes · colour = self-rating"
 * @param columnCodes the KLOE codes so far, in the cohort's programme order (S1, S2, …)
 * @param rows        one per home, in the order they should be drawn
 */
public record Heatmap(String title, String subtitle, List<String> columnCodes, List<HeatmapRow> rows) {
    /**
     * Up to this many homes the picture has a row per home; beyond it a row per home would be an unreadable sliver
     * on a phone, so each column shows the share of homes at each self-rating instead (see {@link #showsShares}).
     */
    public static final int ROWS_DRAWN_MAX = 60;

    public Heatmap {
        Objects.requireNonNull(title, "title");
        subtitle = subtitle == null ? "" : subtitle;
        columnCodes = List.copyOf(columnCodes);
        rows = List.copyOf(rows);
        for (HeatmapRow row : rows) {
            if (row.cells().size() != columnCodes.size()) {
                throw new IllegalArgumentException("Row '" + row.label() + "' has "
                        + row.cells().size() + " cells for " + columnCodes.size() + " KLOE columns");
            }
        }
    }

    public Heatmap(String title, List<String> columnCodes, List<HeatmapRow> rows) {
        this(title, "", columnCodes, rows);
    }

    /** True when there are too many homes for a row each: each column is drawn as the share of homes per rating. */
    public boolean showsShares() {
        return rows.size() > ROWS_DRAWN_MAX;
    }

    /** True when at least one home has a self-rating in at least one column. */
    public boolean hasCheckins() {
        return rows.stream().anyMatch(HeatmapRow::hasCheckins);
    }
}
