package uk.stepup.report;

/** HTML escaping for text and attribute values: the report template engine's escaper, applied to every value. */
final class Html {
    private Html() {}

    /**
     * Escapes {@code & < > " '} so the text is inert in element content and in quoted attributes alike, and drops
     * control characters other than tab and line breaks (HTML forbids them).
     */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        int first = 0;
        while (first < text.length() && inert(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text; // most values, and every chart's base64, need nothing: no copy
        }
        StringBuilder s = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> {
                    if (ch >= 0x20 || ch == '\n' || ch == '\t' || ch == '\r') {
                        s.append(ch);
                    }
                }
            }
        }
        return s.toString();
    }

    /** Written as it is: not one of {@code & < > " '} and not a control character. */
    private static boolean inert(char ch) {
        return ch >= 0x20 && ch != '&' && ch != '<' && ch != '>' && ch != '"' && ch != '\'';
    }
}
