package uk.stepup.measures;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.UUID;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.ProgrammeCalendar;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.privacy.PrivacyVerdict;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.shared.UserText;

/**
 * Entering a week's measures, from the manager's side: after a check-in the bot offers a form with one box per
 * measure (two for a rate: numerator and denominator), split into pages of {@value #INPUTS_PER_PAGE} boxes because
 * a Discord form holds no more. A box left empty is skipped. Numbers only: anything else is refused with the box
 * named (never the text echoed), every box goes through the privacy guard, and what was typed is held for
 * {@link #DRAFT_TTL} so the form reopens pre-filled to fix it.
 *
 * <p>Which period a box is for:
 * <ul>
 *   <li>a weekly measure: the programme week's calendar week (its Monday);</li>
 *   <li>a monthly measure: the last complete calendar month before the week began. It is asked once per month: in
 *       each week's form until a value for that month exists, and after that only in the form of the week it was
 *       entered in (so it can still be corrected there).</li>
 * </ul>
 * Measures can be entered while the week's check-in is open: from its prompt until its summary is posted.
 */
public final class MeasureEntryService {
    /** Discord allows at most five components in a modal. */
    public static final int INPUTS_PER_PAGE = 5;
    /** Discord's limits for a modal's title and a label, and a label's description. */
    public static final int TITLE_MAX = 45;

    public static final int LABEL_MAX = 45;
    public static final int DESCRIPTION_MAX = 100;
    /** Longest text a box accepts: ample for any number. */
    public static final int INPUT_MAX = 20;
    /** How long typed values are held for a correction. */
    static final Duration DRAFT_TTL = Duration.ofMinutes(15);

    private final CohortRepository cohorts;
    private final HomeRepository homes;
    private final MeasureRepository measures;
    private final PrivacyGuard guard;
    private final Clock clock;
    private final MeasureDrafts drafts;

    public MeasureEntryService(
            CohortRepository cohorts,
            HomeRepository homes,
            MeasureRepository measures,
            PrivacyGuard guard,
            MeasureDrafts drafts,
            Clock clock) {
        this.cohorts = cohorts;
        this.homes = homes;
        this.measures = measures;
        this.guard = guard;
        this.drafts = drafts;
        this.clock = clock;
    }

    /** One box of the form; {@code id} is stable per measure ({@code m12}, or {@code m12n} and {@code m12d}). */
    public record Input(String id, String label, String description, String placeholder, Optional<String> value) {}

    /** A page of the form. */
    public record Form(long homeId, int week, int page, int pages, String title, List<Input> inputs) {
        public Form {
            inputs = List.copyOf(inputs);
        }
    }

    /** A button that opens a page of the form. */
    public record Offer(long homeId, int week, int page, int pages) {
        /** "Add this week's measures", with "(2/3)" when there is more than one page. */
        public String label() {
            return "Add this week's measures" + (pages > 1 ? " (" + page + "/" + pages + ")" : "");
        }
    }

    /** What happened. */
    public sealed interface Result permits Opened, Saved, Invalid, Refused {}

    public record Opened(Form form) implements Result {}

    /** Stored; {@code next} offers the following page, if any. */
    public record Saved(String message, Optional<Offer> next) implements Result {}

    /** Nothing stored; the form can be reopened pre-filled with {@code draft}. */
    public record Invalid(String message, Offer retry, String draft) implements Result {}

    public record Refused(Outcome outcome) implements Result {}

    private record Slot(Measure measure, LocalDate period) {}

    private record Context(Home home, Cohort cohort, LocalDate weekStart, List<List<Slot>> pages) {}

    /** The button to show after a check-in for that home and week, if the cohort has measures to enter. */
    public Optional<Offer> offer(long homeId, int week) {
        Optional<Home> home = homes.byId(homeId);
        if (home.isEmpty()) {
            return Optional.empty();
        }
        Cohort cohort = cohorts.byId(home.get().cohortId()).orElseThrow();
        Optional<LocalDate> start = calendar(cohort).weekStart(week);
        if (start.isEmpty()) {
            return Optional.empty();
        }
        List<List<Slot>> pages = pages(cohort, home.get(), week, start.get());
        return pages.isEmpty() ? Optional.empty() : Optional.of(new Offer(homeId, week, 1, pages.size()));
    }

