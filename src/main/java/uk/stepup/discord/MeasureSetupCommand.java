package uk.stepup.discord;

import java.util.Optional;
import java.util.OptionalDouble;
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
import uk.stepup.measures.Frequency;
import uk.stepup.measures.Measure;
import uk.stepup.measures.MeasureCsv;
import uk.stepup.measures.MeasureDefinitionService;
import uk.stepup.measures.MeasureImportService;
import uk.stepup.measures.SmallCounts;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;

/**
 * {@code /measure add|list|import}: coaches define a cohort's measures, anyone in it lists them, and a manager
 * imports their home's history from a CSV file. Coach-only actions are checked here and again in the use case.
 */
public final class MeasureSetupCommand implements InteractionHandlers.Slash {

    private final CohortService cohorts;
    private final MeasureDefinitionService admin;
    private final MeasureImportService importer;

    public MeasureSetupCommand(CohortService cohorts, MeasureDefinitionService admin, MeasureImportService importer) {
        this.cohorts = cohorts;
        this.admin = admin;
        this.importer = importer;
    }

    @Override
    public SlashCommandData definition() {
        return Commands.slash("measure", "The cohort's QI measures: define, list, import history")
                .addSubcommands(
                        new SubcommandData("add", "Coaches: add a measure every home enters (a number, or a rate)")
                                .addOptions(
                                        new OptionData(
                                                        OptionType.STRING,
                                                        "name",
                                                        "e.g. Falls, or Falls per 1,000 bed days",
                                                        true)
                                                .setMaxLength(MeasureDefinitionService.NAME_MAX),
                                        new OptionData(
                                                        OptionType.STRING,
                                                        "unit",
                                                        "e.g. falls, %, per 1,000 occupied bed days",
                                                        true)
                                                .setMaxLength(MeasureDefinitionService.UNIT_MAX),
                                        new OptionData(OptionType.STRING, "direction", "Which way is better", true)
                                                .addChoice("Higher is better (increase)", "increase")
                                                .addChoice("Lower is better (decrease)", "decrease")
                                                .addChoice("Neither (neutral)", "neutral"),
                                        new OptionData(
                                                OptionType.NUMBER, "target", "Optional target, for the assurance icon"),
                                        new OptionData(
                                                        OptionType.STRING,
                                                        "frequency",
                                                        "How often homes enter it (default weekly)")
                                                .addChoice("Weekly", "weekly")
                                                .addChoice("Monthly (the month before)", "monthly"),
                                        new OptionData(
                                                        OptionType.STRING,
                                                        "numerator_label",
                                                        "For a rate: what is counted, e.g. falls")
                                                .setMaxLength(MeasureDefinitionService.LABEL_MAX),
                                        new OptionData(
                                                        OptionType.STRING,
                                                        "denominator_label",
                                                        "For a rate: per what, e.g. occupied bed days")
                                                .setMaxLength(MeasureDefinitionService.LABEL_MAX),
                                        new OptionData(
                                                        OptionType.NUMBER,
                                                        "per",
                                                        "For a rate: multiplier, e.g. 1000 or 100 for %")
                                                .setMinValue(0.000001)
                                                .setMaxValue(MeasureDefinitionService.PER_MAX),
                                        CohortCommand.cohortOption()),
                        new SubcommandData("list", "The cohort's measures and how they are defined")
                                .addOptions(CohortCommand.cohortOption()),
                        new SubcommandData("import", "Managers: load your home's history from a CSV (all or nothing)")
                                .addOptions(new OptionData(
                                        OptionType.ATTACHMENT,
                                        "file",
                                        "CSV: measure,period,value[,numerator,denominator]",
                                        true)));
    }

    private static Optional<String> opt(SlashCommandInteractionEvent e, String name) {
        return Optional.ofNullable(e.getOption(name)).map(OptionMapping::getAsString);
    }

    private static OptionalDouble number(SlashCommandInteractionEvent e, String name) {
        OptionMapping o = e.getOption(name);
        return o == null ? OptionalDouble.empty() : OptionalDouble.of(o.getAsDouble());
    }

