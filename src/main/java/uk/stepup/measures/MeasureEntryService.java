package uk.stepup.measures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.ProgrammeCalendar;
import uk.stepup.measures.MeasureEntryResult.Invalid;
import uk.stepup.measures.MeasureEntryResult.Opened;
import uk.stepup.measures.MeasureEntryResult.Refused;
import uk.stepup.measures.MeasureEntryResult.Saved;
import uk.stepup.measures.MeasureForm.Offer;
import uk.stepup.measures.MeasureForm.PageRef;
import uk.stepup.measures.MeasureFormLayout.Slot;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;

/**
 * Entering a week's measures, from the manager's side: after a check-in the bot offers a form with one box per
 * measure (two for a rate: numerator and denominator), split into pages as the adapter's {@link MeasureForm.Limits}
 * allow ({@link MeasureFormLayout}). A box left empty is skipped. Numbers only: anything else is refused with the box
 * named (never the text echoed), every box goes through the privacy guard ({@link MeasureAnswers}), and what was
 * typed is held for {@link #DRAFT_TTL} so the form reopens pre-filled to fix it.
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
    /** How long typed values are held for a correction. */
    static final Duration DRAFT_TTL = Duration.ofMinutes(15);

    private final CohortRepository cohorts;
    private final HomeRepository homes;
    private final MeasureRepository measures;
    private final Clock clock;
    private final MeasureDrafts drafts;
    private final MeasureFormLayout layout;
    private final MeasureAnswers answers;

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
        this.drafts = drafts;
        this.clock = clock;
        this.layout = new MeasureFormLayout(measures);
        this.answers = new MeasureAnswers(guard, layout);
    }

    /** Whether a manager may enter measures for a home's week now: the home and the form's pages, or why not. */
    private sealed interface Access {
        /** {@code use} applied to an open week; a closed week's refusal as it is. */
        MeasureEntryResult then(Function<Open, MeasureEntryResult> use);
    }

    private record Open(Home home, List<List<Slot>> pages, MeasureForm.Limits limits) implements Access {
        @Override
        public MeasureEntryResult then(Function<Open, MeasureEntryResult> use) {
            return use.apply(this);
        }
    }

    private record Closed(Refused refused) implements Access {
        @Override
        public MeasureEntryResult then(Function<Open, MeasureEntryResult> use) {
            return refused;
        }
    }

    /**
     * The offer to show after a check-in for that home and week, if the cohort has measures to enter; {@code limits}
     * are what one page of the adapter's form can hold.
     */
    public Optional<Offer> offer(long homeId, int week, MeasureForm.Limits limits) {
        Optional<Home> home = homes.byId(homeId);
        if (home.isEmpty()) {
            return Optional.empty();
        }
        Cohort cohort = cohorts.byId(home.get().cohortId()).orElseThrow();
        Optional<LocalDate> start = calendar(cohort).weekStart(week);
        if (start.isEmpty()) {
            return Optional.empty();
        }
        List<List<Slot>> pages = layout.pages(cohort.id(), homeId, week, start.get(), limits);
        return pages.isEmpty() ? Optional.empty() : Optional.of(new Offer(new PageRef(homeId, week, 1), pages.size()));
    }

    /** Opens a page of the form, pre-filled with the held draft if one is given, else with stored values. */
    public MeasureEntryResult open(Actor actor, PageRef at, Optional<String> draftToken, MeasureForm.Limits limits) {
        return access(actor, at.homeId(), at.week(), limits).then(open -> open(actor, open, at, draftToken));
    }

    private MeasureEntryResult open(Actor actor, Open open, PageRef at, Optional<String> draftToken) {
        Map<String, String> held = Map.of();
        int page = at.page();
        if (draftToken.isPresent()) {
            // Only the manager who typed it takes the draft: anyone else's try (a stale or forged token) leaves it.
            Optional<MeasureDrafts.Draft> draft = drafts.take(
                            draftToken.get(), actor.userId(), clock.instant().minus(DRAFT_TTL))
                    .filter(d -> d.homeId() == at.homeId() && d.week() == at.week());
            if (draft.isPresent()) {
                held = draft.get().values();
                page = draft.get().page();
            }
        }
        int p = Math.max(1, Math.min(page, open.pages().size()));
        MeasureFormLayout.Stored stored = layout.stored(open.home().id());
        List<MeasureForm.Input> inputs = new ArrayList<>();
        for (Slot s : open.pages().get(p - 1)) {
            inputs.addAll(layout.inputs(s, stored.of(s), held, open.limits()));
        }
        return new Opened(new MeasureForm(
                new PageRef(at.homeId(), at.week(), p), open.pages().size(), inputs));
    }

    /** Checks and stores one page of the form: all its boxes, or (on any problem) none. */
    public MeasureEntryResult submit(Actor actor, PageRef at, Map<String, String> typed, MeasureForm.Limits limits) {
        return access(actor, at.homeId(), at.week(), limits).then(open -> submit(actor, open, at, typed));
    }

    private MeasureEntryResult submit(Actor actor, Open open, PageRef at, Map<String, String> typed) {
        int pages = open.pages().size();
        if (at.page() < 1 || at.page() > pages) {
            return new Refused(Outcome.invalid(
                    "This form is out of date: the cohort's measures have changed. " + "Please open it again."));
        }
        MeasureAnswers.Typist who =
                new MeasureAnswers.Typist(actor.userId(), open.home().id(), at.week(), clock.instant());
        MeasureAnswers.Reading reading = answers.read(open.pages().get(at.page() - 1), typed, who, open.limits());
        if (reading instanceof MeasureAnswers.Rejected rejected) {
            String token = hold(actor, open.home(), at, rejected.keep());
            return new Invalid(rejected.problem(), new Offer(at, pages), token);
        }
        if (reading instanceof MeasureAnswers.Usable usable) {
            if (!usable.values().isEmpty()) {
                measures.saveValues(usable.values());
            }
            Optional<Offer> next = at.page() < pages
                    ? Optional.of(new Offer(new PageRef(at.homeId(), at.week(), at.page() + 1), pages))
                    : Optional.empty();
            return new Saved(open.home().name(), at.week(), usable.entered(), next);
        }
        throw new IllegalStateException("Unknown reading " + reading);
    }

    /** Holds what may be kept of a refused page for its manager to correct; returns the draft's token. */
    private String hold(Actor actor, Home home, PageRef at, Map<String, String> keep) {
        forgetExpired();
        String token = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        drafts.hold(
                new MeasureDrafts.Draft(token, actor.userId(), home.id(), at.week(), at.page(), keep, clock.instant()));
        return token;
    }

    /** The home and pages, or why the manager cannot enter measures for that week. */
    private Access access(Actor actor, long homeId, int week, MeasureForm.Limits limits) {
        Optional<Home> home = homes.byId(homeId);
        if (home.isEmpty() || !home.get().managerIds().contains(actor.userId())) {
            return closed(Outcome.refused("Only the managers of a home can enter its measures."));
        }
        Cohort cohort = cohorts.byId(home.get().cohortId()).orElseThrow();
        ProgrammeCalendar cal = calendar(cohort);
        Instant now = clock.instant();
        if (cohort.status() == Cohort.Status.ENDED) {
            return closed(Outcome.invalid("This programme has ended, so measures are closed."));
        }
        ProgrammeCalendar.WeekState state = cal.stateOf(week, now);
        Optional<LocalDate> start = cal.weekStart(week);
        if (state == ProgrammeCalendar.WeekState.NOT_STARTED || start.isEmpty()) {
            return closed(Outcome.invalid("Week " + week + " has not started yet."));
        }
        if (state == ProgrammeCalendar.WeekState.SUMMARISED) {
            return closed(Outcome.invalid("Week " + week + "'s summary has been posted, so its measures are "
                    + "closed. Add them with this week's check-in instead."));
        }
        List<List<Slot>> pages = layout.pages(cohort.id(), homeId, week, start.get(), limits);
        if (pages.isEmpty()) {
            return closed(Outcome.invalid("There are no measures to enter for week " + week + "."));
        }
        return new Open(home.get(), pages, limits);
    }

    private static Closed closed(Outcome why) {
        return new Closed(new Refused(why));
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

    /** Forgets drafts whose manager did not come back within {@link #DRAFT_TTL} (also called at start). */
    public void forgetExpired() {
        drafts.forgetBefore(clock.instant().minus(DRAFT_TTL));
    }
}
