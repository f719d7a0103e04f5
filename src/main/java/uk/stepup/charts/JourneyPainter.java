package uk.stepup.charts;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.List;
import java.util.Optional;
import uk.stepup.shared.Rating;
import uk.stepup.summaries.JourneyPoint;
import uk.stepup.summaries.KeyQuestionJourney;
import uk.stepup.summaries.RatingJourney;

/**
 * Draws a {@link RatingJourney} as small multiples: one panel per key question, each with the four ratings as a
 * labelled scale, the home's KLOE self-ratings as lettered markers joined week to week, a hatched band for a week
 * with no check-in, and the CQC baseline as a dashed line (also named in words in the panel heading). Separate
 * panels rather than five lines on one chart, because ratings are only four levels and lines would sit on top of
 * each other. Every panel uses the same week spacing so the panels line up.
 */
final class JourneyPainter {
    private static final int HEADING = 44;
    private static final int PAD = 26;
    private static final int LEVEL = 42;
    private static final int PLOT = 2 * PAD + 3 * LEVEL;
    private static final int LABELS = 34;
    private static final int GAP = 22;
    private static final int PANEL = HEADING + PLOT + LABELS + GAP;
    private static final int MIN_SLOTS = 7;
    private static final int MARKER = 36;

    private static final Stroke JOIN = new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke BASELINE =
            new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {14f, 9f}, 0f);
    private static final Stroke RING = new BasicStroke(2f);

    private JourneyPainter() {}

    static byte[] paint(RatingJourney journey) {
        List<KeyQuestionJourney> panels = journey.keyQuestions();
        if (panels.isEmpty()) {
            return Sheet.message(
                    journey.title(),
                    journey.subtitle(),
                    "No journey yet",
                    "Self-ratings per key question appear here as the home checks in each week.");
        }
        Sheet sheet = new Sheet(journey.title(), journey.subtitle(), Sheet.WIDTH);
        Legend legend = new Legend()
                .add(
                        (g, x, y) -> marker(sheet, g, x + Legend.SWATCH / 2.0, y + Legend.SWATCH / 2.0, Rating.GOOD),
                        "Self-rating (O, G, RI, I)")
                .add(JourneyPainter::baselineSwatch, "CQC baseline")
                .add(Marks.noCheckinSwatch(), "No check-in that week");

        double scaleWidth = 0;
        for (Rating r : Rating.values()) {
            scaleWidth = Math.max(scaleWidth, Text.width(r.label(), Text.BODY));
        }
        int plotLeft = Sheet.MARGIN + (int) Math.ceil(scaleWidth) + 20;
        int plotRight = sheet.width() - Sheet.MARGIN;
        int slots = Math.max(
                MIN_SLOTS,
                panels.stream().mapToInt(p -> p.points().size()).max().orElse(0));
        double slot = (double) (plotRight - plotLeft) / slots;

        int legendTop = sheet.headerHeight() + 12;
        int top = legendTop + legend.height(sheet.inner()) + 16;
        Graphics2D g = sheet.open(top + panels.size() * PANEL - GAP + Sheet.MARGIN);
        sheet.drawHeader();
        legend.draw(sheet, g, Sheet.MARGIN, legendTop, sheet.inner());
        for (KeyQuestionJourney panel : panels) {
            drawPanel(sheet, g, panel, top, plotLeft, plotRight, slot);
            top += PANEL;
        }
        return sheet.png();
    }

    private static void drawPanel(
            Sheet sheet, Graphics2D g, KeyQuestionJourney panel, int top, int plotLeft, int plotRight, double slot) {
        String name = panel.keyQuestion().label();
        sheet.text(name, Sheet.MARGIN, Text.centredBaseline(Text.HEADING, top, HEADING), Text.HEADING, Palette.INK);
        String baseline =
                panel.baseline().map(r -> "CQC baseline: " + r.label()).orElse("not rated by CQC");
        Optional<Rating> latest = panel.points().stream()
                .map(JourneyPoint::rating)
                .flatMap(Optional::stream)
                .reduce((a, b) -> b);
        String about = " · " + baseline
                + latest.map(r -> " · latest self-rating: " + r.label()).orElse("");
        double nameWidth = Text.width(name, Text.HEADING);
        sheet.text(
                Text.fit(about, Text.BODY, sheet.inner() - nameWidth),
                Sheet.MARGIN + nameWidth,
                Text.centredBaseline(Text.HEADING, top, HEADING),
                Text.BODY,
                Palette.QUIET_INK);

        int plotTop = top + HEADING;
        for (Rating r : Rating.values()) {
            int y = level(plotTop, r);
            g.setColor(Palette.GRID);
            g.fillRect(plotLeft, y, plotRight - plotLeft, 1);
            sheet.rightAligned(r.label(), plotLeft - 14, y - LEVEL / 2.0, LEVEL, Text.BODY, Palette.QUIET_INK);
        }

        List<JourneyPoint> points = panel.points();
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).rating().isEmpty()) {
                int w = (int) Math.min(slot * 0.6, 48);
                Marks.noCheckin(g, (int) Math.round(centre(plotLeft, slot, i) - w / 2.0), plotTop + 4, w, PLOT - 8);
            }
        }
        panel.baseline().ifPresent(r -> {
            g.setColor(Palette.INK);
            g.setStroke(BASELINE);
            g.draw(new Line2D.Double(plotLeft, level(plotTop, r), plotRight, level(plotTop, r)));
        });
        g.setColor(Palette.QUIET_INK);
        g.setStroke(JOIN);
        for (int i = 1; i < points.size(); i++) {
            Optional<Rating> a = points.get(i - 1).rating();
            Optional<Rating> b = points.get(i).rating();
            if (a.isPresent() && b.isPresent()) {
                g.draw(new Line2D.Double(
                        centre(plotLeft, slot, i - 1),
                        level(plotTop, a.get()),
                        centre(plotLeft, slot, i),
                        level(plotTop, b.get())));
            }
        }
        for (int i = 0; i < points.size(); i++) {
            int index = i;
            points.get(i)
                    .rating()
                    .ifPresent(r -> marker(sheet, g, centre(plotLeft, slot, index), level(plotTop, r), r));
        }
        if (points.isEmpty()) {
            int y = level(
                    plotTop,
                    panel.baseline().orElse(Rating.GOOD) == Rating.REQUIRES_IMPROVEMENT
                            ? Rating.OUTSTANDING
                            : Rating.REQUIRES_IMPROVEMENT);
            Marks.boxed(
                    sheet,
                    g,
                    "Not started yet",
                    (plotLeft + plotRight) / 2.0,
                    y - LEVEL / 2.0,
                    LEVEL,
                    Text.BODY_BOLD,
                    Palette.QUIET_INK);
        }

        int labelsTop = plotTop + PLOT;
        for (int i = 0; i < points.size(); i++) {
            JourneyPoint p = points.get(i);
            String code = Text.clean(p.code(), Text.BODY_BOLD);
            String week = " wk " + p.week();
            double full = Text.width(code, Text.BODY_BOLD) + Text.width(week, Text.BODY);
            double c = centre(plotLeft, slot, i);
            if (full <= slot - 8) {
                double x = c - full / 2;
                float base = Text.centredBaseline(Text.BODY, labelsTop, LABELS);
                sheet.text(code, x, base, Text.BODY_BOLD, Palette.INK);
                sheet.text(week, x + Text.width(code, Text.BODY_BOLD), base, Text.BODY, Palette.QUIET_INK);
            } else if (Text.width(code, Text.BODY_BOLD) <= slot - 4) {
                sheet.centred(code, c, labelsTop, LABELS, Text.BODY_BOLD, Palette.INK);
            }
        }
    }

    private static double centre(int plotLeft, double slot, int i) {
        return plotLeft + slot * (i + 0.5);
    }

    /** Outstanding at the top, Inadequate at the bottom. */
    private static int level(int plotTop, Rating r) {
        return plotTop + PAD + (Rating.OUTSTANDING.ordinal() - r.ordinal()) * LEVEL;
    }

    private static void marker(Sheet sheet, Graphics2D g, double cx, double cy, Rating r) {
        Ellipse2D circle = new Ellipse2D.Double(cx - MARKER / 2.0, cy - MARKER / 2.0, MARKER, MARKER);
        g.setColor(Palette.fill(r));
        g.fill(circle);
        g.setColor(Palette.BACKGROUND);
        g.setStroke(RING);
        g.draw(circle);
        sheet.centred(Palette.letter(r), cx, cy - MARKER / 2.0, MARKER, Text.BODY_BOLD, Palette.ink(r));
    }

    private static void baselineSwatch(Graphics2D g, int x, int y) {
        g.setColor(Palette.INK);
        g.setStroke(BASELINE);
        g.draw(new Line2D.Double(x, y + Legend.SWATCH / 2.0, x + Legend.SWATCH, y + Legend.SWATCH / 2.0));
    }
}
