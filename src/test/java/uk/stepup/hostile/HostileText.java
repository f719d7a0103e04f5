package uk.stepup.hostile;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Generators of hostile text for the hostile-input suites: pieces a person could type or paste into Discord (odd
 * Unicode, zero-width characters, Markdown, mention syntax, SQL, spreadsheet formulas, HTML), identifiers the privacy
 * guard must refuse, and near-misses it must let through. Lengths are counted in code points, as Discord counts an
 * option's {@code max_length}; a surrogate pair is never cut in half, because a Discord client cannot send half of one.
 */
public final class HostileText {
    /** Text that must never crash, break a limit, ping anyone or run in a spreadsheet or a browser. */
    public static final List<String> HOSTILE = List.of(
            "@everyone look at this",
            "@here",
            "<@123456789012345678>",
            "<@!123456789012345678>",
            "<@&223456789012345678>",
            "<#323456789012345678>",
            "</task create:423456789012345678>",
            "<:custom:523456789012345678>",
            "<t:0:R>",
            "'; DROP TABLE task; --",
            "\" OR 1=1 --",
            "Robert'); DELETE FROM home;--",
            "=HYPERLINK(\"http://evil.example\",\"click\")",
            "+SUM(A1:A9)",
            "-2+3",
            "@SUM(1)",
            "=cmd|' /C calc'!A0",
            "\t=1+1",
            "\r=1+1",
            "**bold** __under__ ~~strike~~ `code`",
            "```sql\nSELECT 1;\n```",
            "> quote\n# heading",
            "## subheading",
            "-# small print",
            "[masked link](https://evil.example)",
            "||spoiler||",
            "\u200b\u200c\u200d\u2060\ufeff",
            "\u202eevil\u202c",
            "\u2066isolate\u2069",
            "Zalgo t̷̢̛e̵x̶t̸ e\u0301\u0301\u0301",
            "emoji 🧓🏽👩‍⚕️🏥",
            "family 👩‍👩‍👧‍👦 flag 🇬🇧",
            "astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𐍈 🀄",
            "日本語のテキスト",
            "العربية",
            "עברית",
            "tab\tand\r\nnew lines",
            "line\u2028separator\u2029paragraph\u0085next",
            "bell\u0007 escape\u001b[31m",
            "\\u0000 not a null",
            "%s %n %d",
            "${jndi:ldap://x}",
            "{{7*7}}",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "&amp; &lt; &#39;",
            "\"quoted\", with comma",
            "a;b,c\td",
            "null",
            "NaN",
            "Infinity",
            "1e309",
            "-0",
            "£1,000 · 10% · ½",
            "supercalifragilisticexpialidocious".repeat(8));
    /** Must be refused wherever the privacy guard screens text (check-ins, measures, coach posts, names). */
    public static final List<String> IDENTIFIERS = List.of(
            "NHS 943 476 5919",
            "nhs no 9434765919",
            "DOB 12/03/1931",
            "born 3 March 1931",
            "lives at SW1A 1AA",
            "call 07700 900123",
            "email jane.doe@example.com",
            "moved to room 12",
            "Mrs Smith in room 12",
            "in bed 3 by the window");
    /** The part of each identifier that must never be stored or repeated. */
    public static final List<String> IDENTIFIER_CORES = List.of(
            "943 476 5919",
            "9434765919",
            "12/03/1931",
            "3 March 1931",
            "SW1A 1AA",
            "07700 900123",
            "jane.doe@example.com",
            "room 12",
            "room 12",
            "bed 3");
    /** Must pass: they look like identifiers but are not. */
    public static final List<String> NEAR_MISSES = List.of(
            "we reduced falls by 12% in March 2027",
            "3 of our 40 residents",
            "held 2 meetings on 12/03/2027",
            "Bed rails audit done",
            "room for improvement",
            "room temperature checks",
            "the 10 minute huddle",
            "CQC location 1-123456789",
            "£1,000 budget",
            "S1 and S2 together",
            "at 09:00 daily",
            "meeting room 2");

    private static final Pattern LINE_BREAK = Pattern.compile("[\\n\\r\\u000B\\f\\u0085\\u2028\\u2029]");

    private HostileText() {}

