package uk.stepup.measures;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import uk.stepup.shared.Outcome;

/**
 * What came of opening or submitting a page of the measures form, as values: the Discord side chooses the words and
 * the buttons.
 */
public sealed interface MeasureEntryResult {

    /** The page to show. */
    record Opened(MeasureForm form) implements MeasureEntryResult {}

    /**
     * The page was stored (or had nothing in it, when {@code entered} is empty); {@code next} offers the following
     * page, if any.
     */
    record Saved(String homeName, int week, List<Entered> entered, Optional<MeasureForm.Offer> next)
            implements MeasureEntryResult {
        public Saved {
            entered = List.copyOf(entered);
        }
    }

    /** Nothing stored; {@code retry} reopens the page pre-filled with what was typed, held under {@code draft}. */
    record Invalid(Problem problem, MeasureForm.Offer retry, String draft) implements MeasureEntryResult {}

    /** The person may not enter measures for that home and week now; {@code outcome} says why. */
    record Refused(Outcome outcome) implements MeasureEntryResult {}

    /**
     * One stored value: the measure's name, the value, a rate's numerator and denominator, and the month for a
     * monthly measure.
     */
    record Entered(
            String measure,
            double value,
            OptionalDouble numerator,
            OptionalDouble denominator,
            Optional<String> month) {
        /** "Falls 4", "Falls rate 4.1 (6 ÷ 1,450)", "Pressure ulcers 2 for Dec 2026". */
        public String words() {
            String counts = numerator.isPresent() && denominator.isPresent()
                    ? " (" + Numbers.format(numerator.getAsDouble()) + " ÷ " + Numbers.format(denominator.getAsDouble())
                            + ")"
                    : "";
            return measure + " " + Numbers.format(value) + counts
                    + month.map(m -> " for " + m).orElse("");
        }
    }

    /** Why a page was not stored. */
    sealed interface Problem {}

    /**
     * A box may identify someone; {@code explanation} names the kinds of detail found, never the text. The boxes
     * concerned are emptied in the draft.
     */
    record MayIdentify(String explanation) implements Problem {}

    /** Boxes that are not usable numbers, a measure each. */
    record Unusable(List<BoxProblem> boxes) implements Problem {
        public Unusable {
            boxes = List.copyOf(boxes);
        }
    }

    /** What is wrong with a measure's boxes. */
    sealed interface BoxProblem {
        String measure();
    }

    /** A plain measure's box ({@code box} empty) or a rate's box (named) is not a number. */
    record NotANumber(String measure, Optional<String> box) implements BoxProblem {}

    /** A rate has only one of its two boxes filled. */
    record NeedsBoth(String measure, String numerator, String denominator) implements BoxProblem {}

    /** A rate's numerator below 0. */
    record BelowZero(String measure, String box) implements BoxProblem {}

    /** A rate's denominator at or below 0. */
    record NotAboveZero(String measure, String box) implements BoxProblem {}
}
