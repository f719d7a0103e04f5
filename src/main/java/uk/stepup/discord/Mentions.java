package uk.stepup.discord;

/**
 * Makes user text inert before the bot repeats it: {@code @everyone}, {@code @here} and {@code <@…>} style mentions
 * cannot ping anyone (allowed mentions are off too; this also stops them rendering as mentions).
 */
public final class Mentions {
    private static final String ZWSP = "\u200b";

    private Mentions() {}

    public static String neutralise(String text) {
        return text.replace("@everyone", "@" + ZWSP + "everyone")
                .replace("@here", "@" + ZWSP + "here")
                .replace("<@", "<" + ZWSP + "@")
                .replace("<#", "<" + ZWSP + "#");
    }
}
