package uk.stepup.measures;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.measures.spc.ImprovementDirection;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.privacy.PrivacyVerdict;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.shared.UserText;

/**
 * A coach defines the cohort's measures ({@code /measure add}) and anyone in the cohort can list them
 * ({@code /measure list}). Names, units and labels are shown to every home, so they go through the privacy guard.
 */
public final class MeasureDefinitionService {
    /** Most measures a cohort may have: each adds one or two boxes to a weekly form. */
    public static final int MAX_MEASURES = 12;

    public static final int NAME_MAX = 60;
    public static final int UNIT_MAX = 40;
    public static final int LABEL_MAX = 40;
    public static final double PER_MAX = 1_000_000;
    private static final Pattern MENTION = Pattern.compile("@|<[@#]");

    private final CohortRepository cohorts;
    private final HomeRepository homes;
    private final MeasureRepository measures;
    private final PrivacyGuard guard;
    private final Clock clock;

    public MeasureDefinitionService(
            CohortRepository cohorts,
            HomeRepository homes,
            MeasureRepository measures,
            PrivacyGuard guard,
            Clock clock) {
        this.cohorts = cohorts;
        this.homes = homes;
        this.measures = measures;
        this.guard = guard;
        this.clock = clock;
    }

    /** What the coach typed into {@code /measure add}; options not given are empty. */
    public record Definition(
            String name,
            String unit,
            String direction,
            OptionalDouble target,
            Optional<String> frequency,
            Optional<String> numeratorLabel,
            Optional<String> denominatorLabel,
            OptionalDouble per) {}

    /** {@code /measure add}: coaches only. */
    public Outcome add(Actor actor, Cohort cohort, Definition d) {
        if (!actor.coach()) {
            return Outcome.refused(Outcome.COACHES_ONLY);
        }
        if (cohort.status() == Cohort.Status.ENDED) {
            return Outcome.invalid(cohort.name() + " has ended, so its measures can no longer change.");
        }
        String name = d.name() == null ? "" : d.name().strip();
        String unit = d.unit() == null ? "" : d.unit().strip();
        Optional<String> numerator = d.numeratorLabel().map(String::strip).filter(s -> !s.isEmpty());
        Optional<String> denominator = d.denominatorLabel().map(String::strip).filter(s -> !s.isEmpty());
        Optional<Outcome> bad = text("name", name, NAME_MAX)
                .or(() -> text("unit", unit, UNIT_MAX))
                .or(() -> numerator.flatMap(n -> text("numerator_label", n, LABEL_MAX)))
                .or(() -> denominator.flatMap(n -> text("denominator_label", n, LABEL_MAX)));
        if (bad.isPresent()) {
            return bad.get();
        }
        Optional<ImprovementDirection> direction = ImprovementDirection.parse(d.direction());
        if (direction.isEmpty()) {
            return Outcome.invalid("Direction is increase (higher is better), decrease (lower is better) or neutral.");
        }
        Optional<Frequency> frequency = d.frequency().isEmpty()
                ? Optional.of(Frequency.WEEKLY)
                : Frequency.parse(d.frequency().get());
        if (frequency.isEmpty()) {
            return Outcome.invalid("Frequency is weekly or monthly.");
        }
        if (d.target().isPresent()
                && (!Double.isFinite(d.target().getAsDouble())
                        || Math.abs(d.target().getAsDouble()) > Numbers.MAX_MAGNITUDE)) {
            return Outcome.invalid("The target must be an ordinary number.");
        }
        if (d.target().isPresent() && direction.get() == ImprovementDirection.NEUTRAL) {
            return Outcome.invalid("A neutral measure has no better direction, so a target cannot be passed or "
                    + "failed. Leave the target out, or choose increase or decrease.");
        }
        if (numerator.isPresent() != denominator.isPresent()) {
            return Outcome.invalid("A rate needs both `numerator_label` and `denominator_label` (e.g. falls and "
                    + "occupied bed days); for a plain number leave both out.");
        }
        if (d.per().isPresent() && numerator.isEmpty()) {
            return Outcome.invalid("`per` multiplies a rate; give `numerator_label` and `denominator_label` too.");
        }
        double per = d.per().orElse(1);
        if (!(per > 0) || per > PER_MAX) {
            return Outcome.invalid("`per` is a multiplier above 0, such as 100 for a percentage or 1000 for "
                    + "\"per 1,000 bed days\".");
        }
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("Measure name", name);
        shown.put("Unit", unit);
        numerator.ifPresent(n -> shown.put("Numerator label", n));
        denominator.ifPresent(n -> shown.put("Denominator label", n));
        PrivacyVerdict verdict = guard.check(shown);
        if (!(verdict instanceof PrivacyVerdict.Clear)) {
            return Outcome.invalid("Nothing was added: every home sees a measure's name and labels, so they must "
                    + "not point to a person. " + PrivacyWords.explain(verdict));
        }
        List<Measure> existing = measures.inCohort(cohort.id());
        if (existing.size() >= MAX_MEASURES) {
            return Outcome.invalid(cohort.name() + " already has " + MAX_MEASURES + " measures, the most a weekly "
                    + "form can sensibly ask for.");
        }
        Optional<Rate> rate = numerator.map(n -> new Rate(n, denominator.get(), per));
        try {
            Measure m = measures.add(new MeasureRepository.NewMeasure(
                    cohort.id(),
                    name,
                    unit,
                    direction.get(),
                    d.target(),
                    frequency.get(),
                    rate,
                    actor.userId(),
                    clock.instant()));
            return Outcome.done("Added measure " + m.position() + " to " + cohort.name() + ": **" + m.name() + "** · "
                    + m.definition() + ".\nManagers are asked for it after their "
                    + (m.frequency() == Frequency.MONTHLY
                            ? "first check-in of each month (for the month before)"
                            : "weekly check-in")
                    + ", and can load up to " + MeasureCsv.MONTHS_BACK
                    + " months of history with `/measure import`.");
        } catch (MeasureRepository.DuplicateMeasureException e) {
            return Outcome.invalid(e.getMessage());
        }
    }

