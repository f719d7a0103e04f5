package uk.stepup.discord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.entities.channel.attribute.ICategorizableChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortService;
import uk.stepup.cohorts.EnrolmentService;
import uk.stepup.cohorts.SetupJobService;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;

/** {@code /cohort …}: the coach's cohort tools. Coach-only, checked here and again in every use case. */
public final class CohortCommand implements InteractionHandlers.Slash {

    private final CohortService admin;
    private final EnrolmentService enrolment;
    private final SetupJobService setupJobs;
    private final Map<String, CohortSubcommand> extra;

    /** A further {@code /cohort} subcommand contributed by another feature (for example {@code status}). */
    public interface CohortSubcommand {
        SubcommandData definition();

        Outcome handle(SlashCommandInteractionEvent event, Actor actor, Cohort cohort) throws Exception;
    }

    public CohortCommand(
            CohortService admin, EnrolmentService enrolment, SetupJobService setupJobs, List<CohortSubcommand> extra) {
        this.admin = admin;
        this.enrolment = enrolment;
        this.setupJobs = setupJobs;
        this.extra = new LinkedHashMap<>();
        extra.forEach(s -> this.extra.put(s.definition().getName(), s));
    }

    /**
     * The curricula a cohort can follow: the frameworks found in prompts/, so one a coach adds as files is offered
     * too (Discord allows 25 choices).
     */
    private OptionData frameworkOption() {
        OptionData option = new OptionData(OptionType.STRING, "framework", "Curriculum");
        admin.frameworks().entrySet().stream().limit(OptionData.MAX_CHOICES).forEach(f -> {
            String label = switch (f.getKey()) {
                case "kloe-2017" -> "CQC KLOEs";
                case "saf-2023" -> "CQC quality statements";
                default -> f.getKey();
            };
            option.addChoice(label + " (" + f.getValue() + " weeks)", f.getKey());
        });
        return option;
    }

    /** The cohort option every coach subcommand takes. */
    public static OptionData cohortOption() {
        return new OptionData(
                        OptionType.STRING,
                        "cohort",
                        "Cohort name (default: the cohort of this channel, or the only one)")
                .setMaxLength(60);
    }

    private static SubcommandData coachSub(String name, String description) {
        return new SubcommandData(name, description).addOptions(cohortOption());
    }

    @Override
    public SlashCommandData definition() {
        SlashCommandData d = Commands.slash("cohort", "Coach tools for running a cohort")
                .addSubcommands(
                        new SubcommandData("create", "Start a new cohort and set up its channels")
                                .addOptions(
                                        new OptionData(OptionType.STRING, "name", "Cohort name, e.g. Spring 2027", true)
                                                .setMaxLength(60),
                                        new OptionData(
                                                        OptionType.STRING,
                                                        "start",
                                                        "Start date (YYYY-MM-DD, a Monday; default next Monday)")
                                                .setMaxLength(10),
                                        frameworkOption(),
                                        new OptionData(OptionType.STRING, "zone", "Time zone (default Europe/London)")
                                                .setMaxLength(40)),
                        new SubcommandData("enrol", "Enrol a home and its manager (run again to add another manager)")
                                .addOptions(
                                        new OptionData(OptionType.STRING, "home", "Care home name", true)
                                                .setMaxLength(80),
                                        new OptionData(
                                                OptionType.USER,
                                                "manager",
                                                "The home's registered manager or deputy",
                                                true),
                                        cohortOption()),
                        new SubcommandData("import", "Enrol many homes from a CSV file (all or nothing)")
                                .addOptions(
                                        new OptionData(
                                                OptionType.ATTACHMENT,
                                                "file",
                                                "CSV: home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led",
                                                true),
                                        cohortOption()),
                        coachSub("pause", "Pause the programme (holidays); weeks move later"),
                        coachSub("resume", "Resume a paused programme"),
                        coachSub("skip", "Make the next week a break"),
                        coachSub("end", "End the programme now"),
                        coachSub("repair", "Re-create missing channels and fix permissions"));
        extra.values().forEach(s -> d.addSubcommands(s.definition()));
        return d;
    }

    /** A string option, if given. */
    static Optional<String> opt(SlashCommandInteractionEvent e, String name) {
        return Optional.ofNullable(e.getOption(name)).map(OptionMapping::getAsString);
    }