    /** Opens a page of the form, pre-filled with the held draft if one is given, else with stored values. */
    public Result open(Actor actor, long homeId, int week, int page, Optional<String> draftToken) {
        Object found = context(actor, homeId, week);
        if (found instanceof Refused r) {
            return r;
        }
        Context ctx = (Context) found;
        Map<String, String> held = Map.of();
        if (draftToken.isPresent()) {
            // Only the manager who typed it takes the draft: anyone else's try (a stale or forged token) leaves it.
            Optional<MeasureDrafts.Draft> draft = drafts.take(
                            draftToken.get(), actor.userId(), clock.instant().minus(DRAFT_TTL))
                    .filter(d -> d.homeId() == homeId && d.week() == week);
            if (draft.isPresent()) {
                held = draft.get().values();
                page = draft.get().page();
            }
        }
        int p = Math.max(1, Math.min(page, ctx.pages().size()));
        Map<String, MeasureValue> stored = stored(ctx.home());
        List<Input> inputs = new ArrayList<>();
        for (Slot s : ctx.pages().get(p - 1)) {
            inputs.addAll(inputs(s, stored.get(key(s.measure().id(), s.period())), held));
        }
        String title = "Week " + week + " measures"
                + (ctx.pages().size() > 1 ? " (" + p + "/" + ctx.pages().size() + ")" : "");
        return new Opened(new Form(homeId, week, p, ctx.pages().size(), title, inputs));
    }

    /** Checks and stores one page of the form: all its boxes, or (on any problem) none. */
    public Result submit(Actor actor, long homeId, int week, int page, Map<String, String> typed) {
        Object found = context(actor, homeId, week);
        if (found instanceof Refused r) {
            return r;
        }
        Context ctx = (Context) found;
        if (page < 1 || page > ctx.pages().size()) {
            return new Refused(Outcome.invalid(
                    "This form is out of date: the cohort's measures have changed. " + "Please open it again."));
        }
        List<Slot> slots = ctx.pages().get(page - 1);
        Map<String, String> labels = new LinkedHashMap<>();
        for (Slot s : slots) {
            for (Input in : inputs(s, null, Map.of())) {
                labels.put(in.id(), in.label());
            }
        }
        // Screen every box: a value that identifies someone is neither stored nor held for the correction.
        Map<String, String> keep = new LinkedHashMap<>();
        Map<String, String> screened = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : labels.entrySet()) {
            String text = typed.getOrDefault(e.getKey(), "").strip();
            if (text.isEmpty()) {
                continue;
            }
            screened.put(e.getValue(), text);
            keep.put(e.getKey(), guard.check(e.getValue(), text) instanceof PrivacyVerdict.Clear ? text : "");
        }
        PrivacyVerdict verdict = guard.check(screened);
        if (!(verdict instanceof PrivacyVerdict.Clear)) {
            return invalid(
                    actor,
                    ctx,
                    week,
                    page,
                    keep,
                    "**Nothing was saved.** " + PrivacyWords.explain(verdict)
                            + " Those boxes have been emptied; type just the number.");
        }

