package uk.stepup.cohorts;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns home names into the slug of their private channel ({@code #home-<slug>}; the {@code home-} prefix is added
 * where the channel is made). A slug is lower-case ASCII letters, digits and single hyphens, at most
 * {@value #MAX_LENGTH} characters, never empty.
 *
 * <p>Accents are folded ("Café" → "cafe"), "&amp;" reads "and", apostrophes vanish ("St Mary's" → "st-marys"), and
 * a part in brackets is left out ("Oak House (Nursing)" → "oak-house") unless two homes would then share a
 * channel name, in which case those homes keep their brackets ("oak-house-nursing", "oak-house-residential").
 * Whatever still clashes gets -2, -3, … in file order, never taking a slug another home would get naturally.
 */
final class HomeSlugs {
    static final int MAX_LENGTH = 80;

    private static final Pattern BRACKETED = Pattern.compile("[(\\[{][^)\\]}]*[)\\]}]");
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2019\u02BC`\u00B4]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Map<String, String> LETTERS = Map.ofEntries(
            Map.entry("ß", "ss"),
            Map.entry("ẞ", "ss"),
            Map.entry("æ", "ae"),
            Map.entry("Æ", "ae"),
            Map.entry("œ", "oe"),
            Map.entry("Œ", "oe"),
            Map.entry("ø", "o"),
            Map.entry("Ø", "o"),
            Map.entry("ł", "l"),
            Map.entry("Ł", "l"),
            Map.entry("đ", "d"),
            Map.entry("Đ", "d"),
            Map.entry("ð", "d"),
            Map.entry("Ð", "d"),
            Map.entry("þ", "th"),
            Map.entry("Þ", "th"),
            Map.entry("ı", "i"));

    private HomeSlugs() {}

    /**
     * One slug per name, in the same order, all different. A name with no Latin letters or digits at all gets
     * {@code home-N}, N being its position in the list (1-based).
     */
    static List<String> assign(List<String> names) {
        List<String> shorts = new ArrayList<>();
        List<String> fulls = new ArrayList<>();
        Map<String, Integer> shortCount = new HashMap<>();
        for (String name : names) {
            String full = of(name);
            String shorter = of(BRACKETED.matcher(name).replaceAll(" "));
            fulls.add(full);
            shorts.add(shorter);
            shortCount.merge(shorter, 1, Integer::sum);
        }
        List<String> natural = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String s = shorts.get(i);
            if (s.isEmpty() || shortCount.get(s) > 1 && !fulls.get(i).isEmpty()) {
                s = fulls.get(i);
            }
            natural.add(s.isEmpty() ? "home-" + (i + 1) : s);
        }
        // First holder of each natural slug keeps it; the others get a suffix no one has naturally.
        String[] slugs = new String[names.size()];
        Set<String> used = new HashSet<>();
        for (int i = 0; i < slugs.length; i++) {
            if (used.add(natural.get(i))) {
                slugs[i] = natural.get(i);
            }
        }
        for (int i = 0; i < slugs.length; i++) {
            for (int k = 2; slugs[i] == null; k++) {
                String candidate = withSuffix(natural.get(i), "-" + k);
                if (used.add(candidate)) {
                    slugs[i] = candidate;
                }
            }
        }
        return List.of(slugs);
    }

    /** The slug for one name on its own; empty when the name has no Latin letters or digits. */
    static String of(String name) {
        String s = name.replace("&", " and ");
        s = APOSTROPHES.matcher(s).replaceAll("");
        StringBuilder folded = new StringBuilder();
        s.codePoints().forEach(cp -> {
            String letter = new String(Character.toChars(cp));
            folded.append(LETTERS.getOrDefault(letter, letter));
        });
        s = Normalizer.normalize(folded, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
        s = NOT_SLUG.matcher(s).replaceAll("-");
        return trimHyphens(s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) : s);
    }

    private static String withSuffix(String base, String suffix) {
        int room = MAX_LENGTH - suffix.length();
        return trimHyphens(base.length() > room ? base.substring(0, room) : base) + suffix;
    }

    private static String trimHyphens(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == '-') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == '-') {
            to--;
        }
        return s.substring(from, to);
    }
}
