package uk.stepup.cohorts;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.curriculum.CurriculumItem;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.shared.UserText;

/**
 * What coaches do to a cohort: create it, enrol homes (one by one or from a CSV), pause, resume, skip a week,
 * end it ({@link SetupJobService} imports homes and repairs channels). Every action checks that the actor is a coach, here on the server side.
 */
public final class CohortService {
    private static final Logger LOG = LoggerFactory.getLogger(CohortService.class);
    /** Longest cohort name, as the command's option allows. */
    public static final int NAME_MAX = 60;

    private static final Pattern MENTION = Pattern.compile("@everyone|@here|<[@#]|\\]\\(|://");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.UK);

    private final CohortRepository cohorts;
    private final CohortSpaces spaces;
    private final CohortTimers timers;
    private final ProgrammeTicker programme;
    private final Supplier<Map<String, Curriculum>> curricula;
    private final CohortDefaults defaults;
    private final PrivacyGuard guard;
    private final Clock clock;

    public CohortService(
            CohortRepository cohorts,
            CohortSpaces spaces,
            CohortTimers timers,
            ProgrammeTicker programme,
            Supplier<Map<String, Curriculum>> curricula,
            CohortDefaults defaults,
            PrivacyGuard guard,
            Clock clock) {
        this.cohorts = cohorts;
        this.spaces = spaces;
        this.timers = timers;
        this.programme = programme;
        this.curricula = curricula;
        this.defaults = defaults;
        this.guard = guard;
        this.clock = clock;
    }

    /** Finds the cohort a coach means: by name, else the one whose category the command was used in, else the only one. */
    public sealed interface Target permits Found, NotFound {}

    public record Found(Cohort cohort) implements Target {}

    public record NotFound(Outcome why) implements Target {}

    public Target resolve(String guildId, Optional<String> name, Optional<String> categoryId) {
        if (name.isPresent() && !name.get().isBlank()) {
            return cohorts.byName(guildId, name.get().strip())
                    .<Target>map(Found::new)
                    .orElseGet(() -> new NotFound(Outcome.invalid(
                            "There is no cohort called " + guard.quoted(UserText.oneLine(name.get()), "that")
                                    + " on this server." + known(guildId))));
        }
        List<Cohort> all = cohorts.inGuild(guildId);
        if (categoryId.isPresent()) {
            for (Cohort c : all) {
                if (c.channels().categoryId().equals(categoryId)) {
                    return new Found(c);
                }
            }
        }
        List<Cohort> running =
                all.stream().filter(c -> c.status() != Cohort.Status.ENDED).toList();
        if (running.size() == 1) {
            return new Found(running.get(0));
        }
        if (running.isEmpty()) {
            return new NotFound(
                    Outcome.invalid("There is no running cohort on this server yet. Start one with `/cohort create`."));
        }
        return new NotFound(Outcome.invalid(
                "Which cohort? Add the `cohort` option, or use the command inside the cohort's channels."
                        + known(guildId)));
    }

    private String known(String guildId) {
        List<String> names = cohorts.inGuild(guildId).stream().map(Cohort::name).toList();
        return names.isEmpty() ? "" : " Cohorts here: " + String.join(", ", names) + ".";
    }

    /**
     * The frameworks a new cohort can follow, each with its number of weeks, in the order found: kloe-2017, saf-2023
     * and any framework a coach added as files in prompts/.
     */
    public Map<String, Integer> frameworks() {
        Map<String, Integer> weeks = new LinkedHashMap<>();
        curricula.get().forEach((id, c) -> weeks.put(id, c.items().size()));
        return weeks;
    }

    /** {@code /cohort create}. */
    public Outcome create(
            Actor actor,
            String rawName,
            Optional<String> startText,
            Optional<String> framework,
            Optional<String> zoneText) {
        if (!actor.coach()) {
            return Outcome.refused(Outcome.COACHES_ONLY);
        }
        String name = rawName == null ? "" : rawName.strip();
        if (UserText.length(name) < 2
                || UserText.length(name) > NAME_MAX
                || MENTION.matcher(name).find()
                || UserText.hiddenCharacter(name).isPresent()) {
            return Outcome.invalid("Give the cohort a name of 2 to " + NAME_MAX + " characters on one line, without"
                    + " mentions, links or hidden characters, for example \"Spring 2027\".");
        }
        Optional<String> identifiers = guard.identifiers("name", name);
        if (identifiers.isPresent()) {
            return Outcome.invalid("Everyone in the cohort sees its name. " + identifiers.get());
        }
        ZoneId zone = defaults.zone();
        if (zoneText.isPresent() && !zoneText.get().isBlank()) {
            try {
                zone = ZoneId.of(zoneText.get().strip());
            } catch (DateTimeException e) {
                return Outcome.invalid(guard.quoted(UserText.oneLine(zoneText.get()), "That")
                        + " is not a time zone. Use a name like Europe/London.");
            }
        }
        String fw = framework.filter(f -> !f.isBlank()).map(String::strip).orElse(defaults.framework());
        Curriculum curriculum = curricula.get().get(fw);
        if (curriculum == null) {
            return Outcome.invalid("\"" + fw + "\" is not a curriculum. Use "
                    + String.join(
                            " or ",
                            frameworks().entrySet().stream()
                                    .map(e -> e.getKey() + " (" + e.getValue() + " weeks)")
                                    .toList())
                    + ".");
        }
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        LocalDate thisMonday = ProgrammeCalendar.mondayOf(today);
        LocalDate start;
        if (startText.isPresent() && !startText.get().isBlank()) {
            try {
                start = ProgrammeCalendar.mondayOf(
                        LocalDate.parse(startText.get().strip()));
            } catch (DateTimeException e) {
                return Outcome.invalid(guard.quoted(UserText.oneLine(startText.get()), "That")
                        + " is not a date. Write it as YYYY-MM-DD, for example "
                        + thisMonday.plusWeeks(1) + ".");
            }
            if (start.isBefore(thisMonday)) {
                return Outcome.invalid(
                        "The start date is in a past week. Choose this week (week 1 opens at once) or a later Monday.");
            }
        } else {
            start = thisMonday.plusWeeks(1);
        }
        List<String> codes = curriculum.defaultOrder();
        Cohort cohort;
        try {
            cohort = cohorts.create(new CohortRepository.NewCohort(
                    actor.guildId(), name, fw, zone, start, defaults.rhythm(), codes, actor.userId(), clock.instant()));
        } catch (CohortRepository.DuplicateCohortException e) {
            return Outcome.invalid(e.getMessage() + " Choose another name.");
        }
        LOG.info("Cohort {} created by a coach, starting {}", cohort.id(), start);
        String channels = provision(cohort);
        timers.schedule(cohort);
        programme.tick(cohort.id());
        ProgrammeCalendar cal = ProgrammeCalendar.of(cohort, cohorts);
        Instant firstPrompt = cal.promptAt(1).orElseThrow();
        CurriculumItem first = curriculum.byCode(codes.get(0)).orElseThrow();
        String when = firstPrompt.isAfter(clock.instant())
                ? "Week 1 (" + first.code() + " " + first.title() + ") starts " + WHEN.format(firstPrompt.atZone(zone))
                        + " (" + zone.getId() + ")."
                : "Week 1 (" + first.code() + " " + first.title() + ") is open now.";
        return Outcome.done("Cohort **" + name + "** is ready: " + codes.size() + " weeks of " + fw + ". " + channels
                + "\n" + when + "\nNext: enrol homes with `/cohort enrol` or `/cohort import`.");
    }

    private String provision(Cohort cohort) {
        try {
            Cohort.Channels ch = spaces.provisionCohort(cohort);
            cohorts.saveChannels(cohort.id(), ch);
            return "Channels are set up under **SUO · " + cohort.name() + "**.";
        } catch (CohortSpaces.SpaceException e) {
            LOG.warn("Provisioning cohort {} failed: {}", cohort.id(), e.getMessage());
            return "I could not set up its channels: " + e.getMessage() + " Fix that, then run `/cohort repair`.";
        }
    }

    /** {@code /cohort pause}: no posts from the next week that has not started, until resumed. */
    public Outcome pause(Actor actor, Cohort cohort) {
        if (!actor.coach()) {
            return Outcome.refused(Outcome.COACHES_ONLY);
        }
        if (cohort.status() != Cohort.Status.ACTIVE) {
            return Outcome.invalid(
                    cohort.name() + " is " + cohort.status().name().toLowerCase(Locale.ROOT) + ", not running.");
        }
        LocalDate from = nextUnstartedMonday(cohort);
        cohorts.setStatus(cohort.id(), Cohort.Status.PAUSED, Optional.of(from));
        return Outcome.done(cohort.name() + " is paused from the week of " + DAY.format(from)
                + ". Nothing will be posted until you run `/cohort resume`; the remaining weeks move later.");
    }

    /** {@code /cohort resume}: the paused weeks become breaks; the current week opens at once if its time has come. */
    public Outcome resume(Actor actor, Cohort cohort) {
        if (!actor.coach()) {
            return Outcome.refused(Outcome.COACHES_ONLY);
        }
        if (cohort.status() != Cohort.Status.PAUSED || cohort.pausedOn().isEmpty()) {
            return Outcome.invalid(cohort.name() + " is not paused.");
        }
        LocalDate thisMonday =
                ProgrammeCalendar.mondayOf(clock.instant().atZone(cohort.zone()).toLocalDate());
        for (LocalDate m = cohort.pausedOn().get(); m.isBefore(thisMonday); m = m.plusWeeks(1)) {
            cohorts.addBreak(cohort.id(), m, "pause");
        }
        cohorts.setStatus(cohort.id(), Cohort.Status.ACTIVE, Optional.empty());
        Cohort resumed = cohorts.byId(cohort.id()).orElseThrow();
        timers.schedule(resumed);
        programme.tick(cohort.id());
        return Outcome.done(cohort.name() + " is running again." + nextPrompt(resumed));
    }

    /** {@code /cohort skip}: the next week that has not started becomes a break (a holiday). */
    public Outcome skip(Actor actor, Cohort cohort) {
        if (!actor.coach()) {
            return Outcome.refused(Outcome.COACHES_ONLY);
        }
        if (cohort.status() == Cohort.Status.ENDED) {
            return Outcome.invalid(cohort.name() + " has ended.");
        }
        LocalDate week = nextUnstartedMonday(cohort);
        cohorts.addBreak(cohort.id(), week, "skip");
        return Outcome.done("The week of " + DAY.format(week) + " is a break for " + cohort.name()
                + ": no prompt, reminder or summary."
                + nextPrompt(cohorts.byId(cohort.id()).orElseThrow()));
    }

    /** {@code /cohort end}: stops every post for good. */
    public Outcome end(Actor actor, Cohort cohort) {
        if (!actor.coach()) {
            return Outcome.refused(Outcome.COACHES_ONLY);
        }
        if (cohort.status() == Cohort.Status.ENDED) {
            return Outcome.invalid(cohort.name() + " has already ended.");
        }
        cohorts.setStatus(cohort.id(), Cohort.Status.ENDED, Optional.empty());
        timers.cancel(cohort.id());
        return Outcome.done(
                cohort.name() + " has ended. Its channels and data stay; use `export` or `report` for the record.");
    }

    private LocalDate nextUnstartedMonday(Cohort cohort) {
        Instant now = clock.instant();
        LocalDate thisMonday =
                ProgrammeCalendar.mondayOf(now.atZone(cohort.zone()).toLocalDate());
        ProgrammeCalendar cal = ProgrammeCalendar.of(cohort, cohorts);
        Instant thisWeeksPrompt = cal.at(thisMonday, cohort.rhythm().prompt());
        LocalDate candidate = now.isBefore(thisWeeksPrompt) ? thisMonday : thisMonday.plusWeeks(1);
        return candidate.isBefore(cohort.startDate()) ? cohort.startDate() : candidate;
    }

    private String nextPrompt(Cohort cohort) {
        ProgrammeCalendar cal = ProgrammeCalendar.of(cohort, cohorts);
        Instant now = clock.instant();
        for (int n = 1; n <= cal.weeks(); n++) {
            Optional<Instant> at = cal.promptAt(n);
            if (at.isPresent() && at.get().isAfter(now)) {
                return " Week " + n + " starts " + WHEN.format(at.get().atZone(cohort.zone())) + ".";
            }
        }
        return "";
    }

    /** Lists lines, keeping the whole reply well inside one Discord message. */
    static String listed(List<String> lines) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (String line : lines) {
            if (out.length() + line.length() > 1500) {
                break;
            }
            out.append("- ").append(line).append('\n');
            shown++;
        }
        if (shown < lines.size()) {
            out.append("…and ").append(lines.size() - shown).append(" more.");
        }
        return out.toString().strip();
    }
}
