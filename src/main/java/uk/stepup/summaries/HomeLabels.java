package uk.stepup.summaries;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import uk.stepup.checkins.Checkin;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.cohorts.Home;

/**
 * How homes are named in what is shared beyond the coaching team, such as the outcome report.
 *
 * <p><b>Rule:</b> a home that chose "Share with our name" for a highlight in any week has agreed to be named, and
 * appears under its own name. Every other home appears as "Home A", "Home B", … (after Z: "Home AA", "Home AB").
 * The letters follow an order shuffled once per cohort (a SHA-256 hash of the cohort and home ids), not the homes'
 * names or the order they enrolled in, so a reader who knows who took part cannot work out which letter is whom;
 * the same home keeps the same letter every time the report is produced. Named homes come first, alphabetically,
 * then the lettered ones in letter order.
 */
public final class HomeLabels {
    private final Map<Long, String> labels = new HashMap<>();
    private final Map<Long, Boolean> named = new HashMap<>();
    private final List<Home> order = new ArrayList<>();

    private HomeLabels(long cohortId, List<Home> homes, Map<Long, Boolean> consented) {
        List<Home> namedHomes = new ArrayList<>();
        List<Home> anonymous = new ArrayList<>();
        for (Home h : homes) {
            boolean n = consented.getOrDefault(h.id(), false);
            named.put(h.id(), n);
            (n ? namedHomes : anonymous).add(h);
        }
        namedHomes.sort(Comparator.comparing((Home h) -> h.name().toLowerCase(java.util.Locale.ROOT)).thenComparing(Home::id));
        anonymous.sort(Comparator.comparing((Home h) -> shuffleKey(cohortId, h.id())));
        namedHomes.forEach(h -> labels.put(h.id(), h.name()));
        for (int i = 0; i < anonymous.size(); i++) {
            labels.put(anonymous.get(i).id(), "Home " + letters(i));
        }
        order.addAll(namedHomes);
        order.addAll(anonymous);
    }

    /** Labels for the homes of a history, consent read from its check-ins. */
    public static HomeLabels of(ProgrammeHistory history) {
        Map<Long, Boolean> consented = new HashMap<>();
        history.checkins().forEach((homeId, weeks) -> {
            for (Checkin c : weeks.values()) {
                if (c.share() == HighlightShare.NAMED) {
                    consented.put(homeId, true);
                }
            }
        });
        return new HomeLabels(history.cohort().id(), history.homes(), consented);
    }

    /** The home's own name if it agreed to be named, else its letter label. */
    public String label(Home home) {
        String l = labels.get(home.id());
        if (l == null) {
            throw new IllegalArgumentException("Home " + home.id() + " is not in this cohort");
        }
        return l;
    }

    public boolean named(Home home) {
        return named.getOrDefault(home.id(), false);
    }

    /** Named homes alphabetically, then Home A, Home B, … . */
    public List<Home> inOrder() {
        return List.copyOf(order);
    }

    /** 0 → A, 25 → Z, 26 → AA, 27 → AB, like spreadsheet columns. */
    static String letters(int index) {
        StringBuilder s = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int r = (n - 1) % 26;
            s.insert(0, (char) ('A' + r));
            n = (n - 1) / 26;
        }
        return s.toString();
    }

    private static String shuffleKey(long cohortId, long homeId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(("step-up-labels:" + cohortId + ":" + homeId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
