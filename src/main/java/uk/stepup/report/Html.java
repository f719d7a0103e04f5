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
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
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
}
