package uk.stepup.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.RoundRectangle2D;
import uk.stepup.shared.Rating;

/** The marks shared by every chart: a rated cell with its letter, and the hatched "no check-in" cell. */
final class Marks {
    static final Stroke OUTLINE = new BasicStroke(3f);

    private Marks() {}

    /** A cell filled with the rating's colour, carrying its letter (O, G, RI, I) when the letter fits. */
    static void rating(Sheet sheet, Graphics2D g, int x, int y, int w, int h, Rating rating) {
        g.setColor(Palette.fill(rating));
        g.fillRect(x, y, w, h);
        String letter = Palette.letter(rating);
        if (fits(letter, w, h)) {
            sheet.centred(letter, x + w / 2.0, y, h, Text.BODY_BOLD, Palette.ink(rating));
        }
    }

    /** Light grey, hatched, with a short dash when there is room: no self-rating here. */
    static void noCheckin(Graphics2D g, int x, int y, int w, int h) {
        noCheckin(g, x, y, w, h, true);
    }

    static void noCheckin(Graphics2D g, int x, int y, int w, int h, boolean withDash) {
        g.setPaint(Palette.noCheckinPaint());
        g.fillRect(x, y, w, h);
        if (withDash && w >= 20 && h >= 20) {
            g.setColor(Palette.NO_CHECKIN_MARK);
            int dash = Math.min(14, w / 2);
            g.fillRect(x + (w - dash) / 2, y + h / 2 - 1, dash, 3);
        }
    }

    /** Text on a white box, for labels drawn over hatching or lines. */
    static void boxed(
            Sheet sheet,
            Graphics2D g,
            String text,
            double centreX,
            double top,
            double height,
            Font font,
            Color colour) {
        double w = Text.width(text, font) + 10;
        double h = Text.ascent(font) + Text.descent(font) + 2;
        g.setColor(Palette.BACKGROUND);
        g.fill(new RoundRectangle2D.Double(centreX - w / 2, top + (height - h) / 2, w, h, 8, 8));
        sheet.centred(text, centreX, top, height, font, colour);
    }

    static boolean fits(String letter, int w, int h) {
        return Text.width(letter, Text.BODY_BOLD) <= w - 4 && h >= Text.ascent(Text.BODY_BOLD) + 2;
    }

    /** The legend swatch for a rating: its colour and letter. */
    static Legend.Swatch ratingSwatch(Sheet sheet, Rating rating) {
        return (g, x, y) -> rating(sheet, g, x, y, Legend.SWATCH, Legend.SWATCH, rating);
    }

    static Legend.Swatch noCheckinSwatch() {
        return (g, x, y) -> noCheckin(g, x, y, Legend.SWATCH, Legend.SWATCH);
    }

    /** Adds the four ratings (best first, as CQC lists them) and "No check-in" to a legend. */
    static Legend ratingLegend(Sheet sheet) {
        Legend legend = new Legend();
        for (int i = Rating.values().length - 1; i >= 0; i--) {
            Rating r = Rating.values()[i];
            legend.add(ratingSwatch(sheet, r), r.label());
        }
        return legend.add(noCheckinSwatch(), "No check-in");
    }
}
