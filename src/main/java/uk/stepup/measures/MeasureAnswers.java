package uk.stepup.measures;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import uk.stepup.measures.MeasureEntryResult.BelowZero;
import uk.stepup.measures.MeasureEntryResult.BoxProblem;
import uk.stepup.measures.MeasureEntryResult.Entered;
import uk.stepup.measures.MeasureEntryResult.MayIdentify;
import uk.stepup.measures.MeasureEntryResult.NeedsBoth;
import uk.stepup.measures.MeasureEntryResult.NotANumber;
import uk.stepup.measures.MeasureEntryResult.NotAboveZero;
import uk.stepup.measures.MeasureEntryResult.Unusable;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.privacy.PrivacyVerdict;

/**
 * Reads what a manager typed into one page of the measures form: every box through the privacy guard first, then
 * each measure's number (or a rate's two), all or nothing. Stores nothing itself.
 */
final class MeasureAnswers {
    private final PrivacyGuard guard;
    private final MeasureFormLayout layout;

    MeasureAnswers(PrivacyGuard guard, MeasureFormLayout layout) {
        this.guard = guard;
        this.layout = layout;
    }

    /** Who typed it, for which home and week, and when. */
    record Typist(String userId, long homeId, int week, Instant at) {}

    /** The outcome of reading a page. */
    sealed interface Reading {}

    /** Every filled box is a usable number: the values to store and how to describe them. */
    record Usable(List<MeasureValue> values, List<Entered> entered) implements Reading {}

    /** Nothing may be stored; {@code keep} is what may be held for a correction (identifying boxes emptied). */
    record Rejected(MeasureEntryResult.Problem problem, Map<String, String> keep) implements Reading {}

    Reading read(List<MeasureFormLayout.Slot> slots, Map<String, String> typed, Typist who, MeasureForm.Limits limits) {
        // Screen every box: a value that identifies someone is neither stored nor held for the correction.
        Map<String, String> keep = new LinkedHashMap<>();
        Map<String, String> screened = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : layout.labels(slots, limits).entrySet()) {
            String text = typed.getOrDefault(e.getKey(), "").strip();
            if (text.isEmpty()) {
                continue;
            }
            screened.put(e.getValue(), text);
            keep.put(e.getKey(), guard.check(e.getValue(), text) instanceof PrivacyVerdict.Clear ? text : "");
        }
        PrivacyVerdict verdict = guard.check(screened);
        if (!(verdict instanceof PrivacyVerdict.Clear)) {
            return new Rejected(new MayIdentify(PrivacyWords.explain(verdict)), keep);
        }

        List<MeasureValue> values = new ArrayList<>();
        List<Entered> entered = new ArrayList<>();
        List<BoxProblem> problems = new ArrayList<>();
        for (MeasureFormLayout.Slot s : slots) {
            Measure m = s.measure();
            Optional<String> month = m.frequency() == Frequency.MONTHLY
                    ? Optional.of(m.frequency().label(s.period()))
                    : Optional.empty();
            if (m.rate().isEmpty()) {
                String text = keep.getOrDefault(MeasureFormLayout.valueId(m), "");
                if (text.isEmpty()) {
                    continue;
                }
                Optional<Double> v = Numbers.parse(text);
                if (v.isEmpty()) {
                    problems.add(new NotANumber(m.name(), Optional.empty()));
                    continue;
                }
                values.add(value(m, s, who, v.get(), OptionalDouble.empty(), OptionalDouble.empty()));
                entered.add(new Entered(m.name(), v.get(), OptionalDouble.empty(), OptionalDouble.empty(), month));
                continue;
            }
            Rate rate = m.rate().get();
            String n = keep.getOrDefault(MeasureFormLayout.numeratorId(m), "");
            String d = keep.getOrDefault(MeasureFormLayout.denominatorId(m), "");
            if (n.isEmpty() && d.isEmpty()) {
                continue;
            }
            if (n.isEmpty() || d.isEmpty()) {
                problems.add(new NeedsBoth(m.name(), rate.numeratorLabel(), rate.denominatorLabel()));
                continue;
            }
            Optional<Double> num = Numbers.parse(n);
            Optional<Double> den = Numbers.parse(d);
            if (num.isEmpty() || den.isEmpty()) {
                problems.add(new NotANumber(
                        m.name(), Optional.of(num.isEmpty() ? rate.numeratorLabel() : rate.denominatorLabel())));
                continue;
            }
            if (num.get() < 0) {
                problems.add(new BelowZero(m.name(), rate.numeratorLabel()));
                continue;
            }
            if (!(den.get() > 0)) {
                problems.add(new NotAboveZero(m.name(), rate.denominatorLabel()));
                continue;
            }
            double value = rate.of(num.get(), den.get());
            OptionalDouble numerator = OptionalDouble.of(num.get());
            OptionalDouble denominator = OptionalDouble.of(den.get());
            values.add(value(m, s, who, value, numerator, denominator));
            entered.add(new Entered(m.name(), value, numerator, denominator, month));
        }
        if (!problems.isEmpty()) {
            return new Rejected(new Unusable(problems), keep);
        }
        return new Usable(values, entered);
    }

    private static MeasureValue value(
            Measure m,
            MeasureFormLayout.Slot s,
            Typist who,
            double value,
            OptionalDouble numerator,
            OptionalDouble denominator) {
        return new MeasureValue(
                m.id(),
                who.homeId(),
                s.period(),
                value,
                numerator,
                denominator,
                MeasureValue.Source.ENTERED,
                OptionalInt.of(who.week()),
                who.userId(),
                who.at());
    }
}
