package uk.stepup.discord;

import java.util.Set;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import uk.stepup.programme.ProgressView;
import uk.stepup.shared.Actor;

/** {@code /progress} and the summaries' "My progress" button: a manager's own journey, shown only to them. */
public final class ProgressCommand implements Handlers.Slash, Handlers.Buttons {
    private final ProgressView progress;

    public ProgressCommand(ProgressView progress) {
        this.progress = progress;
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
        Replies.ephemeral(e, progress.forManager(actor));
    }

    @Override
    public void handle(ButtonInteractionEvent e, ComponentIds.Decoded id, Actor actor) {
        Replies.ephemeral(e, progress.forManager(actor));
    }
}
