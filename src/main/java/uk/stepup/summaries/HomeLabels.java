package uk.stepup.summaries;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import uk.stepup.checkins.Checkin;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;

/**
 * How homes are named in everything the cohort or anyone outside the coaching team sees: the weekly summary's
 * heatmap and the outcome report. One rule, so a home has the same label in both.
 *
 * <p><b>Rule:</b> a home that chose "Share with our name" for a highlight in any week has agreed to be named, and
 * appears under its own name. Every other home appears as "Home" and a letter (after Z, two letters: "Home AB").
 * Letters are dealt in enrolment order from a sequence shuffled once per cohort, so
 * <ul>
 *   <li>they follow neither the homes' names nor the order they enrolled in (an import file is often alphabetical),
 *       and a reader who knows who took part cannot decode them;</li>
 *   <li>a home keeps its letter all programme long: a home that later chooses to be named leaves its letter unused
 *       rather than shifting the others, and a home enrolled later takes the next letter of the sequence.</li>
 * </ul>
 * Lists show named homes first, alphabetically, then the lettered ones in letter order (never enrolment order).
 */
public final class HomeLabels {
    private final Map<Long, String> labels = new HashMap<>();
    private final Set<Long> named = new HashSet<>();
    private final List<Home> order = new ArrayList<>();

    private HomeLabels(Cohort cohort, List<Home> homes, Set<Long> consented) {
        List<Home> byEnrolment = new ArrayList<>(homes);
        byEnrolment.sort(Comparator.comparingLong(Home::id));
        Random shuffle = new Random(seed(cohort));
        Letters letters = new Letters(shuffle);
        List<Home> namedHomes = new ArrayList<>();
        List<Home> anonymous = new ArrayList<>();
        for (Home h : byEnrolment) {
            String letter = letters.next();
            if (consented.contains(h.id())) {
                named.add(h.id());
                labels.put(h.id(), h.name());
                namedHomes.add(h);
            } else {
                labels.put(h.id(), "Home " + letter);
                anonymous.add(h);
            }
        }
        namedHomes.sort(Comparator.comparing((Home h) -> h.name().toLowerCase(Locale.ROOT))
                .thenComparing(Home::id));
        anonymous.sort(
                Comparator.comparing((Home h) -> labels.get(h.id()).length()).thenComparing(h -> labels.get(h.id())));
        order.addAll(namedHomes);
        order.addAll(anonymous);
    }

    /** Labels for the homes of a history, consent read from its check-ins. */
    public static HomeLabels of(ProgrammeHistory history) {
        List<Checkin> all = new ArrayList<>();
        history.checkins().values().forEach(weeks -> all.addAll(weeks.values()));
        return of(history.cohort(), history.homes(), all);
    }

    /** Labels for a cohort's homes; any check-in shared {@link HighlightShare#NAMED} names its home. */
    public static HomeLabels of(Cohort cohort, List<Home> homes, Collection<Checkin> checkins) {
        Set<Long> consented = new HashSet<>();
        for (Checkin c : checkins) {
            if (c.share() == HighlightShare.NAMED) {
                consented.add(c.homeId());
            }
        }
        return new HomeLabels(cohort, homes, consented);
    }

    /**
     * Labels for a cohort's homes when it is already known which homes shared a highlight {@link HighlightShare#NAMED}
     * in some week ({@code named}, home ids).
     */
    public static HomeLabels withNamed(Cohort cohort, List<Home> homes, Set<Long> named) {
        return new HomeLabels(cohort, homes, Set.copyOf(named));
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
        return named.contains(home.id());
    }

    /** Named homes alphabetically, then the lettered homes in letter order. */
    public List<Home> inOrder() {
        return List.copyOf(order);
    }

    /** A to Z, then AA to ZZ, and so on: each length's labels in a shuffled order, dealt one by one. */
    static final class Letters {
        private final Random random;
        private List<String> block = List.of();
        private int length;
        private int next;

        Letters(Random random) {
            this.random = random;
        }

        String next() {
            if (next == block.size()) {
                length++;
                List<String> all = new ArrayList<>();
                int count = (int) Math.pow(26, length);
                for (int i = 0; i < count; i++) {
                    all.add(letters(i, length));
                }
                Collections.shuffle(all, random);
                block = all;
                next = 0;
            }
            return block.get(next++);
        }
    }

    /** The {@code index}-th label of the given length in alphabetical order: (0, 1) → A, (27, 2) → BB. */
    static String letters(int index, int length) {
        char[] s = new char[length];
        int n = index;
        for (int i = length - 1; i >= 0; i--) {
            s[i] = (char) ('A' + n % 26);
            n /= 26;
        }
        return new String(s);
    }

    /** A shuffle seed from the cohort's identity, the same every time the labels are worked out. */
    private static long seed(Cohort cohort) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest =
                    sha.digest(("step-up-labels:" + cohort.id() + ":" + cohort.guildId() + ":" + cohort.createdAt())
                            .getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