        Instant now = clock.instant();
        List<MeasureValue> values = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> saved = new ArrayList<>();
        for (Slot s : slots) {
            Measure m = s.measure();
            if (m.rate().isEmpty()) {
                String text = keep.getOrDefault("m" + m.id(), "");
                if (text.isEmpty()) {
                    continue;
                }
                Optional<Double> v = Numbers.parse(text);
                if (v.isEmpty()) {
                    problems.add("**" + m.name() + "** is not a number: type digits only, e.g. 12 or 3.5.");
                    continue;
                }
                values.add(new MeasureValue(
                        m.id(),
                        ctx.home().id(),
                        s.period(),
                        v.get(),
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        MeasureValue.Source.ENTERED,
                        OptionalInt.of(week),
                        actor.userId(),
                        now));
                saved.add(m.name() + " " + Numbers.format(v.get()) + period(m, s.period()));
                continue;
            }
            Rate rate = m.rate().get();
            String n = keep.getOrDefault("m" + m.id() + "n", "");
            String d = keep.getOrDefault("m" + m.id() + "d", "");
            if (n.isEmpty() && d.isEmpty()) {
                continue;
            }
            if (n.isEmpty() || d.isEmpty()) {
                problems.add("**" + m.name() + "** needs both " + rate.numeratorLabel() + " and "
                        + rate.denominatorLabel() + ", or neither.");
                continue;
            }
            Optional<Double> num = Numbers.parse(n);
            Optional<Double> den = Numbers.parse(d);
            if (num.isEmpty() || den.isEmpty()) {
                problems.add(
                        "**" + m.name() + "**: " + (num.isEmpty() ? rate.numeratorLabel() : rate.denominatorLabel())
                                + " is not a number: type digits only, e.g. 12 or 3.5.");
                continue;
            }
            if (num.get() < 0) {
                problems.add("**" + m.name() + "**: " + rate.numeratorLabel() + " cannot be below 0.");
                continue;
            }
            if (!(den.get() > 0)) {
                problems.add("**" + m.name() + "**: " + rate.denominatorLabel() + " must be above 0.");
                continue;
            }
            double value = rate.of(num.get(), den.get());
            values.add(new MeasureValue(
                    m.id(),
                    ctx.home().id(),
                    s.period(),
                    value,
                    OptionalDouble.of(num.get()),
                    OptionalDouble.of(den.get()),
                    MeasureValue.Source.ENTERED,
                    OptionalInt.of(week),
                    actor.userId(),
                    now));
            saved.add(m.name() + " " + Numbers.format(value) + " (" + Numbers.format(num.get()) + " ÷ "
                    + Numbers.format(den.get()) + ")" + period(m, s.period()));
        }
        if (!problems.isEmpty()) {
            return invalid(
                    actor,
                    ctx,
                    week,
                    page,
                    keep,
                    "**Nothing was saved.** Please fix:\n• " + String.join("\n• ", problems)
                            + "\nWhat you typed is kept: press **Fix my measures**.");
        }
        Optional<Offer> next = page < ctx.pages().size()
                ? Optional.of(new Offer(homeId, week, page + 1, ctx.pages().size()))
                : Optional.empty();
        String more = next.isPresent() ? "\nThere are more measures on the next page." : "";
        if (values.isEmpty()) {
            return new Saved("Nothing entered on this page, so nothing changed." + more, next);
        }
        measures.saveValues(values);
        return new Saved(
                "Saved " + values.size() + (values.size() == 1 ? " measure" : " measures") + " for "
                        + ctx.home().name() + ", week " + week + ": " + String.join("; ", saved) + ".\n"
                        + "Your charts are in `/measures`." + more,
                next);
    }

    private Invalid invalid(Actor actor, Context ctx, int week, int page, Map<String, String> keep, String message) {
        forgetExpired();
        String token = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        drafts.hold(new MeasureDrafts.Draft(token, actor.userId(), ctx.home().id(), week, page, keep, clock.instant()));
        return new Invalid(
                message, new Offer(ctx.home().id(), week, page, ctx.pages().size()), token);
    }

    private static String period(Measure m, LocalDate period) {
        return m.frequency() == Frequency.MONTHLY ? " for " + m.frequency().label(period) : "";
    }

    /** The home, cohort and pages, or why the manager cannot enter measures for that week. */
    private Object context(Actor actor, long homeId, int week) {
        Optional<Home> home = homes.byId(homeId);
        if (home.isEmpty() || !home.get().managerIds().contains(actor.userId())) {
            return new Refused(Outcome.refused("Only the managers of a home can enter its measures."));
        }
        Cohort cohort = cohorts.byId(home.get().cohortId()).orElseThrow();
        ProgrammeCalendar cal = calendar(cohort);
        Instant now = clock.instant();
        if (cohort.status() == Cohort.Status.ENDED) {
            return new Refused(Outcome.invalid("This programme has ended, so measures are closed."));
        }
        ProgrammeCalendar.WeekState state = cal.stateOf(week, now);
        Optional<LocalDate> start = cal.weekStart(week);
        if (state == ProgrammeCalendar.WeekState.NOT_STARTED || start.isEmpty()) {
            return new Refused(Outcome.invalid("Week " + week + " has not started yet."));
        }
        if (state == ProgrammeCalendar.WeekState.SUMMARISED) {
            return new Refused(Outcome.invalid("Week " + week + "'s summary has been posted, so its measures are "
                    + "closed. Add them with this week's check-in instead."));
        }
        List<List<Slot>> pages = pages(cohort, home.get(), week, start.get());
        if (pages.isEmpty()) {
            return new Refused(Outcome.invalid("There are no measures to enter for week " + week + "."));
        }
        return new Context(home.get(), cohort, start.get(), pages);
    }

    private ProgrammeCalendar calendar(Cohort cohort) {
        return ProgrammeCalendar.of(cohort, cohorts);
    }

    /** The period a measure's box is for in the week starting {@code weekStart}. */
    public static LocalDate periodFor(Measure m, LocalDate weekStart) {
        return m.frequency() == Frequency.WEEKLY
                ? weekStart
                : weekStart.withDayOfMonth(1).minusMonths(1);
    }

    /** The form's boxes for the week, grouped into pages; a rate's two boxes stay on one page. */
    private List<List<Slot>> pages(Cohort cohort, Home home, int week, LocalDate weekStart) {
        Map<String, MeasureValue> stored = stored(home);
        List<List<Slot>> pages = new ArrayList<>();
        List<Slot> page = new ArrayList<>();
        int used = 0;
        for (Measure m : measures.inCohort(cohort.id())) {
            LocalDate period = periodFor(m, weekStart);
            MeasureValue existing = stored.get(key(m.id(), period));
            if (m.frequency() == Frequency.MONTHLY
                    && existing != null
                    && !existing.week().equals(OptionalInt.of(week))) {
                continue;
            }
            int boxes = m.isRate() ? 2 : 1;
            if (used + boxes > INPUTS_PER_PAGE) {
                pages.add(page);
                page = new ArrayList<>();
                used = 0;
            }
            page.add(new Slot(m, period));
            used += boxes;
        }
        if (!page.isEmpty()) {
            pages.add(page);
        }
        return pages;
    }

    private Map<String, MeasureValue> stored(Home home) {
        Map<String, MeasureValue> byKey = new HashMap<>();
        measures.forHome(home.id()).forEach(v -> byKey.put(key(v.measureId(), v.period()), v));
        return byKey;
    }

    private static String key(long measureId, LocalDate period) {
        return measureId + "@" + period;
    }

    private static List<Input> inputs(Slot s, MeasureValue stored, Map<String, String> held) {
        Measure m = s.measure();
        String when = (m.frequency() == Frequency.WEEKLY ? "For the " : "Monthly, for ")
                + m.frequency().label(s.period());
        if (m.rate().isEmpty()) {
            String id = "m" + m.id();
            Optional<String> value = held.containsKey(id)
                    ? Optional.of(held.get(id))
                    : Optional.ofNullable(stored).map(v -> plain(v.value()));
            String label = m.name() + " (" + m.unit() + ")";
            return List.of(new Input(
                    id,
                    fit(label.length() <= LABEL_MAX ? label : m.name(), LABEL_MAX),
                    fit(when + " · " + m.directionWords(), DESCRIPTION_MAX),
                    "A number, e.g. 12",
                    value.filter(v -> !v.isEmpty())));
        }
        Rate r = m.rate().get();
        String n = "m" + m.id() + "n";
        String d = "m" + m.id() + "d";
        Optional<String> nv = held.containsKey(n)
                ? Optional.of(held.get(n))
                : Optional.ofNullable(stored)
                        .flatMap(v -> v.numerator().isPresent()
                                ? Optional.of(plain(v.numerator().getAsDouble()))
                                : Optional.empty());
        Optional<String> dv = held.containsKey(d)
                ? Optional.of(held.get(d))
                : Optional.ofNullable(stored)
                        .flatMap(v -> v.denominator().isPresent()
                                ? Optional.of(plain(v.denominator().getAsDouble()))
                                : Optional.empty());
        return List.of(
                new Input(
                        n,
                        fit(m.name() + ": " + r.numeratorLabel(), LABEL_MAX),
                        fit(when + " · how many in total", DESCRIPTION_MAX),
                        "A number, e.g. 3",
                        nv.filter(v -> !v.isEmpty())),
                new Input(
                        d,
                        fit(m.name() + ": " + r.denominatorLabel(), LABEL_MAX),
                        fit(when + " · " + m.name() + " = " + r.describe(), DESCRIPTION_MAX),
                        "A number, e.g. 840",
                        dv.filter(v -> !v.isEmpty())));
    }

    /** A stored number as a person would type it: "12", "3.5", never "1.2E3". */
    static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static String fit(String text, int max) {
        return UserText.shorten(text, max);
    }

    /** Forgets drafts whose manager did not come back within {@link #DRAFT_TTL} (also called at start). */
    public void forgetExpired() {
        drafts.forgetBefore(clock.instant().minus(DRAFT_TTL));
    }
}
