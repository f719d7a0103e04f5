package uk.stepup.summaries;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import uk.stepup.actions.Action;
import uk.stepup.actions.ActionOutcome;
import uk.stepup.actions.ActionRepository;
import uk.stepup.actions.FollowThrough;
import uk.stepup.actions.FollowUp;
import uk.stepup.checkins.Checkin;
import uk.stepup.checkins.CheckinRepository;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.ProgrammeCalendar;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.curriculum.CurriculumItem;
import uk.stepup.measures.HomeMeasuresService;
import uk.stepup.shared.Actor;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;
import uk.stepup.shared.UserText;

/**
 * A manager's private view of their home's journey: the self-rating for each KLOE so far, each key question's
 * current self-assessment against the CQC baseline, and an indicative overall rating, clearly labelled as a
 * self-assessment; then the home's open next steps (actions) when wired, and, when the cohort tracks measures, the
 * latest value and signal of each.
 */
public final class ProgressService {
    /** Discord's message limit, less a little room. */
    private static final int ROOM = 1990;
    /** Kept free for the measures lines when the weeks would otherwise fill the message. */
    private static final int MEASURES_ROOM = 300;

    private final CohortRepository cohorts;
    private final HomeRepository homes;
    private final CheckinRepository checkins;
    private final Supplier<Map<String, Curriculum>> curricula;
    private final Optional<HomeMeasuresService> measures;
    private final Optional<ActionRepository> actions;
    private final Clock clock;

    public ProgressService(
            CohortRepository cohorts,
            HomeRepository homes,
            CheckinRepository checkins,
            Supplier<Map<String, Curriculum>> curricula) {
        this(cohorts, homes, checkins, curricula, Optional.empty());
    }

    /** With {@code measures}, the view ends with the home's measures (or a pointer to {@code /measures}). */
    public ProgressService(
            CohortRepository cohorts,
            HomeRepository homes,
            CheckinRepository checkins,
            Supplier<Map<String, Curriculum>> curricula,
            Optional<HomeMeasuresService> measures) {
        this(cohorts, homes, checkins, curricula, measures, Optional.empty(), Clock.systemUTC());
    }

    /** With {@code actions}, the view lists the home's open next steps, marking those open too long. */
    public ProgressService(
            CohortRepository cohorts,
            HomeRepository homes,
            CheckinRepository checkins,
            Supplier<Map<String, Curriculum>> curricula,
            Optional<HomeMeasuresService> measures,
            Optional<ActionRepository> actions,
            Clock clock) {
        this.actions = actions;
        this.clock = clock;
        this.cohorts = cohorts;
        this.homes = homes;
        this.checkins = checkins;
        this.curricula = curricula;
        this.measures = measures;
    }

    /** The text a manager sees, and their journey chart once they have a home. */
    public record Progress(String text, Optional<RatingJourney> journey) {}

