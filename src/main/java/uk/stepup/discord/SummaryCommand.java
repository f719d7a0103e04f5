package uk.stepup.discord;

import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import uk.stepup.cohorts.Cohort;
import uk.stepup.programme.CohortAdmin;
import uk.stepup.programme.WeeklyProgramme;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;

/**
 * {@code /summary [cohort] [week]}: a coach posts a week's summary now, instead of at its scheduled time. Coach-only,
 * checked here and again in the use case ({@link WeeklyProgramme#summaryNow}).
 */
public final class SummaryCommand implements Handlers.Slash {
    /** More weeks than any curriculum has (the quality statements have 34); the use case names the real range. */
    static final int WEEK_MAX = 60;

    private final WeeklyProgramme programme;
    private final CohortAdmin admin;

    public SummaryCommand(WeeklyProgramme programme, CohortAdmin admin) {
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
        if (!actor.coach()) {
            Replies.ephemeral(e, Outcome.refused(Outcome.COACHES_ONLY));
            return;
        }
        // Building the summary and its charts, then posting it twice, can take longer than Discord's three seconds.
        Replies.defer(e);
        Optional<Cohort> cohort = CohortCommand.cohortFor(admin, e, actor);
        if (cohort.isEmpty()) {
            return;
        }
        Optional<Integer> week = Optional.ofNullable(e.getOption("week"))
                .map(OptionMapping::getAsLong)
                .map(w -> (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, w)));
        Replies.ephemeral(e, programme.summaryNow(actor, cohort.get(), week));
    }
}
