package uk.stepup.discord;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import uk.stepup.actions.FollowThrough;
import uk.stepup.cohorts.Cohort;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.summaries.CohortStatusService;

/**
 * {@code /cohort status}: each home's check-ins, overdue tasks, next steps open too long and sessions, at-risk homes
 * first (ephemeral).
 */
public final class CohortStatusCommand implements CohortCommand.CohortSubcommand {
    /** The reply stays within Discord's 2000 characters for a message. */
    static final int TEXT_MAX = 1900;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);

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
        return said(status.report(actor, cohort));
    }

    /** The coach's reply: the status as one message, or why not. */
    public static Outcome said(CohortStatusService.Answer answer) {
        if (answer instanceof CohortStatusService.Status s) {
            return Outcome.done(text(s.report(), s.at()));
        }
        return ((CohortStatusService.Refused) answer).outcome();
    }

    /** " · PDSA: 1 testing, 2 adopted, 1 Study overdue", or nothing for a home without cycles (saving room). */
    static String cycles(CohortStatusService.CycleCounts c) {
        if (!c.any()) {
            return "";
        }
        return " · PDSA: " + c.testing() + " testing, " + c.adopted() + " adopted"
                + (c.studyOverdue() > 0 ? ", " + c.studyOverdue() + " Study overdue" : "");
    }

    /** The report as one reply: a heading, then one line per home, cut with "…and N more" if it would not fit. */
    static String text(CohortStatusService.Report r, ZonedDateTime at) {
        StringBuilder out = new StringBuilder(Markdown.bold(r.cohort()) + " status, " + WHEN.format(at) + " ("
                + at.getZone().getId() + ")\n" + r.weeksClosed()
                + (r.weeksClosed() == 1 ? " check-in week" : " check-in weeks")
                + " closed · " + r.tasks() + (r.tasks() == 1 ? " task" : " tasks") + " set · " + r.sessionsHeld()
                + (r.sessionsHeld() == 1 ? " session" : " sessions") + " held\n");
        if (r.homes().isEmpty()) {
            return out.append("No homes are enrolled yet: use `/cohort enrol` or `/cohort import`.")
                    .toString();
        }
        out.append(
                        r.atRisk() == 0
                                ? "No home is at risk."
                                : "⚠️ " + r.atRisk() + " of " + r.homes().size()
                                        + (r.homes().size() == 1 ? " home" : " homes") + " at risk ("
                                        + CohortStatusService.AT_RISK_MISSED
                                        + "+ missed check-ins or " + CohortStatusService.AT_RISK_OVERDUE
                                        + "+ overdue tasks and next steps), listed first.")
                .append('\n');
        int shown = 0;
        for (CohortStatusService.HomeStatus h : r.homes()) {
            String line = "\n" + (h.atRisk() ? "⚠️ " : "• ") + Markdown.bold(h.home()) + " · check-ins: " + h.onTime()
                    + " on time, "
                    + h.late() + " late, " + h.missed() + " missed · overdue tasks: " + h.overdueTasks()
                    + (h.overdueActions() == 0
                            ? ""
                            : " · next steps open " + FollowThrough.OVERDUE_WEEKS + "+ weeks: " + h.overdueActions())
                    + " · sessions: " + h.sessionsAttended() + " of " + r.sessionsHeld()
                    + cycles(h.cycles());
            String more = "\n…and " + (r.homes().size() - shown) + " more homes.";
            if (out.length() + line.length() + more.length() > TEXT_MAX) {
                return out.append(more).toString();
            }
            out.append(line);
            shown++;
        }
        return out.toString();
    }
}
