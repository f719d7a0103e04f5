package uk.stepup.cohorts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.shared.Actor;
import uk.stepup.shared.CsvFormat;
import uk.stepup.shared.Outcome;
import uk.stepup.shared.UserText;

/**
 * Enrolling homes and managers: one at a time ({@code /cohort enrol}) or from a CSV file ({@code /cohort import}
 * and the {@code import} verb), all or nothing, then giving each home its private channel. Works without Discord
 * too (the command-line import): channels are then created when the bot next starts.
 */
public final class EnrolmentService {
    private static final Logger LOG = LoggerFactory.getLogger(EnrolmentService.class);
    private static final String COPY_ID = "(Developer Mode on, right-click the person, Copy User ID)";

    private final CohortRepository cohorts;
    private final HomeRepository homes;
    private final CohortSpaces spaces;
    private final PrivacyGuard guard;
    private final CsvFormat csv;
    private final Clock clock;

    public EnrolmentService(
            CohortRepository cohorts,
            HomeRepository homes,
            CohortSpaces spaces,
            PrivacyGuard guard,
            CsvFormat csv,
            Clock clock) {
        this.cohorts = cohorts;
        this.homes = homes;
        this.spaces = spaces;
        this.guard = guard;
        this.csv = csv;
        this.clock = clock;
    }

    /** What {@code /cohort enrol} answers: a sentence (refused, or what to fix), or who now manages which home. */
    public sealed interface Enrolling permits Said, Enrolled {
        boolean ok();
    }

    /** A plain answer. */
    public record Said(Outcome outcome) implements Enrolling {
        @Override
        public boolean ok() {
            return outcome.ok();
        }
    }

    /**
     * The manager (a user id) now manages the home; {@code channelProblem} says why its channel could not be set up,
     * if it could not.
     */
    public record Enrolled(String managerId, String homeName, String cohortName, Optional<String> channelProblem)
            implements Enrolling {
        @Override
        public boolean ok() {
            return true;
        }
    }

    /**
     * {@code /cohort enrol home manager}: a new home with its first manager, or one more manager for a home. The name
     * is made one line and then follows the import's rules, so both ways of enrolling accept the same names.
     */
    public Enrolling enrol(Actor actor, Cohort cohort, String homeName, String managerId) {
        if (!actor.coach()) {
            return new Said(Outcome.refused(Outcome.COACHES_ONLY));
        }
        String file = csv.write(List.of(
                EnrolmentCsv.COLUMNS, List.of(UserText.oneLine(homeName), "", managerId, "", "", "", "", "", "")));
        EnrolmentCsv.Result parsed = EnrolmentCsv.parse(file, csv, guard);
        if (parsed instanceof EnrolmentCsv.Invalid invalid) {
            return new Said(Outcome.invalid(invalid.problems().stream()
                    .map(EnrolmentCsv.Problem::message)
                    .reduce((a, b) -> a + "\n" + b)
                    .orElse("")));
        }
        HomeRepository.NewHome newHome = ((EnrolmentCsv.Ok) parsed).homes().get(0);
        Optional<Home> existing = homes.byName(cohort.id(), newHome.name());
        Optional<Home> managed = homes.managedBy(cohort.id(), managerId);
        if (managed.isPresent()
                && (existing.isEmpty() || managed.get().id() != existing.get().id())) {
            return new Said(Outcome.invalid("User " + managerId + " already manages \""
                    + managed.get().name() + "\" in " + cohort.name() + "; a manager belongs to one home."));
        }
        Admitted admitted = admit(cohort, List.of(managerId), id -> Optional.empty());
        if (!admitted.notMembers().isEmpty()) {
            return new Said(Outcome.invalid(String.join("\n", admitted.notMembers())));
        }
        try {
            Home home = existing.isPresent()
                    ? homes.addManager(existing.get().id(), managerId, clock.instant())
                    : homes.enrolAll(cohort.id(), List.of(newHome), clock.instant())
                            .get(0);
            Optional<String> problem = admitted.problem().or(() -> channel(cohort, home));
            return new Enrolled(managerId, home.name(), cohort.name(), problem);
        } catch (HomeRepository.EnrolmentConflictException e) {
            return new Said(Outcome.invalid(e.getMessage()));
        }
    }

    /**
     * What can be told about an import file at once, before anything is done: either it is refused (with what to
     * fix) or it is {@link Checked} and the slow part (admitting managers, channels) may begin.
     */
    public sealed interface Check permits Refused, Checked {}

    public record Refused(Outcome why) implements Check {}

    /** A file every row of which is good, that does not clash with the cohort and fits the server. */
    public record Checked(EnrolmentCsv.Ok file) implements Check {
        /** The managers to admit, each once, in file order. */
        public List<String> managerIds() {
            return List.copyOf(new LinkedHashSet<>(
                    file.homes().stream().flatMap(h -> h.managerIds().stream()).toList()));
        }
    }

