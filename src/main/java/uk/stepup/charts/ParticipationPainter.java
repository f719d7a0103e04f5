package uk.stepup.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.List;
import uk.stepup.summaries.ParticipationSeries;
import uk.stepup.summaries.WeekParticipation;

/**
 * Draws a {@link ParticipationSeries}: one stacked bar per week (on time at the bottom, then late, then no
 * check-in), a labelled count axis, and each bar's week number and KLOE code underneath. When weeks are too many
 * for every label, every second (third, …) week is labelled; the bars are always all drawn.
 */
final class ParticipationPainter {
    private static final int PLOT_HEIGHT = 520;
    private static final int LINE = 32;
    private static final int MAX_BAR = 64;

    private ParticipationPainter() {}

    static byte[] paint(ParticipationSeries series) {
        List<WeekParticipation> weeks = series.weeks();
        if (weeks.isEmpty()) {
            return Sheet.message(
                    series.title(),
                    series.subtitle(),
                    "No weeks yet",
                    "Check-ins per week appear here once the first week's check-in window has closed.");
        }
        Sheet sheet = new Sheet(series.title(), series.subtitle(), Sheet.WIDTH);
        Legend legend = new Legend()
                .add(fill(Palette.ON_TIME), "On time")
                .add(fill(Palette.LATE), "Late")
                .add(Marks.noCheckinSwatch(), "No check-in");

        int max = Math.max(
                1, weeks.stream().mapToInt(WeekParticipation::homes).max().orElse(1));
        int step = niceStep(max);
        int axisMax = (max + step - 1) / step * step;
        double widestTick = Text.width(String.format("%,d", axisMax), Text.BODY);

        int legendTop = sheet.headerHeight() + 12;
        int axisTitleTop = legendTop + legend.height(sheet.inner()) + 12;
        int plotTop = axisTitleTop + LINE + 12;
        int plotBottom = plotTop + PLOT_HEIGHT;
        int plotLeft = Sheet.MARGIN + (int) Math.ceil(widestTick) + 16;
        int plotRight = sheet.width() - Sheet.MARGIN;
        int labelsTop = plotBottom + 8;
        int xTitleTop = labelsTop + 2 * LINE + 8;
        Graphics2D g = sheet.open(xTitleTop + LINE + Sheet.MARGIN);

        sheet.drawHeader();
        legend.draw(sheet, g, Sheet.MARGIN, legendTop, sheet.inner());
        sheet.text(
                "Homes",
                Sheet.MARGIN,
                Text.centredBaseline(Text.BODY_BOLD, axisTitleTop, LINE),
                Text.BODY_BOLD,
                Palette.INK);

        for (int v = 0; v <= axisMax; v += step) {
            int y = plotBottom - (int) Math.round((double) v * PLOT_HEIGHT / axisMax);
            g.setColor(v == 0 ? Palette.QUIET_INK : Palette.GRID);
            g.fillRect(plotLeft, y - (v == 0 ? 1 : 0), plotRight - plotLeft, v == 0 ? 2 : 1);
            sheet.rightAligned(
                    String.format("%,d", v), plotLeft - 12, y - LINE / 2.0, LINE, Text.BODY, Palette.QUIET_INK);
        }

        double slot = (double) (plotRight - plotLeft) / weeks.size();
        int bar = (int) Math.max(2, Math.min(MAX_BAR, Math.floor(slot * 0.72)));
        double widestLabel = 0;
        for (WeekParticipation w : weeks) {
            widestLabel = Math.max(
                    widestLabel,
                    Math.max(
                            Text.width(String.valueOf(w.week()), Text.BODY),
                            Text.width(Text.clean(w.code(), Text.BODY), Text.BODY)));
        }
        int every = (int) Math.max(1, Math.ceil((widestLabel + 6) / slot));

        for (int i = 0; i < weeks.size(); i++) {
            WeekParticipation w = weeks.get(i);
            double centre = plotLeft + slot * (i + 0.5);
            int x = (int) Math.round(centre - bar / 2.0);
            int y = plotBottom;
            int[] counts = {w.onTime(), w.late(), w.missing()};
            for (int s = 0; s < counts.length; s++) {
                int top = plotBottom - (int) Math.round((double) cumulative(counts, s + 1) * PLOT_HEIGHT / axisMax);
                int h = y - top;
                if (h > 0) {
                    String n = String.format("%,d", counts[s]);
                    boolean label = h >= 28 && Text.width(n, Text.BODY) <= bar - 4;
                    if (s == 2) {
                        Marks.noCheckin(g, x, top, bar, h, !label);
                        if (label) {
                            Marks.boxed(sheet, g, n, centre, top, h, Text.BODY, Palette.INK);
                        }
                    } else {
                        g.setColor(s == 0 ? Palette.ON_TIME : Palette.LATE);
                        g.fillRect(x, top, bar, h);
                        if (label) {
                            sheet.centred(n, centre, top, h, Text.BODY, s == 0 ? Color.WHITE : Palette.INK);
                        }
                    }
                }
                y = top;
            }
            if (i % every == 0) {
                sheet.centred(String.valueOf(w.week()), centre, labelsTop, LINE, Text.BODY, Palette.QUIET_INK);
                sheet.centred(Text.clean(w.code(), Text.BODY), centre, labelsTop + LINE, LINE, Text.BODY, Palette.INK);
            }
        }
        sheet.centred(
                "Programme week and KLOE", (plotLeft + plotRight) / 2.0, xTitleTop, LINE, Text.BODY_BOLD, Palette.INK);
        return sheet.png();
    }

    private static int cumulative(int[] counts, int upTo) {
        int sum = 0;
        for (int i = 0; i < upTo; i++) {
            sum += counts[i];
        }
        return sum;
    }

    /** 1, 2 or 5 times a power of ten, giving at most six steps up to {@code max}. */
    static int niceStep(int max) {
        int step = 1;
        while (true) {
            for (int m : new int[] {1, 2, 5}) {
                if ((long) step * m * 6 >= max) {
                    return step * m;
                }
            }
            step *= 10;
        }
    }

    private static Legend.Swatch fill(Color colour) {
        return (g, x, y) -> {
            g.setColor(colour);
            g.fillRect(x, y, Legend.SWATCH, Legend.SWATCH);
        };
    }
}
