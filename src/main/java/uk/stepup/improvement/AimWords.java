package uk.stepup.improvement;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import uk.stepup.measures.Numbers;

/** How an aim reads for people: "9 → 5 by 30 Jun 2027, 'fewer night falls'". */
public final class AimWords {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private AimWords() {}

    /** "30 Jun 2027". */
    public static String day(LocalDate date) {
        return DAY.format(date);
    }

    /** The words written for an aim set without any: "Falls from 9 to 5 by 30 Jun 2027". */
    public static String written(String measure, double from, double to, LocalDate by) {
        return measure + " from " + Numbers.format(from) + " to " + Numbers.format(to) + " by " + day(by);
    }

    /**
     * "9 → 5 by 30 Jun 2027, 'fewer night falls'"; without the quoted words when they are the ones the bot wrote
     * (they would only repeat the numbers).
     */
    public static String summary(Aim aim, String measure) {
        String numbers = Numbers.format(aim.from()) + " → " + Numbers.format(aim.to()) + " by " + day(aim.by());
        boolean own = !aim.words().equals(written(measure, aim.from(), aim.to(), aim.by()));
        return own ? numbers + ", '" + aim.words() + "'" : numbers;
    }
}