    public Progress forManager(Actor actor) {
        Optional<Home> home = homes.managedBy(actor.userId()).stream()
                .filter(h -> cohorts.byId(h.cohortId())
                        .map(c -> c.guildId().equals(actor.guildId()))
                        .orElse(false))
                .max(Comparator.comparingLong(Home::cohortId));
        if (home.isEmpty()) {
            return new Progress(
                    actor.coach()
                            ? "`/progress` shows a manager their own home's journey. As a coach, use the summaries and `/cohort status`."
                            : "You are not enrolled as a manager of a home yet, so there is no progress to show. Ask your coach to enrol you.",
                    Optional.empty());
        }
        Home h = home.get();
        Cohort cohort = cohorts.byId(h.cohortId()).orElseThrow();
        Curriculum curriculum = curricula.get().get(cohort.framework());
        List<Checkin> mine = checkins.forHome(h.id());
        StringBuilder s = new StringBuilder("**" + h.name() + "**: your journey in " + cohort.name() + "\n");
        if (mine.isEmpty()) {
            s.append("No check-ins yet. Your first one will appear here.\n");
        }
        Map<String, Rating> byCode = new LinkedHashMap<>();
        Map<KeyQuestion, List<Rating>> byKeyQuestion = new EnumMap<>(KeyQuestion.class);
        StringBuilder titled = new StringBuilder();
        List<String> compact = new ArrayList<>();
        for (Checkin c : mine) {
            CurriculumItem item = curriculum.byCode(c.code()).orElse(null);
            // The title is shortened on its own: shortening " Title…" as one string strips the space it starts with.
            String title = item == null ? "" : " " + UserText.shorten(item.title(), 39);
            titled.append("Week ")
                    .append(c.week())
                    .append(" · ")
                    .append(c.code())
                    .append(title)
                    .append(": **")
                    .append(c.answers().rating().label())
                    .append("**")
                    .append(c.late() ? " (late)" : "")
                    .append('\n');
            compact.add(c.code() + " **" + c.answers().rating().label() + "**" + (c.late() ? " (late)" : ""));
            byCode.put(c.code(), c.answers().rating());
            if (item != null) {
                byKeyQuestion
                        .computeIfAbsent(item.keyQuestion(), k -> new ArrayList<>())
                        .add(c.answers().rating());
            }
        }
        int weeksAt = s.length();
        s.append(titled);
        Map<KeyQuestion, Rating> current = new EnumMap<>(KeyQuestion.class);
        byKeyQuestion.forEach((kq, ratings) -> KloeRollUp.rollUp(ratings).ifPresent(r -> current.put(kq, r)));
        s.append("\n**Key questions** (your self-assessment vs your CQC baseline)\n");
        for (KeyQuestion kq : KeyQuestion.values()) {
            String now = Optional.ofNullable(current.get(kq)).map(Rating::label).orElse("not yet");
            String base = h.baseline().of(kq).map(Rating::label).orElse("not rated");
            String change = Optional.ofNullable(current.get(kq))
                    .flatMap(r -> h.baseline().of(kq).map(b -> arrow(b, r)))
                    .orElse("");
            s.append(kq.label())
                    .append(": ")
                    .append(now)
                    .append(" (baseline ")
                    .append(base)
                    .append(")")
                    .append(change)
                    .append('\n');
        }
        Projection p = "kloe-2017".equals(cohort.framework())
                ? RatingProjection.project(current, byCode, false)
                : RatingProjection.project(current);
        s.append("\n**")
                .append(p.headline())
                .append("**\n")
                .append(p.explanation())
                .append('\n')
                .append(p.toMoveUp().isBlank() ? "" : "To move up: " + p.toMoveUp() + "\n")
                .append("_")
                .append(RatingProjection.SELF_ASSESSMENT_LABEL)
                .append("_");
        if (s.length() > ROOM - MEASURES_ROOM) {
            // A long programme: one line per week would crowd out the key questions, so the weeks go four to a line.
            StringBuilder weeks = new StringBuilder();
            for (int i = 0; i < compact.size(); i++) {
                weeks.append(compact.get(i)).append(i % 4 == 3 || i == compact.size() - 1 ? "\n" : " · ");
            }
            s.replace(weeksAt, weeksAt + titled.length(), weeks.toString());
        }
        if (actions.isPresent()) {
            int currentWeek = ProgrammeCalendar.of(cohort, cohorts)
                    .currentWeek(clock.instant())
                    .orElse(0);
            String block = openActions(actions.get(), h, currentWeek);
            if (!block.isEmpty()) {
                // Leave room for the measures' pointer; a long list gives way to its count.
                s.append(s.length() + block.length() <= ROOM - 80 ? block : openCount(actions.get(), h));
            }
        }
        measures.flatMap(m -> m.progress(h)).ifPresent(lines -> {
            String pointer = "\n\n**Measures**: your charts are in `/measures`.";
            s.append(s.length() + 2 + lines.length() <= ROOM ? "\n\n" + lines : pointer);
        });
        List<String> codes = cohorts.items(cohort.id());
        int upTo = mine.stream().mapToInt(Checkin::week).max().orElse(0);
        List<Optional<Rating>> byWeek = new ArrayList<>();
        for (int w = 1; w <= upTo; w++) {
            int week = w;
            byWeek.add(mine.stream()
                    .filter(c -> c.week() == week)
                    .findFirst()
                    .map(c -> c.answers().rating()));
        }
        RatingJourney journey = RatingJourney.of(
                h.name() + ": self-assessment journey",
                "Each week's KLOE self-rating; dashed line: CQC baseline",
                codes.subList(0, Math.max(upTo, 0)),
                byWeek,
                h.baseline().byKeyQuestion());
        return new Progress(s.toString(), Optional.of(journey));
    }

    /** At most this many open next steps are listed; the rest are counted. */
    static final int ACTIONS_SHOWN = 5;

    /** The home's open next steps, oldest first, with how the latest follow-up went; empty when none is open. */
    static String openActions(ActionRepository repo, Home home, int currentWeek) {
        List<Action> open =
                repo.forHome(home.id()).stream().filter(Action::open).toList();
        if (open.isEmpty()) {
            return "";
        }
        Map<Long, FollowUp> latest = new LinkedHashMap<>();
        repo.followUpsForHome(home.id()).stream()
                .filter(f -> f.outcome().isPresent())
                .forEach(f -> latest.put(f.actionId(), f));
        StringBuilder b = new StringBuilder("\n\n**Open next steps** (your next check-in asks how they went)");
        for (Action a : open.subList(0, Math.min(ACTIONS_SHOWN, open.size()))) {
            b.append("\n• Week ")
                    .append(a.setWeek())
                    .append(": ")
                    .append(UserText.shorten(UserText.oneLine(a.text()), 120));
            Optional<FollowUp> last = Optional.ofNullable(latest.get(a.id()));
            last.ifPresent(f -> b.append(" · ")
                    .append(f.outcome().map(ActionOutcome::label).orElse(""))
                    .append(" in week ")
                    .append(f.week()));
            if (FollowThrough.overdue(a, currentWeek)) {
                b.append(" · ⏳ open ")
                        .append(FollowThrough.weeksSinceSet(a, currentWeek))
                        .append(" weeks");
            }
        }
        if (open.size() > ACTIONS_SHOWN) {
            b.append("\n…and ").append(open.size() - ACTIONS_SHOWN).append(" more.");
        }
        return b.toString();
    }

    private static String openCount(ActionRepository repo, Home home) {
        long n = repo.forHome(home.id()).stream().filter(Action::open).count();
        return "\n\n**Open next steps**: " + n + " (your next check-in asks how they went)";
    }

    private static String arrow(Rating baseline, Rating now) {
        int d = now.compareTo(baseline);
        return d > 0 ? " ▲ up " + d : d < 0 ? " ▼ down " + (-d) : " ● same";
    }
}
