package uk.stepup.measures;

import java.util.List;
import java.util.Objects;

/** Small multiples: one small chart per measure, on one image (the cohort's measures in the weekly summary). */
public record MeasurePanels(String title, String subtitle, List<MeasureChart> panels) {
    public MeasurePanels {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subtitle, "subtitle");
        panels = List.copyOf(panels);
    }
}
