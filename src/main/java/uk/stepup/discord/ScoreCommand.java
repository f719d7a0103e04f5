package uk.stepup.discord;

import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import uk.stepup.cohorts.CohortService;
import uk.stepup.improvement.IhiScale;
import uk.stepup.improvement.ProgressScore;
import uk.stepup.improvement.ProgressScoreService;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;

/**
 * {@code /score set home: score: note:} and {@code /score list} (coaches): a home's IHI progress score. The score is
 * a choice whose name carries IHI's meaning of the step ("3.0 · Modest improvement"), so a coach sees what each step
 * means while choosing. Who may score is checked by {@link ProgressScoreService}; replies are ephemeral.
 */
public final class ScoreCommand implements InteractionHandlers.Slash {
    private final ProgressScoreService scores;
    private final CohortService admin;

    public ScoreCommand(ProgressScoreService scores, CohortService admin) {
        this.scores = scores;
        this.admin = admin;
    }

    /** The score option: the ten steps of the scale, each named with its meaning. */
    static OptionData scoreOption() {
        OptionData score = new OptionData(OptionType.STRING, "score", "IHI progress score: 0.5 to 5.0", true);
        for (IhiScale step : IhiScale.values()) {
            score.addChoice(step.choice(), step.label());
        }
        return score;
    }

    @Override
    public SlashCommandData definition() {
        return Commands.slash("score", "IHI progress scores of the homes' improvement work (coaches)")
                .addSubcommands(
                        new SubcommandData("set", "Score a home's improvement work at this programme week")
                                .addOptions(
                                        new OptionData(OptionType.STRING, "home", "The home's name", true)
                                                .setMaxLength(100),
                                        scoreOption(),
                                        new OptionData(OptionType.STRING, "note", "Why this score (no names)")
                                                .setMaxLength(ProgressScore.NOTE_MAX),
                                        CohortCommand.cohortOption()),
                        new SubcommandData("list", "Each home's latest score (only you see it)")
                                .addOptions(CohortCommand.cohortOption()));
    }

    @Override
    public void handle(SlashCommandInteractionEvent e, Actor actor) {
        if (!actor.coach()) {
            Replies.ephemeral(e, Outcome.refused(ProgressScoreService.COACHES_SCORE));
            return;
        }
        Replies.defer(e);
        CohortCommand.cohortFor(admin, e, actor).ifPresent(cohort -> {
            if ("set".equals(e.getSubcommandName())) {
                Replies.ephemeral(
                        e,
                        scores.set(
                                actor,
                                cohort,
                                CohortCommand.opt(e, "home").orElse(""),
                                CohortCommand.opt(e, "score").orElse(""),
                                CohortCommand.opt(e, "note")));
            } else {
                Replies.ephemeral(e, listing(scores.list(actor, cohort)));
            }
        });
    }

    /** The cohort's latest scores, one line a home. */
    static String listing(ProgressScoreService.Listing listing) {
        if (listing instanceof ProgressScoreService.Refused r) {
            return Replies.text(r.outcome());
        }
        ProgressScoreService.Scores s = (ProgressScoreService.Scores) listing;
        if (s.homes().isEmpty()) {
            return s.cohort().name() + " has no homes yet.";
        }
        StringBuilder out = new StringBuilder("Progress scores in " + s.cohort().name() + " (IHI scale, latest):\n");
        long scored = s.homes().stream().filter(h -> h.latest().isPresent()).count();
        for (ProgressScoreService.HomeScore h : s.homes()) {
            out.append("• ").append(Markdown.bold(h.home().name())).append(": ");
            Optional<ProgressScore> latest = h.latest();
            if (latest.isEmpty()) {
                out.append("not scored yet");
            } else {
                ProgressScore p = latest.get();
                out.append(p.score().choice()).append(" (week ").append(p.week());
                if (h.scored() > 1) {
                    out.append(", ").append(h.scored()).append(" scores");
                }
                out.append(')');
                if (!p.note().isEmpty()) {
                    out.append(" · ").append(EmbedCard.fit(p.note(), 120));
                }
            }
            out.append('\n');
        }
        out.append(scored).append(" of ").append(s.homes().size()).append(" homes scored. `/score set` adds a score.");
        return out.toString();
    }
}
