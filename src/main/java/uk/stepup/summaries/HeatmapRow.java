package uk.stepup.summaries;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.stepup.shared.Rating;

/**
 * One home's line in a {@link Heatmap}.
 *
 * @param label       the home's name, or an anonymised label such as "Home C" in shared channels
 * @param cells       one per heatmap column; empty means the home did not check in for that KLOE
 * @param highlighted the viewer's own home: drawn outlined and in bold, and named "Your home" in the legend
 */
public record HeatmapRow(String label, List<Optional<Rating>> cells, boolean highlighted) {

    public HeatmapRow {
        Objects.requireNonNull(label, "label");
        cells = List.copyOf(cells);
    }

    public boolean hasCheckins() {
        return cells.stream().anyMatch(Optional::isPresent);
    }
}
