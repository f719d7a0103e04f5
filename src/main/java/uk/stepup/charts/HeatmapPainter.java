package uk.stepup.charts;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;
import uk.stepup.summaries.Heatmap;
import uk.stepup.summaries.HeatmapRow;

/**
 * Draws a {@link Heatmap} with plain Java2D: one labelled row per home, one column per KLOE, the columns grouped
 * under their key question.
 *
 * <p>Large cohorts: up to {@value #MAX_ROWS} homes get a row each; rows shrink from {@value #TALL_ROW} px to
 * {@value #SHORT_ROW} px as homes are added, so the image stays under about 2,000 px tall, which a phone can still
 * show as a readable picture. Beyond that, one row per home would be an unreadable sliver on a phone, so each
 * column becomes a <em>distribution strip</em>: the share of homes at each self-rating for that KLOE (best at the
 * top, no check-in at the bottom), with the highlighted home(s) still drawn as rows underneath so a manager sees
 * their own home against the cohort. Counting is one pass over the cells and the image has a fixed size, so
 * 15,000 homes cost no more memory than 61.
 */
final class HeatmapPainter {
    static final int MAX_ROWS = Heatmap.ROWS_DRAWN_MAX;
    static final int MAX_HIGHLIGHTED_UNDER_STRIPS = 5;

    static final int TALL_ROW = 44;
    static final int SHORT_ROW = 30;
    private static final int ROWS_BUDGET = 1600;
    private static final int MIN_CELL = 34;
    private static final int MAX_CELL = 64;
    /** Room kept for home names (and, with strips, the percentage scale) when there are many columns. */
    private static final int MIN_LABEL = 272;

    private static final int MAX_LABEL = 480;
    private static final int LABEL_PAD = 16;
    private static final int GROUP_GAP = 8;
    private static final int GUTTER = 3;
    private static final int HEADER_LINE = 34;
    private static final int NOTE_LINE = 32;
    private static final int STRIP_HEIGHT = 440;
    private static final int MAX_WIDTH = 2400;

    private final Heatmap heatmap;
    private final List<Column> columns;
    private final List<Group> groups;
    private final boolean grouped;
    private final Sheet sheet;
    private final int cellWidth;
    private final int labelWidth;
    private final int gridLeft;
    private final boolean strips;

    private final Legend legend;
    private final List<String> note;
    private final List<HeatmapRow> rows;
    private final List<Integer> rowIndex;
    private final int hiddenHighlighted;
    private final int rowHeight;
    private final int legendTop;
    private final int noteTop;
    private final int columnsTop;
    private final int bodyTop;
    private final int rowsTop;
    private final int height;

    /** A KLOE column: where it is drawn and its header text. */
    private record Column(int x, String label) {}

    /** Consecutive columns whose codes share a prefix (S1…S6 under "Safe"). */
    private record Group(String label, int firstX, int lastRight) {}

