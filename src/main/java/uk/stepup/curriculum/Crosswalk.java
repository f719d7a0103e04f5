package uk.stepup.curriculum;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How items of one framework correspond to items of another, read from the crosswalk files in
 * {@code prompts/crosswalks/}: "which saf-2023 quality statements does KLOE S1 map to", and back. A crosswalk file
 * links two frameworks both ways (a link is one relation read from either side); frameworks linked only through a
 * third (a 2026 framework linked to saf-2023, read from kloe-2017) are mapped through it. Codes come back in the
 * target framework's order.
 */
public final class Crosswalk {

    /** One file: {@code links} maps codes of {@code from} to codes of {@code to}. */
    public record Pair(String from, String to, Map<String, List<String>> links) {
        public Pair {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Map<String, List<String>> copy = new LinkedHashMap<>();
            links.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            links = Collections.unmodifiableMap(copy);
        }
    }

    private final Map<String, List<String>> codesByFramework;
    private final List<Pair> pairs;
    /** framework -> other framework -> code -> codes. */
    private final Map<String, Map<String, Map<String, Set<String>>>> edges = new HashMap<>();

    /**
     * {@code codesByFramework} gives each framework's codes in order (for ordering answers and matching codes);
     * {@code pairs} are the crosswalk files, each read both ways.
     */
    public Crosswalk(Map<String, List<String>> codesByFramework, Collection<Pair> pairs) {
        Map<String, List<String>> codes = new LinkedHashMap<>();
        codesByFramework.forEach((k, v) -> codes.put(k, List.copyOf(v)));
        this.codesByFramework = Collections.unmodifiableMap(codes);
        this.pairs = List.copyOf(pairs);
        for (Pair p : pairs) {
            p.links().forEach((code, targets) -> {
                for (String target : targets) {
                    edge(p.from(), p.to(), code, target);
                    edge(p.to(), p.from(), target, code);
                }
            });
        }
    }

    /** No crosswalk at all: every framework maps only to itself. */
    public static Crosswalk none(Map<String, List<String>> codesByFramework) {
        return new Crosswalk(codesByFramework, List.of());
    }

    private void edge(String from, String to, String code, String target) {
        edges.computeIfAbsent(from, k -> new HashMap<>())
                .computeIfAbsent(to, k -> new HashMap<>())
                .computeIfAbsent(code, k -> new LinkedHashSet<>())
                .add(target);
    }

    /** The crosswalk files read, each a pair of frameworks with its links. */
    public List<Pair> pairs() {
        return pairs;
    }

    /** The frameworks known, in the order given. */
    public Set<String> frameworks() {
        return codesByFramework.keySet();
    }

    /**
     * The codes of {@code framework} in order.
     *
     * @throws IllegalArgumentException for a framework the crosswalk does not know
     */
    public List<String> codes(String framework) {
        List<String> codes = codesByFramework.get(framework);
        if (codes == null) {
            throw new IllegalArgumentException("Unknown framework " + framework + "; known: " + frameworks());
        }
        return codes;
    }

    /** True when items of {@code from} can be read under {@code to}: the same framework, or linked by crosswalks. */
    public boolean canMap(String from, String to) {
        return route(from, to).isPresent();
    }

    /**
     * The items of {@code toFramework} that {@code code} of {@code fromFramework} maps to, in {@code toFramework}'s
     * order: {@code map("kloe-2017", "S2", "saf-2023")} gives QS-S2, QS-S4, QS-S5. The code is matched ignoring
     * case; a code the framework does not have maps to nothing. The same framework gives the code back.
     *
     * @throws IllegalArgumentException when either framework is unknown or no crosswalk links them ({@link #canMap})
     */
    public List<String> map(String fromFramework, String code, String toFramework) {
        List<String> path = route(fromFramework, toFramework)
                .orElseThrow(() -> new IllegalArgumentException(
                        "No crosswalk from " + fromFramework + " to " + toFramework + "; known: " + frameworks()));
        Optional<String> known = canonical(fromFramework, code);
        if (known.isEmpty()) {
            return List.of();
        }
        Set<String> current = Set.of(known.get());
        for (int i = 0; i + 1 < path.size(); i++) {
            Map<String, Set<String>> step =
                    edges.getOrDefault(path.get(i), Map.of()).getOrDefault(path.get(i + 1), Map.of());
            Set<String> next = new LinkedHashSet<>();
            for (String c : current) {
                next.addAll(step.getOrDefault(c, Set.of()));
            }
            current = next;
        }
        List<String> order = codesByFramework.get(toFramework);
        List<String> result = new ArrayList<>(current);
        result.sort(Comparator.comparingInt(c -> order.contains(c) ? order.indexOf(c) : Integer.MAX_VALUE));
        return List.copyOf(result);
    }

    private Optional<String> canonical(String framework, String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toUpperCase(Locale.ROOT);
        return codesByFramework.get(framework).stream()
                .filter(c -> c.toUpperCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    /** The shortest chain of linked frameworks from {@code from} to {@code to}, both included. */
    private Optional<List<String>> route(String from, String to) {
        if (!codesByFramework.containsKey(from) || !codesByFramework.containsKey(to)) {
            return Optional.empty();
        }
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        cameFrom.put(from, from);
        while (!queue.isEmpty()) {
            String at = queue.removeFirst();
            if (at.equals(to)) {
                List<String> path = new ArrayList<>();
                for (String f = to; ; f = cameFrom.get(f)) {
                    path.add(0, f);
                    if (f.equals(from)) {
                        return Optional.of(path);
                    }
                }
            }
            edges.getOrDefault(at, Map.of()).keySet().stream().sorted().forEach(next -> {
                if (cameFrom.putIfAbsent(next, at) == null) {
                    queue.addLast(next);
                }
            });
        }
        return Optional.empty();
    }
}
