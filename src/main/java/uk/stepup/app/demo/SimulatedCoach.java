package uk.stepup.app.demo;

import static uk.stepup.app.demo.Demo.LONDON;
import static uk.stepup.app.demo.Demo.START;
import static uk.stepup.app.demo.Demo.WAIT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.sandbox.Sandbox;
import uk.stepup.sandbox.SandboxAttachment;
import uk.stepup.sandbox.SandboxChannel;
import uk.stepup.sandbox.SandboxGuild;
import uk.stepup.sandbox.SandboxUser;

/**
 * The demo's coach: sets up a cohort on each server (creates it, imports its homes, adds the falls measure), sets a
 * task or schedules a coaching call as the weeks go, broadcasts halfway and looks at the cohort's status at the end.
 * Everything goes through the sandbox as the coach would type it; the words come from {@link DemoText}.
 */
final class SimulatedCoach {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedCoach.class);

    private final Sandbox sandbox;
    private final SandboxUser coach;
    private final DemoText text;
    private final Timeline timeline;
    private final SimulatedManagers managers;

    SimulatedCoach(Sandbox sandbox, SandboxUser coach, DemoText text, Timeline timeline, SimulatedManagers managers) {
        this.sandbox = sandbox;
        this.coach = coach;
        this.text = text;
        this.timeline = timeline;
        this.managers = managers;
    }

    /** The coach creates the cohort, imports its homes and adds the measure the cohort will track. */
    DemoServer setUp(CohortRepository cohorts, SandboxGuild guild, List<SimulatedManager> managers, String cohortName) {
        SandboxChannel general =
                guild.channelByName("general").orElseGet(() -> guild.createTextChannel("general", null));
        sandbox.as(coach, guild)
                .slash("cohort create", Map.of("name", cohortName, "start", START.toString()), general)
                .awaitReply(WAIT);
        Cohort cohort = cohorts.byName(guild.id(), cohortName).orElseThrow();
        SandboxChannel announcements = sandbox.channel(
                        cohort.channels().announcementsId().orElseThrow())
                .orElseThrow();
        // Discord lets a bot create about one channel, and give about one role, a second: setting up a cohort takes
        // real minutes (300 homes, some fifteen) that the simulated clock does not need, so the demo lifts the limits
        // for the import only. Tests and the import benchmark keep them on.
        LOG.info(
                "Demo: enrolling {} homes with Discord's rate limits lifted for the set-up (about two seconds a home on Discord)",
                managers.size());
        sandbox.suspendRateLimits(true);
        try {
            sandbox.as(coach, guild)
                    .slash(
                            "cohort import",
                            Map.of(
                                    "file",
                                    SandboxAttachment.of(
                                            "homes.csv",
                                            "text/csv",
                                            homesCsv(managers).getBytes(StandardCharsets.UTF_8))),
                            announcements)
                    .awaitReply(WAIT);
            // The import goes on in the background; its report in #coaches says it is done.
            sandbox.awaitMessage(
                    guild.channelByName("SUO · " + cohortName, "coaches").orElseThrow(),
                    m -> m.content().contains("Imported "),
                    WAIT.plusSeconds(managers.size()));
        } finally {
            sandbox.suspendRateLimits(false);
        }
        sandbox.as(coach, guild)
                .slash("measure add", Map.of("name", "Falls", "unit", "falls", "direction", "decrease"), announcements)
                .awaitReply(WAIT);
        SandboxChannel thisWeek =
                sandbox.channel(cohort.channels().thisWeekId().orElseThrow()).orElseThrow();
        return new DemoServer(guild, general, managers, cohort, announcements, thisWeek, new AtomicReference<>());
    }

    /**
     * Every four weeks the coach sets a task due on the Friday of the next week, and in between schedules a live
     * coaching call for the Thursday afternoon; managers mark tasks done and say they attended, as their habits go.
     */
    void planWeek(DemoServer server, int week, Instant prompt) {
        LocalDate monday = LocalDate.ofInstant(prompt, LONDON);
        if (week % 4 == 1) {
            List<String> titles = text.tasks().titles();
            String title = titles.get((week / 4) % titles.size());
            LocalDate due = monday.plusDays(11);
            timeline.at(
                    prompt.plus(Duration.ofMinutes(30)),
                    () -> sandbox.as(coach, server.guild())
                            .slash(
                                    "task create",
                                    Map.of(
                                            "title",
                                            title,
                                            "due",
                                            due.toString(),
                                            "details",
                                            text.tasks().details()),
                                    server.announcements())
                            .awaitReply(WAIT));
            Instant dueEnd = due.atTime(17, 0).atZone(LONDON).toInstant();
            managers.takeOnTask(server, title, prompt.plus(Duration.ofHours(1)), dueEnd);
        } else if (week % 4 == 3) {
            String title = text.sessions().title() + " " + (week / 4 + 1);
            LocalDate thursday = monday.plusDays(3);
            Instant starts = thursday.atTime(14, 0).atZone(LONDON).toInstant();
            timeline.at(
                    prompt.plus(Duration.ofMinutes(45)),
                    () -> sandbox.as(coach, server.guild())
                            .slash(
                                    "session schedule",
                                    Map.of(
                                            "when",
                                            thursday + " 14:00",
                                            "link",
                                            text.sessions().link(),
                                            "title",
                                            title),
                                    server.announcements())
                            .awaitReply(WAIT));
            managers.joinSession(server, title, starts);
        }
    }

    /** Halfway through, the coach thanks every cohort with one broadcast, typed on {@code server}. */
    void broadcastHalfway(DemoServer server, Instant at) {
        timeline.at(
                at,
                () -> sandbox.as(coach, server.guild())
                        .slash(
                                "broadcast",
                                Map.of("message", text.halfwayBroadcast(), "cohort", "all"),
                                server.general())
                        .awaitReply(WAIT));
    }

    /** At the end, the coach looks at who needs a call. */
    void checkStatus(DemoServer server, Instant at) {
        timeline.at(
                at,
                () -> sandbox.as(coach, server.guild())
                        .slash("cohort status", server.announcements())
                        .awaitReply(WAIT));
    }

    /** The import file for the server's homes, each with its manager and its CQC ratings before the programme. */
    private static String homesCsv(List<SimulatedManager> managers) {
        StringBuilder s =
                new StringBuilder("home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\n");
        String[] baselines = {"Good", "Requires improvement", "Good", "Good", "Requires improvement", "Good"};
        int i = 0;
        for (SimulatedManager m : managers) {
            String b = baselines[i % baselines.length];
            s.append(m.home())
                    .append(",1-")
                    .append(100000000 + i * 7919L)
                    .append(',')
                    .append(m.user().id())
                    .append(',')
                    .append(b)
                    .append(',')
                    .append(i % 2 == 0 ? "Requires improvement" : "Good")
                    .append(",Good,Good,")
                    .append(b)
                    .append(',')
                    .append(b)
                    .append('\n');
            i++;
        }
        return s.toString();
    }
}
