package uk.stepup.measures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import uk.stepup.shared.UserText;

/**
 * Which boxes a home's measures form has in a programme week, and how they are split into pages: one box per
 * measure, two for a rate (numerator and denominator, always on one page), as many as the {@link MeasureForm.Limits} passed in
 * let a page hold. Monthly measures are asked for once (see {@link MeasureEntryService}).
 */
final class MeasureFormLayout {
    private final MeasureRepository measures;

    MeasureFormLayout(MeasureRepository measures) {
        this.measures = measures;
    }

    /** One measure on a page, and the period its box is for. */
    record Slot(Measure measure, LocalDate period) {}

    /** The values a home has stored, by measure and period. */
    record Stored(Map<String, MeasureValue> byKey) {
        Optional<MeasureValue> of(Slot s) {
            return Optional.ofNullable(byKey.get(key(s.measure().id(), s.period())));
        }
    }

    Stored stored(long homeId) {
        Map<String, MeasureValue> byKey = new HashMap<>();
        measures.forHome(homeId).forEach(v -> byKey.put(key(v.measureId(), v.period()), v));
        return new Stored(byKey);
    }

    /** The form's boxes for the week, grouped into pages; a rate's two boxes stay on one page. */
    List<List<Slot>> pages(long cohortId, long homeId, int week, LocalDate weekStart, MeasureForm.Limits limits) {
        Stored stored = stored(homeId);
        List<List<Slot>> pages = new ArrayList<>();
        List<Slot> page = new ArrayList<>();
        int used = 0;
        for (Measure m : measures.inCohort(cohortId)) {
            Slot slot = new Slot(m, MeasureEntryService.periodFor(m, weekStart));
            Optional<MeasureValue> existing = stored.of(slot);
            if (m.frequency() == Frequency.MONTHLY
                    && existing.isPresent()
                    && !existing.get().week().equals(OptionalInt.of(week))) {
                continue;
            }
            int boxes = m.isRate() ? 2 : 1;
            if (used + boxes > limits.inputsPerPage()) {
                pages.add(page);
                page = new ArrayList<>();
                used = 0;
            }
            page.add(slot);
            used += boxes;
        }
        if (!page.isEmpty()) {
            pages.add(page);
        }
        return pages;
    }

    /** The ids and labels of a page's boxes, in order. */
    Map<String, String> labels(List<Slot> slots, MeasureForm.Limits limits) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Slot s : slots) {
            for (MeasureForm.Input in : inputs(s, Optional.empty(), Map.of(), limits)) {
                labels.put(in.id(), in.label());
            }
        }
        return labels;
    }

    /** A slot's boxes, showing what was {@code held} for a correction, else the value stored. */
    List<MeasureForm.Input> inputs(
            Slot s, Optional<MeasureValue> stored, Map<String, String> held, MeasureForm.Limits limits) {
        Measure m = s.measure();
        String when = (m.frequency() == Frequency.WEEKLY ? "For the " : "Monthly, for ")
                + m.frequency().label(s.period());
        if (m.rate().isEmpty()) {
            String id = valueId(m);
            String label = m.name() + " (" + m.unit() + ")";
            return List.of(new MeasureForm.Input(
                    id,
                    fit(label.length() <= limits.labelMax() ? label : m.name(), limits.labelMax()),
                    fit(when + " · " + m.directionWords(), limits.descriptionMax()),
                    "A number, e.g. 12",
                    shown(id, held, stored.map(v -> OptionalDouble.of(v.value())))));
        }
        Rate r = m.rate().get();
        String n = numeratorId(m);
        String d = denominatorId(m);
        return List.of(
                new MeasureForm.Input(
                        n,
                        fit(m.name() + ": " + r.numeratorLabel(), limits.labelMax()),
                        fit(when + " · how many in total", limits.descriptionMax()),
                        "A number, e.g. 3",
                        shown(n, held, stored.map(MeasureValue::numerator))),
                new MeasureForm.Input(
                        d,
                        fit(m.name() + ": " + r.denominatorLabel(), limits.labelMax()),
                        fit(when + " · " + m.name() + " = " + r.describe(), limits.descriptionMax()),
                        "A number, e.g. 840",
                        shown(d, held, stored.map(MeasureValue::denominator))));
    }

    private static Optional<String> shown(String id, Map<String, String> held, Optional<OptionalDouble> stored) {
        Optional<String> value = held.containsKey(id)
                ? Optional.of(held.get(id))
                : stored.flatMap(v -> v.isPresent() ? Optional.of(plain(v.getAsDouble())) : Optional.empty());
        return value.filter(v -> !v.isEmpty());
    }

    static String valueId(Measure m) {
        return "m" + m.id();
    }

    static String numeratorId(Measure m) {
        return "m" + m.id() + "n";
    }

    static String denominatorId(Measure m) {
        return "m" + m.id() + "d";
    }

    private static String key(long measureId, LocalDate period) {
        return measureId + "@" + period;
    }

    /** A stored number as a person would type it: "12", "3.5", never "1.2E3". */
    static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String fit(String text, int max) {
        return UserText.shorten(text, max);
    }
}
