package uk.stepup.privacy;

import java.util.Objects;

/**
 * One kind of sensitive detail found in one field of a check-in. It deliberately carries no matched text or
 * position, so a finding can be shown, counted or kept without leaking the identifier it describes.
 *
 * @param kind       what sort of detail it was
 * @param fieldLabel the field's label as the manager saw it, e.g. "What we did this week"
 * @param count      how many times it occurred in that field (at least 1)
 */
public record Finding(FindingKind kind, String fieldLabel, int count) {

    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fieldLabel, "fieldLabel");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
    }

    /** Safe to show: "an NHS number in 'What we did this week'", "2 phone numbers in 'Evidence we now have'". */
    public String description() {
        return kind.noun(count) + " in '" + fieldLabel + "'";
    }

    /** What to write instead, e.g. "Say 'a resident' or 'one bedroom' rather than giving the room ... number." */
    public String redactionHint() {
        return kind.hint();
    }

    public boolean refuses() {
        return kind.refuses();
    }
}
