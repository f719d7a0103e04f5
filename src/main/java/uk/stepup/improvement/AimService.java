package uk.stepup.improvement;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.measures.Measure;
import uk.stepup.measures.MeasureRepository;
import uk.stepup.measures.Numbers;
import uk.stepup.measures.spc.ImprovementDirection;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.shared.UserText;

/**
 * A home's aims ({@code /aim set|clear}): for one of the cohort's measures, from a value to a value by a date, in the
 * home's words. A home's managers set their own home's aims; the cohort's coaches may set them for any of its homes.
 * The aim's value becomes the target line on the home's chart (through {@link ImprovementNotes}).
 */
public final class AimService {
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern MONTH_YEAR = Pattern.compile("([A-Za-z]+)\\.?,?\\s+(\\d{4})");
    private static final Pattern MENTION = Pattern.compile("@|<[@#]");

    private final HomeAccess access;
    private final MeasureRepository measures;
    private final AimRepository aims;
    private final PrivacyGuard guard;
    private final Clock clock;

    public AimService(
            CohortRepository cohorts,
            HomeRepository homes,
            MeasureRepository measures,
            AimRepository aims,
            PrivacyGuard guard,
            Clock clock) {
        this.access = new HomeAccess(cohorts, homes);
        this.measures = measures;
        this.aims = aims;
        this.guard = guard;
        this.clock = clock;
    }

    /**
     * What {@code /aim set} was given.
     *
     * @param home    a home's name (coaches; a manager may name their own), empty for the manager's own home
     * @param measure the measure's name (any case) or its number
     * @param by      "2027-06-30", "30/06/2027" or "June 2027" (the end of that month)
     * @param words   the home's own words; empty to have them written from the numbers
     */
    public record Request(
            Optional<String> home, String measure, double from, double to, String by, Optional<String> words) {}

    /** {@code /aim set}: stores the aim (replacing the home's earlier one for the measure), or says what to change. */
    public Outcome set(Actor actor, Request r) {
        HomeAccess.Resolved resolved = access.named(actor, r.home(), "change aims");
        if (!(resolved instanceof HomeAccess.Found found)) {
            return ((HomeAccess.NotFound) resolved).why();
        }
        List<Measure> cohortMeasures = measures.inCohort(found.cohort().id());
        Optional<Measure> measure = match(cohortMeasures, r.measure());
        if (measure.isEmpty()) {
            return unknownMeasure(found.cohort().name(), cohortMeasures, r.measure());
        }
        Measure m = measure.get();
        if (!ordinary(r.from()) || !ordinary(r.to())) {
            return Outcome.invalid("`from` and `to` must be ordinary numbers. Nothing was saved.");
        }
        if (r.from() == r.to()) {
            return Outcome.invalid("An aim moves a measure from one value to another, so `from` and `to` must differ. "
                    + "Nothing was saved.");
        }
        if (m.direction() == ImprovementDirection.NEUTRAL) {
            return Outcome.invalid("**" + m.name() + "** is neutral (neither way is better), so it cannot have an aim. "
                    + "Nothing was saved.");
        }
        if (m.direction() == ImprovementDirection.DECREASE && r.to() > r.from()) {
            return Outcome.invalid("Lower is better for **" + m.name() + "**, so an aim goes down: `to` below `from` "
                    + "(for example from " + Numbers.format(r.to()) + " to " + Numbers.format(r.from())
                    + "). Nothing was saved.");
        }
        if (m.direction() == ImprovementDirection.INCREASE && r.to() < r.from()) {
            return Outcome.invalid("Higher is better for **" + m.name() + "**, so an aim goes up: `to` above `from` "
                    + "(for example from " + Numbers.format(r.to()) + " to " + Numbers.format(r.from())
                    + "). Nothing was saved.");
        }
        Optional<LocalDate> by = parseBy(r.by());
        if (by.isEmpty()) {
            return Outcome.invalid("I could not read " + guard.quoted(r.by().strip(), "that date")
                    + " as a date. Write it as 2027-06-30, 30/06/2027 or June 2027 (the end of that month). "
                    + "Nothing was saved.");
        }
        LocalDate today = LocalDate.now(clock.withZone(found.cohort().zone()));
        if (!by.get().isAfter(today)) {
            return Outcome.invalid("An aim's date must be in the future, and " + AimWords.day(by.get())
                    + " is not. Nothing was saved.");
        }
        String words = r.words().map(String::strip).orElse("");
        Optional<Outcome> badWords = checkWords(words);
        if (badWords.isPresent()) {
            return badWords.get();
        }
        if (words.isEmpty()) {
            words = AimWords.written(m.name(), r.from(), r.to(), by.get());
        }
        Aim aim = aims.save(new AimRepository.NewAim(
                found.home().id(), m.id(), r.from(), r.to(), by.get(), words, Who.of(actor), clock.instant()));
        return Outcome.done("Aim set for " + found.home().name() + " · **" + m.name() + "**: "
                + AimWords.summary(aim, m.name()) + ". It is the target line on the chart in `/measures`.");
    }

