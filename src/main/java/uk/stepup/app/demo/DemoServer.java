package uk.stepup.app.demo;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import uk.stepup.cohorts.Cohort;
import uk.stepup.sandbox.SandboxChannel;
import uk.stepup.sandbox.SandboxGuild;
import uk.stepup.sandbox.SandboxMessage;

/**
 * One server with its cohort, as the coach set it up.
 *
 * @param prompt this week's prompt, once the bot has posted it
 */
record DemoServer(
        SandboxGuild guild,
        SandboxChannel general,
        List<SimulatedManager> managers,
        Cohort cohort,
        SandboxChannel announcements,
        SandboxChannel thisWeek,
        AtomicReference<SandboxMessage> prompt) {}