    /**
     * Checks an import file without changing anything: every row valid, no home or manager the cohort already has,
     * and room on the server for every home's channel (a file that cannot fit is refused, saying how many homes do).
     */
    public Check check(Actor actor, Cohort cohort, String csvText) {
        if (!actor.coach()) {
            return new Refused(Outcome.refused(Outcome.COACHES_ONLY));
        }
        EnrolmentCsv.Result parsed = EnrolmentCsv.parse(csvText, csv, guard);
        if (parsed instanceof EnrolmentCsv.Invalid invalid) {
            return new Refused(Outcome.invalid("Nothing was imported. Fix these rows and try again:\n"
                    + listed(invalid.problems().stream().map(Object::toString).toList())));
        }
        EnrolmentCsv.Ok ok = (EnrolmentCsv.Ok) parsed;
        List<String> conflicts = conflicts(cohort, ok);
        if (!conflicts.isEmpty()) {
            return new Refused(
                    Outcome.invalid("Nothing was imported. Fix these rows and try again:\n" + listed(conflicts)));
        }
        Optional<ServerRoom> room;
        try {
            room = spaces.room(cohorts.byId(cohort.id()).orElse(cohort));
        } catch (CohortSpaces.SpaceException e) {
            LOG.warn("Could not count the server's channels: {}", e.getMessage());
            room = Optional.empty();
        }
        if (room.isPresent()) {
            long waiting = homes.inCohort(cohort.id()).stream()
                    .filter(h -> h.channelId().isEmpty())
                    .count();
            int fit = (int) Math.max(0, room.get().homesThatFit() - waiting);
            if (ok.homes().size() > fit) {
                return new Refused(Outcome.invalid(
                        "Nothing was imported: the file has " + ok.homes().size()
                                + " homes, but this Discord server has room for "
                                + (fit == 0
                                        ? "no more home channels"
                                        : "the channels of " + fit + " more " + (fit == 1 ? "home" : "homes"))
                                + ". Discord allows "
                                + ServerRoom.SERVER_MAX + " channels in a server, categories included (this one has "
                                + room.get().channels() + "), and " + ServerRoom.CATEGORY_MAX
                                + " in a category. Import at most "
                                + fit + " homes here and put the rest in a cohort on another server."));
            }
        }
        return new Checked(ok);
    }

    /** {@code /cohort import} and the {@code import} verb: every row valid, or nothing imported. */
    public Outcome importCsv(Actor actor, Cohort cohort, String csvText) {
        Check check = check(actor, cohort, csvText);
        if (check instanceof Refused refused) {
            return refused.why();
        }
        EnrolmentCsv.Ok ok = ((Checked) check).file();
        List<HomeRepository.NewHome> newHomes = ok.homes();
        List<String> managerIds =
                newHomes.stream().flatMap(h -> h.managerIds().stream()).toList();
        Admitted admitted = admit(cohort, managerIds, ok::lineOf);
        if (!admitted.notMembers().isEmpty()) {
            dismiss(cohort, managerIds);
            return Outcome.invalid(
                    "Nothing was imported. Fix these rows and try again:\n" + listed(admitted.notMembers()));
        }
        List<Home> enrolled;
        try {
            enrolled = homes.enrolAll(cohort.id(), newHomes, clock.instant());
        } catch (HomeRepository.EnrolmentConflictException e) {
            dismiss(cohort, managerIds);
            return Outcome.invalid("Nothing was imported: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        admitted.problem().ifPresent(problems::add);
        for (Home h : enrolled) {
            (admitted.problem().isPresent() ? provisionHome(cohort, h) : channel(cohort, h)).ifPresent(problems::add);
        }
        int managers = enrolled.stream().mapToInt(h -> h.managerIds().size()).sum();
        return Outcome.done(
                "Imported " + enrolled.size() + " homes with " + managers + " managers into " + cohort.name() + "."
                        + (problems.isEmpty()
                                ? ""
                                : "\nSome channels could not be set up; run `/cohort repair` once fixed:\n"
                                        + listed(problems)));
    }

    /** Homes and managers of the file that the cohort already has, each with its line: the file enrols nobody. */
    private List<String> conflicts(Cohort cohort, EnrolmentCsv.Ok ok) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < ok.homes().size(); i++) {
            HomeRepository.NewHome h = ok.homes().get(i);
            int line = ok.lines().get(i);
            homes.byName(cohort.id(), h.name())
                    .ifPresent(existing -> problems.add("line " + line + ": home: \""
                            + existing.name() + "\" is already enrolled in " + cohort.name()
                            + "; leave it out of the file, or"
                            + " add a manager to it with `/cohort enrol`"));
            for (String manager : h.managerIds()) {
                homes.managedBy(cohort.id(), manager)
                        .ifPresent(existing -> problems.add("line " + line + ": managers: "
                                + manager + " already manages \"" + existing.name() + "\" in " + cohort.name()
                                + "; a manager belongs to one home"));
            }
        }
        return problems;
    }

