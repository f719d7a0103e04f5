package uk.stepup.improvement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.ManagedHomes;
import uk.stepup.measures.Measure;
import uk.stepup.measures.MeasureRepository;
import uk.stepup.privacy.Finding;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.privacy.PrivacyVerdict;
import uk.stepup.privacy.Signpost;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.shared.UserText;

/**
 * A home's PDSA cycles (programme spec section 11): a manager starts one from what they typed ({@code /pdsa new}),
 * records Do and Study, decides at Act (adopt, adapt or abandon; adapting opens the next cycle, linked to this one),
 * and chooses how the cohort may see it (the same choice as a check-in's highlight, anonymous by default). Only the
 * home's managers and the cohort's coaches may act on a cycle; that is checked here, whatever Discord showed. Every
 * text goes through the privacy guard before it is stored; a refusal hands back what was typed so the person can fix
 * it rather than type it again. Returns values; the Discord side writes the messages.
 */
public final class PdsaService {
    /** The planned length when none is given: two weeks, a short test as the Model for Improvement advises. */
    public static final int DEFAULT_WEEKS = 2;

    /** The labels people see on the forms; privacy findings name the field by them. */
    public static final String IDEA = "Change idea";

    public static final String PLAN = "What we will do";
    public static final String PREDICTION = "What we predict will happen";
    public static final String MEASURE = "Which measure (name or number)";
    public static final String WEEKS = "Planned length in weeks (1 to 26)";
    public static final String DO = "What happened";
    public static final String STUDY = "What the data said against the prediction";
    public static final String WHY = "Why";
    public static final String NEXT = "What we will change in the next cycle";
    public static final String NEXT_IDEA = "The next cycle's change idea";
    public static final String NEXT_PREDICTION = "What we predict next time";

    private final CycleRepository cycles;
    private final MeasureRepository measures;
    private final HomeRepository homes;
    private final CohortRepository cohorts;
    private final PrivacyGuard guard;
    private final Clock clock;

    public PdsaService(
            CycleRepository cycles,
            MeasureRepository measures,
            HomeRepository homes,
            CohortRepository cohorts,
            PrivacyGuard guard,
            Clock clock) {
        this.cycles = cycles;
        this.measures = measures;
        this.homes = homes;
        this.cohorts = cohorts;
        this.guard = guard;
        this.clock = clock;
    }

    /** What a manager typed into the new-cycle form; blank measure and weeks mean none and the default. */
    public record Draft(String idea, String plan, String prediction, String measure, String weeks) {
        public Draft {
            idea = idea == null ? "" : idea.strip();
            plan = plan == null ? "" : plan.strip();
            prediction = prediction == null ? "" : prediction.strip();
            measure = measure == null ? "" : measure.strip();
            weeks = weeks == null ? "" : weeks.strip();
        }