    /** How Discord counts an option's length. */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** The first {@code max} code points. */
    public static String cut(String s, int max) {
        if (length(s) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max));
    }

    /**
     * Random hostile text of at most {@code max} code points: a quarter exactly {@code max}, the rest shorter; with an
     * identifier near the end when asked. Never blank unless {@code max} is 0.
     */
    public static String text(Random random, int max, boolean identifier) {
        StringBuilder s = new StringBuilder();
        int target = random.nextInt(4) == 0 ? max : 1 + random.nextInt(Math.max(1, max));
        while (length(s.toString()) < target) {
            int kind = random.nextInt(10);
            if (kind < 3) {
                // A near-miss stands as words of its own: glued to a letter, "xmeeting room 2" is a room number.
                s.append(' ')
                        .append(NEAR_MISSES.get(random.nextInt(NEAR_MISSES.size())))
                        .append(' ');
                continue;
            }
            String piece =
                    kind == 3 ? astral(random, 1 + random.nextInt(8)) : HOSTILE.get(random.nextInt(HOSTILE.size()));
            s.append(piece).append(random.nextInt(5) == 0 ? "" : " ");
        }
        String out = cut(s.toString(), max);
        if (identifier) {
            String id = IDENTIFIERS.get(random.nextInt(IDENTIFIERS.size()));
            int keep = Math.max(0, Math.min(length(out), max - length(id) - 2));
            out = cut(out, keep) + " " + id + " ";
            out = cut(out, max);
        }
        return out.isBlank() && max > 0 ? cut("x" + out, max) : out;
    }

    /** Hostile text on one line (no line breaks of any kind), as most Discord text options are typed. */
    public static String oneLine(Random random, int max, boolean identifier) {
        return LINE_BREAK.matcher(text(random, max, identifier)).replaceAll(" ");
    }

    /** {@code n} characters outside the Basic Multilingual Plane: two UTF-16 units each, one code point. */
    public static String astral(Random random, int n) {
        StringBuilder s = new StringBuilder();
        int[] blocks = {0x1F600, 0x1D400, 0x1F300, 0x10400, 0x1F900};
        for (int i = 0; i < n; i++) {
            s.appendCodePoint(blocks[random.nextInt(blocks.length)] + random.nextInt(64));
        }
        return s.toString();
    }

    /** True if the text holds half of a surrogate pair: not valid Unicode, shown as a replacement character. */
    public static boolean halfCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** True if the text holds a line break of any kind Unicode knows. */
    public static boolean hasLineBreak(String s) {
        return LINE_BREAK.matcher(s).find();
    }

    /** Which identifier core the text contains, or null. */
    public static String identifierIn(String text) {
        for (String core : IDENTIFIER_CORES) {
            if (text.contains(core)) {
                return core;
            }
        }
        return null;
    }

    private static final Pattern TEN_DIGITS = Pattern.compile("(?<![0-9])[0-9]{10}(?![0-9])");

    /**
     * True if cutting generated text left ten digits standing alone (the end of a snowflake in a mention, say): an NHS
     * number by shape, which the guard rightly refuses when its check digit happens to be valid.
     */
    public static boolean tenDigits(String s) {
        return TEN_DIGITS.matcher(s).find();
    }

    /** Something a person might type where a date, a time or a number is wanted. */
    public static String structured(Random random, List<String> good) {
        List<String> bad = List.of(
                "",
                " ",
                "tomorrow",
                "Friday",
                "31/12/2027",
                "2027-02-30",
                "2027-13-01",
                "0000-01-01",
                "9999-12-31",
                "+10000-01-01",
                "2027-1-5",
                "２０２７-０１-０５",
                "2027-01-05\u200b",
                "\u202e50-10-7202",
                "'; DROP TABLE task;--",
                "@everyone",
                "<@123456789012345678>",
                "=1+1",
                "NaN",
                "-1",
                "2027-01-05T10:00",
                "2027-01-05 25:00",
                "2027-01-05 10:60",
                "2027-01-05 9:5",
                "2027‐01‐05",
                "𝟐𝟎𝟐𝟕-𝟎𝟏-𝟎𝟓",
                "9434765919",
                "SW1A 1AA");
        return random.nextInt(3) == 0 ? good.get(random.nextInt(good.size())) : bad.get(random.nextInt(bad.size()));
    }
}
