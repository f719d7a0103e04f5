package uk.stepup.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import uk.stepup.measures.ChartMarker;
import uk.stepup.measures.Frequency;
import uk.stepup.measures.MeasureChart;
import uk.stepup.measures.MeasurePanels;
import uk.stepup.measures.Numbers;
import uk.stepup.measures.SmallCounts;
import uk.stepup.measures.SpcWords;
import uk.stepup.measures.spc.Assurance;
import uk.stepup.measures.spc.ImprovementDirection;
import uk.stepup.measures.spc.SpcChart;
import uk.stepup.measures.spc.SpcPeriod;
import uk.stepup.measures.spc.SpcPoint;
import uk.stepup.measures.spc.VariationIcon;

/**
 * Draws a measure's XmR chart in NHS Making Data Count style: points grey for common cause, blue for special cause
 * improvement, orange for concern and purple where neither direction is better; the mean as a black line, the
 * process limits dashed, the target red; and above the plot the variation and assurance icons as badges with their
 * meaning in words, so nothing depends on colour. Periods left out of a cohort chart because their count is small
 * show "<5" where the point would be, and the programme's start is marked when earlier history is shown. A home's
 * changes ({@link MeasureChart#markers()}) are numbered circles above the plot, each with a thin line down at the
 * period it started in, and listed under the chart; the target line is named "Target" on the line itself.
 *
 * <p>The same plot is drawn full width ({@link #paint}) or small, two to a row, for a cohort's measures
 * ({@link #paintPanels}); both keep every piece of text at 22 px or more for a phone.
 */
final class SpcPainter {
    private static final int PLOT_HEIGHT = 460;
    private static final int PANEL_PLOT_HEIGHT = 250;
    private static final int BADGE = 44;
    private static final int SMALL_BADGE = 34;
    private static final int BADGE_ROW = 56;
    private static final int LINE = 32;
    private static final int PANEL_GAP = 28;
    private static final int PANEL_HEADING = 40;
    /** A change's numbered marker above the plot, and the strip it sits in. */
    private static final int MARKER = 30;

    private static final int MARKER_STRIP = MARKER + 12;
    /** The longest a change's line under the chart may wrap to. */
    private static final int MARKER_LINES = 2;

