package uk.stepup.discord;

import java.util.EnumSet;
import java.util.Set;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.FileUpload;
import uk.stepup.shared.Actor;
import uk.stepup.summaries.ChartRenderer;
import uk.stepup.summaries.ProgressService;

/** {@code /progress} and the summaries' "My progress" button: a manager's own journey, shown only to them. */
public final class ProgressCommand implements InteractionHandlers.Slash, InteractionHandlers.Buttons {
    private final ProgressService progress;
    private final ChartRenderer charts;

    public ProgressCommand(ProgressService progress, ChartRenderer charts) {
        this.progress = progress;
        this.charts = charts;
    }

    @Override
    public SlashCommandData definition() {
        return Commands.slash("progress", "Your home's self-ratings so far and change from baseline (only you see it)");
    }

    @Override
    public Set<ComponentIds.Action> actions() {
        return Set.of(ComponentIds.Action.PROGRESS);
    }

    @Override
    public void handle(SlashCommandInteractionEvent e, Actor actor) {
        show(e, actor);
    }

    @Override
    public void handle(ButtonInteractionEvent e, ComponentIds.Decoded id, Actor actor) {
        show(e, actor);
    }

    /**
     * Only the manager sees it; the journey chart is attached when there is one. The reply is deferred first:
     * reading a long programme and drawing the chart, plus the network both ways, can take longer than Discord's
     * three seconds.
     */
    private void show(IReplyCallback e, Actor actor) {
        Replies.defer(e);
        ProgressService.Progress p = progress.forManager(actor);
        var edit = Replies.hook(e)
                .editOriginal(EmbedCard.fit(p.text(), EmbedCard.CONTENT_MAX))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
        if (p.journey().isPresent() && p.journey().get().hasCheckins()) {
            edit = edit.setFiles(
                    FileUpload.fromData(charts.journeyPng(p.journey().get()), "my-journey.png"));
        }
        edit.queue(null, InteractionErrors.onFailure(e, "the progress reply"));
    }
}
