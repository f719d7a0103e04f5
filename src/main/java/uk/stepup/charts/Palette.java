package uk.stepup.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.TexturePaint;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import uk.stepup.measures.spc.PointType;
import uk.stepup.shared.Rating;

/**
 * The colours every chart uses. Ratings follow CQC's own colour families (its ratings key: Outstanding a star,
 * Good green, Requires improvement amber, Inadequate red, not rated grey); CQC publishes no hex values for them,
 * so these were chosen to be told apart by everyone:
 * <ul>
 *   <li>Outstanding {@code #00606B}, a deep teal, bluer than Good so that it stays distinct from Good with
 *       red-green colour blindness (blue-yellow contrast survives it); white letter, contrast 7.3:1.</li>
 *   <li>Good {@code #388E3C}, green; white letter, contrast 4.1:1.</li>
 *   <li>Requires improvement {@code #F2A900}, amber, much lighter than the others; near-black letter, 8.7:1.</li>
 *   <li>Inadequate {@code #B71C1C}, red; white letter, 6.6:1.</li>
 *   <li>No check-in {@code #EEEEEE} with {@code #D2D2D2} diagonal hatching and a grey dash: not a colour at all,
 *       so it is never read as a rating.</li>
 * </ul>
 * Cell letters are bold and at least 22 px, which WCAG counts as large text (needs 3:1); every pair passes.
 * Simulated deuteranopia, protanopia and tritanopia keep every pair at least 15 CIELAB ΔE apart, and colour is
 * never the only cue: cells carry O, G, RI or I, and every legend uses words.
 */
final class Palette {
    static final Color OUTSTANDING = new Color(0x00606B);
    static final Color GOOD = new Color(0x388E3C);
    static final Color REQUIRES_IMPROVEMENT = new Color(0xF2A900);
    static final Color INADEQUATE = new Color(0xB71C1C);

    static final Color NO_CHECKIN = new Color(0xEEEEEE);
    static final Color NO_CHECKIN_HATCH = new Color(0xD2D2D2);
    static final Color NO_CHECKIN_MARK = new Color(0x6B6B6B);

    static final Color BACKGROUND = Color.WHITE;
    static final Color INK = new Color(0x1A1A1A);
    static final Color QUIET_INK = new Color(0x4A4A4A);
    static final Color GRID = new Color(0xDDDDDD);
    static final Color HIGHLIGHT_BAND = new Color(0xE3ECF7);

    /** Participation: a single blue hue in two lightnesses, so it is never confused with a rating colour. */
    static final Color ON_TIME = new Color(0x1F4E8C);

    static final Color LATE = new Color(0x8DB8E8);

    /**
     * Statistical process control, in NHS England's Making Data Count colours (as NHSRplotthedots): grey common
     * cause, blue improvement, orange concern, purple neutral; a black mean, a red target. Limits are a mid grey,
     * dashed, and the line joining the points a lighter grey so that the coloured points stand out. Colour never
     * works alone: the variation and assurance badges carry words.
     */
    static final Color SPC_COMMON = Color.decode(PointType.COMMON_CAUSE.colour());

    static final Color SPC_IMPROVEMENT = Color.decode(PointType.SPECIAL_CAUSE_IMPROVEMENT.colour());
    static final Color SPC_CONCERN = Color.decode(PointType.SPECIAL_CAUSE_CONCERN.colour());
    static final Color SPC_NEUTRAL = Color.decode(PointType.SPECIAL_CAUSE_NEUTRAL_HIGH.colour());
    static final Color SPC_MEAN = Color.BLACK;
    static final Color SPC_TARGET = new Color(0xDE1B1B);
    static final Color SPC_LIMIT = new Color(0x7F7F7F);
    static final Color SPC_DATA_LINE = new Color(0xC8C8C8);
    /**
     * A change's numbered marker and its line: a dark navy that is none of Making Data Count's point colours, so a
     * marker is never read as a point's verdict.
     */
    static final Color MARKER = new Color(0x1F3A5F);
    /** A change's line down the plot: the marker's navy, lighter, so the points stay in front. */
    static final Color MARKER_LINE = new Color(0x8497B0);

    private static final int HATCH_TILE = 10;
    private static final TexturePaint HATCH = hatch();

    private Palette() {}

    static Color fill(Rating rating) {
        switch (rating) {
            case OUTSTANDING:
                return OUTSTANDING;
            case GOOD:
                return GOOD;
            case REQUIRES_IMPROVEMENT:
                return REQUIRES_IMPROVEMENT;
            default:
                return INADEQUATE;
        }
    }

    /** The letter colour on a rating's fill: white on the dark fills, near-black on amber. */
    static Color ink(Rating rating) {
        return rating == Rating.REQUIRES_IMPROVEMENT ? INK : Color.WHITE;
    }

    /** The short form printed in cells and markers: O, G, RI, I. */
    static String letter(Rating rating) {
        switch (rating) {
            case OUTSTANDING:
                return "O";
            case GOOD:
                return "G";
            case REQUIRES_IMPROVEMENT:
                return "RI";
            default:
                return "I";
        }
    }

    /** The Making Data Count colour of a point of this type. */
    static Color spc(PointType type) {
        switch (type) {
            case SPECIAL_CAUSE_IMPROVEMENT:
                return SPC_IMPROVEMENT;
            case SPECIAL_CAUSE_CONCERN:
                return SPC_CONCERN;
            case SPECIAL_CAUSE_NEUTRAL_HIGH:
            case SPECIAL_CAUSE_NEUTRAL_LOW:
                return SPC_NEUTRAL;
            default:
                return SPC_COMMON;
        }
    }

    /** Light grey with diagonal hatching: "nothing here", shared by every chart. */
    static TexturePaint noCheckinPaint() {
        return HATCH;
    }

    private static TexturePaint hatch() {
        BufferedImage tile = new BufferedImage(HATCH_TILE, HATCH_TILE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = tile.createGraphics();
        try {
            g.setColor(NO_CHECKIN);
            g.fillRect(0, 0, HATCH_TILE, HATCH_TILE);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(NO_CHECKIN_HATCH);
            g.setStroke(new BasicStroke(2f));
            // The same line in three places so the tiles join into continuous diagonals.
            for (int shift = -HATCH_TILE; shift <= HATCH_TILE; shift += HATCH_TILE) {
                g.draw(new Line2D.Float(shift, HATCH_TILE, shift + HATCH_TILE, 0));
            }
        } finally {
            g.dispose();
        }
        return new TexturePaint(tile, new Rectangle(0, 0, HATCH_TILE, HATCH_TILE));
    }
}
