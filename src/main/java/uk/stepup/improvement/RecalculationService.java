package uk.stepup.improvement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.measures.Frequency;
import uk.stepup.measures.HomeMeasuresService;
import uk.stepup.measures.Measure;
import uk.stepup.measures.SustainedShift;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.shared.UserText;

/**
 * Recalculating a home's limits is a person's decision (Making Data Count: after a sustained shift that a known change
 * explains, never automatically). When a home's chart of a measure, as it stands, shows the shift {@link
 * SustainedShift} looks for, {@code /measures} offers the recalculation with the reason; a manager of the home or a
 * coach of its cohort confirms it with their own words, and may undo it later (the record stays, with who undid it and
 * when). Every confirmation checks again that the offer still stands for that exact period.
 */
public final class RecalculationService {
    private static final Pattern MENTION = Pattern.compile("@|<[@#]");

    private final HomeAccess access;
    private final HomeMeasuresService homeMeasures;
    private final CycleRepository cycles;
    private final RecalculationRepository recalculations;
    private final PrivacyGuard guard;
    private final Clock clock;

    public RecalculationService(
            CohortRepository cohorts,
            HomeRepository homes,
            HomeMeasuresService homeMeasures,
            CycleRepository cycles,
            RecalculationRepository recalculations,
            PrivacyGuard guard,
            Clock clock) {
        this.access = new HomeAccess(cohorts, homes);
        this.homeMeasures = homeMeasures;
        this.cycles = cycles;
        this.recalculations = recalculations;
        this.guard = guard;
        this.clock = clock;
    }

    /**
     * A recalculation to offer.
     *
     * @param from   the first period of the new limits
     * @param reason "7 weeks in a row below the mean since the week of 1 Mar 2027, after cycle 2 'Night-time checks'
     *               was adopted": what is stored with a confirmed recalculation, readable on its own
     * @param sinceThen the same, for a sentence that has just named the date: "7 weeks in a row below the mean since
     *               then, after cycle 2 'Night-time checks' was adopted"
     */
    public record Offer(long homeId, Measure measure, LocalDate from, String reason, String sinceThen) {
        public Offer {
            Objects.requireNonNull(measure, "measure");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(sinceThen, "sinceThen");
        }

        /** "the week of 1 Mar 2027" or "Mar 2027". */
        public String period() {
            return RecalculationService.period(measure.frequency(), from);
        }
    }

    /** A recalculation in force, with its line for people: "Limits recalculated from ... by Alice on 12 Apr 2027: ...". */
    public record Active(Recalculation recalculation, String measure, String line) {
        public Active {
            Objects.requireNonNull(recalculation, "recalculation");
            Objects.requireNonNull(measure, "measure");
            Objects.requireNonNull(line, "line");
        }
    }

    /** What {@code /measures} shows under one measure: an offer, and the recalculations in force (each undoable). */
    public record Panel(Optional<Offer> offer, List<Active> active) {
        public Panel {
            Objects.requireNonNull(offer, "offer");
            active = List.copyOf(active);
        }

        public boolean isEmpty() {
            return offer.isEmpty() && active.isEmpty();
        }
    }

    /** The manager's home's panels by measure id, in the cohort's order; empty for anyone who manages no home here. */
    public Map<Long, Panel> forManager(Actor actor) {
        HomeAccess.Resolved resolved = access.named(actor, Optional.empty(), "recalculate limits");
        if (!(resolved instanceof HomeAccess.Found found)) {
            return Map.of();
        }
        return panels(found.cohort(), found.home());
    }

    /**
     * {@code /measures home:}: the named home's panels for one of its cohort's coaches (or its own manager); empty for
     * anyone else.
     */
    public Map<Long, Panel> forHome(Actor actor, String homeName) {
        HomeAccess.Resolved resolved = access.named(actor, Optional.ofNullable(homeName), "recalculate limits");
        if (!(resolved instanceof HomeAccess.Found found)) {
            return Map.of();
        }
        return panels(found.cohort(), found.home());
    }

    /** Every measure's panel for the home, by measure id, in the cohort's order. */
    public Map<Long, Panel> panels(Cohort cohort, Home home) {
        Map<Long, Panel> out = new LinkedHashMap<>();
        for (HomeMeasuresService.Status st : homeMeasures.statuses(cohort, home)) {
            List<Active> active = recalculations.of(home.id(), st.measure().id()).stream()
                    .filter(Recalculation::active)
                    .map(r -> new Active(
                            r, st.measure().name(), line(r, st.measure().frequency(), cohort.zone())))
                    .toList();
            out.put(st.measure().id(), new Panel(offer(home, st), active));
        }
        return out;
    }

    /** The recalculation the chart as it stands offers, if any. */
    Optional<Offer> offer(Home home, HomeMeasuresService.Status st) {
        if (st.chart().isEmpty()) {
            return Optional.empty();
        }
        return SustainedShift.find(st.chart().get(), st.notes().markers())
                .map(shift -> new Offer(
                        home.id(),
                        st.measure(),
                        shift.from(),
                        reason(home, st.measure(), shift, period(st.measure().frequency(), shift.from())),
                        reason(home, st.measure(), shift, "then")));
    }

