package uk.stepup.discord;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.stepup.shared.CheckinId;
import uk.stepup.shared.CohortId;
import uk.stepup.shared.EntityId;
import uk.stepup.shared.HomeId;
import uk.stepup.shared.SessionId;
import uk.stepup.shared.TaskId;

/**
 * The one codec for custom ids on buttons, selects and modals: {@code action:arg:arg}. Ids hold only numbers and
 * short keys (never user text), so they stay under Discord's 100 characters and survive restarts: a button posted
 * weeks ago still routes to the right handler.
 *
 * <pre>{@code
 * String id = ComponentIds.encode(ComponentIds.Action.CHECKIN_OPEN, new CohortId(7), week, "p");
 * ComponentIds.decode(id).ifPresent(d -> handle(d.action(), d.cohortId(0), d.intArg(1)));
 * }</pre>
 *
 * <p>Ids of rows are written from their typed {@link EntityId} and read back through the typed accessors
 * ({@link Decoded#cohortId}, {@link Decoded#homeId}, ...), so a handler that reads a cohort where the action holds a
 * home does not compile.
 */
public final class ComponentIds {
    public static final int MAX_LENGTH = 100;
    private static final Pattern SAFE_ARG = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    /** Every kind of component the bot posts. The short key is what is stored in Discord: never change a key. */
    public enum Action {
        /**
         * Check in button: cohort, week, origin (p = prompt, r = reminder + home, f = "Continue to check-in" after the
         * next steps' follow-up, which opens the form straight away).
         */
        CHECKIN_OPEN("ci"),
        /** The check-in modal: home, week. */
        CHECKIN_MODAL("cm"),
        /** Share a highlight: check-in id, anonymous|named|none. */
        CHECKIN_SHARE("sh"),
        /** Save a held check-in as written: token. */
        CHECKIN_CONFIRM("cc"),
        /** Edit a held check-in: token. */
        CHECKIN_REVISE("cr"),
        /** Weekly summary's "My progress" button: cohort, week. */
        PROGRESS("pg"),
        /** Mark a task done: task id. */
        TASK_DONE("td"),
        /** I attended a session: session id. */
        ATTENDED("at"),
        /** Add this week's measures (after a check-in): home, week, page, and a held draft's token when fixing. */
        MEASURES_ADD("ma"),
        /** The measures modal: home, week, page. */
        MEASURES_MODAL("mm"),
        /** Recalculate a home's limits from a period (opens the form asking why): home, measure, period (ISO date). */
        RECALC_OFFER("lr"),
        /** The form confirming a recalculation: home, measure, period (ISO date). */
        RECALC_MODAL("lm"),
        /** Undo a recalculation: its id. */
        RECALC_UNDO("lu"),
        /** The new PDSA cycle modal (no arguments: the home is the manager's own). */
        PDSA_NEW_MODAL("pn"),
        /** Do, Study or Act on a cycle's message: cycle id, do|study|act. */
        PDSA_STEP("ps"),
        /** How the cohort may see a cycle: cycle id, anonymous|named|none. */
        PDSA_SHARE("pz"),
        /** Adopt, Adapt or Abandon (after Act): cycle id, the decision, the cycle's message id. */
        PDSA_DECIDE("pd"),
        /** The Do, Study or Act modal: cycle id, do|study|adopt|adapt|abandon, the cycle's message id. */
        PDSA_MODAL("pm"),
        /** How a next step went, before the check-in: action id, week, done|partly|not_yet|dropped. */
        ACTION_OUTCOME("ao"),
        /** Add a few words on the next steps shown: home, week, cohort, then the actions' ids. */
        ACTION_WORDS("aw"),
        /** The few-words modal: home, week, cohort (its inputs are named by action id). */
        ACTION_WORDS_MODAL("am");

        private final String key;

        Action(String key) {
            this.key = key;
        }

        static Optional<Action> byKey(String key) {
            return Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst();
        }
    }

    /** A decoded id. */
    public record Decoded(Action action, List<String> args) {
        public CohortId cohortId(int i) {
            return new CohortId(longArg(i));
        }

        public HomeId homeId(int i) {
            return new HomeId(longArg(i));
        }

        public CheckinId checkinId(int i) {
            return new CheckinId(longArg(i));
        }

        public TaskId taskId(int i) {
            return new TaskId(longArg(i));
        }

        public SessionId sessionId(int i) {
            return new SessionId(longArg(i));
        }

        public long longArg(int i) {
            return Long.parseLong(args.get(i));
        }

        public int intArg(int i) {
            return Integer.parseInt(args.get(i));
        }

        public String arg(int i) {
            return args.get(i);
        }
    }

    private ComponentIds() {}

    public static String encode(Action action, Object... args) {
        StringBuilder id = new StringBuilder(action.key);
        for (Object a : args) {
            String s = a instanceof EntityId e ? Long.toString(e.value()) : String.valueOf(a);
            if (!SAFE_ARG.matcher(s).matches()) {
                throw new IllegalArgumentException("Component id arguments are short keys, not \"" + s + "\"");
            }
            id.append(':').append(s);
        }
        if (id.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Component id longer than " + MAX_LENGTH + ": " + id);
        }
        return id.toString();
    }

    /** Empty for ids that are not ours or are malformed (never throws on user-supplied input). */
    public static Optional<Decoded> decode(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = id.split(":", -1);
        Optional<Action> action = Action.byKey(parts[0]);
        if (action.isEmpty()) {
            return Optional.empty();
        }
        List<String> args = List.of(parts).subList(1, parts.length);
        if (args.stream().anyMatch(a -> !SAFE_ARG.matcher(a).matches())) {
            return Optional.empty();
        }
        return Optional.of(new Decoded(action.get(), args));
    }
}
