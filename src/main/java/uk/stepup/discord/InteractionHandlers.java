package uk.stepup.discord;

import java.util.Set;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import uk.stepup.shared.Actor;

/**
 * What a feature plugs into the router: a slash command with its definition, and the buttons and modals it owns.
 * Handlers translate Discord events into use-case calls and outcomes into replies; they hold no business rules.
 */
public final class InteractionHandlers {
    private InteractionHandlers() {}

    /** One top-level slash command. */
    public interface Slash {
        SlashCommandData definition();

        void handle(SlashCommandInteractionEvent event, Actor actor) throws Exception;
    }

    /** Buttons whose custom ids use the given actions. */
    public interface Buttons {
        Set<ComponentIds.Action> actions();

        void handle(ButtonInteractionEvent event, ComponentIds.Decoded id, Actor actor) throws Exception;
    }

    /** Modals whose custom ids use the given actions. */
    public interface Modals {
        Set<ComponentIds.Action> actions();

        void handle(ModalInteractionEvent event, ComponentIds.Decoded id, Actor actor) throws Exception;
    }
}
