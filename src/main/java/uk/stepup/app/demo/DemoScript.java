package uk.stepup.app.demo;

import static uk.stepup.app.demo.Demo.LONDON;
import static uk.stepup.app.demo.Demo.WAIT;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.ProgrammeCalendar;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.curriculum.CurriculumItem;
import uk.stepup.sandbox.Sandbox;

/**
 * What happens week by week, on the programme's own calendar: the bot's timers fire for the prompt, the reminder,
 * the close and the summary; the managers check in as planned; the coach sets tasks and calls; halfway the coach
 * broadcasts; the day after the last summary a manager looks back and the coach at who needs a call. Each week is
 * planned on the {@link Timeline} and then run, up to the next week's prompt.
 */
final class DemoScript {
    private static final Logger LOG = LoggerFactory.getLogger(DemoScript.class);

    private final Sandbox sandbox;
    private final Timeline timeline;
    private final SimulatedCoach coach;
    private final SimulatedManagers managers;
    private final ImprovementStory story;

    DemoScript(
            Sandbox sandbox,
            Timeline timeline,
            SimulatedCoach coach,
            SimulatedManagers managers,
            ImprovementStory story) {
        this.sandbox = sandbox;
        this.timeline = timeline;
        this.coach = coach;
        this.managers = managers;
        this.story = story;
    }

    /**
     * Plays up to {@code weeks} weeks of the programme (no more than its curriculum has) on every server, on the
     * calendar of the first server's cohort.
     *
     * @return how many weekly check-ins the managers missed
     */
    int play(List<DemoServer> servers, CohortRepository cohorts, Map<String, Curriculum> curricula, int weeks) {
        Cohort first = cohorts.byId(servers.get(0).cohort().id()).orElseThrow();
        Curriculum curriculum = curricula.get(first.framework());
        List<String> codes = cohorts.items(first.id());
        ProgrammeCalendar cal = ProgrammeCalendar.of(first, codes.size(), cohorts.breaks(first.id()));
        int lastWeek = Math.min(weeks, codes.size());
        int missed = 0;
        for (int week = 1; week <= lastWeek; week++) {
            CurriculumItem item = curriculum.byCode(codes.get(week - 1)).orElseThrow();
            Instant prompt = cal.promptAt(week).orElseThrow();
            Instant reminder = cal.reminderAt(week).orElseThrow();
            Instant close = cal.closeAt(week).orElseThrow();
            Instant summary = cal.summaryAt(week).orElseThrow();
            timeline.at(prompt, () -> postPrompts(servers, prompt));
            timeline.timersAt(reminder);
            timeline.timersAt(close);
            timeline.timersAt(summary);
            for (DemoServer server : servers) {
                int checkingIn = managers.planCheckIns(server, item, week, prompt, reminder, close, summary);
                missed += server.managers().size() - checkingIn;
                coach.planWeek(server, week, prompt);
            }
            story.planWeek(servers.get(0), week, prompt);
            if (week == Math.max(2, lastWeek / 2)) {
                coach.broadcastHalfway(servers.get(0), prompt.plus(Duration.ofHours(2)));
            }
            if (week == lastWeek) {
                // The day after the last summary a manager looks at their journey, and the coach at who needs a
                // call.
                DemoServer one = servers.get(0);
                Instant after = LocalDate.ofInstant(summary, LONDON)
                        .plusDays(1)
                        .atTime(10, 0)
                        .atZone(LONDON)
                        .toInstant();
                managers.lookBack(one, after);
                coach.checkStatus(one, after.plusSeconds(600));
            }
            timeline.runUntil(
                    week < lastWeek ? cal.promptAt(week + 1).orElseThrow() : summary.plus(Duration.ofDays(2)));
            LOG.info("Demo week {} of {}", week, lastWeek);
        }
        return missed;
    }

    /** The bot posts the week's prompt on every server; the managers' check-ins start from that post. */
    private void postPrompts(List<DemoServer> servers, Instant prompt) {
        timeline.fireTimers();
        for (DemoServer server : servers) {
            server.prompt()
                    .set(sandbox.awaitMessage(
                            server.thisWeek(),
                            m -> !m.isEphemeral()
                                    && m.button("Check in").isPresent()
                                    && m.createdAt().equals(prompt),
                            WAIT));
        }
    }
}
