package uk.stepup.discord;

import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import uk.stepup.improvement.PdsaService;
import uk.stepup.shared.Actor;

/**
 * {@code /pdsa new} opens the new-cycle form for the manager's home (refused at once for someone with no home);
 * {@code /pdsa list} shows the home's cycles, only to the person asking; a coach names any home with {@code home:}.
 */
public final class PdsaCommand implements InteractionHandlers.Slash {
    private final PdsaService pdsa;

    public PdsaCommand(PdsaService pdsa) {
        this.pdsa = pdsa;
    }

    @Override
    public SlashCommandData definition() {
        return Commands.slash("pdsa", "PDSA cycles: test a change small and fast, then study and decide")
                .addSubcommands(
                        new SubcommandData("new", "Start a PDSA cycle for your home: idea, plan, prediction, measure"),
                        new SubcommandData("list", "Your home's PDSA cycles (only you see them)")
                                .addOptions(new OptionData(
                                                OptionType.STRING, "home", "Coaches: the home whose cycles to show")
                                        .setMaxLength(100)));
    }

    @Override
    public void handle(SlashCommandInteractionEvent e, Actor actor) {
        if ("new".equals(e.getSubcommandName())) {
            PdsaService.Opening opening = pdsa.startForm(actor);
            if (opening instanceof PdsaService.StartForm form) {
                e.replyModal(PdsaInteractions.newModal(form))
                        .queue(null, InteractionErrors.onFailure(e, "the new cycle form"));
            } else {
                Replies.ephemeral(e, Replies.text(((PdsaService.Refused) opening).why()));
            }
            return;
        }
        Replies.ephemeral(e, PdsaMessages.list(pdsa.list(actor, CohortCommand.opt(e, "home"))));
    }
}