    /** "7 weeks in a row below the mean since the week of 1 Mar 2027, after cycle 2 'Night-time checks' was adopted". */
    private String reason(Home home, Measure measure, SustainedShift.Offer shift, String since) {
        String unit = measure.frequency() == Frequency.WEEKLY ? "weeks" : "months";
        String change = cycles.forHome(home.id()).stream()
                .filter(c -> c.number() == shift.change().number())
                .findFirst()
                .map(c -> "cycle " + c.number() + " '" + c.changeIdea() + "'")
                .orElse("cycle " + shift.change().number());
        return shift.points() + " " + unit + " in a row " + shift.side().word() + " the mean since " + since
                + ", after " + change
                + " was adopted";
    }

    /** Whether the person may confirm this offer now: the offer itself, or why not. */
    public sealed interface Check {}

    public record MayConfirm(Offer offer) implements Check {}

    public record Refused(Outcome why) implements Check {}

    /** Before the form opens: the person may act for the home, and the chart still offers exactly this. */
    public Check check(Actor actor, long homeId, long measureId, LocalDate from) {
        HomeAccess.Resolved resolved = access.byId(actor, homeId, "recalculate its limits");
        if (!(resolved instanceof HomeAccess.Found found)) {
            return new Refused(((HomeAccess.NotFound) resolved).why());
        }
        Optional<HomeMeasuresService.Status> status = homeMeasures.statuses(found.cohort(), found.home()).stream()
                .filter(s -> s.measure().id() == measureId)
                .findFirst();
        Optional<Offer> offer = status.flatMap(s -> offer(found.home(), s));
        if (offer.isEmpty() || !offer.get().from().equals(from)) {
            return new Refused(Outcome.invalid("The chart no longer shows a sustained shift from that date after an "
                    + "adopted change, so there are no limits to recalculate. Nothing was changed; `/measures` shows "
                    + "what the chart offers now."));
        }
        return new MayConfirm(offer.get());
    }

    /**
     * Confirms the recalculation with the person's reasons, after checking again that the offer stands for exactly
     * that period; stores who, when, why and the bot's reason.
     */
    public synchronized Outcome confirm(Actor actor, long homeId, long measureId, LocalDate from, String why) {
        // Synchronized: two people confirming the same offer at once store it once (the second finds no offer).
        Check check = check(actor, homeId, measureId, from);
        if (check instanceof Refused refused) {
            return refused.why();
        }
        Offer offer = ((MayConfirm) check).offer();
        String words = why == null ? "" : why.strip();
        if (words.isEmpty()) {
            return Outcome.invalid("Say in a few words why the limits should be recalculated. Nothing was changed.");
        }
        if (UserText.length(words) > Recalculation.WHY_MAX) {
            return Outcome.invalid("Your reason is at most " + Recalculation.WHY_MAX + " characters. Nothing was "
                    + "changed. What you wrote: \"" + guard.redact(words) + "\"");
        }
        if (MENTION.matcher(words).find()) {
            return Outcome.invalid("Your reason cannot contain @ or mentions. Nothing was changed. What you wrote: \""
                    + guard.redact(words) + "\"");
        }
        Optional<String> identifiers = guard.identifiers("Why", words);
        if (identifiers.isPresent()) {
            return Outcome.invalid(identifiers.get() + " What you wrote, with those details taken out: \""
                    + guard.redact(words) + "\"");
        }
        recalculations.add(new RecalculationRepository.NewRecalculation(
                homeId, measureId, from, offer.reason(), words, Who.of(actor), clock.instant()));
        return Outcome.done("Limits for **" + offer.measure().name() + "** recalculated from " + offer.period()
                + ". The chart in `/measures` now shows each period with its own mean and limits; it can be undone "
                + "there.");
    }

    /** Undoes a recalculation; the record stays, with who undid it and when. */
    public synchronized Outcome undo(Actor actor, long recalculationId) {
        Optional<Recalculation> r = recalculations.byId(recalculationId);
        if (r.isEmpty()) {
            return Outcome.refused("Only the home's managers and its cohort's coaches can undo a recalculation. "
                    + "Nothing was changed.");
        }
        HomeAccess.Resolved resolved = access.byId(actor, r.get().homeId(), "undo a recalculation");
        if (!(resolved instanceof HomeAccess.Found)) {
            return ((HomeAccess.NotFound) resolved).why();
        }
        if (!r.get().active()) {
            Recalculation.Undone u = r.get().undone().orElseThrow();
            return Outcome.invalid("That recalculation was already undone by " + Who.name(u.by()) + " on "
                    + AimWords.day(LocalDate.ofInstant(
                            u.at(), ((HomeAccess.Found) resolved).cohort().zone())) + ". Nothing was changed.");
        }
        if (!recalculations.undo(recalculationId, new Recalculation.Undone(Who.of(actor), clock.instant()))) {
            return Outcome.invalid("That recalculation was already undone. Nothing was changed.");
        }
        return Outcome.done("Undone: the limits are no longer recalculated from "
                + AimWords.day(r.get().from())
                + ". The chart in `/measures` shows them as before; the record of the decision is kept.");
    }

    /** "Limits recalculated from the week of 1 Mar 2027 by Alice on 12 Apr 2027: WHY". */
    static String line(Recalculation r, Frequency frequency, ZoneId zone) {
        return "Limits recalculated from " + period(frequency, r.from()) + " by " + Who.name(r.confirmedBy()) + " on "
                + AimWords.day(LocalDate.ofInstant(r.confirmedAt(), zone)) + ": " + r.why();
    }

    /** "the week of 1 Mar 2027" or "Mar 2027": a period as the object of "from" or "since". */
    public static String period(Frequency frequency, LocalDate period) {
        return (frequency == Frequency.WEEKLY ? "the " : "") + frequency.label(period);
    }
}
