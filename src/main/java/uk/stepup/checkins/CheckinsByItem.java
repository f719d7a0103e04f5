package uk.stepup.checkins;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.stepup.curriculum.Crosswalk;

/**
 * A home's check-ins read under a framework of the reader's choice: each check-in counts towards every item of that
 * framework its own item maps to through the crosswalks (a kloe-2017 check-in on S2 counts towards saf-2023's
 * QS-S2, QS-S4 and QS-S5; a check-in made under the framework asked for counts towards its own item). For a
 * portfolio "by KLOE" or "by quality statement" whichever framework the cohort followed.
 */
public final class CheckinsByItem {
    private CheckinsByItem() {}

    /**
     * Every item of {@code framework} (in the crosswalk's order for it), each with the check-ins that count towards
     * it in week order; items no check-in reaches have an empty list, so gaps show.
     *
     * @throws IllegalArgumentException when a check-in's framework cannot be read under {@code framework}
     *     ({@link Crosswalk#canMap})
     */
    public static Map<String, List<Checkin>> under(String framework, List<Checkin> checkins, Crosswalk crosswalk) {
        Map<String, List<Checkin>> byItem = new LinkedHashMap<>();
        for (String code : crosswalk.codes(framework)) {
            byItem.put(code, new ArrayList<>());
        }
        List<Checkin> inWeekOrder = checkins.stream()
                .sorted(Comparator.comparingInt(Checkin::week).thenComparingLong(Checkin::id))
                .toList();
        for (Checkin c : inWeekOrder) {
            for (String code : crosswalk.map(c.framework(), c.code(), framework)) {
                byItem.computeIfAbsent(code, k -> new ArrayList<>()).add(c);
            }
        }
        Map<String, List<Checkin>> frozen = new LinkedHashMap<>();
        byItem.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(frozen);
    }
}