    private static final Stroke DATA = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke MEAN = new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
    private static final Stroke TARGET = new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
    private static final Stroke LIMIT =
            new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {12f, 8f}, 0f);
    private static final Stroke START =
            new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 6f}, 0f);
    private static final Stroke RING = new BasicStroke(2f);
    private static final Stroke MARKER_LINE = new BasicStroke(2f);

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.UK);

    private SpcPainter() {}

    // ---------------------------------------------------------------- one measure

    static byte[] paint(MeasureChart chart) {
        if (chart.spc().isEmpty()) {
            return Sheet.message(
                    chart.title(),
                    chart.subtitle(),
                    "No chart yet",
                    chart.note().isEmpty() ? "A chart needs at least two values." : chart.note());
        }
        SpcChart spc = chart.spc().get();
        Layout l = layout(chart, spc);
        Sheet sheet = l.sheet();
        Graphics2D g = sheet.open(l.height());
        sheet.drawHeader();
        double x = Sheet.MARGIN;
        l.variation().draw(sheet, g, x, l.badgesTop(), BADGE, Text.BODY_BOLD);
        if (l.oneRow()) {
            l.assurance().draw(sheet, g, x + l.variation().width(BADGE) + 40, l.badgesTop(), BADGE, Text.BODY_BOLD);
        } else {
            l.assurance().draw(sheet, g, x, l.badgesTop() + BADGE_ROW, BADGE, Text.BODY_BOLD);
        }
        l.legend().draw(sheet, g, Sheet.MARGIN, l.legendTop(), sheet.inner());
        drawPlot(sheet, g, chart, spc, l.plot(), false);
        drawPeriodLabels(sheet, g, l.plot(), chart.frequency(), l.plot().bottom + 6, false);
        drawMarkers(sheet, g, chart, l.plot());
        int y = l.markersTop();
        for (MarkerLine line : l.markerLines()) {
            if (line.first()) {
                drawMarkerBadge(sheet, g, line.marker(), Sheet.MARGIN + MARKER / 2.0, y + LINE / 2.0, MARKER);
            }
            sheet.text(
                    line.text(),
                    Sheet.MARGIN + MARKER + 12,
                    Text.centredBaseline(Text.BODY, y, LINE),
                    Text.BODY,
                    Palette.INK);
            y += LINE;
        }
        y = l.notesTop();
        for (String note : l.notes()) {
            sheet.text(note, Sheet.MARGIN, Text.centredBaseline(Text.BODY, y, LINE), Text.BODY, Palette.QUIET_INK);
            y += LINE;
        }
        return sheet.png();
    }

    /** Where everything of a full-width chart goes, worked out before the image exists. */
    private record Layout(
            Sheet sheet,
            Legend legend,
            Badge variation,
            Badge assurance,
            boolean oneRow,
            List<String> notes,
            int badgesTop,
            int legendTop,
            Plot plot,
            List<MarkerLine> markerLines,
            int markersTop,
            int notesTop,
            int height) {}

    /** One line of the list of changes under the chart; the first line of each change carries its number. */
    private record MarkerLine(ChartMarker marker, String text, boolean first) {}

    private static Layout layout(MeasureChart chart, SpcChart spc) {
        Sheet sheet = new Sheet(chart.title(), chart.subtitle(), Sheet.WIDTH);
        Legend legend = legend(chart, spc);
        if (!chart.markers().isEmpty()) {
            legend.add(markerSwatch(sheet), "Change tested (filled: adopted)");
        }
        Badge variation = variationBadge(spc, false);
        Badge assurance = assuranceBadge(chart, spc, false);
        boolean oneRow = variation.width(BADGE) + 40 + assurance.width(BADGE) <= sheet.inner();
        List<String> notes = new ArrayList<>();
        notes(chart, spc).forEach(n -> notes.addAll(Text.wrap(n, Text.BODY, sheet.inner(), 2)));
        int badgesTop = sheet.headerHeight() + 12;
        int legendTop = badgesTop + (oneRow ? 1 : 2) * BADGE_ROW + 8;
        int plotTop =
                legendTop + legend.height(sheet.inner()) + 20 + (chart.markers().isEmpty() ? 0 : MARKER_STRIP);
        Axis axis = Axis.of(spc, Text.BODY);
        int plotLeft = Sheet.MARGIN + (int) Math.ceil(axis.labelWidth()) + 14;
        Plot plot = new Plot(
                plotLeft, sheet.width() - Sheet.MARGIN, plotTop, plotTop + PLOT_HEIGHT, axis, periods(spc, chart));
        List<MarkerLine> markerLines = new ArrayList<>();
        for (ChartMarker m : chart.markers()) {
            List<String> wrapped = Text.wrap(
                    Text.clean(m.label(), Text.BODY) + where(m, plot, chart.frequency()),
                    Text.BODY,
                    sheet.inner() - MARKER - 12.0,
                    MARKER_LINES);
            for (int i = 0; i < wrapped.size(); i++) {
                markerLines.add(new MarkerLine(m, wrapped.get(i), i == 0));
            }
        }
        int markersTop = plot.bottom + 6 + 2 * LINE + 10;
        int notesTop = markersTop + markerLines.size() * LINE + (markerLines.isEmpty() ? 0 : 10);
        return new Layout(
                sheet,
                legend,
                variation,
                assurance,
                oneRow,
                notes,
                badgesTop,
                legendTop,
                plot,
                markerLines,
                markersTop,
                notesTop,
                notesTop + notes.size() * LINE + Sheet.MARGIN);
    }

    /** Where each point's centre is drawn on the full-width chart, in point order (for tests). */
    static List<Point2D> pointCentres(MeasureChart chart) {
        SpcChart spc = chart.spc().orElseThrow();
        Plot plot = layout(chart, spc).plot();
        return spc.points().stream()
                .<Point2D>map(p -> new Point2D.Double(plot.x(p.date()), plot.y(p.value())))
                .toList();
    }

    /**
     * "Trial limits: calculated from 8 points (fewer than 12), ...": for a chart in periods, the points of each period
     * whose limits are trial limits.
     */
    static String trialNote(SpcChart spc) {
        List<SpcPeriod> trial =
                spc.periods().stream().filter(SpcPeriod::trialLimits).toList();
        String counts =
                trial.stream().map(p -> String.valueOf(p.baselinePoints())).collect(Collectors.joining(" and "));
        int periods = spc.periods().size();
        String from = periods == 1
                ? counts + " points"
                : trial.size() == periods
                        ? counts + " points in its " + periods + " periods"
                        : counts + " points in " + (trial.size() == 1 ? "one" : trial.size()) + " of its " + periods
                                + " periods";
        return "Trial limits: calculated from " + from + " (fewer than " + SpcChart.TRIAL_LIMIT_POINTS
                + "), so they will move as more data arrive.";
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** The y of a value on the full-width chart (for tests). */
    static double yOf(MeasureChart chart, double value) {
        return layout(chart, chart.spc().orElseThrow()).plot().y(value);
    }

    private static List<String> notes(MeasureChart chart, SpcChart spc) {
        List<String> notes = new ArrayList<>();
        if (spc.hasTrialLimits()) {
            notes.add(trialNote(spc));
        }
        if (!chart.suppressed().isEmpty()) {
            notes.add(SmallCounts.LABEL + ": a count of 1 to 4 in that period, not shown so no one can be identified.");
        }
        if (!chart.note().isEmpty()) {
            notes.add(chart.note());
        }
        return notes;
    }

    // ---------------------------------------------------------------- small multiples

    static byte[] paintPanels(MeasurePanels panels) {
        if (panels.panels().isEmpty()) {
            return Sheet.message(
                    panels.title(),
                    panels.subtitle(),
                    "No measures yet",
                    "A coach adds the cohort's measures with /measure add.");
        }
        Sheet sheet = new Sheet(panels.title(), panels.subtitle(), Sheet.WIDTH);
        int columns = panels.panels().size() == 1 ? 1 : 2;
        int panelWidth = (sheet.inner() - (columns - 1) * PANEL_GAP) / columns;
        Legend legend = new Legend()
                .add(dot(Palette.SPC_COMMON), "Common cause")
                .add(dot(Palette.SPC_IMPROVEMENT), "Improvement")
                .add(dot(Palette.SPC_CONCERN), "Concern")
                .add(dot(Palette.SPC_NEUTRAL), "Neutral special cause")
                .add(line(MEAN, Palette.SPC_MEAN), "Mean")
                .add(line(LIMIT, Palette.SPC_LIMIT), "Process limits")
                .add(line(TARGET, Palette.SPC_TARGET), "Target")
                .add(smallCountSwatch(sheet), "Count of 1 to 4, not shown");
        if (panels.panels().stream().anyMatch(p -> !p.markers().isEmpty())) {
            legend.add(markerLineSwatch(), "A change started");
        }
        int legendTop = sheet.headerHeight() + 12;
        int top = legendTop + legend.height(sheet.inner()) + 16;
        int panelHeight = PANEL_HEADING + LINE + BADGE_ROW + 8 + PANEL_PLOT_HEIGHT + 2 * LINE + 6 + LINE;
        int rows = (panels.panels().size() + columns - 1) / columns;
        Graphics2D g = sheet.open(top + rows * (panelHeight + PANEL_GAP) - PANEL_GAP + Sheet.MARGIN);
        sheet.drawHeader();
        legend.draw(sheet, g, Sheet.MARGIN, legendTop, sheet.inner());
        for (int i = 0; i < panels.panels().size(); i++) {
            int left = Sheet.MARGIN + (i % columns) * (panelWidth + PANEL_GAP);
            int panelTop = top + (i / columns) * (panelHeight + PANEL_GAP);
            drawPanel(sheet, g, panels.panels().get(i), left, panelTop, panelWidth, panelHeight);
        }
        return sheet.png();
    }

    private static void drawPanel(
            Sheet sheet, Graphics2D g, MeasureChart chart, int left, int top, int width, int height) {
        g.setColor(new Color(0xF7F7F7));
        g.fillRoundRect(left, top, width, height, 18, 18);
        int inset = 14;
        int innerLeft = left + inset;
        int innerWidth = width - 2 * inset;
        String title = Text.fit(Text.clean(chart.title(), Text.HEADING), Text.HEADING, innerWidth);
        sheet.text(
                title,
                innerLeft,
                Text.centredBaseline(Text.HEADING, top + 4, PANEL_HEADING),
                Text.HEADING,
                Palette.INK);
        String subtitle = Text.fit(Text.clean(chart.subtitle(), Text.BODY), Text.BODY, innerWidth);
        int y = top + 4 + PANEL_HEADING;
        sheet.text(subtitle, innerLeft, Text.centredBaseline(Text.BODY, y, LINE), Text.BODY, Palette.QUIET_INK);
        y += LINE;
        if (chart.spc().isEmpty()) {
            String note = chart.note().isEmpty() ? "Too few values to chart yet." : chart.note();
            int boxTop = y + 20;
            for (String line : Text.wrap(note, Text.BODY_BOLD, innerWidth - 20, 3)) {
                sheet.text(
                        line,
                        innerLeft + 10,
                        Text.centredBaseline(Text.BODY_BOLD, boxTop, LINE),
                        Text.BODY_BOLD,
                        Palette.QUIET_INK);
                boxTop += LINE;
            }
            return;
        }
        SpcChart spc = chart.spc().get();
        Badge variation = variationBadge(spc, true);
        double used = variation.draw(sheet, g, innerLeft, y, SMALL_BADGE, Text.BODY_BOLD, innerWidth);
        if (spc.assurance().isPresent()) {
            Badge assurance = assuranceBadge(chart, spc, true);
            double room = innerWidth - used - 20;
            if (assurance.width(SMALL_BADGE) <= room) {
                assurance.draw(sheet, g, innerLeft + used + 20, y, SMALL_BADGE, Text.BODY_BOLD, room);
            }
        }
        y += BADGE_ROW + 8;
        Axis axis = Axis.of(spc, Text.BODY);
        int plotLeft = innerLeft + (int) Math.ceil(axis.labelWidth()) + 10;
        Plot plot = new Plot(plotLeft, left + width - inset, y, y + PANEL_PLOT_HEIGHT, axis, periods(spc, chart));
        drawPlot(sheet, g, chart, spc, plot, true);
        drawPeriodLabels(sheet, g, plot, chart.frequency(), plot.bottom + 4, true);
        String note = spc.hasTrialLimits() ? "Trial limits (under " + SpcChart.TRIAL_LIMIT_POINTS + " points)" : "";
        if (!note.isEmpty()) {
            sheet.text(
                    Text.fit(note, Text.BODY, innerWidth),
                    innerLeft,
                    Text.centredBaseline(Text.BODY, plot.bottom + 4 + 2 * LINE + 2, LINE),
                    Text.BODY,
                    Palette.QUIET_INK);
        }
    }

    // ---------------------------------------------------------------- the plot

    /** Every period on the x axis: the chart's points and the suppressed periods, in date order. */
    private static List<LocalDate> periods(SpcChart spc, MeasureChart chart) {
        TreeSet<LocalDate> all = new TreeSet<>(chart.suppressed());
        spc.points().forEach(p -> all.add(p.date()));
        return new ArrayList<>(all);
    }

    /** The value axis: nice ticks covering the values, limits and target. */
    private record Axis(double min, double max, double step, double labelWidth) {
        static Axis of(SpcChart spc, Font font) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (SpcPoint p : spc.points()) {
                lo = Math.min(lo, Math.min(p.value(), p.lpl()));
                hi = Math.max(hi, Math.max(p.value(), p.upl()));
            }
            if (spc.target().isPresent()) {
                lo = Math.min(lo, spc.target().getAsDouble());
                hi = Math.max(hi, spc.target().getAsDouble());
            }
            if (hi - lo < 1e-9) {
                double pad = Math.max(1, Math.abs(hi) * 0.1);
                lo -= pad;
                hi += pad;
            }
            double step = niceStep((hi - lo) / 5);
            double min = Math.floor(lo / step) * step;
            double max = Math.ceil(hi / step) * step;
            double width = 0;
            for (double v = min; v <= max + step / 2; v += step) {
                width = Math.max(width, Text.width(Numbers.format(clean(v)), font));
            }
            return new Axis(min, max, step, width);
        }

        private static double niceStep(double rough) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
            double f = rough / magnitude;
            double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
            return nice * magnitude;
        }

        /** Removes floating-point dust from a tick value (0.30000000000000004). */
        private static double clean(double v) {
            return Math.abs(v) < 1e-9 ? 0 : Math.round(v * 1e6) / 1e6;
        }
    }

    private static final class Plot {
        final int left;
        final int right;
        final int top;
        final int bottom;
        final Axis axis;
        final List<LocalDate> periods;
        final Map<LocalDate, Integer> index = new HashMap<>();
        final double slot;

        Plot(int left, int right, int top, int bottom, Axis axis, List<LocalDate> periods) {
            this.left = left;
            this.right = right;
            this.top = top;
            this.bottom = bottom;
            this.axis = axis;
            this.periods = periods;
            for (int i = 0; i < periods.size(); i++) {
                index.put(periods.get(i), i);
            }
            this.slot = (double) (right - left) / Math.max(1, periods.size());
        }

        double x(int i) {
            return left + slot * (i + 0.5);
        }

        double x(LocalDate d) {
            return x(index.get(d));
        }

        double y(double v) {
            return bottom - (v - axis.min()) / (axis.max() - axis.min()) * (bottom - top);
        }
    }

    private static void drawPlot(
            Sheet sheet, Graphics2D g, MeasureChart chart, SpcChart spc, Plot plot, boolean compact) {
        // Grid and value labels.
        for (double v = plot.axis.min(); v <= plot.axis.max() + plot.axis.step() / 2; v += plot.axis.step()) {
            double y = plot.y(v);
            g.setColor(Palette.GRID);
            g.fill(new Rectangle2D.Double(plot.left, y - 0.5, plot.right - plot.left, 1));
            sheet.rightAligned(
                    Numbers.format(Axis.clean(v)),
                    plot.left - (compact ? 8 : 12),
                    y - LINE / 2.0,
                    LINE,
                    Text.BODY,
                    Palette.QUIET_INK);
        }
        g.setColor(Palette.QUIET_INK);
        g.fillRect(plot.left, plot.bottom - 1, plot.right - plot.left, 2);

        // The changes' lines first, so that the programme's start label and the data are drawn over them.
        drawMarkerLines(g, chart, plot, compact);
        chart.programmeStart().ifPresent(start -> {
            int first = -1;
            for (int i = 0; i < plot.periods.size(); i++) {
                if (!plot.periods.get(i).isBefore(start)) {
                    first = i;
                    break;
                }
            }
            if (first > 0) {
                double x = (plot.x(first - 1) + plot.x(first)) / 2;
                g.setColor(Palette.QUIET_INK);
                g.setStroke(START);
                g.draw(new Line2D.Double(x, plot.top, x, plot.bottom));
                String label = compact ? "Start" : "Programme starts";
                double w = Text.width(label, Text.BODY) + 10;
                double cx = Math.min(plot.right - w / 2, x + w / 2 + 4);
                Marks.boxed(sheet, g, label, cx, plot.top, LINE, Text.BODY, Palette.QUIET_INK);
            }
        });

        // Process limits (dashed) and mean (solid), one path per recalculation period so that lines break at a
        // rebase; a step per point so that limits that vary point to point are drawn as they are.
        List<List<SpcPoint>> byPeriod = new ArrayList<>();
        for (SpcPoint p : spc.points()) {
            if (byPeriod.isEmpty() || byPeriod.get(byPeriod.size() - 1).get(0).period() != p.period()) {
                byPeriod.add(new ArrayList<>());
            }
            byPeriod.get(byPeriod.size() - 1).add(p);
        }
        for (List<SpcPoint> period : byPeriod) {
            g.setColor(Palette.SPC_LIMIT);
            g.setStroke(LIMIT);
            g.draw(steps(plot, period, SpcPoint::upl));
            g.draw(steps(plot, period, SpcPoint::lpl));
            g.setColor(Palette.SPC_MEAN);
            g.setStroke(MEAN);
            g.draw(steps(plot, period, SpcPoint::centre));
        }
        spc.target().ifPresent(t -> {
            double y = plot.y(t);
            g.setColor(Palette.SPC_TARGET);
            g.setStroke(TARGET);
            g.draw(new Line2D.Double(plot.left, y, plot.right, y));
            if (!compact) {
                // Named on the line itself, at the left where the newest points seldom are: the home's aim.
                String name = capitalised(chart.targetName());
                double w = Text.width(name, Text.BODY_BOLD) + 10;
                // Above the line, unless the mean runs just above it there (or the plot ends): then below.
                double mean = plot.y(spc.points().get(0).centre());
                boolean below = y - LINE - 2 < plot.top || (mean < y && y - mean < LINE + 4);
                double top = below ? y + 2 : y - LINE - 2;
                Marks.boxed(sheet, g, name, plot.left + 8 + w / 2, top, LINE, Text.BODY_BOLD, Palette.SPC_TARGET);
            }
        });

        // The data line, broken where a period is left out or the limits are recalculated.
        g.setColor(Palette.SPC_DATA_LINE);
        g.setStroke(DATA);
        List<SpcPoint> points = spc.points();
        for (int i = 1; i < points.size(); i++) {
            SpcPoint a = points.get(i - 1);
            SpcPoint b = points.get(i);
            if (a.period() == b.period() && plot.index.get(b.date()) - plot.index.get(a.date()) == 1) {
                g.draw(new Line2D.Double(plot.x(a.date()), plot.y(a.value()), plot.x(b.date()), plot.y(b.value())));
            }
        }
        double radius = Math.max(compact ? 4 : 5, Math.min(compact ? 8 : 11, plot.slot * 0.32));
        for (SpcPoint p : points) {
            Shape dot =
                    new Ellipse2D.Double(plot.x(p.date()) - radius, plot.y(p.value()) - radius, 2 * radius, 2 * radius);
            g.setColor(Palette.spc(p.pointType()));
            g.fill(dot);
            if (radius >= 6) {
                g.setColor(Palette.BACKGROUND);
                g.setStroke(RING);
                g.draw(dot);
            }
        }
        // A hidden period shows "<5" where a point would usually be: on the mean line.
        for (LocalDate hidden : chart.suppressed()) {
            SpcPoint nearest = points.get(0);
            for (SpcPoint p : points) {
                if (!p.date().isAfter(hidden)) {
                    nearest = p;
                }
            }
            double half = (Text.width(SmallCounts.LABEL, Text.BODY_BOLD) + 10) / 2;
            double x = Math.max(plot.left + half, Math.min(plot.right - half, plot.x(hidden)));
            Marks.boxed(
                    sheet,
                    g,
                    SmallCounts.LABEL,
                    x,
                    plot.y(nearest.centre()) - LINE / 2.0,
                    LINE,
                    Text.BODY_BOLD,
                    Palette.INK);
        }
    }

    private interface Level {
        double of(SpcPoint p);
    }

    /** A line through each point's level, as steps half a slot either side, joined across neighbouring points. */
    private static Path2D steps(Plot plot, List<SpcPoint> points, Level level) {
        Path2D path = new Path2D.Double();
        Integer previous = null;
        for (SpcPoint p : points) {
            int i = plot.index.get(p.date());
            double y = plot.y(level.of(p));
            double from = plot.x(i) - plot.slot / 2;
            double to = plot.x(i) + plot.slot / 2;
            if (previous == null) {
                path.moveTo(from, y);
            } else {
                path.lineTo(from, y);
            }
            path.lineTo(to, y);
            previous = i;
        }
        return path;
    }

    /** Period labels thinned to fit, with the year on a second line where it changes. */
    private static void drawPeriodLabels(
            Sheet sheet, Graphics2D g, Plot plot, Frequency frequency, int top, boolean compact) {
        List<LocalDate> periods = plot.periods;
        if (periods.isEmpty()) {
            return;
        }
        DateTimeFormatter f = frequency == Frequency.WEEKLY ? DAY_MONTH : MONTH;
        List<Integer> shown = new ArrayList<>();
        if (compact) {
            shown.add(0);
            if (periods.size() > 1) {
                shown.add(periods.size() - 1);
            }
        } else {
            double widest = periods.stream()
                    .mapToDouble(d -> Text.width(f.format(d), Text.BODY))
                    .max()
                    .orElse(0);
            int every = (int) Math.max(1, Math.ceil((widest + 16) / plot.slot));
            for (int i = periods.size() - 1; i >= 0; i -= every) {
                shown.add(0, i);
            }
        }
        Integer lastYear = null;
        for (int i : shown) {
            LocalDate d = periods.get(i);
            String label = f.format(d);
            double x = plot.x(i);
            double w = Text.width(label, Text.BODY);
            double cx = Math.max(plot.left + w / 2, Math.min(plot.right - w / 2, x));
            g.setColor(Palette.QUIET_INK);
            g.fillRect((int) Math.round(x) - 1, plot.bottom, 2, 6);
            sheet.centred(label, cx, top + 4, LINE, Text.BODY, Palette.QUIET_INK);
            if (lastYear == null || lastYear != d.getYear()) {
                String year = String.valueOf(d.getYear());
                double yw = Text.width(year, Text.BODY);
                sheet.centred(
                        year,
                        Math.max(plot.left + yw / 2, Math.min(plot.right - yw / 2, x)),
                        top + 4 + LINE,
                        LINE,
                        Text.BODY,
                        Palette.QUIET_INK);
                lastYear = d.getYear();
            }
        }
    }

    // ---------------------------------------------------------------- changes (markers)

    /**
     * The index of the period a change started in: the first period on the axis at or after its start; -1 when it
     * started after the last one (no data since).
     */
    private static int periodIndex(ChartMarker m, Plot plot, Frequency frequency) {
        LocalDate period = frequency.periodOf(m.start());
        for (int i = 0; i < plot.periods.size(); i++) {
            if (!plot.periods.get(i).isBefore(period)) {
                return i;
            }
        }
        return -1;
    }

    /** Said after a change's label when its marker cannot sit on the chart. */
    private static String where(ChartMarker m, Plot plot, Frequency frequency) {
        int i = periodIndex(m, plot, frequency);
        if (i < 0) {
            return " (started " + DAY_MONTH.format(m.start()) + ", after the latest value)";
        }
        return "";
    }

    /** Where each change sits on the x axis, left to right: its marker and the centre of its period. */
    private record Placed(List<ChartMarker> markers, List<Double> xs) {}

    private static Placed place(MeasureChart chart, Plot plot) {
        List<ChartMarker> markers = new ArrayList<>();
        List<Double> xs = new ArrayList<>();
        for (ChartMarker m : chart.markers()) {
            int i = periodIndex(m, plot, chart.frequency());
            if (i < 0) {
                continue;
            }
            int at = 0;
            while (at < xs.size() && xs.get(at) <= plot.x(i)) {
                at++;
            }
            markers.add(at, m);
            xs.add(at, plot.x(i));
        }
        return new Placed(markers, xs);
    }

    /** Each change's thin vertical line at the period it started in, drawn under the data. */
    private static void drawMarkerLines(Graphics2D g, MeasureChart chart, Plot plot, boolean compact) {
        g.setColor(Palette.MARKER_LINE);
        g.setStroke(MARKER_LINE);
        for (double x : new TreeSet<>(place(chart, plot).xs())) {
            g.draw(new Line2D.Double(x, plot.top - (compact ? 0 : 6), x, plot.bottom));
        }
    }

    /**
     * Each change's number in a circle above the plot, over its line. Circles of changes that start in the same or
     * neighbouring periods are set side by side, each joined to its own line, so no number hides another.
     */
    private static void drawMarkers(Sheet sheet, Graphics2D g, MeasureChart chart, Plot plot) {
        Placed placed = place(chart, plot);
        List<Double> xs = placed.xs();
        if (xs.isEmpty()) {
            return;
        }
        // Circle centres: as close to their lines as possible, never overlapping, inside the plot's width.
        double gap = MARKER + 4;
        double[] cx = new double[xs.size()];
        for (int k = 0; k < cx.length; k++) {
            cx[k] = k == 0 ? Math.max(xs.get(k), plot.left + MARKER / 2.0) : Math.max(xs.get(k), cx[k - 1] + gap);
        }
        double overflow = cx[cx.length - 1] - (plot.right - MARKER / 2.0);
        if (overflow > 0) {
            cx[cx.length - 1] -= overflow;
            for (int k = cx.length - 2; k >= 0; k--) {
                cx[k] = Math.min(cx[k], cx[k + 1] - gap);
            }
        }
        double cy = plot.top - MARKER_STRIP / 2.0 - 2;
        for (int k = 0; k < cx.length; k++) {
            if (Math.abs(cx[k] - xs.get(k)) > 0.5) {
                g.setColor(Palette.MARKER_LINE);
                g.setStroke(MARKER_LINE);
                g.draw(new Line2D.Double(cx[k], cy + MARKER / 2.0, xs.get(k), plot.top - 6));
            }
            drawMarkerBadge(sheet, g, placed.markers().get(k), cx[k], cy, MARKER);
        }
    }

    /** A change's number in a circle: filled once the change was adopted, an outline while tested or dropped. */
    private static void drawMarkerBadge(Sheet sheet, Graphics2D g, ChartMarker m, double cx, double cy, int d) {
        Ellipse2D circle = new Ellipse2D.Double(cx - d / 2.0, cy - d / 2.0, d, d);
        g.setColor(m.adopted() ? Palette.MARKER : Palette.BACKGROUND);
        g.fill(circle);
        g.setColor(Palette.MARKER);
        g.setStroke(RING);
        g.draw(circle);
        String number = String.valueOf(m.number());
        Font font = Text.width(number, Text.BODY_BOLD) <= d - 6 ? Text.BODY_BOLD : Text.BODY;
        sheet.centred(number, cx, cy - d / 2.0, d, font, m.adopted() ? Color.WHITE : Palette.MARKER);
    }

    // ---------------------------------------------------------------- badges and legend

    /** A round icon with a letter (or a wave for common cause) and its meaning in words beside it. */
    private record Badge(Color fill, String letter, Color ink, String words) {
        double width(int diameter) {
            return diameter + 12 + Text.width(words, Text.BODY_BOLD);
        }

        void draw(Sheet sheet, Graphics2D g, double x, int top, int diameter, Font font) {
            draw(sheet, g, x, top, diameter, font, Double.MAX_VALUE);
        }

        /** Draws within {@code maxWidth}; returns the width used. */
        double draw(Sheet sheet, Graphics2D g, double x, int top, int diameter, Font font, double maxWidth) {
            double cy = top + BADGE_ROW / 2.0 - (diameter == SMALL_BADGE ? 5 : 0);
            Ellipse2D circle = new Ellipse2D.Double(x, cy - diameter / 2.0, diameter, diameter);
            g.setColor(fill);
            g.fill(circle);
            if (letter.isEmpty()) {
                wave(g, x + diameter / 2.0, cy, diameter);
            } else {
                sheet.centred(
                        letter,
                        x + diameter / 2.0,
                        cy - diameter / 2.0,
                        diameter,
                        diameter >= BADGE ? Text.HEADING : Text.BODY_BOLD,
                        ink);
            }
            String w = Text.fit(words, font, Math.max(0, maxWidth - diameter - 12));
            sheet.text(w, x + diameter + 12, Text.centredBaseline(font, cy - LINE / 2.0, LINE), font, Palette.INK);
            return diameter + 12 + Text.width(w, font);
        }

        /** Common cause: a small zig-zag, as on the Making Data Count icon. */
        private static void wave(Graphics2D g, double cx, double cy, int diameter) {
            double w = diameter * 0.56;
            double h = diameter * 0.18;
            Path2D p = new Path2D.Double();
            p.moveTo(cx - w / 2, cy);
            p.lineTo(cx - w / 4, cy - h);
            p.lineTo(cx, cy + h);
            p.lineTo(cx + w / 4, cy - h);
            p.lineTo(cx + w / 2, cy);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(p);
        }
    }

    private static Badge variationBadge(SpcChart spc, boolean compact) {
        VariationIcon icon = spc.variationIcon();
        Color fill = Palette.spc(spc.variation());
        String words = compact ? SpcWords.variationShort(icon) : SpcWords.variation(icon);
        return new Badge(fill, SpcWords.variationLetter(icon), Color.WHITE, words);
    }

    private static Badge assuranceBadge(MeasureChart chart, SpcChart spc, boolean compact) {
        Optional<Assurance> a = spc.assurance();
        Color fill = a.map(x -> switch (x) {
                    case CONSISTENT_PASS -> Palette.SPC_IMPROVEMENT;
                    case CONSISTENT_FAIL -> Palette.SPC_CONCERN;
                    case INCONSISTENT -> Palette.SPC_COMMON;
                })
                .orElse(Palette.GRID);
        String words = compact
                ? SpcWords.assuranceShort(a)
                : SpcWords.assurance(a, spc.improvement(), spc.target().isPresent())
                        .replace("the target", "the " + chart.targetName());
        String letter = a.isPresent() ? SpcWords.assuranceLetter(a) : "–";
        return new Badge(fill, letter, a.isPresent() ? Color.WHITE : Palette.QUIET_INK, words);
    }

    private static Legend legend(MeasureChart chart, SpcChart spc) {
        Legend legend = new Legend().add(dot(Palette.SPC_COMMON), "Common cause");
        if (spc.improvement() == ImprovementDirection.NEUTRAL) {
            legend.add(dot(Palette.SPC_NEUTRAL), "Special cause (neither way is better)");
        } else {
            legend.add(dot(Palette.SPC_IMPROVEMENT), "Improvement").add(dot(Palette.SPC_CONCERN), "Concern");
        }
        // The latest period's numbers, so the lines can be read without guessing from the axis.
        SpcPoint latest = spc.latest();
        legend.add(line(MEAN, Palette.SPC_MEAN), "Mean " + Numbers.format(latest.centre()))
                .add(
                        line(LIMIT, Palette.SPC_LIMIT),
                        "Process limits " + Numbers.format(latest.lpl()) + " to " + Numbers.format(latest.upl()));
        spc.target()
                .ifPresent(t -> legend.add(
                        line(TARGET, Palette.SPC_TARGET), capitalised(chart.targetName()) + " " + Numbers.format(t)));
        return legend;
    }

    private static Legend.Swatch markerLineSwatch() {
        return (g, x, y) -> {
            g.setColor(Palette.MARKER_LINE);
            g.setStroke(MARKER_LINE);
            g.draw(new Line2D.Double(x + Legend.SWATCH / 2.0, y, x + Legend.SWATCH / 2.0, y + Legend.SWATCH));
        };
    }

    private static Legend.Swatch markerSwatch(Sheet sheet) {
        return (g, x, y) -> {
            g.setColor(Palette.MARKER_LINE);
            g.setStroke(MARKER_LINE);
            g.draw(new Line2D.Double(x + Legend.SWATCH / 2.0, y, x + Legend.SWATCH / 2.0, y + Legend.SWATCH));
            drawMarkerBadge(
                    sheet,
                    g,
                    new ChartMarker(1, LocalDate.EPOCH, "", true),
                    x + Legend.SWATCH / 2.0,
                    y + Legend.SWATCH / 2.0,
                    Legend.SWATCH - 4);
        };
    }

    private static Legend.Swatch dot(Color colour) {
        return (g, x, y) -> {
            g.setColor(colour);
            g.fill(new Ellipse2D.Double(x + 6, y + 6, Legend.SWATCH - 12, Legend.SWATCH - 12));
        };
    }

    private static Legend.Swatch line(Stroke stroke, Color colour) {
        return (g, x, y) -> {
            g.setColor(colour);
            g.setStroke(stroke);
            g.draw(new Line2D.Double(x, y + Legend.SWATCH / 2.0, x + Legend.SWATCH, y + Legend.SWATCH / 2.0));
        };
    }

    private static Legend.Swatch smallCountSwatch(Sheet sheet) {
        return (g, x, y) -> {
            g.setColor(Palette.GRID);
            g.drawRect(x, y + 2, Legend.SWATCH, Legend.SWATCH - 4);
            sheet.centred(
                    SmallCounts.LABEL, x + Legend.SWATCH / 2.0, y, Legend.SWATCH, Text.BODY_BOLD, Palette.QUIET_INK);
        };
    }
}
