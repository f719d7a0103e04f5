package uk.stepup.discord;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.attribute.ICategorizableChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.FileUpload;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortService;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.summaries.DataExportService;
import uk.stepup.summaries.ExportFile;
import uk.stepup.summaries.ExportFormat;

/**
 * {@code /export [cohort] [csv|json]}: a coach downloads a cohort's data as files attached to a reply only they see.
 * Coach-only, checked here and again in the use case.
 */
public final class ExportCommand implements InteractionHandlers.Slash {
    /** Discord's upload limits for a bot's message without server boosts. */
    static final int MAX_FILES = 10;

    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    private final CohortService admin;
    private final DataExportService export;

    public ExportCommand(CohortService admin, DataExportService export) {
        this.admin = admin;
        this.export = export;
    }

    @Override
    public SlashCommandData definition() {
        return Commands.slash("export", "Download a cohort's check-ins, tasks and attendance as files (coaches only)")
                .addOptions(
                        CohortCommand.cohortOption(),
                        new OptionData(OptionType.STRING, "format", "CSV files for Excel (default) or one JSON file")
                                .addChoice("CSV for Excel", "csv")
                                .addChoice("JSON", "json"));
    }

    @Override
    public void handle(SlashCommandInteractionEvent e, Actor actor) {
        if (!actor.coach()) {
            Replies.ephemeral(e, Outcome.refused(Outcome.COACHES_ONLY));
            return;
        }
        // Reading every check-in of a large cohort can take longer than Discord's three seconds.
        Replies.defer(e);
        ExportFormat format = Optional.ofNullable(e.getOption("format"))
                .map(OptionMapping::getAsString)
                .flatMap(ExportFormat::parse)
                .orElse(ExportFormat.CSV);
        Optional<String> category = Optional.empty();
        if (e.getChannel() instanceof ICategorizableChannel c && c.getParentCategoryIdLong() != 0) {
            category = Optional.of(c.getParentCategoryId());
        }
        CohortService.Target target = admin.resolve(
                actor.guildId(), Optional.ofNullable(e.getOption("cohort")).map(OptionMapping::getAsString), category);
        if (target instanceof CohortService.NotFound nf) {
            Replies.ephemeral(e, nf.why());
            return;
        }
        Cohort cohort = ((CohortService.Found) target).cohort();
        DataExportService.Result result = export.export(actor, cohort, format);
        if (!result.outcome().ok()) {
            Replies.ephemeral(e, result.outcome());
            return;
        }
        List<ExportFile> files = result.files();
        Optional<ExportFile> tooBig =
                files.stream().filter(f -> f.size() > MAX_FILE_BYTES).findFirst();
        if (files.size() > MAX_FILES || tooBig.isPresent()) {
            Replies.ephemeral(
                    e,
                    Outcome.invalid("This export is too large to attach in Discord ("
                            + tooBig.map(f -> f.fileName() + " is " + f.size() / (1024 * 1024) + " MB")
                                    .orElse(files.size() + " files")
                            + "). Ask whoever runs the bot to use the command line: `export --cohort \""
                            + cohort.name() + "\" --format " + format.key() + "`."));
            return;
        }
        List<FileUpload> uploads = files.stream()
                .map(f -> FileUpload.fromData(f.bytes(), f.fileName()))
                .toList();
        Replies.hook(e)
                .editOriginal(Replies.text(result.outcome()))
                .setFiles(uploads)
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .queue(null, InteractionErrors.onFailure(e, "the export files"));
    }
}