    private static Optional<Outcome> text(String option, String value, int max) {
        if (value.isEmpty()) {
            return Optional.of(Outcome.invalid("`" + option + "` cannot be empty."));
        }
        if (UserText.length(value) > max) {
            return Optional.of(Outcome.invalid("`" + option + "` is at most " + max + " characters."));
        }
        if (MENTION.matcher(value).find() || UserText.hiddenCharacter(value).isPresent()) {
            return Optional.of(Outcome.invalid(
                    "`" + option + "` cannot contain @, mentions, line breaks or hidden" + " characters."));
        }
        return Optional.empty();
    }

    /** {@code /measure list} for a manager: the measures of their home's cohort. */
    public String listForManager(Actor actor) {
        Optional<Home> home = ManagedHomes.current(homes, cohorts, actor, false);
        if (home.isEmpty()) {
            return "You are not enrolled as a manager of a home yet, so there are no measures to list. "
                    + "Ask your coach to enrol you.";
        }
        return list(cohorts.byId(home.get().cohortId()).orElseThrow());
    }

    /** {@code /measure list}: the cohort's measures, one line each. */
    public String list(Cohort cohort) {
        List<Measure> all = measures.inCohort(cohort.id());
        if (all.isEmpty()) {
            return cohort.name() + " has no measures yet. A coach adds them with `/measure add`, for example "
                    + "name: Falls, unit: falls, direction: decrease.";
        }
        StringBuilder s = new StringBuilder("**Measures in ")
                .append(cohort.name())
                .append("** (")
                .append(all.size())
                .append(")\n");
        for (Measure m : all) {
            s.append(m.position())
                    .append(". **")
                    .append(m.name())
                    .append("** · ")
                    .append(m.definition())
                    .append('\n');
        }
        s.append("Managers enter aggregate numbers only (never anything about a resident) after their check-in; "
                        + "anything shared with the cohort shows counts of 1 to 4 as ")
                .append(SmallCounts.LABEL)
                .append(".\n")
                .append("History: `/measure import` takes a CSV with the header `measure,period,value` (add ")
                .append("`numerator,denominator` for rates), periods as YYYY-MM-DD or YYYY-MM, up to ")
                .append(MeasureCsv.MONTHS_BACK)
                .append(" months back.");
        return s.toString();
    }
}
