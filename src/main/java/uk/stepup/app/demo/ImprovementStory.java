package uk.stepup.app.demo;

import static uk.stepup.app.demo.Demo.LONDON;
import static uk.stepup.app.demo.Demo.WAIT;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.stepup.sandbox.InteractionHandle;
import uk.stepup.sandbox.Sandbox;
import uk.stepup.sandbox.SandboxActor;
import uk.stepup.sandbox.SandboxChannel;
import uk.stepup.sandbox.SandboxMessage;
import uk.stepup.sandbox.SandboxModal;
import uk.stepup.sandbox.SandboxUser;

/**
 * The improvement method as homes use it (programme spec section 11), on the first server: the first home tests a
 * change in two PDSA cycles, adapting the first and adopting the second, while its falls shift down; other homes run
 * a cycle each, one adopted after the bot's Study reminder and one abandoned. No randomness: every step is in
 * {@code demo-text.yaml}, in the programme week given, at 14:00 on that week's Tuesday.
 */
final class ImprovementStory {
    private static final Logger LOG = LoggerFactory.getLogger(ImprovementStory.class);
    private static final Pattern CHANNEL = Pattern.compile("<#(\\d+)>");
    /** The week the story home sets its aim for falls. */
    static final int AIM_WEEK = 2;
    /**
     * The week the story home is offered, and confirms, new limits: its falls have been below the mean for 8 weeks
     * since the change it adopted (7 make a shift).
     */
    static final int RECALCULATE_WEEK = 14;

    private final Sandbox sandbox;
    private final Timeline timeline;
    private final DemoText.Improvement text;
    private final SandboxUser coach;
    /** Each home's channel, as the bot named it when the home's first cycle started. */
    private final Map<String, String> channels = new HashMap<>();

    ImprovementStory(Sandbox sandbox, Timeline timeline, DemoText text, SandboxUser coach) {
        this.sandbox = sandbox;
        this.coach = coach;
        this.timeline = timeline;
        this.text = text.improvement();
    }

    /** Plans this week's steps of the story on the server. */
    void planWeek(DemoServer server, int week, Instant prompt) {
        Instant tuesday = LocalDate.ofInstant(prompt, LONDON)
                .plusDays(1)
                .atTime(14, 0)
                .atZone(LONDON)
                .toInstant();
        List<DemoText.Cycle> story = text.cycles();
        SimulatedManager first = server.managers().get(0);
        DemoText.Cycle one = story.get(0);
        DemoText.Cycle two = story.get(1);
        if (week == AIM_WEEK) {
            timeline.at(tuesday, () -> setAim(server, first));
        } else if (week == RECALCULATE_WEEK) {
            // Friday, when the week's falls are in: the chart offers to recalculate, and the manager agrees.
            timeline.at(tuesday.plus(Duration.ofDays(3)), () -> recalculate(server, first));
        }
        if (week == one.week()) {
            timeline.at(tuesday, () -> start(server, first, one, "Falls"));
        } else if (week == one.week() + 1) {
            timeline.at(tuesday, () -> step(server, first, 1, "Do", one.did()));
        } else if (week == one.week() + 2) {
            timeline.at(tuesday, () -> {
                step(server, first, 1, "Study", one.study());
                adapt(server, first, 1, one, two);
                share(server, first, 2, "Share with our name");
            });
        } else if (week == two.week()) {
            timeline.at(tuesday, () -> step(server, first, 2, "Do", two.did()));
        } else if (week == two.week() + 2) {
            timeline.at(tuesday, () -> {
                step(server, first, 2, "Study", two.study());
                decide(server, first, 2, two);
            });
        }
        int review = text.scoreWeeks().indexOf(week);
        if (review >= 0) {
            // The coach's review on the Friday: every home's improvement work scored on IHI's scale.
            timeline.at(tuesday.plus(Duration.ofDays(3)).plus(Duration.ofHours(2)), () -> score(server, review));
        }
        for (int i = 0; i < text.others().size() && i + 1 < server.managers().size(); i++) {
            planOther(server, server.managers().get(i + 1), text.others().get(i), week, tuesday);
        }
    }

    /** {@code /score set} for every home of the server: the {@code review}-th score of the home's list. */
    private void score(DemoServer server, int review) {
        List<SimulatedManager> homes = server.managers();
        for (int i = 0; i < homes.size(); i++) {
            String score =
                    text.scores().get(Math.min(i, text.scores().size() - 1)).get(review);
            sandbox.as(coach, server.guild())
                    .slash(
                            "score set",
                            Map.of("home", homes.get(i).home(), "score", score, "note", text.scoreNote()),
                            server.announcements())
                    .awaitResponse(WAIT)
                    .awaitReply(WAIT);
        }
    }

    /** {@code /aim set} for falls, as the manager types it. */
    private void setAim(DemoServer server, SimulatedManager m) {
        DemoText.Aim aim = text.aim();
        as(server, m.user())
                .slash(
                        "aim set",
                        Map.of(
                                "measure",
                                "Falls",
                                "from",
                                aim.from(),
                                "to",
                                aim.to(),
                                "by",
                                aim.by(),
                                "words",
                                aim.words()),
                        server.general())
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
    }