    @Override
    public void handle(SlashCommandInteractionEvent e, Actor actor) throws Exception {
        String sub = String.valueOf(e.getSubcommandName());
        switch (sub) {
            case "add" -> {
                if (!actor.coach()) {
                    Replies.ephemeral(e, Outcome.refused(Outcome.COACHES_ONLY));
                    return;
                }
                Optional<Cohort> cohort = cohort(e, actor);
                if (cohort.isEmpty()) {
                    return;
                }
                Replies.ephemeral(
                        e,
                        added(admin.add(
                                actor,
                                cohort.get(),
                                new MeasureDefinitionService.Definition(
                                        opt(e, "name").orElse(""),
                                        opt(e, "unit").orElse(""),
                                        opt(e, "direction").orElse(""),
                                        number(e, "target"),
                                        opt(e, "frequency"),
                                        opt(e, "numerator_label"),
                                        opt(e, "denominator_label"),
                                        number(e, "per")))));
            }
            case "list" -> {
                if (!actor.coach()) {
                    Replies.ephemeral(e, list(admin.listForManager(actor)));
                    return;
                }
                cohort(e, actor).ifPresent(c -> Replies.ephemeral(e, list(admin.list(c))));
            }
            case "import" -> {
                // Downloading and checking a file can take longer than Discord's three seconds.
                Replies.defer(e);
                Replies.ephemeral(e, importCsv(e, actor));
            }
            default -> Replies.ephemeral(e, Outcome.invalid("Unknown measure action."));
        }
    }

    /** What {@code /measure add} tells the coach: the measure as stored and when managers are asked for it. */
    static Outcome added(MeasureDefinitionService.AddResult result) {
        if (result instanceof MeasureDefinitionService.NotAdded no) {
            return no.why();
        }
        if (!(result instanceof MeasureDefinitionService.Added added)) {
            throw new IllegalStateException("A measure is added or not, not " + result);
        }
        Measure m = added.measure();
        return Outcome.done("Added measure " + m.position() + " to " + added.cohort() + ": **" + m.name() + "** · "
                + m.definition() + ".\nManagers are asked for it after their "
                + (m.frequency() == Frequency.MONTHLY
                        ? "first check-in of each month (for the month before)"
                        : "weekly check-in")
                + ", and can load up to " + MeasureCsv.MONTHS_BACK
                + " months of history with `/measure import`.");
    }

    /** {@code /measure list}: the cohort's measures, one line each, and how history is imported. */
    static String list(MeasureDefinitionService.Listing listing) {
        if (!(listing instanceof MeasureDefinitionService.Listed listed)) {
            return "You are not enrolled as a manager of a home yet, so there are no measures to list. "
                    + "Ask your coach to enrol you.";
        }
        if (listed.measures().isEmpty()) {
            return listed.cohort() + " has no measures yet. A coach adds them with `/measure add`, for example "
                    + "name: Falls, unit: falls, direction: decrease.";
        }
        StringBuilder s = new StringBuilder("**Measures in ")
                .append(listed.cohort())
                .append("** (")
                .append(listed.measures().size())
                .append(")\n");
        for (Measure m : listed.measures()) {
            s.append(m.position())
                    .append(". **")
                    .append(m.name())
                    .append("** · ")
                    .append(m.definition())
                    .append('\n');
        }
        s.append("Managers enter aggregate numbers only (never anything about a resident) after their check-in; "
                        + "anything shared with the cohort shows counts of 1 to 4 as ")
                .append(SmallCounts.LABEL)
                .append(".\n")
                .append("History: `/measure import` takes a CSV with the header `measure,period,value` (add ")
                .append("`numerator,denominator` for rates), periods as YYYY-MM-DD or YYYY-MM, up to ")
                .append(MeasureCsv.MONTHS_BACK)
                .append(" months back.");
        return s.toString();
    }

    /** The cohort a coach means, or empty after telling them why it could not be found. */
    private Optional<Cohort> cohort(SlashCommandInteractionEvent e, Actor actor) {
        Optional<String> category = Optional.empty();
        if (e.getChannel() instanceof ICategorizableChannel c && c.getParentCategoryIdLong() != 0) {
            category = Optional.of(c.getParentCategoryId());
        }
        CohortService.Target target = cohorts.resolve(actor.guildId(), opt(e, "cohort"), category);
        if (target instanceof CohortService.Found found) {
            return Optional.of(found.cohort());
        }
        if (target instanceof CohortService.NotFound nf) {
            Replies.ephemeral(e, nf.why());
        }
        return Optional.empty();
    }

    private Outcome importCsv(SlashCommandInteractionEvent e, Actor actor) throws InterruptedException {
        return CsvAttachment.importWith(e, "measures", text -> importer.importCsv(actor, text));
    }
}