    /**
     * Managers given the cohort's role before they are enrolled: one problem per manager who is not on the cohort's
     * Discord server (with the file's line when there is one), or the reason Discord could not be asked at all (then
     * enrolment goes ahead and {@code /cohort repair} finishes the job, as for any channel problem).
     */
    private record Admitted(List<String> notMembers, Optional<String> problem) {}

    private Admitted admit(Cohort cohort, List<String> managerIds, Function<String, Optional<Integer>> lineOf) {
        Set<String> missing;
        try {
            missing = spaces.admit(cohorts.byId(cohort.id()).orElse(cohort), managerIds);
        } catch (CohortSpaces.SpaceException e) {
            LOG.warn("Giving managers the cohort's role failed: {}", e.getMessage());
            return new Admitted(
                    List.of(), Optional.of("the managers could not be given the cohort's role: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        for (String id : new LinkedHashSet<>(managerIds)) {
            if (missing.contains(id)) {
                problems.add(lineOf.apply(id).map(l -> "line " + l + ": ").orElse("") + "managers: " + id + " is not a"
                        + " member of this Discord server; invite them first, or check the id " + COPY_ID);
            }
        }
        return new Admitted(problems, Optional.empty());
    }

    PrivacyGuard guard() {
        return guard;
    }

    CsvFormat csv() {
        return csv;
    }

    /** The step of a background import that admits one manager: false if they are not on the cohort's server. */
    boolean admitOne(Cohort cohort, String managerId) {
        return !spaces.admit(cohorts.byId(cohort.id()).orElse(cohort), List.of(managerId))
                .contains(managerId);
    }

    /** What to tell the coach about a manager of the file who is not on the server. */
    static String notMember(EnrolmentCsv.Ok file, String managerId) {
        return file.lineOf(managerId).map(l -> "line " + l + ": ").orElse("") + "managers: " + managerId + " is not a"
                + " member of this Discord server; invite them first, or check the id " + COPY_ID;
    }

    /** Stores the homes of a checked file (all or none); the managers have been admitted. */
    List<Home> store(Cohort cohort, EnrolmentCsv.Ok file) {
        return homes.enrolAll(cohort.id(), file.homes(), clock.instant());
    }

    /** Takes the role back from managers admitted for an enrolment that was refused; they were in no home of it. */
    void dismiss(Cohort cohort, List<String> managerIds) {
        try {
            spaces.dismiss(cohort, managerIds);
        } catch (CohortSpaces.SpaceException e) {
            LOG.warn("Taking the cohort's role back failed: {}", e.getMessage());
        }
    }

    /**
     * Creates or fixes the home's channel, giving its managers the cohort's role first ({@code /cohort repair}, and
     * homes imported while the bot was offline); a problem a coach can act on, if any.
     */
    public Optional<String> provisionHome(Cohort cohort, Home home) {
        Admitted admitted = admit(cohort, home.managerIds(), id -> Optional.empty());
        if (admitted.problem().isPresent()) {
            return Optional.of(home.name() + ": " + admitted.problem().get());
        }
        if (!admitted.notMembers().isEmpty()) {
            return Optional.of(home.name() + ": " + String.join("; ", admitted.notMembers()));
        }
        return channel(cohort, home);
    }

    /** The home's channel, for managers already admitted. */
    Optional<String> channel(Cohort cohort, Home home) {
        try {
            homes.saveChannel(
                    home.id(), spaces.provisionHome(cohorts.byId(cohort.id()).orElse(cohort), home));
            return Optional.empty();
        } catch (CohortSpaces.SpaceException e) {
            LOG.warn("Provisioning home {} failed: {}", home.id(), e.getMessage());
            return Optional.of(home.name() + ": " + e.getMessage());
        }
    }

    /**
     * Gives every home of the running cohorts that has no channel yet its channel (after an offline import), except in
     * cohorts whose set-up job is unfinished: the job, resumed, does those.
     */
    public List<String> provisionMissing(LongPredicate jobRunning) {
        List<String> problems = new ArrayList<>();
        for (Cohort c : cohorts.running()) {
            if (c.channels().categoryId().isEmpty() || jobRunning.test(c.id())) {
                continue;
            }
            for (Home h : homes.inCohort(c.id())) {
                if (h.channelId().isEmpty()) {
                    provisionHome(c, h).ifPresent(problems::add);
                }
            }
        }
        return problems;
    }

    private static String listed(List<String> lines) {
        return CohortService.listed(lines);
    }
}