    /** {@code /aim clear}: removes the home's aim for the measure. */
    public Outcome clear(Actor actor, Optional<String> home, String measure) {
        HomeAccess.Resolved resolved = access.named(actor, home, "change aims");
        if (!(resolved instanceof HomeAccess.Found found)) {
            return ((HomeAccess.NotFound) resolved).why();
        }
        List<Measure> cohortMeasures = measures.inCohort(found.cohort().id());
        Optional<Measure> m = match(cohortMeasures, measure);
        if (m.isEmpty()) {
            return unknownMeasure(found.cohort().name(), cohortMeasures, measure);
        }
        if (!aims.clear(found.home().id(), m.get().id())) {
            return Outcome.invalid(found.home().name() + " has no aim for **"
                    + m.get().name() + "**, so there was " + "nothing to clear.");
        }
        return Outcome.done("Aim cleared for " + found.home().name() + " · **"
                + m.get().name() + "**. The chart goes back to the cohort's target, if it has one.");
    }

    private Optional<Outcome> checkWords(String words) {
        if (words.isEmpty()) {
            return Optional.empty();
        }
        if (UserText.length(words) > Aim.WORDS_MAX) {
            return Optional.of(Outcome.invalid("The aim's words are at most " + Aim.WORDS_MAX + " characters; yours "
                    + "have " + UserText.length(words) + ". Nothing was saved. What you wrote: \"" + guard.redact(words)
                    + "\""));
        }
        if (MENTION.matcher(words).find() || UserText.hiddenCharacter(words).isPresent()) {
            return Optional.of(
                    Outcome.invalid(
                            "The aim's words cannot contain @, mentions, line breaks or hidden characters. Nothing was saved."));
        }
        Optional<String> identifiers = guard.identifiers("Aim", words);
        if (identifiers.isPresent()) {
            return Optional.of(Outcome.invalid(identifiers.get() + " What you wrote, with those details taken out: \""
                    + guard.redact(words) + "\""));
        }
        return Optional.empty();
    }

    private static boolean ordinary(double v) {
        return Double.isFinite(v) && Math.abs(v) <= Numbers.MAX_MAGNITUDE;
    }

    /** The measure named (any case) or numbered (its position in the cohort's list). */
    public static Optional<Measure> match(List<Measure> measures, String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.matches("\\d{1,3}")) {
            int position = Integer.parseInt(t);
            return measures.stream().filter(m -> m.position() == position).findFirst();
        }
        return measures.stream().filter(m -> m.name().equalsIgnoreCase(t)).findFirst();
    }

    private Outcome unknownMeasure(String cohort, List<Measure> measures, String typed) {
        if (measures.isEmpty()) {
            return Outcome.invalid(cohort + " has no measures yet. Your coach adds them with `/measure add`.");
        }
        String list = measures.stream().map(m -> m.position() + ". " + m.name()).collect(Collectors.joining(", "));
        return Outcome.invalid(cohort + " has no measure " + guard.quoted(typed.strip(), "of that name")
                + ". Its measures: " + list + ". Give the name or the number.");
    }

    /**
     * The date in "2027-06-30", "30/06/2027" or "June 2027" (also "Jun 2027"; the last day of that month); empty
     * when it is none of these or no such day exists.
     */
    public static Optional<LocalDate> parseBy(String text) {
        String t = text == null ? "" : text.strip();
        try {
            Matcher iso = ISO.matcher(t);
            if (iso.matches()) {
                return Optional.of(LocalDate.of(
                        Integer.parseInt(iso.group(1)),
                        Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))));
            }
            Matcher slashed = SLASHED.matcher(t);
            if (slashed.matches()) {
                return Optional.of(LocalDate.of(
                        Integer.parseInt(slashed.group(3)),
                        Integer.parseInt(slashed.group(2)),
                        Integer.parseInt(slashed.group(1))));
            }
            Matcher monthYear = MONTH_YEAR.matcher(t);
            if (monthYear.matches()) {
                Optional<Month> month = month(monthYear.group(1));
                if (month.isPresent()) {
                    return Optional.of(YearMonth.of(Integer.parseInt(monthYear.group(2)), month.get())
                            .atEndOfMonth());
                }
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** "June", "jun" or "Sept": a month's full English name or the first three (or more) of its letters. */
    private static Optional<Month> month(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() < 3) {
            return Optional.empty();
        }
        for (Month m : Month.values()) {
            String full = m.getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.ROOT);
            if (full.startsWith(w)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
