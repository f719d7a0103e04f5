package uk.stepup.measures;

import java.util.List;
import java.util.Optional;

/**
 * One page of a home's measures form for a programme week: the boxes to show, in order, each with the value stored
 * (or held for a correction). What a page may hold is set by the adapter that shows it ({@link Limits}).
 */
public record MeasureForm(PageRef at, int pages, List<Input> inputs) {
    public MeasureForm {
        inputs = List.copyOf(inputs);
    }

    /** Which page: a home, a programme week and a page number (from 1). Named, so a week and a page never swap. */
    public record PageRef(long homeId, int week, int page) {}

    /**
     * One box; {@code id} is stable per measure ({@code m12}, or {@code m12n} and {@code m12d} for a rate's
     * numerator and denominator).
     */
    public record Input(String id, String label, String description, String placeholder, Optional<String> value) {}

    /** An offer to open a page of the form (after a check-in, after a saved page, or to fix a refused one). */
    public record Offer(PageRef at, int pages) {}

    /**
     * What one page can show, given by the adapter: how many boxes (a rate takes two, on the same page), and the
     * longest label and description, which are shortened to fit.
     */
    public record Limits(int inputsPerPage, int labelMax, int descriptionMax) {
        public Limits {
            if (inputsPerPage < 2 || labelMax < 1 || descriptionMax < 1) {
                throw new IllegalArgumentException("A page needs room for a rate's two boxes and some text");
            }
        }
    }
}
