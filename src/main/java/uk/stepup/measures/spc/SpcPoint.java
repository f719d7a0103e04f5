package uk.stepup.measures.spc;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One point of a control chart with everything needed to draw it.
 *
 * @param date      the observation's date
 * @param value     the plotted value (for p- and u-charts, numerator / denominator)
 * @param period    0-based index of the recalculation period (changes at each rebase date)
 * @param centre    the centre line: the mean for XmR, p̄ or ū for p- and u-charts
 * @param lpl       lower process limit
 * @param upl       upper process limit
 * @param nearLpl   lower 2-sigma line, used by the two-of-three rule
 * @param nearUpl   upper 2-sigma line, used by the two-of-three rule
 * @param pointType the Making Data Count classification
 * @param rules     every rule whose pattern this point is part of, in order of precedence; empty
 *                  exactly when the point is common cause
 */
public record SpcPoint(
        LocalDate date,
        double value,
        int period,
        double centre,
        double lpl,
        double upl,
        double nearLpl,
        double nearUpl,
        PointType pointType,
        Set<SpcRule> rules) {

    public SpcPoint {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(pointType, "pointType");
        EnumSet<SpcRule> copy = EnumSet.noneOf(SpcRule.class);
        copy.addAll(rules);
        rules = Collections.unmodifiableSet(copy);
    }

    /** The rule that decided the point's side (the first in {@link SpcRule}'s order), if any. */
    public Optional<SpcRule> primaryRule() {
        return rules.stream().findFirst();
    }
}