        Map<String, String> typed() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put(IDEA, idea);
            m.put(PLAN, plan);
            m.put(PREDICTION, prediction);
            m.put(MEASURE, measure);
            m.put(WEEKS, weeks);
            return m;
        }
    }

    /**
     * A cycle with what people need to read it: its home, the home's channel, the measure it should move, whether its
     * Study is overdue today (in the cohort's time zone), and the number of the cycle it adapts, if any.
     */
    public record Card(
            PdsaCycle cycle,
            String home,
            String cohort,
            Optional<String> channelId,
            Optional<Measure> measure,
            boolean studyOverdue,
            OptionalInt adapts) {
        /** A card for a cycle that adapts none. */
        public Card(
                PdsaCycle cycle,
                String home,
                String cohort,
                Optional<String> channelId,
                Optional<Measure> measure,
                boolean studyOverdue) {
            this(cycle, home, cohort, channelId, measure, studyOverdue, OptionalInt.empty());
        }
    }

    /** What came of a step. */
    public sealed interface Result permits Done, Refused {}

    /** Stored (or, for {@link #open}, allowed), with the cycle as it now stands; {@code next} is the cycle an
     * adaptation opened. */
    public record Done(Card card, Optional<Card> next) implements Result {}

    /** Nothing stored; {@code typed} is what the person typed (label → text), to hand back so nothing is lost. */
    public record Refused(Outcome why, Map<String, String> typed) implements Result, Opening {
        public Refused {
            typed = Collections.unmodifiableMap(new LinkedHashMap<>(typed));
        }

        Refused(Outcome why) {
            this(why, Map.of());
        }
    }

    /** The steps that open a form on a cycle's message. */
    public enum Step {
        DO,
        STUDY,
        ACT
    }

    /** Before the new-cycle form opens: whether this person has a home to start a cycle for. */
    public sealed interface Opening permits StartForm, Refused {}

    /** The form may open: for this home, whose cohort has these measures to choose from. */
    public record StartForm(String home, List<Measure> measures) implements Opening {
        public StartForm {
            measures = List.copyOf(measures);
        }
    }

    /** {@code /pdsa new} before its form opens: refused at once for someone who manages no running home. */
    public Opening startForm(Actor actor) {
        Optional<Home> home = ManagedHomes.current(homes, cohorts, actor, true);
        if (home.isEmpty()) {
            return new Refused(noHome(actor));
        }
        return new StartForm(home.get().name(), measures.inCohort(home.get().cohortId()));
    }

    private static Outcome noHome(Actor actor) {
        return Outcome.refused(
                actor.coach()
                        ? "PDSA cycles belong to a home, and you are not enrolled as a home's manager. "
                                + "A home's manager starts a cycle with `/pdsa new`; you can see every "
                                + "home's cycles with `/pdsa list home:` and in `/cohort status`."
                        : "You are not enrolled as a manager of a home in a running cohort yet, so there "
                                + "is no home to start a cycle for. Ask your coach to enrol you.");
    }

    /** {@code /pdsa new}: the manager's home starts a cycle from today (in the cohort's time zone). */
    public Result start(Actor actor, Draft d) {
        Map<String, String> typed = d.typed();
        Optional<Home> home = ManagedHomes.current(homes, cohorts, actor, true);
        if (home.isEmpty()) {
            return new Refused(noHome(actor), typed);
        }
        Cohort cohort = cohorts.byId(home.get().cohortId()).orElseThrow();
        Optional<Outcome> bad = required(IDEA, d.idea(), PdsaCycle.IDEA_MAX)
                .or(() -> required(PLAN, d.plan(), PdsaCycle.TEXT_MAX))
                .or(() -> required(PREDICTION, d.prediction(), PdsaCycle.TEXT_MAX));
        if (bad.isPresent()) {
            return new Refused(bad.get(), typed);
        }
        int weeks;
        if (d.weeks().isEmpty()) {
            weeks = DEFAULT_WEEKS;
        } else {
            try {
                weeks = Integer.parseInt(d.weeks());
            } catch (NumberFormatException e) {
                weeks = -1;
            }
            if (weeks < 1 || weeks > PdsaCycle.MAX_WEEKS) {
                return new Refused(
                        Outcome.invalid("The planned length is a whole number of weeks from 1 to "
                                + PdsaCycle.MAX_WEEKS + ", such as 2; leave it empty for " + DEFAULT_WEEKS
                                + " weeks. Nothing was saved."),
                        typed);
            }
        }
        List<Measure> cohortMeasures = measures.inCohort(cohort.id());
        Optional<Measure> measure = Optional.empty();
        if (!d.measure().isEmpty()) {
            measure = match(cohortMeasures, d.measure());
            if (measure.isEmpty()) {
                return new Refused(Outcome.invalid(unknownMeasure(cohort, cohortMeasures)), typed);
            }
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(IDEA, d.idea());
        texts.put(PLAN, d.plan());
        texts.put(PREDICTION, d.prediction());
        Optional<Outcome> unsafe = privacy(texts);
        if (unsafe.isPresent()) {
            return new Refused(unsafe.get(), typed);
        }
        PdsaCycle made = cycles.add(new CycleRepository.NewCycle(
                home.get().id(),
                measure.map(m -> OptionalLong.of(m.id())).orElse(OptionalLong.empty()),
                OptionalLong.empty(),
                d.idea(),
                d.plan(),
                d.prediction(),
                today(cohort),
                weeks,
                HighlightShare.ANONYMOUS,
                actor.userId(),
                clock.instant()));
        return new Done(card(made, home.get(), cohort), Optional.empty());
    }

    /** A measure by its name (any case) or its position number. */
    static Optional<Measure> match(List<Measure> cohortMeasures, String typed) {
        String t = typed.strip().replaceFirst("\\.$", "");
        for (Measure m : cohortMeasures) {
            if (m.name().equalsIgnoreCase(t) || Integer.toString(m.position()).equals(t)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private static String unknownMeasure(Cohort cohort, List<Measure> cohortMeasures) {
        if (cohortMeasures.isEmpty()) {
            return cohort.name() + " has no measures yet, so leave \"Which measure\" empty (your coach adds measures "
                    + "with `/measure add`). Nothing was saved.";
        }
        List<String> names = new ArrayList<>();
        cohortMeasures.forEach(m -> names.add(m.position() + ". " + m.name()));
        return "That is not one of " + cohort.name() + "'s measures, which are: " + String.join("; ", names)
                + ". Type a name or its number, or leave it empty. Nothing was saved.";
    }

    /**
     * Before a form opens on a cycle's message: whether this person may take the step, so someone else's press is
     * refused at once rather than after they typed.
     */
    public Result open(Actor actor, long cycleId, Step step) {
        Optional<Owned> owned = owned(actor, cycleId);
        if (owned.isEmpty()) {
            return new Refused(gone());
        }
        Optional<Outcome> no =
                mayChange(actor, owned.get()).or(() -> closed(owned.get().cycle()));
        if (no.isPresent()) {
            return new Refused(no.get());
        }
        return new Done(owned.get().card(), Optional.empty());
    }

    /** The Do step: what happened. Replaces an earlier Do. */
    public Result recordDo(Actor actor, long cycleId, String text) {
        return step(actor, cycleId, DO, text, (id, s) -> cycles.saveDo(id, s));
    }

    /** The Study step: what the data said against the prediction. Replaces an earlier Study. */
    public Result recordStudy(Actor actor, long cycleId, String text) {
        return step(actor, cycleId, STUDY, text, (id, s) -> cycles.saveStudy(id, s));
    }

    private interface Save {
        void save(long cycleId, PdsaCycle.Step step);
    }

    private Result step(Actor actor, long cycleId, String label, String text, Save save) {
        String t = text == null ? "" : text.strip();
        Map<String, String> typed = Map.of(label, t);
        Optional<Owned> owned = owned(actor, cycleId);
        if (owned.isEmpty()) {
            return new Refused(gone(), typed);
        }
        Optional<Outcome> no = mayChange(actor, owned.get())
                .or(() -> closed(owned.get().cycle()))
                .or(() -> required(label, t, PdsaCycle.TEXT_MAX))
                .or(() -> privacy(typed));
        if (no.isPresent()) {
            return new Refused(no.get(), typed);
        }
        save.save(cycleId, new PdsaCycle.Step(t, actor.userId(), clock.instant()));
        return new Done(reload(owned.get()), Optional.empty());
    }

    /**
     * The Act step, once per cycle: adopt, adapt or abandon, and why. Adopting or adapting needs a Study first (what
     * the data said); abandoning does not. Adapting opens the home's next cycle, linked to this one and pre-filled
     * from it (same idea, plan, prediction, measure, length and share choice, unless the person changed the idea,
     * plan or prediction for it).
     */
    public Result act(Actor actor, long cycleId, PdsaCycle.Decision decision, String why, String next) {
        return act(actor, cycleId, decision, why, new NextCycle("", next, ""));
    }

    /**
     * What an adapted cycle's next cycle changes: its idea, plan and prediction; an empty one keeps the adapted
     * cycle's.
     */
    public record NextCycle(String idea, String plan, String prediction) {}

    /** The Act step, with the next cycle's idea, plan and prediction when adapting. */
    public Result act(Actor actor, long cycleId, PdsaCycle.Decision decision, String why, NextCycle next) {
        String w = why == null ? "" : why.strip();
        String n = next.plan() == null ? "" : next.plan().strip();
        String i = next.idea() == null ? "" : next.idea().strip();
        String p = next.prediction() == null ? "" : next.prediction().strip();
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put(WHY, w);
        if (decision == PdsaCycle.Decision.ADAPT) {
            typed.put(NEXT_IDEA, i);
            typed.put(NEXT, n);
            typed.put(NEXT_PREDICTION, p);
        }
        Optional<Owned> owned = owned(actor, cycleId);
        if (owned.isEmpty()) {
            return new Refused(gone(), typed);
        }
        PdsaCycle cycle = owned.get().cycle();
        Optional<Outcome> no = mayChange(actor, owned.get())
                .or(() -> closed(cycle))
                .or(() -> decision != PdsaCycle.Decision.ABANDON
                                && cycle.studied().isEmpty()
                        ? Optional.of(Outcome.invalid("Study comes before Act: press **Study** on cycle "
                                + cycle.number() + " and say what the data showed against your prediction, then "
                                + "decide. (You can abandon a cycle at any time.)"))
                        : Optional.empty())
                .or(() -> required(WHY, w, PdsaCycle.TEXT_MAX))
                .or(() -> i.isEmpty() ? Optional.empty() : required(NEXT_IDEA, i, PdsaCycle.IDEA_MAX))
                .or(() -> n.isEmpty() ? Optional.empty() : required(NEXT, n, PdsaCycle.TEXT_MAX))
                .or(() -> p.isEmpty() ? Optional.empty() : required(NEXT_PREDICTION, p, PdsaCycle.TEXT_MAX))
                .or(() -> privacy(typed));
        if (no.isPresent()) {
            return new Refused(no.get(), typed);
        }
        if (!cycles.saveAct(cycleId, new PdsaCycle.Act(decision, w, actor.userId(), clock.instant()))) {
            return new Refused(alreadyDecided(cycles.byId(cycleId).orElse(cycle)), typed);
        }
        Optional<Card> opened = Optional.empty();
        if (decision == PdsaCycle.Decision.ADAPT) {
            PdsaCycle made = cycles.add(new CycleRepository.NewCycle(
                    cycle.homeId(),
                    cycle.measureId(),
                    OptionalLong.of(cycle.id()),
                    i.isEmpty() ? cycle.changeIdea() : i,
                    n.isEmpty() ? cycle.plan() : n,
                    p.isEmpty() ? cycle.prediction() : p,
                    today(owned.get().cohort()),
                    cycle.plannedWeeks(),
                    cycle.share(),
                    actor.userId(),
                    clock.instant()));
            opened = Optional.of(card(made, owned.get().home(), owned.get().cohort()));
        }
        return new Done(reload(owned.get()), opened);
    }

    /** How the cohort may see the cycle: anonymous (the default), named, or not at all. */
    public Result share(Actor actor, long cycleId, HighlightShare share) {
        Optional<Owned> owned = owned(actor, cycleId);
        if (owned.isEmpty()) {
            return new Refused(gone());
        }
        Optional<Outcome> no = mayChange(actor, owned.get());
        if (no.isPresent()) {
            return new Refused(no.get());
        }
        cycles.saveShare(cycleId, share);
        return new Done(reload(owned.get()), Optional.empty());
    }

    /** What {@code /pdsa list} shows. */
    public sealed interface Listing permits Listed, NotListed {}

    /** The home's cycles by number (perhaps none yet). */
    public record Listed(String home, String cohort, List<Card> cycles) implements Listing {
        public Listed {
            cycles = List.copyOf(cycles);
        }
    }

    public record NotListed(Outcome why) implements Listing {}

    /**
     * {@code /pdsa list}: a manager's own home; a coach names any home of the cohorts on this server ({@code home}),
     * and a manager naming a home other than their own is refused.
     */
    public Listing list(Actor actor, Optional<String> homeName) {
        Optional<String> named = homeName.map(String::strip).filter(s -> !s.isEmpty());
        if (named.isPresent() && actor.coach()) {
            List<Home> found = new ArrayList<>();
            List<String> all = new ArrayList<>();
            for (Cohort c : cohorts.inGuild(actor.guildId())) {
                homes.byName(c.id(), named.get()).ifPresent(found::add);
                homes.inCohort(c.id()).forEach(h -> all.add(h.name()));
            }
            if (found.isEmpty()) {
                return new NotListed(Outcome.invalid("No home on this server has that name."
                        + (all.isEmpty() ? "" : " Homes: " + UserText.shorten(String.join(", ", all), 1500) + ".")));
            }
            Home home = found.stream()
                    .max((a, b) -> Long.compare(a.cohortId(), b.cohortId()))
                    .orElseThrow();
            return listed(home);
        }
        Optional<Home> mine = ManagedHomes.current(homes, cohorts, actor, false);
        if (mine.isEmpty()) {
            return new NotListed(Outcome.refused(
                    actor.coach()
                            ? "As a coach, name the home: `/pdsa list home:` and its name. `/cohort status` counts "
                                    + "every home's cycles."
                            : "You are not enrolled as a manager of a home yet, so there are no cycles to show. Ask "
                                    + "your coach to enrol you."));
        }
        if (named.isPresent() && !named.get().equalsIgnoreCase(mine.get().name())) {
            return new NotListed(Outcome.refused("A home's cycles are private to its managers and the coaches: "
                    + "`/pdsa list` shows your own home's."));
        }
        return listed(mine.get());
    }

    private Listing listed(Home home) {
        Cohort cohort = cohorts.byId(home.cohortId()).orElseThrow();
        List<Card> cards = new ArrayList<>();
        for (PdsaCycle c : cycles.forHome(home.id())) {
            cards.add(card(c, home, cohort));
        }
        return new Listed(home.name(), cohort.name(), cards);
    }

    /** The cohort's cycles past their planned length without a Study, today in the cohort's time zone. */
    public List<Card> studyOverdue(Cohort cohort) {
        LocalDate today = today(cohort);
        List<Card> out = new ArrayList<>();
        Map<Long, Home> byId = new HashMap<>();
        for (PdsaCycle c : cycles.inCohort(cohort.id())) {
            if (!c.studyOverdue(today)) {
                continue;
            }
            Home home = byId.computeIfAbsent(c.homeId(), id -> homes.byId(id).orElseThrow());
            out.add(card(c, home, cohort));
        }
        return out;
    }

    private record Owned(PdsaCycle cycle, Home home, Cohort cohort, Card card) {}

    private Optional<Owned> owned(Actor actor, long cycleId) {
        Optional<PdsaCycle> cycle = cycles.byId(cycleId);
        if (cycle.isEmpty()) {
            return Optional.empty();
        }
        Home home = homes.byId(cycle.get().homeId()).orElseThrow();
        Cohort cohort = cohorts.byId(home.cohortId()).orElseThrow();
        return Optional.of(new Owned(cycle.get(), home, cohort, card(cycle.get(), home, cohort)));
    }

    private Card reload(Owned o) {
        return card(cycles.byId(o.cycle().id()).orElseThrow(), o.home(), o.cohort());
    }

    private Card card(PdsaCycle c, Home home, Cohort cohort) {
        Optional<Measure> measure =
                c.measureId().isPresent() ? measures.byId(c.measureId().getAsLong()) : Optional.empty();
        OptionalInt adapts = c.previousId().isPresent()
                ? cycles.byId(c.previousId().getAsLong())
                        .map(p -> OptionalInt.of(p.number()))
                        .orElse(OptionalInt.empty())
                : OptionalInt.empty();
        return new Card(
                c, home.name(), cohort.name(), home.channelId(), measure, c.studyOverdue(today(cohort)), adapts);
    }

    private LocalDate today(Cohort cohort) {
        return LocalDate.now(clock.withZone(cohort.zone()));
    }

    /** Only the home's managers and the coaches of its cohort's server; checked on every step. */
    private static Optional<Outcome> mayChange(Actor actor, Owned o) {
        if (!o.cohort().guildId().equals(actor.guildId())) {
            return Optional.of(Outcome.refused("This cycle belongs to a cohort on another server."));
        }
        if (o.home().managerIds().contains(actor.userId()) || actor.coach()) {
            return Optional.empty();
        }
        return Optional.of(Outcome.refused("This cycle belongs to another home: only its managers and the cohort's "
                + "coaches can update it. Your own home's cycles are in `/pdsa list`."));
    }

    private static Optional<Outcome> closed(PdsaCycle c) {
        return c.act().isPresent() ? Optional.of(alreadyDecided(c)) : Optional.empty();
    }

    private static Outcome alreadyDecided(PdsaCycle c) {
        String decision =
                c.act().map(a -> a.decision().label().toLowerCase(Locale.ROOT)).orElse("decided");
        return Outcome.invalid("Cycle " + c.number() + " was already " + decision
                + ", so it is closed. Start a new one with `/pdsa new`.");
    }

    private static Outcome gone() {
        return Outcome.invalid("I cannot find this cycle any more: it may have been removed with its home.");
    }

    private static Optional<Outcome> required(String label, String value, int max) {
        if (value.isEmpty()) {
            return Optional.of(Outcome.invalid("Please fill in \"" + label + "\". Nothing was saved."));
        }
        if (UserText.length(value) > max) {
            return Optional.of(Outcome.invalid("\"" + label + "\" is at most " + max + " characters; yours has "
                    + UserText.length(value) + ". Nothing was saved."));
        }
        return Optional.empty();
    }

    /**
     * Empty when the guard clears the texts. A possible name is refused too (rather than saved after a confirmation,
     * as check-ins are): a cycle may be shared with the whole cohort, and the reply hands the text back to edit.
     */
    private Optional<Outcome> privacy(Map<String, String> fields) {
        PrivacyVerdict verdict = guard.check(new LinkedHashMap<>(fields));
        if (verdict instanceof PrivacyVerdict.Clear) {
            return Optional.empty();
        }
        List<Finding> findings = new ArrayList<>();
        List<Signpost> signposts = new ArrayList<>();
        if (verdict instanceof PrivacyVerdict.Refuse r) {
            findings.addAll(r.findings());
            signposts.addAll(r.signposts());
        } else if (verdict instanceof PrivacyVerdict.Warn w) {
            findings.addAll(w.findings());
        } else if (verdict instanceof PrivacyVerdict.Redirect r) {
            signposts.addAll(r.signposts());
        }
        StringBuilder s = new StringBuilder("**Nothing was saved.** ");
        if (!signposts.isEmpty()) {
            s.append("This sounds like something with its own route:\n");
            signposts.forEach(p -> s.append("• **")
                    .append(p.title())
                    .append(":** ")
                    .append(p.advice())
                    .append('\n'));
        }
        if (!findings.isEmpty()) {
            List<String> what = new ArrayList<>();
            findings.forEach(f -> what.add(f.description()));
            s.append("It may identify someone: ")
                    .append(String.join("; ", what))
                    .append(". ");
        }
        s.append("A cycle is seen by your home's managers and coaches and may be shared with the cohort, so write at "
                + "pattern level, e.g. 'a resident' or 'night staff'.");
        return Optional.of(Outcome.invalid(s.toString()));
    }
}
