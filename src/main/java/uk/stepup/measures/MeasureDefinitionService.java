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
import uk.stepup.cohorts.ManagedHomes;
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

    /** What came of {@code /measure add}. */
    public sealed interface AddResult {}

    /** Stored as the cohort's {@code measure}. */
    public record Added(String cohort, Measure measure) implements AddResult {}

    /** Nothing stored; {@code why} says what to change. */
    public record NotAdded(Outcome why) implements AddResult {}

    /** {@code /measure add}: coaches only. */
    public AddResult add(Actor actor, Cohort cohort, Definition d) {
        if (!actor.coach()) {
            return new NotAdded(Outcome.refused(Outcome.COACHES_ONLY));
        }
        Validated checked = validate(actor, cohort, d);
        if (checked instanceof Rejected rejected) {
            return new NotAdded(rejected.why());
        }
        if (!(checked instanceof Valid valid)) {
            throw new IllegalStateException("A definition is valid or rejected, not " + checked);
        }
        try {
            return new Added(cohort.name(), measures.add(valid.measure()));
        } catch (MeasureRepository.DuplicateMeasureException e) {
            return new NotAdded(Outcome.invalid(e.getMessage()));
        }
    }

    /** A definition checked: the measure to store, or why not. */
    private sealed interface Validated {}

    private record Valid(MeasureRepository.NewMeasure measure) implements Validated {}

    private record Rejected(Outcome why) implements Validated {}

    private Validated validate(Actor actor, Cohort cohort, Definition d) {
        if (cohort.status() == Cohort.Status.ENDED) {
            return new Rejected(Outcome.invalid(cohort.name() + " has ended, so its measures can no longer change."));
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
            return new Rejected(bad.get());
        }
        Optional<ImprovementDirection> direction = ImprovementDirection.parse(d.direction());
        if (direction.isEmpty()) {
            return new Rejected(Outcome.invalid(
                    "Direction is increase (higher is better), decrease (lower is better) or neutral."));
        }
        Optional<Frequency> frequency = d.frequency().isEmpty()
                ? Optional.of(Frequency.WEEKLY)
                : Frequency.parse(d.frequency().get());
        if (frequency.isEmpty()) {
            return new Rejected(Outcome.invalid("Frequency is weekly or monthly."));
        }
        if (d.target().isPresent()
                && (!Double.isFinite(d.target().getAsDouble())
                        || Math.abs(d.target().getAsDouble()) > Numbers.MAX_MAGNITUDE)) {
            return new Rejected(Outcome.invalid("The target must be an ordinary number."));
        }
        if (d.target().isPresent() && direction.get() == ImprovementDirection.NEUTRAL) {
            return new Rejected(
                    Outcome.invalid("A neutral measure has no better direction, so a target cannot be passed or "
                            + "failed. Leave the target out, or choose increase or decrease."));
        }
        if (numerator.isPresent() != denominator.isPresent()) {
            return new Rejected(
                    Outcome.invalid("A rate needs both `numerator_label` and `denominator_label` (e.g. falls and "
                            + "occupied bed days); for a plain number leave both out."));
        }
        if (d.per().isPresent() && numerator.isEmpty()) {
            return new Rejected(
                    Outcome.invalid("`per` multiplies a rate; give `numerator_label` and `denominator_label` too."));
        }
        double per = d.per().orElse(1);
        if (!(per > 0) || per > PER_MAX) {
            return new Rejected(
                    Outcome.invalid("`per` is a multiplier above 0, such as 100 for a percentage or 1000 for "
                            + "\"per 1,000 bed days\"."));
        }
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("Measure name", name);
        shown.put("Unit", unit);
        numerator.ifPresent(n -> shown.put("Numerator label", n));
        denominator.ifPresent(n -> shown.put("Denominator label", n));
        PrivacyVerdict verdict = guard.check(shown);
        if (!(verdict instanceof PrivacyVerdict.Clear)) {
            return new Rejected(
                    Outcome.invalid("Nothing was added: every home sees a measure's name and labels, so they must "
                            + "not point to a person. " + PrivacyWords.explain(verdict)));
        }
        List<Measure> existing = measures.inCohort(cohort.id());
        if (existing.size() >= MAX_MEASURES) {
            return new Rejected(Outcome.invalid(cohort.name() + " already has " + MAX_MEASURES
                    + " measures, the most a weekly " + "form can sensibly ask for."));
        }
        Optional<Rate> rate = numerator.map(n -> new Rate(n, denominator.get(), per));
        return new Valid(new MeasureRepository.NewMeasure(
                cohort.id(),
                name,
                unit,
                direction.get(),
                d.target(),
                frequency.get(),
                rate,
                actor.userId(),
                clock.instant()));
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

    /** What {@code /measure list} shows, as values: the Discord side writes the message. */
    public sealed interface Listing {}

    /** The person manages no home in a cohort, so there is no cohort to list. */
    public record NoHome() implements Listing {}

    /** The cohort's measures in order (perhaps none yet). */
    public record Listed(String cohort, List<Measure> measures) implements Listing {
        public Listed {
            measures = List.copyOf(measures);
        }
    }

    /** {@code /measure list} for a manager: the measures of their home's cohort. */
    public Listing listForManager(Actor actor) {
        Optional<Home> home = ManagedHomes.current(homes, cohorts, actor, false);
        if (home.isEmpty()) {
            return new NoHome();
        }
        return list(cohorts.byId(home.get().cohortId()).orElseThrow());
    }

    /** {@code /measure list}: the cohort's measures. */
    public Listing list(Cohort cohort) {
        return new Listed(cohort.name(), measures.inCohort(cohort.id()));
    }
}
