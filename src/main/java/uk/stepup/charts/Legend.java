package uk.stepup.charts;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

/** A row of swatches, each followed by its words, wrapped onto as many lines as the width needs. */
final class Legend {
    static final int SWATCH = 32;
    private static final int LINE = 44;
    private static final int AFTER_SWATCH = 10;
    private static final int BETWEEN = 30;

    /** Draws one swatch with its top-left corner at (x, y), {@link #SWATCH} px square. */
    interface Swatch {
        void paint(Graphics2D g, int x, int y);
    }

    private record Item(Swatch swatch, String words) {
        double width() {
            return SWATCH + AFTER_SWATCH + Text.width(words, Text.BODY);
        }
    }

    private final List<Item> items = new ArrayList<>();

    Legend add(Swatch swatch, String words) {
        items.add(new Item(swatch, words));
        return this;
    }

    int height(int width) {
        return lines(width).size() * LINE;
    }

    /** Draws the legend from {@code top}; returns the y just below it. */
    int draw(Sheet sheet, Graphics2D g, int left, int top, int width) {
        int y = top;
        for (List<Item> line : lines(width)) {
            double x = left;
            for (Item item : line) {
                int swatchTop = y + (LINE - SWATCH) / 2;
                item.swatch.paint(g, (int) x, swatchTop);
                String words = Text.fit(item.words, Text.BODY, width - SWATCH - AFTER_SWATCH);
                sheet.text(
                        words,
                        x + SWATCH + AFTER_SWATCH,
                        Text.centredBaseline(Text.BODY, y, LINE),
                        Text.BODY,
                        Palette.INK);
                x += item.width() + BETWEEN;
            }
            y += LINE;
        }
        return y;
    }

    private List<List<Item>> lines(int width) {
        List<List<Item>> lines = new ArrayList<>();
        List<Item> line = new ArrayList<>();
        double used = 0;
        for (Item item : items) {
            double w = item.width();
            if (!line.isEmpty() && used + BETWEEN + w > width) {
                lines.add(line);
                line = new ArrayList<>();
                used = 0;
            }
            used += (line.isEmpty() ? 0 : BETWEEN) + w;
            line.add(item);
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }
}
