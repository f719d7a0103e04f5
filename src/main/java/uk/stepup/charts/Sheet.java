package uk.stepup.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One chart image: white, anti-aliased, with the title and subtitle at the top. A painter measures first (the
 * header height is known before the image exists), then {@link #open}s the image at its final height, draws, and
 * takes the {@link #png}.
 */
final class Sheet {
    static final int WIDTH = 1200;
    static final int MARGIN = 32;
    /** Taller images than this are never made: Discord would show them as an unreadable sliver on a phone. */
    static final int MAX_HEIGHT = 4000;

    private static final int TITLE_LINE = 46;
    private static final int SUBTITLE_LINE = 32;

    private final int width;
    private final List<String> titleLines;
    private final List<String> subtitleLines;
    private BufferedImage image;
    private Graphics2D g;

    Sheet(String title, String subtitle, int width) {
        this.width = width;
        double textWidth = width - 2.0 * MARGIN;
        this.titleLines = Text.wrap(Text.clean(title, Text.TITLE), Text.TITLE, textWidth, 2);
        this.subtitleLines = Text.wrap(Text.clean(subtitle, Text.SUBTITLE), Text.SUBTITLE, textWidth, 3);
    }

    int width() {
        return width;
    }

    /** Usable width between the margins. */
    int inner() {
        return width - 2 * MARGIN;
    }

    int headerHeight() {
        return MARGIN + titleLines.size() * TITLE_LINE + subtitleLines.size() * SUBTITLE_LINE;
    }

    Graphics2D open(int height) {
        image = new BufferedImage(width, Math.min(Math.max(height, 1), MAX_HEIGHT), BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(Palette.BACKGROUND);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    /** Draws the title and subtitle; returns the y just below them. */
    int drawHeader() {
        int y = MARGIN;
        for (String line : titleLines) {
            text(line, MARGIN, Text.centredBaseline(Text.TITLE, y, TITLE_LINE), Text.TITLE, Palette.INK);
            y += TITLE_LINE;
        }
        for (String line : subtitleLines) {
            text(line, MARGIN, Text.centredBaseline(Text.SUBTITLE, y, SUBTITLE_LINE), Text.SUBTITLE, Palette.QUIET_INK);
            y += SUBTITLE_LINE;
        }
        return y;
    }

    void text(String s, double x, float baseline, Font font, Color colour) {
        if (s.isEmpty()) {
            return;
        }
        g.setFont(font);
        g.setColor(colour);
        g.drawString(s, (float) x, baseline);
    }

    void centred(String s, double centreX, double top, double height, Font font, Color colour) {
        text(s, centreX - Text.width(s, font) / 2, Text.centredBaseline(font, top, height), font, colour);
    }

    void rightAligned(String s, double rightX, double top, double height, Font font, Color colour) {
        text(s, rightX - Text.width(s, font), Text.centredBaseline(font, top, height), font, colour);
    }

    /** A friendly note in place of a chart (nothing to draw yet): the header, then a bold line and a quieter one. */
    static byte[] message(String title, String subtitle, String headline, String detail) {
        Sheet sheet = new Sheet(title, subtitle, WIDTH);
        List<String> details = Text.wrap(detail, Text.BODY, sheet.inner() - 64.0, 3);
        int boxTop = sheet.headerHeight() + 28;
        int boxHeight = 56 + 48 + details.size() * 32 + 24;
        Graphics2D g = sheet.open(boxTop + boxHeight + MARGIN);
        sheet.drawHeader();
        g.setColor(new Color(0xF5F5F5));
        g.fillRoundRect(MARGIN, boxTop, sheet.inner(), boxHeight, 24, 24);
        int y = boxTop + 40;
        sheet.text(headline, MARGIN + 32.0, Text.centredBaseline(Text.MESSAGE, y, 48), Text.MESSAGE, Palette.INK);
        y += 56;
        for (String line : details) {
            sheet.text(line, MARGIN + 32.0, Text.centredBaseline(Text.BODY, y, 32), Text.BODY, Palette.QUIET_INK);
            y += 32;
        }
        return sheet.png();
    }

    /** The finished image as PNG bytes ({@link PngEncoder}). */
    byte[] png() {
        g.dispose();
        return PngEncoder.encode(image);
    }
}
