package uk.stepup.discord;

import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortService;
import uk.stepup.shared.Actor;
import uk.stepup.tasks.SessionService;

/** {@code /session schedule} (coach) and the sessions' I attended buttons. Replies are ephemeral. */
public final class SessionCommand implements InteractionHandlers.Slash, InteractionHandlers.Buttons {
    private final SessionService desk;
    private final CohortService admin;

    public SessionCommand(SessionService desk, CohortService admin) {
        this.desk = desk;
        this.admin = admin;
    }

    @Override
    public SlashCommandData definition() {
        return Commands.slash("session", "Live coaching sessions")
                .addSubcommands(new SubcommandData(
                                "schedule",
                                "Schedule a live session: a Discord event, a reminder and attendance (coaches)")
                        .addOptions(
                                new OptionData(
                                                OptionType.STRING,
                                                "when",
                                                "Start, YYYY-MM-DD HH:MM in the cohort's time",
                                                true)
                                        .setMaxLength(20),
                                new OptionData(
                                                OptionType.STRING,
                                                "link",
                                                "The call's web address (Zoom, Teams…), https://…",
                                                true)
                                        .setMaxLength(SessionService.LINK_MAX),
                                new OptionData(OptionType.STRING, "title", "Default: " + SessionService.DEFAULT_TITLE)
                                        .setMaxLength(SessionService.TITLE_MAX),
                                CohortCommand.cohortOption()));
    }

    @Override
    public Set<ComponentIds.Action> actions() {
        return Set.of(ComponentIds.Action.ATTENDED);
    }

    @Override
    public void handle(SlashCommandInteractionEvent e, Actor actor) {
        Optional<Cohort> cohort = CohortCommand.coachCohort(admin, e, actor);
        if (cohort.isEmpty()) {
            return;
        }
        Replies.ephemeral(
                e,
                desk.schedule(
                        actor,
                        cohort.get(),
                        CohortCommand.opt(e, "when").orElse(""),
                        CohortCommand.opt(e, "link").orElse(""),
                        CohortCommand.opt(e, "title")));
    }

    @Override
    public void handle(ButtonInteractionEvent e, ComponentIds.Decoded id, Actor actor) {
        Replies.ephemeral(e, desk.attended(actor, id.longArg(0)));
    }
}
