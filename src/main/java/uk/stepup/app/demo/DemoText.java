package uk.stepup.app.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The demo's canned words, read from {@code demo-text.yaml} next to this class: names of the server, cohort, coach,
 * homes and managers; what managers write in their check-ins; what the coach posts. A coach edits the wording there,
 * without Java.
 *
 * @param managers the managers' first names, taken in turn
 */
record DemoText(
        String server,
        String cohort,
        Coach coach,
        List<String> homes,
        List<String> managers,
        Checkin checkin,
        Tasks tasks,
        Sessions sessions,
        String halfwayBroadcast,
        Improvement improvement) {

    static final String RESOURCE = "demo-text.yaml";

    /** The coach's Discord user name and display name. */
    record Coach(String user, String name) {}

    /**
     * What managers write in a check-in.
     *
     * @param did               any manager's answer to "what did you do"
     * @param didWhenStruggling answers only a struggling manager also gives
     */
    record Checkin(
            List<String> did,
            List<String> didWhenStruggling,
            List<String> evidence,
            List<String> highlights,
            String askWhenStruggling) {}

    /** The tasks the coach sets, in turn, and the details every one carries. */
    record Tasks(List<String> titles, String details) {}

    /** The live coaching calls: the title they are numbered after and where they happen. */
    record Sessions(String title, String link) {}

    /**
     * The improvement story: the first home's aim, its falls week by week, its two PDSA cycles and why its manager
     * recalculates the limits; the cycles other homes run; when the coach scores every home's improvement work, and
     * the scores (one list per home, taken in turn, a score for each of {@code scoreWeeks}).
     */
    record Improvement(
            Aim aim,
            List<Integer> falls,
            List<Cycle> cycles,
            String recalculateWhy,
            List<Cycle> others,
            List<Integer> scoreWeeks,
            List<List<String>> scores,
            String scoreNote) {}

    /** An aim as the manager types it into {@code /aim set}. */
    record Aim(double from, double to, String by, String words) {}

    /**
     * A PDSA cycle as a manager types it: the plan in the programme week given, then (for the story home) what they
     * did, what the data said, and their decision with its reason; {@code next} is the changed plan when adapting.
     */
    record Cycle(
            int week,
            String idea,
            String plan,
            String prediction,
            String weeks,
            String did,
            String study,
            String decision,
            String act,
            String next) {}

    /** The text shipped with the bot. */
    static DemoText load() {
        ObjectMapper yaml = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        try (InputStream in = DemoText.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the bot's jar");
            }
            return yaml.readValue(in, DemoText.class).checked();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo's text in " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** This text, once every entry the demo needs is there. */
    DemoText checked() {
        require("server", server);
        require("cohort", cohort);
        require("coach", coach);
        require("coach.user", coach.user());
        require("coach.name", coach.name());
        require("homes", homes);
        require("managers", managers);
        require("checkin", checkin);
        require("checkin.did", checkin.did());
        require("checkin.didWhenStruggling", checkin.didWhenStruggling());
        require("checkin.evidence", checkin.evidence());
        require("checkin.highlights", checkin.highlights());
        require("checkin.askWhenStruggling", checkin.askWhenStruggling());
        require("tasks", tasks);
        require("tasks.titles", tasks.titles());
        require("tasks.details", tasks.details());
        require("sessions", sessions);
        require("sessions.title", sessions.title());
        require("sessions.link", sessions.link());
        require("halfwayBroadcast", halfwayBroadcast);
        require("improvement", improvement);
        require("improvement.aim", improvement.aim());
        require("improvement.falls", improvement.falls());
        require("improvement.cycles", improvement.cycles());
        require("improvement.recalculateWhy", improvement.recalculateWhy());
        require("improvement.others", improvement.others());
        require("improvement.scoreWeeks", improvement.scoreWeeks());
        require("improvement.scores", improvement.scores());
        require("improvement.scoreNote", improvement.scoreNote());
        for (List<String> scores : improvement.scores()) {
            if (scores.size() < improvement.scoreWeeks().size()) {
                throw new IllegalStateException(RESOURCE + ": improvement.scores needs a score for each of the "
                        + improvement.scoreWeeks().size() + " scoreWeeks in every list");
            }
        }
        return this;
    }

    private static void require(String key, Object value) {
        boolean empty = value == null
                || (value instanceof String s && s.isBlank())
                || (value instanceof List<?> l && (l.isEmpty() || l.stream().anyMatch(e -> e == null)));
        if (empty) {
            throw new IllegalStateException(RESOURCE + ": " + key + " needs a value (a list needs at least one entry)");
        }
    }
}
