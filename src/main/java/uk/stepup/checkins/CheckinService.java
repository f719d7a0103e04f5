package uk.stepup.checkins;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.ProgrammeCalendar;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.curriculum.CurriculumItem;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.privacy.PrivacyVerdict;
import uk.stepup.shared.Actor;
import uk.stepup.shared.CheckinId;
import uk.stepup.shared.CohortId;
import uk.stepup.shared.HomeId;
import uk.stepup.shared.Outcome;
import uk.stepup.shared.Rating;

/**
 * The weekly check-in, from the manager's side: open the form (pre-filled when editing), submit it through the
 * privacy guard, and choose how a highlight is shared. Only a home's own managers may check in for it. A check-in
 * is accepted until the week's summary is posted; after the window closes it is marked late.
 */
public final class CheckinService {
    /** How long a check-in that needs a privacy confirmation is held for its manager. */
    static final Duration PENDING_TTL = Duration.ofMinutes(15);

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.UK);

    private final CohortRepository cohorts;
    private final HomeRepository homes;
    private final CheckinRepository checkins;
    private final Supplier<Map<String, Curriculum>> curricula;
    private final PrivacyGuard guard;
    private final Clock clock;
    private final HeldCheckins heldCheckins;
    private final NextSteps nextSteps;

    public CheckinService(
            CohortRepository cohorts,
            HomeRepository homes,
            CheckinRepository checkins,
            Supplier<Map<String, Curriculum>> curricula,
            PrivacyGuard guard,
            HeldCheckins heldCheckins,
            Clock clock) {
        this(cohorts, homes, checkins, curricula, guard, heldCheckins, NextSteps.NONE, clock);
    }

    /** With {@code nextSteps}, told of every saved check-in so its next step can become an action. */
    public CheckinService(
            CohortRepository cohorts,
            HomeRepository homes,
            CheckinRepository checkins,
            Supplier<Map<String, Curriculum>> curricula,
            PrivacyGuard guard,
            HeldCheckins heldCheckins,
            NextSteps nextSteps,
            Clock clock) {
        this.nextSteps = nextSteps;
        this.cohorts = cohorts;
        this.homes = homes;
        this.checkins = checkins;
        this.curricula = curricula;
        this.guard = guard;
        this.heldCheckins = heldCheckins;
        this.clock = clock;
    }

    /** The form to show: which home and week, the KLOE, and the saved answers when editing. */
    public record Form(
            HomeId homeId, String homeName, int week, String code, String title, Optional<CheckinAnswers> prefill) {}

    /** What happened to a submission. */
    public sealed interface Result permits Opened, Saved, Confirm, Refused {}

    public record Opened(Form form) implements Result {}

    /** Stored; {@code changed} is false when the same answers came again (nothing new was written). */
    public record Saved(Checkin checkin, boolean changed) implements Result {}

    /** Held until the manager confirms (a possible resident name); nothing stored yet. */
    public record Confirm(String token, String message) implements Result {}

    public record Refused(Outcome outcome) implements Result {}

    /**
     * Opens the check-in for the manager. {@code cohortId} and {@code week} come from a prompt's button; without them
     * ({@code /checkin}) the manager's running cohort and its current week are used.
     */
    public Result open(Actor actor, Optional<CohortId> cohortId, Optional<Integer> week) {
        Optional<Home> home =
                cohortId.isPresent() ? homes.managedBy(cohortId.get().value(), actor.userId()) : currentHome(actor);
        if (home.isEmpty()) {
            return new Refused(Outcome.refused(
                    actor.coach()
                            ? "Check-ins are for the homes' managers; coaches see them in `/cohort status` and the summaries."
                            : "You are not enrolled as a manager of a home in this cohort, so there is nothing to check in. "
                                    + "Ask your coach to enrol you."));
        }
        Cohort cohort = cohorts.byId(home.get().cohortId()).orElseThrow();
        ProgrammeCalendar cal = ProgrammeCalendar.of(cohort, cohorts);
        Instant now = clock.instant();
        int n;
        if (week.isPresent()) {
            n = week.get();
        } else {
            Optional<Integer> current = cal.currentWeek(now);
            if (current.isEmpty()) {
                return new Refused(Outcome.invalid("The programme has not started yet. Week 1 opens "
                        + cal.promptAt(1)
                                .map(t -> WHEN.format(t.atZone(cohort.zone())))
                                .orElse("soon") + "."));
            }
            n = current.get();
        }
        Optional<Outcome> closed = closed(cohort, cal, n, now);
        if (closed.isPresent()) {
            return new Refused(closed.get());
        }
        CurriculumItem item = item(cohort, n);
        return new Opened(new Form(
                new HomeId(home.get().id()),
                home.get().name(),
                n,
                item.code(),
                item.title(),
                checkins.find(home.get().id(), n).map(Checkin::answers)));
    }

    private Optional<Home> currentHome(Actor actor) {
        return homes.managedBy(actor.userId()).stream()
                .filter(h -> cohorts.byId(h.cohortId())
                        .map(c ->
                                c.status() != Cohort.Status.ENDED && c.guildId().equals(actor.guildId()))
                        .orElse(false))
                .max(Comparator.comparingLong(Home::cohortId));
    }

    private Optional<Outcome> closed(Cohort cohort, ProgrammeCalendar cal, int week, Instant now) {
        if (cohort.status() == Cohort.Status.ENDED) {
            return Optional.of(Outcome.invalid("This programme has ended, so check-ins are closed."));
        }
        ProgrammeCalendar.WeekState state = cal.stateOf(week, now);
        if (state == ProgrammeCalendar.WeekState.NOT_STARTED) {
            return Optional.of(Outcome.invalid("Week " + week + " has not started yet."));
        }
        if (state == ProgrammeCalendar.WeekState.SUMMARISED) {
            return Optional.of(
                    Outcome.invalid("Week " + week + "'s summary has been posted, so its check-in is closed. "
                            + "Use `/checkin` for the current week."));
        }
        return Optional.empty();
    }

    /** Saves what the manager submitted, unless the privacy guard refuses it or asks for confirmation. */
    public Result submit(Actor actor, HomeId homeId, int week, CheckinAnswers answers) {
        Optional<Home> home = homes.byId(homeId.value());
        if (home.isEmpty() || !home.get().managerIds().contains(actor.userId())) {
            return new Refused(Outcome.refused("Only the managers of a home can check in for it."));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("What we did this week", answers.didThisWeek());
        answers.evidence().ifPresent(v -> fields.put("Evidence we now have", v));
        answers.nextStep().ifPresent(v -> fields.put("Next step or help needed", v));
        answers.highlight().ifPresent(v -> fields.put("Highlight to share", v));
        PrivacyVerdict verdict = guard.check(fields);
        if (!verdict.mayStore()) {
            if (verdict.mayStoreAfterConfirmation()) {
                forgetExpired();
                String token = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
                heldCheckins.hold(
                        new HeldCheckins.Held(token, actor.userId(), homeId.value(), week, answers, clock.instant()));
                return new Confirm(token, verdict.reply());
            }
            return new Refused(Outcome.invalid(verdict.reply()));
        }
        return save(actor, home.get(), week, answers);
    }

    /** The manager confirmed a held check-in; saves it if still held. */
    public Result confirm(Actor actor, String token) {
        Optional<HeldCheckins.Held> p = take(actor, token);
        if (p.isEmpty()) {
            return new Refused(Outcome.invalid("That check-in is no longer waiting (it is kept for 15 minutes). "
                    + "Please press Check in again."));
        }
        return save(
                actor,
                homes.byId(p.get().homeId()).orElseThrow(),
                p.get().week(),
                p.get().answers());
    }

    /**
     * Takes the held check-in if it is the actor's and still within {@link #PENDING_TTL}. Anyone
     * else's try leaves it held: a stale or forged token must not cost the manager the answers they are about to
     * confirm.
     */
    private Optional<HeldCheckins.Held> take(Actor actor, String token) {
        return heldCheckins.take(token, actor.userId(), clock.instant().minus(PENDING_TTL));
    }

    /** The answers held for confirmation, to pre-fill the form when the manager chooses to edit instead. */
    public Optional<Form> held(Actor actor, String token) {
        Optional<HeldCheckins.Held> found = take(actor, token);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        HeldCheckins.Held p = found.get();
        Home home = homes.byId(p.homeId()).orElseThrow();
        CurriculumItem item = item(cohorts.byId(home.cohortId()).orElseThrow(), p.week());
        return Optional.of(new Form(
                new HomeId(home.id()), home.name(), p.week(), item.code(), item.title(), Optional.of(p.answers())));
    }

    private Result save(Actor actor, Home home, int week, CheckinAnswers answers) {
        Cohort cohort = cohorts.byId(home.cohortId()).orElseThrow();
        ProgrammeCalendar cal = ProgrammeCalendar.of(cohort, cohorts);
        Instant now = clock.instant();
        Optional<Outcome> closed = closed(cohort, cal, week, now);
        if (closed.isPresent()) {
            return new Refused(closed.get());
        }
        boolean late = cal.closeAt(week).map(now::isAfter).orElse(false);
        CurriculumItem item = item(cohort, week);
        CheckinRepository.Stored stored =
                checkins.save(home.id(), week, item.code(), answers, actor.userId(), now, late);
        nextSteps.saved(stored.checkin());
        return new Saved(stored.checkin(), stored.changed());
    }

    /** How a home's highlight is shared; only its managers may choose. */
    public Outcome share(Actor actor, CheckinId checkinId, HighlightShare share) {
        Optional<Checkin> c = checkins.byId(checkinId.value());
        Optional<Home> home = c.flatMap(k -> homes.byId(k.homeId()));
        if (home.isEmpty() || !home.get().managerIds().contains(actor.userId())) {
            return Outcome.refused("Only the home's managers can choose how its highlight is shared.");
        }
        checkins.setShare(checkinId.value(), share);
        return Outcome.done(
                switch (share) {
                    case ANONYMOUS -> "Your highlight will be shared without your home's name.";
                    case NAMED ->
                        "Your highlight will be shared with " + home.get().name() + "'s name.";
                    case NONE -> "Your highlight stays private to you and your coach.";
                });
    }

    /** The rating choices, best first, as the form offers them. */
    public static List<Rating> ratingChoices() {
        return List.of(Rating.OUTSTANDING, Rating.GOOD, Rating.REQUIRES_IMPROVEMENT, Rating.INADEQUATE);
    }

    private CurriculumItem item(Cohort cohort, int week) {
        String code = cohorts.items(cohort.id()).get(week - 1);
        return curricula.get().get(cohort.framework()).byCode(code).orElseThrow();
    }

    /** Forgets held check-ins whose manager did not come back within {@link #PENDING_TTL} (also called at start). */
    public void forgetExpired() {
        heldCheckins.forgetBefore(clock.instant().minus(PENDING_TTL));
    }
}
