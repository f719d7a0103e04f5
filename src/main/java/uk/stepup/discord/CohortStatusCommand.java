package uk.stepup.discord;

import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import uk.stepup.cohorts.Cohort;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.summaries.CohortStatusService;

/** {@code /cohort status}: each home's check-ins, overdue tasks and sessions, at-risk homes first (ephemeral). */
public final class CohortStatusCommand implements CohortCommand.CohortSubcommand {
    private final CohortStatusService status;

    public CohortStatusCommand(CohortStatusService status) {
        this.status = status;
    }

    @Override
    public SubcommandData definition() {
        return new SubcommandData(
                        "status",
                        "Each home's check-ins, overdue tasks and sessions; at-risk homes first (only you see it)")
                .addOptions(CohortCommand.cohortOption());
    }

    @Override
    public Outcome handle(SlashCommandInteractionEvent event, Actor actor, Cohort cohort) {
        return status.report(actor, cohort);
    }
}
