package uk.stepup.shared;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Rules for text people type, applied the same way everywhere.
 * <ul>
 *   <li><b>Length</b> is counted in code points, as Discord counts an option's {@code max_length}: an emoji or a
 *       mathematical letter outside the Basic Multilingual Plane is one character, not two.</li>
 *   <li><b>Cutting</b> never splits a surrogate pair: half of one is not valid Unicode, cannot be sent to Discord as
 *       JSON and would make the whole message fail.</li>
 *   <li><b>One line</b> means no line break of any kind: besides CR and LF, Unicode's next line (U+0085) and line and
 *       paragraph separators (U+2028, U+2029) start a new line in Discord too.</li>
 * </ul>
 */
public final class UserText {
    private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\u0085\\u2028\\u2029]+");
    private static final Pattern LINE_BREAK = Pattern.compile("[\\n\\r\\u000B\\f\\u0085\\u2028\\u2029]");

    private UserText() {}

    /** How many characters Discord counts. */
    public static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }

    /**
     * The text up to {@code end} (a UTF-16 index, clamped to the text), moved back by one if it would fall between
     * the two halves of a surrogate pair.
     */
    public static String cut(String text, int end) {
        int e = Math.max(0, Math.min(end, text.length()));
        if (e > 0
                && e < text.length()
                && Character.isHighSurrogate(text.charAt(e - 1))
                && Character.isLowSurrogate(text.charAt(e))) {
            e--;
        }
        return text.substring(0, e);
    }

    /** At most {@code max} UTF-16 units, ending with "…" when cut; never half a surrogate pair. */
    public static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return cut(text, max - 1).strip() + "…";
    }

    /** Every run of white space, line breaks of any kind included, becomes one space; then trimmed. */
    public static String oneLine(String text) {
        return text == null ? "" : WHITE_SPACE.matcher(text).replaceAll(" ").strip();
    }

    public static boolean hasLineBreak(String text) {
        return LINE_BREAK.matcher(text).find();
    }

    /**
     * The first character that a name must not hide, if any: a control character (tab and line breaks included),
     * a line or paragraph separator, or a bidirectional control that would display the text in another order
     * (U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069).
     */
    public static OptionalInt hiddenCharacter(String text) {
        return text.codePoints().filter(UserText::hidden).findFirst();
    }

    private static boolean hidden(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || cp == 0x200E
                || cp == 0x200F
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }
}
