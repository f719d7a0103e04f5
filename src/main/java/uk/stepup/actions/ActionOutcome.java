package uk.stepup.actions;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a next step went, as the manager says the following week. Done and dropped close it; the others carry on. */
public enum ActionOutcome {
    DONE("Done"),
    PARTLY("Partly"),
    NOT_YET("Not yet"),
    DROPPED("Dropped");

    private final String label;

    ActionOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The short key stored and put in button ids: {@code done}, {@code partly}, {@code not_yet}, {@code dropped}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ActionOutcome> parse(String key) {
        return Arrays.stream(values()).filter(o -> o.key().equals(key)).findFirst();
    }

    /** True for done and dropped: the action closes; partly and not yet carry it forward to the next week. */
    public boolean closes() {
        return this == DONE || this == DROPPED;
    }
}
