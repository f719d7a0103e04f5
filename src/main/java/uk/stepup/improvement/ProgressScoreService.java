package uk.stepup.improvement;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.ProgrammeCalendar;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.shared.UserText;

/**
 * Coaches score each home's improvement work on the {@link IhiScale} (programme spec section 11), at the current
 * programme week, with an optional note; the scores are kept over time. Only a coach of the cohort's own server may
 * score, checked here from the {@link Actor} the bot established; a manager is told, kindly, who scores. The note goes
 * through the privacy guard: an identifier stops it, and nothing is stored.
 */
public final class ProgressScoreService {
    /** What a manager is told when they try to score. */
    public static final String COACHES_SCORE = "Only coaches give progress scores: the cohort's coaches score each"
            + " home's improvement work on IHI's 0.5 to 5 scale. Your coach will talk your home's score through with"
            + " you; `/progress` shows how your home is doing.";

    private final ProgressScoreRepository scores;
    private final CohortRepository cohorts;
    private final HomeRepository homes;
    private final PrivacyGuard guard;
    private final Clock clock;

    public ProgressScoreService(
            ProgressScoreRepository scores,
            CohortRepository cohorts,
            HomeRepository homes,
            PrivacyGuard guard,
            Clock clock) {
        this.scores = scores;
        this.cohorts = cohorts;
        this.homes = homes;
        this.guard = guard;
        this.clock = clock;
    }

    /** A home and its latest score, if it has one, with how many scores it has had. */
    public record HomeScore(Home home, Optional<ProgressScore> latest, int scored) {}

    /** The cohort's homes with their latest scores, or the refusal. */
    public sealed interface Listing permits Scores, Refused {}

    public record Scores(Cohort cohort, List<HomeScore> homes) implements Listing {}

    public record Refused(Outcome outcome) implements Listing {}

    /**
     * {@code /score set}: the home's score at the current programme week (0 before week 1 starts). {@code scoreText}
     * is the step's value as the choice carries it ("3.5").
     */
    public Outcome set(Actor actor, Cohort cohort, String homeName, String scoreText, Optional<String> rawNote) {
        Optional<Outcome> refused = refusal(actor, cohort);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<IhiScale> score = parse(scoreText);
        if (score.isEmpty()) {
            return Outcome.invalid("Choose one of the ten steps of the scale, from 0.5 (" + IhiScale.INTENT.meaning()
                    + ") to 5.0 (" + IhiScale.OUTSTANDING.meaning() + ").");
        }
        String name = UserText.oneLine(homeName);
        Optional<Home> home = name.isEmpty() ? Optional.empty() : homes.byName(cohort.id(), name);
        if (home.isEmpty()) {
            return Outcome.invalid(noSuchHome(cohort, name));
        }
        String note = rawNote.map(UserText::oneLine).orElse("");
        if (UserText.length(note) > ProgressScore.NOTE_MAX) {
            return Outcome.invalid("Keep the note to " + ProgressScore.NOTE_MAX + " characters. You wrote: \""
                    + UserText.shorten(note, 1200) + "\"");
        }
        Optional<String> identifiers = guard.identifiers("note", note);
        if (identifiers.isPresent()) {
            return Outcome.invalid(
                    identifiers.get() + " Your note, with those details taken out: \"" + guard.redact(note) + "\"");
        }
        Instant now = clock.instant();
        int week = ProgrammeCalendar.of(cohort, cohorts).currentWeek(now).orElse(0);
        scores.add(new ProgressScoreRepository.NewScore(home.get().id(), score.get(), week, note, actor.userId(), now));
        List<ProgressScore> history = scores.forHome(home.get().id());
        String before = history.size() < 2
                ? " Its first score."
                : " Before: " + history.get(history.size() - 2).score().choice() + " (week "
                        + history.get(history.size() - 2).week() + ").";
        return Outcome.done(home.get().name() + " scored " + score.get().choice() + " at "
                + (week == 0 ? "the start of the programme" : "week " + week) + "." + before);
    }

    /** {@code /score list}: every home of the cohort with its latest score. */
    public Listing list(Actor actor, Cohort cohort) {
        Optional<Outcome> refused = refusal(actor, cohort);
        if (refused.isPresent()) {
            return new Refused(refused.get());
        }
        Map<Long, List<ProgressScore>> byHome =
                scores.inCohort(cohort.id()).stream().collect(Collectors.groupingBy(ProgressScore::homeId));
        List<HomeScore> out = new ArrayList<>();
        for (Home h : homes.inCohort(cohort.id())) {
            List<ProgressScore> own = byHome.getOrDefault(h.id(), List.of());
            out.add(new HomeScore(
                    h, own.isEmpty() ? Optional.empty() : Optional.of(own.get(own.size() - 1)), own.size()));
        }
        return new Scores(cohort, out);
    }

    /** The home's scores, oldest first. */
    public List<ProgressScore> history(long homeId) {
        return scores.forHome(homeId);
    }

    /** The step a choice's value names ("3.5"), if it is one of the ten. */
    public static Optional<IhiScale> parse(String text) {
        try {
            return IhiScale.of(Double.parseDouble(text == null ? "" : text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Outcome> refusal(Actor actor, Cohort cohort) {
        if (!actor.coach() || !cohort.guildId().equals(actor.guildId())) {
            return Optional.of(Outcome.refused(COACHES_SCORE));
        }
        return Optional.empty();
    }

    private String noSuchHome(Cohort cohort, String name) {
        List<String> names =
                homes.inCohort(cohort.id()).stream().map(Home::name).toList();
        String typed = name.isEmpty() ? "" : guard.quoted(UserText.shorten(name, 100), "That name") + " is not ";
        if (names.isEmpty()) {
            return (typed.isEmpty() ? "" : typed + "a home of " + cohort.name() + ". ") + cohort.name()
                    + " has no homes yet.";
        }
        String list = names.size() <= 25
                ? String.join(", ", names)
                : String.join(", ", names.subList(0, 25)) + " and " + (names.size() - 25) + " more";
        return (typed.isEmpty() ? "Name the home to score. " : typed + "a home of " + cohort.name() + ". ")
                + "Its homes: " + list + ".";
    }
}
