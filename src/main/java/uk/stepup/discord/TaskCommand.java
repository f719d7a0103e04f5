package uk.stepup.discord;

import java.util.Set;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import uk.stepup.cohorts.CohortService;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.tasks.TaskService;

/**
 * {@code /task create} (coach) and {@code /task list} (coach: every home; manager: their own home), and the tasks'
 * Mark done buttons. Replies are ephemeral.
 */
public final class TaskCommand implements InteractionHandlers.Slash, InteractionHandlers.Buttons {
    private final TaskService board;
    private final CohortService admin;

    public TaskCommand(TaskService board, CohortService admin) {
        this.board = board;
        this.admin = admin;
    }

    @Override
    public SlashCommandData definition() {
        return Commands.slash("task", "Tasks for the homes, with a due date")
                .addSubcommands(
                        new SubcommandData("create", "Set a task for every home in a cohort (coaches)")
                                .addOptions(
                                        new OptionData(
                                                        OptionType.STRING,
                                                        "title",
                                                        "What to do, e.g. Share your fire drill log",
                                                        true)
                                                .setMaxLength(TaskService.TITLE_MAX),
                                        new OptionData(OptionType.STRING, "due", "Due date, YYYY-MM-DD", true)
                                                .setMaxLength(10),
                                        new OptionData(OptionType.STRING, "details", "More about it, or a link")
                                                .setMaxLength(TaskService.DETAILS_MAX),
                                        CohortCommand.cohortOption()),
                        new SubcommandData(
                                        "list",
                                        "Where the tasks stand: your home's, or each home's for coaches (only you see it)")
                                .addOptions(CohortCommand.cohortOption()));
    }

    @Override
    public Set<ComponentIds.Action> actions() {
        return Set.of(ComponentIds.Action.TASK_DONE);
    }

    @Override
    public void handle(SlashCommandInteractionEvent e, Actor actor) {
        boolean create = "create".equals(e.getSubcommandName());
        if (!actor.coach()) {
            Replies.ephemeral(e, create ? Outcome.refused(Outcome.COACHES_ONLY) : board.listForManager(actor));
            return;
        }
        // Posting and booking reminders can take longer than Discord's three seconds.
        Replies.defer(e);
        CohortCommand.cohortFor(admin, e, actor)
                .ifPresent(cohort -> Replies.ephemeral(
                        e,
                        create
                                ? board.create(
                                        actor,
                                        cohort,
                                        CohortCommand.opt(e, "title").orElse(""),
                                        CohortCommand.opt(e, "due").orElse(""),
                                        CohortCommand.opt(e, "details"))
                                : board.listForCoach(actor, cohort)));
    }

    @Override
    public void handle(ButtonInteractionEvent e, ComponentIds.Decoded id, Actor actor) {
        Replies.ephemeral(e, board.markDone(actor, id.longArg(0)));
    }
}