    /** {@code /measures}: the chart offers new limits after the adopted change; the manager confirms with a reason. */
    private void recalculate(DemoServer server, SimulatedManager m) {
        SandboxMessage measures = as(server, m.user())
                .slash("measures", server.general())
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
        Optional<String> offer = measures.buttons().stream()
                .map(b -> b.label())
                .filter(l -> l.startsWith("Recalculate"))
                .findFirst();
        if (offer.isEmpty()) {
            LOG.warn("Demo: {}'s chart offered no recalculation", m.home());
            return;
        }
        SandboxModal form = as(server, m.user())
                .clickLabel(measures, offer.get())
                .awaitResponse(WAIT)
                .modal();
        as(server, m.user())
                .submitModal(form, Map.of(form.fields().get(0).customId(), text.recalculateWhy()))
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
        // And looks at the chart again: each period with its own mean and limits.
        as(server, m.user())
                .slash("measures", server.general())
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
    }

    /** Another home's cycle: planned, done a week later, studied and decided a week after its planned length. */
    private void planOther(DemoServer server, SimulatedManager m, DemoText.Cycle c, int week, Instant at) {
        int length = Integer.parseInt(c.weeks());
        if (week == c.week()) {
            timeline.at(at, () -> start(server, m, c, ""));
        } else if (week == c.week() + 1) {
            timeline.at(at, () -> step(server, m, 1, "Do", c.did()));
        } else if (week == c.week() + length + 1) {
            timeline.at(at, () -> {
                step(server, m, 1, "Study", c.study());
                decide(server, m, 1, c);
            });
        }
    }

    /** {@code /pdsa new}: the five-box form, typed as the manager would. */
    private void start(DemoServer server, SimulatedManager m, DemoText.Cycle c, String measure) {
        InteractionHandle open =
                as(server, m.user()).slash("pdsa new", server.general()).awaitResponse(WAIT);
        SandboxModal form = open.modal();
        if (form == null) {
            LOG.warn(
                    "Demo: {} could not open the PDSA form: {}",
                    m.home(),
                    open.failure().orElse("no form"));
            return;
        }
        SandboxMessage started = as(server, m.user())
                .submitModal(
                        form,
                        Map.of(
                                "idea",
                                c.idea(),
                                "plan",
                                c.plan(),
                                "prediction",
                                c.prediction(),
                                "measure",
                                measure,
                                "weeks",
                                c.weeks()))
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
        Matcher channel = CHANNEL.matcher(started.content());
        if (channel.find()) {
            channels.put(m.home(), channel.group(1));
        } else {
            LOG.warn("Demo: {}'s cycle did not start", m.home());
        }
    }

    /** Do or Study: the button on the cycle's message, then its one-box form. */
    private void step(DemoServer server, SimulatedManager m, int number, String button, String words) {
        Optional<SandboxMessage> cycle = cycleMessage(server, m, number);
        if (cycle.isEmpty()) {
            return;
        }
        SandboxModal form = as(server, m.user())
                .clickLabel(cycle.get(), button)
                .awaitResponse(WAIT)
                .modal();
        as(server, m.user())
                .submitModal(form, Map.of("text", words))
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
    }

    /** Act, then Adapt: the why, and the next cycle's idea, plan and prediction, which open it. */
    private void adapt(DemoServer server, SimulatedManager m, int number, DemoText.Cycle c, DemoText.Cycle next) {
        act(
                server,
                m,
                number,
                "Adapt",
                Map.of("why", c.act(), "idea", next.idea(), "next", c.next(), "prediction", next.prediction()));
    }

    /** Act, then the decision the text gives, with its why. */
    private void decide(DemoServer server, SimulatedManager m, int number, DemoText.Cycle c) {
        act(server, m, number, c.decision(), Map.of("why", c.act()));
    }

    private void act(DemoServer server, SimulatedManager m, int number, String decision, Map<String, String> values) {
        Optional<SandboxMessage> cycle = cycleMessage(server, m, number);
        if (cycle.isEmpty()) {
            return;
        }
        SandboxMessage choices = as(server, m.user())
                .clickLabel(cycle.get(), "Act")
                .awaitResponse(WAIT)
                .awaitReply(WAIT);
        SandboxModal form = as(server, m.user())
                .clickLabel(choices, decision)
                .awaitResponse(WAIT)
                .modal();
        as(server, m.user()).submitModal(form, values).awaitResponse(WAIT).awaitReply(WAIT);
    }

    /** One of the share buttons on the cycle's message. */
    private void share(DemoServer server, SimulatedManager m, int number, String button) {
        cycleMessage(server, m, number)
                .ifPresent(msg -> as(server, m.user()).clickLabel(msg, button).awaitResponse(WAIT));
    }

    /** The cycle's message in the home's channel, as it stands now. */
    private Optional<SandboxMessage> cycleMessage(DemoServer server, SimulatedManager m, int number) {
        Optional<SandboxChannel> channel = homeChannel(m);
        if (channel.isEmpty()) {
            LOG.warn("Demo: no channel found for {}", m.home());
            return Optional.empty();
        }
        String title = "**PDSA Cycle " + number + " ·";
        SandboxMessage found = sandbox.awaitMessage(
                channel.get(), msg -> msg.isFromBot() && msg.content().contains(title), WAIT);
        return sandbox.message(found.id());
    }

    private Optional<SandboxChannel> homeChannel(SimulatedManager m) {
        return Optional.ofNullable(channels.get(m.home())).flatMap(sandbox::channel);
    }

    private SandboxActor as(DemoServer server, SandboxUser user) {
        return sandbox.as(user, server.guild());
    }
}
