package uk.stepup.discord;

import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortService;
import uk.stepup.shared.Actor;
import uk.stepup.weekly.WeeklyProgramme;

/**
 * {@code /summary [cohort] [week]}: a coach posts a week's summary now, instead of at its scheduled time. Coach-only,
 * checked here and again in the use case ({@link WeeklyProgramme#summaryNow}).
 */
public final class SummaryCommand implements InteractionHandlers.Slash {
    /** More weeks than any curriculum has (the quality statements have 34); the use case names the real range. */
    static final int WEEK_MAX = 60;

    private final WeeklyProgramme programme;
    private final CohortService admin;

    public SummaryCommand(WeeklyProgramme programme, CohortService admin) {
        this.programme = programme;
        this.admin = admin;
    }

    @Override
    public SlashCommandData definition() {
        return Commands.slash(
                        "summary",
                        "Post a week's summary to #peer-learning now; it is not posted again later (coaches)")
                .addOptions(
                        CohortCommand.cohortOption(),
                        new OptionData(
                                        OptionType.INTEGER,
                                        "week",
                                        "Programme week (default: the current week, the latest whose prompt is out)")
                                .setRequiredRange(1, WEEK_MAX));
    }

    @Override
    public void handle(SlashCommandInteractionEvent e, Actor actor) {
        Optional<Cohort> cohort = CohortCommand.coachCohort(admin, e, actor);
        if (cohort.isEmpty()) {
            return;
        }
        Optional<Integer> week = Optional.ofNullable(e.getOption("week"))
                .map(o -> (int) o.getAsLong()); // Discord keeps it within the option's range, 1 to WEEK_MAX
        Replies.ephemeral(e, programme.summaryNow(actor, cohort.get(), week));
    }
}
