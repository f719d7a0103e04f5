package uk.stepup.curriculum;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The items of one framework, in their default programme order. */
public record Curriculum(String framework, List<CurriculumItem> items) {

    public Curriculum {
        Objects.requireNonNull(framework, "framework");
        items = items.stream()
                .sorted(Comparator.comparingInt(CurriculumItem::order).thenComparing(CurriculumItem::code))
                .toList();
    }

    /** The item with this code, ignoring case and surrounding spaces ({@code s1}, {@code qs-w8 }). */
    public Optional<CurriculumItem> byCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip();
        return items.stream().filter(i -> i.code().equalsIgnoreCase(wanted)).findFirst();
    }

    /** The codes in default order, e.g. S1 … S6, E1 … E7, C1 … C3, R1 … R3, W1 … W5. */
    public List<String> defaultOrder() {
        return items.stream().map(CurriculumItem::code).toList();
    }

    /**
     * The items in the order a coach asked for. The codes (any case) must name every item exactly once.
     *
     * @throws IllegalArgumentException with a message for the coach naming unknown, missing and repeated codes
     */
    public List<CurriculumItem> reorder(List<String> codes) {
        Map<String, CurriculumItem> byKey = new LinkedHashMap<>();
        items.forEach(i -> byKey.put(key(i.code()), i));
        List<CurriculumItem> ordered = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String code : codes) {
            String k = key(code);
            CurriculumItem item = byKey.get(k);
            if (item == null) {
                unknown.add(code == null ? "(blank)" : code.strip());
            } else if (!seen.add(k)) {
                repeated.add(item.code());
            } else {
                ordered.add(item);
            }
        }
        List<String> missing = items.stream()
                .map(CurriculumItem::code)
                .filter(c -> !seen.contains(key(c)))
                .toList();
        if (unknown.isEmpty() && repeated.isEmpty() && missing.isEmpty()) {
            return List.copyOf(ordered);
        }
        StringBuilder message = new StringBuilder("The new order must list each of the ")
                .append(items.size())
                .append(' ')
                .append(framework)
                .append(" codes exactly once.");
        if (!unknown.isEmpty()) {
            message.append(" Unknown: ").append(String.join(", ", unknown)).append('.');
        }
        if (!missing.isEmpty()) {
            message.append(" Missing: ").append(String.join(", ", missing)).append('.');
        }
        if (!repeated.isEmpty()) {
            message.append(" Listed more than once: ")
                    .append(String.join(", ", repeated))
                    .append('.');
        }
        throw new IllegalArgumentException(message.toString());
    }

    private static String key(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }
}