    private HeatmapPainter(Heatmap heatmap) {
        this.heatmap = heatmap;
        List<String> codes = heatmap.columnCodes();
        int n = codes.size();
        List<String> prefixes = new ArrayList<>(n);
        int groupCount = 0;
        for (int i = 0; i < n; i++) {
            prefixes.add(prefix(codes.get(i)));
            if (i == 0 || !prefixes.get(i).equals(prefixes.get(i - 1))) {
                groupCount++;
            }
        }
        int gaps = Math.max(0, groupCount - 1) * GROUP_GAP;
        this.strips = heatmap.showsShares();
        int widest = strips ? MIN_LABEL : (int) Math.ceil(widestLabel(heatmap));
        int reserve = Math.min(MIN_LABEL, widest);
        int needed = 2 * Sheet.MARGIN + reserve + LABEL_PAD + gaps + n * MIN_CELL;
        int width = Math.max(Sheet.WIDTH, Math.min(needed, MAX_WIDTH));
        this.sheet = new Sheet(heatmap.title(), heatmap.subtitle(), width);
        int forCells = sheet.inner() - reserve - LABEL_PAD - gaps;
        this.cellWidth = Math.max(4, Math.min(MAX_CELL, forCells / Math.max(1, n)));
        this.labelWidth = Math.min(widest, Math.min(MAX_LABEL, sheet.inner() - LABEL_PAD - gaps - n * cellWidth));
        this.gridLeft = Sheet.MARGIN + labelWidth + LABEL_PAD;
        this.grouped = prefixes.stream().anyMatch(p -> !p.isEmpty());
        boolean fullCodes = codes.stream().allMatch(c -> Text.width(c.strip(), Text.BODY) <= cellWidth - GUTTER);

        this.columns = new ArrayList<>(n);
        this.groups = new ArrayList<>();
        int group = -1;
        int x = gridLeft;
        for (int i = 0; i < n; i++) {
            boolean starts = i == 0 || !prefixes.get(i).equals(prefixes.get(i - 1));
            if (starts) {
                group++;
                if (i > 0) {
                    x += GROUP_GAP;
                }
                groups.add(new Group(groupLabel(prefixes.get(i)), x, x));
            }
            String code = codes.get(i).strip();
            String suffix = code.substring(prefixes.get(i).length());
            columns.add(new Column(x, grouped && !fullCodes && !suffix.isEmpty() ? suffix : code));
            Group g = groups.get(group);
            groups.set(group, new Group(g.label(), g.firstX(), x + cellWidth - GUTTER));
            x += cellWidth;
        }

        // Vertical layout, top to bottom.
        this.legend = Marks.ratingLegend(sheet);
        List<Integer> highlighted = new ArrayList<>();
        for (int i = 0; i < heatmap.rows().size(); i++) {
            if (heatmap.rows().get(i).highlighted()) {
                highlighted.add(i);
            }
        }
        if (!highlighted.isEmpty()) {
            legend.add(this::yourHomeSwatch, "Your home");
        }
        this.note = strips ? Text.wrap(stripNote(), Text.BODY, sheet.inner(), 2) : List.of();
        int top = sheet.headerHeight() + 12;
        this.legendTop = top;
        top += legend.height(sheet.inner()) + 12;
        this.noteTop = top;
        top += note.size() * NOTE_LINE + (note.isEmpty() ? 0 : 12);
        this.columnsTop = top;
        top += (grouped ? 2 : 1) * HEADER_LINE + 6;
        this.bodyTop = top;
        if (strips) {
            this.rowIndex = highlighted.subList(0, Math.min(highlighted.size(), MAX_HIGHLIGHTED_UNDER_STRIPS));
            this.hiddenHighlighted = highlighted.size() - rowIndex.size();
            this.rowHeight = TALL_ROW;
            top += STRIP_HEIGHT + (rowIndex.isEmpty() ? 0 : 24);
        } else {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < heatmap.rows().size(); i++) {
                all.add(i);
            }
            this.rowIndex = all;
            this.hiddenHighlighted = 0;
            this.rowHeight = Math.max(SHORT_ROW, Math.min(TALL_ROW, ROWS_BUDGET / Math.max(1, all.size())));
        }
        this.rows = rowIndex.stream().map(heatmap.rows()::get).toList();
        this.rowsTop = top;
        top += rows.size() * rowHeight + (hiddenHighlighted > 0 ? NOTE_LINE + 8 : 0);
        this.height = top + Sheet.MARGIN;
    }

    /** The widest home name as it will be drawn, or the column heading if that is wider. */
    private static double widestLabel(Heatmap heatmap) {
        double widest = Text.width(homesHeading(heatmap), Text.BODY_BOLD);
        for (int i = 0; i < heatmap.rows().size(); i++) {
            HeatmapRow row = heatmap.rows().get(i);
            widest = Math.max(widest, Text.width(displayLabel(row, i), font(row)));
        }
        return widest;
    }

    private static Font font(HeatmapRow row) {
        return row.highlighted() ? Text.BODY_BOLD : Text.BODY;
    }

    /** The name as drawn: cleaned, or "Home #3" when nothing drawable is left of it. */
    private static String displayLabel(HeatmapRow row, int index) {
        String label = Text.clean(row.label(), font(row));
        return label.isBlank() ? "Home #" + (index + 1) : label;
    }

    private static String homesHeading(Heatmap heatmap) {
        return String.format("Homes (%,d)", heatmap.rows().size());
    }

    /** For tests: where the heatmap for these values puts things. */
    static HeatmapPainter layout(Heatmap heatmap) {
        return new HeatmapPainter(heatmap);
    }

    int width() {
        return sheet.width();
    }

    int height() {
        return height;
    }

    boolean drawsStrips() {
        return strips;
    }

    int labelRight() {
        return Sheet.MARGIN + labelWidth;
    }

    /**
     * The coloured area of the cell for drawn row {@code row} (in strip mode: the highlighted rows under the
     * strips) and column {@code column}.
     */
    Rectangle cell(int row, int column) {
        return new Rectangle(
                columns.get(column).x(),
                rowsTop + row * rowHeight + GUTTER / 2,
                cellWidth - GUTTER,
                rowHeight - GUTTER);
    }

    /** In strip mode, the whole strip of column {@code column}. */
    Rectangle strip(int column) {
        return new Rectangle(columns.get(column).x(), bodyTop, cellWidth - GUTTER, STRIP_HEIGHT);
    }

    static byte[] paint(Heatmap heatmap) {
        if (heatmap.rows().isEmpty() || heatmap.columnCodes().isEmpty() || !heatmap.hasCheckins()) {
            return Sheet.message(heatmap.title(), heatmap.subtitle(), "No check-ins yet", emptyDetail(heatmap));
        }
        return new HeatmapPainter(heatmap).draw();
    }

    private static String emptyDetail(Heatmap heatmap) {
        int homes = heatmap.rows().size();
        List<String> codes = heatmap.columnCodes();
        if (homes == 0) {
            return "No homes are enrolled yet. This chart fills in as homes join and check in each week.";
        }
        if (codes.isEmpty()) {
            return homes + (homes == 1 ? " home is" : " homes are")
                    + " enrolled. Self-ratings appear here after the first week's check-ins.";
        }
        String so = codes.size() == 1 ? codes.get(0) : codes.get(0) + " to " + codes.get(codes.size() - 1);
        return homes + (homes == 1 ? " home is" : " homes are") + " enrolled (KLOEs so far: " + so
                + "). Self-ratings appear here as soon as homes check in.";
    }

    private byte[] draw() {
        Graphics2D g = sheet.open(height);
        sheet.drawHeader();
        legend.draw(sheet, g, Sheet.MARGIN, legendTop, sheet.inner());
        int y = noteTop;
        for (String line : note) {
            sheet.text(line, Sheet.MARGIN, Text.centredBaseline(Text.BODY, y, NOTE_LINE), Text.BODY, Palette.QUIET_INK);
            y += NOTE_LINE;
        }
        drawColumnHeaders(g, columnsTop);
        if (strips) {
            drawStrips(g, bodyTop);
        }
        for (int r = 0; r < rows.size(); r++) {
            drawRow(g, rows.get(r), rowIndex.get(r), rowsTop + r * rowHeight, rowHeight);
        }
        if (hiddenHighlighted > 0) {
            sheet.text(
                    "+" + hiddenHighlighted + " more highlighted " + (hiddenHighlighted == 1 ? "home" : "homes")
                            + " not shown",
                    Sheet.MARGIN,
                    Text.centredBaseline(Text.BODY, rowsTop + rows.size() * rowHeight + 8, NOTE_LINE),
                    Text.BODY,
                    Palette.QUIET_INK);
        }
        return sheet.png();
    }

    private String stripNote() {
        return String.format(
                "%,d homes: too many for a row each, so each column shows the share of homes " + "at each self-rating.",
                heatmap.rows().size());
    }

    private void drawColumnHeaders(Graphics2D g, int top) {
        int codesTop = top;
        if (grouped) {
            for (Group group : groups) {
                int span = group.lastRight() - group.firstX();
                String label = shortest(group.label(), span);
                sheet.centred(label, group.firstX() + span / 2.0, top, HEADER_LINE - 4, Text.BODY_BOLD, Palette.INK);
                g.setColor(Palette.GRID);
                g.fillRect(group.firstX(), top + HEADER_LINE - 4, span, 2);
            }
            codesTop += HEADER_LINE;
        }
        String homes = strips ? "KLOE" : homesHeading(heatmap);
        sheet.text(
                Text.fit(homes, Text.BODY_BOLD, labelWidth),
                Sheet.MARGIN,
                Text.centredBaseline(Text.BODY_BOLD, codesTop, HEADER_LINE),
                Text.BODY_BOLD,
                Palette.INK);
        for (Column c : columns) {
            if (Text.width(c.label(), Text.BODY) <= cellWidth) {
                sheet.centred(
                        c.label(), c.x() + (cellWidth - GUTTER) / 2.0, codesTop, HEADER_LINE, Text.BODY, Palette.INK);
            }
        }
    }

    private void drawRow(Graphics2D g, HeatmapRow row, int index, int top, int height) {
        int right = columns.get(columns.size() - 1).x() + cellWidth - GUTTER;
        if (row.highlighted()) {
            g.setColor(Palette.HIGHLIGHT_BAND);
            g.fillRect(Sheet.MARGIN - 8, top, right - Sheet.MARGIN + 16, height);
        }
        Font font = font(row);
        sheet.text(
                Text.fit(displayLabel(row, index), font, labelWidth),
                Sheet.MARGIN,
                Text.centredBaseline(font, top, height),
                font,
                Palette.INK);
        int cellTop = top + GUTTER / 2;
        int cellHeight = height - GUTTER;
        for (int i = 0; i < columns.size(); i++) {
            int x = columns.get(i).x();
            Optional<Rating> cell = row.cells().get(i);
            if (cell.isPresent()) {
                Marks.rating(sheet, g, x, cellTop, cellWidth - GUTTER, cellHeight, cell.get());
            } else {
                Marks.noCheckin(g, x, cellTop, cellWidth - GUTTER, cellHeight);
            }
        }
        if (row.highlighted()) {
            g.setColor(Palette.INK);
            g.setStroke(Marks.OUTLINE);
            // Centred in the white gutters around the row, so it never covers a neighbour's cells.
            g.drawRect(gridLeft - 2, cellTop - 1, right - gridLeft + 4, cellHeight + 2);
        }
    }

    /** The group label if it fits, else "Resp." for "Responsive", else its first letter, else nothing. */
    private static String shortest(String label, int span) {
        List<String> tries = new ArrayList<>(List.of(label));
        if (label.length() > 5) {
            tries.add(label.substring(0, 4) + ".");
        }
        if (!label.isEmpty()) {
            tries.add(label.substring(0, 1));
        }
        return tries.stream()
                .filter(t -> Text.width(t, Text.BODY_BOLD) <= span)
                .findFirst()
                .orElse("");
    }

    /** One stacked strip per column: Outstanding at the top down to no check-in at the bottom. */
    private void drawStrips(Graphics2D g, int top) {
        int homes = heatmap.rows().size();
        int[][] counts = new int[columns.size()][5];
        for (HeatmapRow row : heatmap.rows()) {
            List<Optional<Rating>> cells = row.cells();
            for (int i = 0; i < cells.size(); i++) {
                counts[i][slot(cells.get(i))]++;
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            int[] heights = shares(counts[i], homes, STRIP_HEIGHT);
            int y = top;
            int x = columns.get(i).x();
            int w = cellWidth - GUTTER;
            for (int s = 0; s < 5; s++) {
                int h = heights[s];
                if (h == 0) {
                    continue;
                }
                if (s < 4) {
                    Marks.rating(sheet, g, x, y, w, h, Rating.values()[3 - s]);
                } else {
                    Marks.noCheckin(g, x, y, w, h);
                }
                y += h;
            }
        }
        // The share scale, in the label column, next to the strips.
        int tickRight = gridLeft - 12;
        for (int p = 0; p <= 100; p += 25) {
            double y = top + STRIP_HEIGHT * (100 - p) / 100.0;
            sheet.rightAligned(p + "%", tickRight - 8, y - 16, 32, Text.BODY, Palette.QUIET_INK);
            g.setColor(Palette.QUIET_INK);
            g.fillRect(tickRight, (int) Math.round(y) - 1, 8, 2);
        }
        List<String> caption = Text.wrap(
                String.format("Share of %,d homes", homes),
                Text.BODY_BOLD,
                Math.max(60, tickRight - 80 - Sheet.MARGIN),
                3);
        int y = top + STRIP_HEIGHT / 2 - caption.size() * 16;
        for (String line : caption) {
            sheet.text(line, Sheet.MARGIN, Text.centredBaseline(Text.BODY_BOLD, y, 32), Text.BODY_BOLD, Palette.INK);
            y += 32;
        }
    }

    /** 0 Outstanding, 1 Good, 2 Requires improvement, 3 Inadequate, 4 no check-in. */
    private static int slot(Optional<Rating> cell) {
        return cell.map(r -> 3 - r.ordinal()).orElse(4);
    }

    /** Splits {@code total} px in proportion to the counts, largest remainders first, so the parts add up exactly. */
    static int[] shares(int[] counts, int sum, int total) {
        int[] out = new int[counts.length];
        if (sum == 0) {
            return out;
        }
        long given = 0;
        double[] remainders = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            double exact = (double) counts[i] * total / sum;
            out[i] = (int) Math.floor(exact);
            remainders[i] = exact - out[i];
            given += out[i];
        }
        for (long left = total - given; left > 0; left--) {
            int best = -1;
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0 && (best < 0 || remainders[i] > remainders[best])) {
                    best = i;
                }
            }
            out[best]++;
            remainders[best] = -1;
        }
        return out;
    }

    private void yourHomeSwatch(Graphics2D g, int x, int y) {
        g.setColor(Palette.HIGHLIGHT_BAND);
        g.fillRect(x, y, Legend.SWATCH, Legend.SWATCH);
        g.setColor(Palette.INK);
        g.setStroke(Marks.OUTLINE);
        g.drawRect(x + 2, y + 2, Legend.SWATCH - 4, Legend.SWATCH - 4);
    }

    /** The letters before the number: "S" of "S1", "" for a code with no letters. */
    private static String prefix(String code) {
        String c = code.strip();
        int i = 0;
        while (i < c.length() && !Character.isDigit(c.charAt(i))) {
            i++;
        }
        return i == c.length() ? "" : c.substring(0, i);
    }

    /** "Safe" for S, otherwise the prefix itself. */
    private static String groupLabel(String prefix) {
        if (prefix.length() == 1) {
            Optional<KeyQuestion> k = KeyQuestion.parse(prefix);
            if (k.isPresent()) {
                return k.get().label();
            }
        }
        return prefix;
    }
}
