package uk.stepup.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.stepup.shared.UserText;

/**
 * A Discord embed as plain values, with Discord's limits, and a packer that splits a long card into as many
 * messages as needed so that no message breaks a limit (6000 characters across all its embeds, 25 fields per
 * embed, 1024 per field value, 256 per title or field name, 4096 per description, 10 embeds per message).
 */
public record EmbedCard(String title, String description, List<Field> fields, Optional<String> footer, int colour) {
    public static final int TITLE_MAX = 256;
    public static final int DESCRIPTION_MAX = 4096;
    public static final int FIELDS_MAX = 25;
    public static final int FIELD_NAME_MAX = 256;
    public static final int FIELD_VALUE_MAX = 1024;
    public static final int FOOTER_MAX = 2048;
    public static final int MESSAGE_EMBED_TOTAL_MAX = 6000;
    public static final int EMBEDS_PER_MESSAGE_MAX = 10;
    public static final int CONTENT_MAX = 2000;

    public record Field(String name, String value, boolean inline) {}

    public EmbedCard {
        fields = List.copyOf(fields);
    }

    /** The characters Discord counts toward the 6000 limit. */
    public int size() {
        int n = title.length()
                + description.length()
                + footer.map(String::length).orElse(0);
        for (Field f : fields) {
            n += f.name().length() + f.value().length();
        }
        return n;
    }

    /** Cuts text to a limit at a word boundary, with an ellipsis. */
    public static String fit(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        if (cut < max / 2) {
            cut = max - 1;
        }
        return UserText.cut(text, cut).stripTrailing() + "…";
    }

    /**
     * Splits long field values into several fields (at line breaks where possible) and packs everything into
     * messages: each inner list is the embeds of one message, all within Discord's limits.
     */
    public List<List<EmbedCard>> pack() {
        List<Field> pieces = new ArrayList<>();
        for (Field f : fields) {
            String name = fit(f.name(), FIELD_NAME_MAX);
            List<String> chunks = chunks(f.value(), FIELD_VALUE_MAX);
            for (int i = 0; i < chunks.size(); i++) {
                pieces.add(new Field(
                        i == 0 ? name : fit(name + " (continued)", FIELD_NAME_MAX), chunks.get(i), f.inline()));
            }
        }
        String t = fit(title, TITLE_MAX);
        String d = fit(description, DESCRIPTION_MAX);
        Optional<String> foot = footer.map(s -> fit(s, FOOTER_MAX));
        int footLength = foot.map(String::length).orElse(0);
        String continued = fit(t + " (continued)", TITLE_MAX);
        List<List<EmbedCard>> messages = new ArrayList<>();
        List<EmbedCard> current = new ArrayList<>();
        int currentSize = 0;
        List<Field> fieldsOfCard = new ArrayList<>();
        String cardTitle = t;
        String cardDescription = d;
        int cardSize = t.length() + d.length();
        for (Field piece : pieces) {
            int add = piece.name().length() + piece.value().length();
            // The footer goes on the last card, so every message is checked as if it might be the last.
            if (fieldsOfCard.size() < FIELDS_MAX
                    && currentSize + cardSize + add + footLength <= MESSAGE_EMBED_TOTAL_MAX) {
                fieldsOfCard.add(piece);
                cardSize += add;
                continue;
            }
            // The piece starts a new "(continued)" card: in this message if that card, title included, still fits.
            current.add(new EmbedCard(cardTitle, cardDescription, fieldsOfCard, Optional.empty(), colour));
            currentSize += cardSize;
            boolean roomHere = current.size() < EMBEDS_PER_MESSAGE_MAX
                    && currentSize + continued.length() + add + footLength <= MESSAGE_EMBED_TOTAL_MAX;
            if (!roomHere) {
                messages.add(current);
                current = new ArrayList<>();
                currentSize = 0;
            }
            fieldsOfCard = new ArrayList<>(List.of(piece));
            cardTitle = continued;
            cardDescription = "";
            cardSize = continued.length() + add;
        }
        current.add(new EmbedCard(cardTitle, cardDescription, fieldsOfCard, foot, colour));
        messages.add(current);
        return messages;
    }

    /** Shortens text for a one-line mention, never breaking a word if it can help it. */
    public static String shorten(String text, int max) {
        return fit(text, max);
    }

    /** Splits text into pieces of at most {@code max} characters, preferring line breaks, then spaces. */
    static List<String> chunks(String text, int max) {
        List<String> out = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf('\n', max);
            if (cut < max / 3) {
                cut = rest.lastIndexOf(' ', max);
            }
            if (cut < max / 3) {
                cut = UserText.cut(rest, max).length();
            }
            out.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty() || out.isEmpty()) {
            out.add(rest.isEmpty() ? "\u200b" : rest);
        }
        return out;
    }
}
