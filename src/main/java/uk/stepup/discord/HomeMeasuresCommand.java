package uk.stepup.discord;

import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.FileUpload;
import uk.stepup.measures.HomeMeasuresService;
import uk.stepup.shared.Actor;

/** {@code /measures}: a manager's own measures, a line each, with their control charts attached; only they see it. */
public final class HomeMeasuresCommand implements InteractionHandlers.Slash {
    private final HomeMeasuresService measures;

    public HomeMeasuresCommand(HomeMeasuresService measures) {
        this.measures = measures;
    }

    @Override
    public SlashCommandData definition() {
        return Commands.slash("measures", "Your home's measures with their SPC charts (only you see them)");
    }

    @Override
    public void handle(SlashCommandInteractionEvent e, Actor actor) {
        // Drawing the charts can take longer than Discord's three seconds on a cold start.
        Replies.defer(e);
        HomeMeasuresService.View view = measures.forManager(actor);
        List<FileUpload> files = view.charts().stream()
                .map(c -> FileUpload.fromData(c.png(), c.filename()))
                .toList();
        Replies.hook(e)
                .editOriginal(EmbedCard.fit(view.text(), EmbedCard.CONTENT_MAX))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .setFiles(files)
                .queue(null, InteractionErrors.onFailure(e, "the measures and charts"));
    }
}
