package uk.stepup.charts;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fonts and text fitting. Sizes are for an image about 1200 px wide, which Discord shrinks to roughly a third on
 * a phone: nothing is smaller than 22 px. The logical SansSerif font is DejaVu Sans on the bot's machines and
 * falls back to other installed fonts for scripts DejaVu lacks.
 */
final class Text {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 36);
    static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 24);
    static final Font BODY = new Font(Font.SANS_SERIF, Font.PLAIN, 22);
    static final Font BODY_BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 22);
    static final Font HEADING = new Font(Font.SANS_SERIF, Font.BOLD, 26);
    static final Font MESSAGE = new Font(Font.SANS_SERIF, Font.BOLD, 32);

    static final String ELLIPSIS = "…";

    /** Anti-aliased with fractional metrics: the same context the images are drawn with. */
    static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private Text() {}

    static double width(String text, Font font) {
        return text.isEmpty() ? 0 : font.getStringBounds(text, FRC).getWidth();
    }

    static float ascent(Font font) {
        return metrics(font).getAscent();
    }

    static float descent(Font font) {
        return metrics(font).getDescent();
    }

    /** The baseline that centres a line of this font vertically in a box from {@code top} of height {@code height}. */
    static float centredBaseline(Font font, double top, double height) {
        LineMetrics m = metrics(font);
        return (float) (top + (height + m.getAscent() - m.getDescent()) / 2);
    }

    private static LineMetrics metrics(Font font) {
        return font.getLineMetrics("Hg", FRC);
    }

    /**
     * Makes untrusted text (home names typed by people) safe to draw: control characters and line breaks become
     * spaces, runs of space collapse, and characters no installed font can show are dropped instead of being
     * drawn as empty boxes.
     */
    static String clean(String text, Font font) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)) {
                space = out.length() > 0;
                continue;
            }
            int type = Character.getType(cp);
            boolean joiner = type == Character.FORMAT
                    || type == Character.NON_SPACING_MARK
                    || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK;
            if (!joiner && !font.canDisplay(cp)) {
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** The text, or as much of it as fits in {@code max} px followed by an ellipsis; whole characters only. */
    static String fit(String text, Font font, double max) {
        if (width(text, font) <= max) {
            return text;
        }
        List<Integer> cuts = graphemeBoundaries(text);
        int lo = 0;
        int hi = cuts.size() - 1;
        // The longest prefix (ending on a character boundary) that fits with the ellipsis.
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            String candidate = text.substring(0, cuts.get(mid)).stripTrailing() + ELLIPSIS;
            if (width(candidate, font) <= max) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        String prefix = text.substring(0, cuts.get(lo)).stripTrailing();
        return prefix.isEmpty() && width(ELLIPSIS, font) > max ? "" : prefix + ELLIPSIS;
    }

    /** Word-wraps into at most {@code maxLines} lines of {@code max} px; the last line ends in an ellipsis if cut. */
    static List<String> wrap(String text, Font font, double max, int maxLines) {
        List<String> lines = new ArrayList<>();
        if (text.isEmpty()) {
            return lines;
        }
        BreakIterator words = BreakIterator.getLineInstance(Locale.UK);
        words.setText(text);
        int lineStart = 0;
        int lastFit = -1;
        for (int end = words.next(); end != BreakIterator.DONE; end = words.next()) {
            String candidate = text.substring(lineStart, end).strip();
            if (width(candidate, font) <= max) {
                lastFit = end;
                continue;
            }
            if (lines.size() == maxLines - 1) {
                break;
            }
            int cut = lastFit > lineStart ? lastFit : end;
            lines.add(fit(text.substring(lineStart, cut).strip(), font, max));
            lineStart = cut;
            lastFit = width(text.substring(lineStart, end).strip(), font) <= max ? end : -1;
        }
        String rest = text.substring(lineStart).strip();
        if (!rest.isEmpty()) {
            lines.add(fit(rest, font, max));
        }
        return lines;
    }

    private static List<Integer> graphemeBoundaries(String text) {
        BreakIterator chars = BreakIterator.getCharacterInstance(Locale.UK);
        chars.setText(text);
        List<Integer> cuts = new ArrayList<>();
        for (int b = chars.first(); b != BreakIterator.DONE; b = chars.next()) {
            cuts.add(b);
        }
        return cuts;
    }
}