    /**
     * The cohort a coach's command is about: the one named in its {@code cohort} option, else the one whose channels
     * it was used in, else the only running one.
     */
    static CohortService.Target target(CohortService admin, SlashCommandInteractionEvent e, Actor actor) {
        Optional<String> category = Optional.empty();
        if (e.getChannel() instanceof ICategorizableChannel c && c.getParentCategoryIdLong() != 0) {
            category = Optional.of(c.getParentCategoryId());
        }
        return admin.resolve(actor.guildId(), opt(e, "cohort"), category);
    }

    /**
     * The cohort a coach's command is about ({@link #target}); when there is none, the coach has been told why and
     * the result is empty.
     */
    static Optional<Cohort> cohortFor(CohortService admin, SlashCommandInteractionEvent e, Actor actor) {
        CohortService.Target target = target(admin, e, actor);
        if (target instanceof CohortService.NotFound nf) {
            Replies.ephemeral(e, nf.why());
            return Optional.empty();
        }
        return Optional.of(((CohortService.Found) target).cohort());
    }

    /**
     * The start of most coach commands: anyone else is refused, the answer is deferred (posting and drawing can take
     * longer than Discord's three seconds), then the cohort is resolved as {@link #cohortFor} does. Empty once the
     * person has been answered.
     */
    static Optional<Cohort> coachCohort(CohortService admin, SlashCommandInteractionEvent e, Actor actor) {
        if (!actor.coach()) {
            Replies.ephemeral(e, Outcome.refused(Outcome.COACHES_ONLY));
            return Optional.empty();
        }
        Replies.defer(e);
        return cohortFor(admin, e, actor);
    }

    @Override
    public void handle(SlashCommandInteractionEvent e, Actor actor) throws Exception {
        if (!actor.coach()) {
            Replies.ephemeral(e, Outcome.refused(Outcome.COACHES_ONLY));
            return;
        }
        String sub = String.valueOf(e.getSubcommandName());
        // Creating a cohort's channels and reading files can take longer than Discord's three seconds. An import or a
        // repair, which can outlive the interaction token, answers once it has started its background job.
        Replies.defer(e);
        if (sub.equals("create")) {
            Replies.ephemeral(
                    e,
                    admin.create(
                            actor, opt(e, "name").orElse(""), opt(e, "start"), opt(e, "framework"), opt(e, "zone")));
            return;
        }
        CohortService.Target target = target(admin, e, actor);
        if (target instanceof CohortService.NotFound nf) {
            Replies.ephemeral(e, nf.why());
            return;
        }
        Cohort cohort = ((CohortService.Found) target).cohort();
        Outcome outcome = switch (sub) {
            case "enrol" ->
                said(enrolment.enrol(
                        actor,
                        cohort,
                        opt(e, "home").orElse(""),
                        Optional.ofNullable(e.getOption("manager"))
                                .map(o -> o.getAsUser().getId())
                                .orElse("")));
            case "import" -> importCsv(e, actor, cohort);
            case "pause" -> admin.pause(actor, cohort);
            case "resume" -> admin.resume(actor, cohort);
            case "skip" -> admin.skip(actor, cohort);
            case "end" -> admin.end(actor, cohort);
            case "repair" -> setupJobs.startRepair(actor, cohort);
            default ->
                extra.containsKey(sub)
                        ? extra.get(sub).handle(e, actor, cohort)
                        : Outcome.invalid("Unknown cohort action.");
        };
        if (outcome != null) {
            Replies.ephemeral(e, outcome);
        }
    }

    /** The answer to {@code /cohort enrol}, naming the manager with a mention (replies never ping). */
    public static Outcome said(EnrolmentService.Enrolling enrolling) {
        if (enrolling instanceof EnrolmentService.Enrolled d) {
            return Outcome.done(Markdown.user(d.managerId()) + " now manages " + Markdown.bold(d.homeName()) + " in "
                    + d.cohortName() + "."
                    + d.channelProblem()
                            .map(p -> " I could not set up its channel (" + p + "); run `/cohort repair` once fixed.")
                            .orElse(" They can see its private channel and check in each week."));
        }
        return ((EnrolmentService.Said) enrolling).outcome();
    }

    private Outcome importCsv(SlashCommandInteractionEvent e, Actor actor, Cohort cohort) throws Exception {
        return CsvAttachment.importWith(e, "import", text -> setupJobs.startImport(actor, cohort, text));
    }
}
