package uk.stepup.discord;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.FileUpload;
import uk.stepup.improvement.RecalculationService;
import uk.stepup.measures.ChartImage;
import uk.stepup.measures.HomeMeasuresService;
import uk.stepup.measures.MeasureCsv;
import uk.stepup.shared.Actor;

/**
 * {@code /measures}: a manager's own measures, a line each, with their control charts attached; only they see it.
 * The use case returns values ({@link HomeMeasuresService.View}); the message is written here, within Discord's
 * limits.
 */
public final class HomeMeasuresCommand implements InteractionHandlers.Slash {
    /** Discord takes at most 10 files on a message (resources/message#create-message). */
    static final int MAX_CHARTS = 10;

    private static final UnaryOperator<String> BOLD = s -> "**" + s + "**";

    private final HomeMeasuresService measures;
    private final Optional<RecalculationService> recalculations;

    public HomeMeasuresCommand(HomeMeasuresService measures) {
        this(measures, Optional.empty());
    }

    /** With {@code recalculations}, each measure shows its recalculation offer and the recalculations in force. */
    public HomeMeasuresCommand(HomeMeasuresService measures, Optional<RecalculationService> recalculations) {
        this.measures = measures;
        this.recalculations = recalculations;
    }

    @Override
    public SlashCommandData definition() {
        return Commands.slash("measures", "Your home's measures with their SPC charts (only you see them)")
                .addOptions(
                        new OptionData(OptionType.STRING, "home", "Coaches: one home's measures (managers: leave out)")
                                .setMaxLength(AimCommand.NAME_MAX));
    }

    @Override
    public void handle(SlashCommandInteractionEvent e, Actor actor) {
        // Drawing the charts can take longer than Discord's three seconds on a cold start.
        Replies.defer(e);
        OptionMapping home = e.getOption("home");
        HomeMeasuresService.View view = home == null
                ? measures.forManager(actor, MAX_CHARTS)
                : measures.forCoach(actor, home.getAsString(), MAX_CHARTS);
        Map<Long, RecalculationService.Panel> panels = view instanceof HomeMeasuresService.Measures
                ? recalculations
                        .map(r -> home == null ? r.forManager(actor) : r.forHome(actor, home.getAsString()))
                        .orElse(Map.of())
                : Map.of();
        List<FileUpload> files = charts(view).stream()
                .map(c -> FileUpload.fromData(c.png(), c.filename()))
                .toList();
        Replies.hook(e)
                .editOriginal(EmbedCard.fit(text(view, panels), EmbedCard.CONTENT_MAX))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .setFiles(files)
                .setComponents(RecalculationInteractions.rows(panels))
                .queue(null, InteractionErrors.onFailure(e, "the measures and charts"));
    }

    private static List<ChartImage> charts(HomeMeasuresService.View view) {
        return view instanceof HomeMeasuresService.Measures m ? m.charts() : List.of();
    }

    /** The message: every measure with its definition and line, or (when that is too long) its name and short line. */
    static String text(HomeMeasuresService.View view) {
        return text(view, Map.of());
    }

    /** The message with each measure's aim, recalculation offer and recalculations in force under it. */
    static String text(HomeMeasuresService.View view, Map<Long, RecalculationService.Panel> panels) {
        if (view instanceof HomeMeasuresService.Measures m) {
            String full = text(m, panels, true);
            // Twelve measures with their definitions may not fit in one message: then each keeps its name and line.
            return full.length() <= EmbedCard.CONTENT_MAX ? full : text(m, panels, false);
        }
        if (view instanceof HomeMeasuresService.NoMeasures none) {
            return "**" + none.home() + "**: " + none.cohort() + " has no measures yet. "
                    + "Your coach adds them with `/measure add`.";
        }
        if (view instanceof HomeMeasuresService.NotAManager nobody && nobody.coach()) {
            return "`/measures` shows a home's managers their own charts. As a coach, you see the cohort's measures "
                    + "in the weekly summary, `/measure list` shows their definitions, and `/measures home:` shows one "
                    + "home's charts as its managers see them.";
        }
        if (view instanceof HomeMeasuresService.CoachesOnly) {
            return "Only coaches can look at a home by name. `/measures` without `home` shows your own home's charts.";
        }
        if (view instanceof HomeMeasuresService.NoSuchHome) {
            return "There is no home of that name in this server's cohorts. Check the spelling in `/cohort status`.";
        }
        return "You are not enrolled as a manager of a home yet, so there are no measures to show. "
                + "Ask your coach to enrol you.";
    }

    private static String text(
            HomeMeasuresService.Measures m, Map<Long, RecalculationService.Panel> panels, boolean definitions) {
        StringBuilder s = new StringBuilder("**")
                .append(m.home())
                .append(m.forCoach() ? "** · measures in " : "** · your measures in ")
                .append(m.cohort())
                .append(" (only you see this)\n");
        for (HomeMeasuresService.Status st : m.statuses()) {
            s.append("**")
                    .append(st.measure().position())
                    .append(". ")
                    .append(st.measure().name())
                    .append("**");
            if (definitions) {
                s.append(" · ")
                        .append(st.measure().definition())
                        .append('\n')
                        .append(st.line(BOLD))
                        .append('\n');
            } else {
                s.append(": ").append(st.shortLine(BOLD)).append('\n');
            }
            st.aimLine().ifPresent(a -> s.append(a).append('\n'));
            RecalculationService.Panel panel = panels.get(st.measure().id());
            if (panel != null) {
                panel.active().forEach(a -> s.append("↺ ").append(a.line()).append('\n'));
                panel.offer()
                        .ifPresent(o -> s.append("**")
                                .append(RecalculationInteractions.offerLine(o))
                                .append("**\n"));
            }
        }
        if (m.anyChart()) {
            s.append(
                    definitions
                            ? "\nIn the charts grey points are common cause variation; blue is improvement, orange concern, "
                                    + "purple a special cause where neither way is better. Dashed lines are the process limits, the "
                                    + "black line the mean, the red line the target (your aim, where you set one)."
                            : "\nDefinitions: `/measure list`.");
        } else {
            s.append("\nCharts appear once a measure has two values. Add them after your check-in, or load up to "
                    + MeasureCsv.MONTHS_BACK + " months of history with `/measure import`.");
        }
        return s.toString();
    }
}
