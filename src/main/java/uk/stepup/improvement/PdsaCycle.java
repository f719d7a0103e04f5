package uk.stepup.improvement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import uk.stepup.checkins.HighlightShare;

/**
 * One Plan-Do-Study-Act cycle of a home (the Model for Improvement, IHI): a change idea tested small and fast, its
 * plan and prediction, then what happened (Do), what the data said against the prediction (Study), and the decision
 * (Act: adopt, adapt or abandon; adapting opens the next cycle, linked through {@link #previousId}).
 *
 * @param number      the home's cycles counted from 1; the marker drawn on its charts
 * @param measureId   the measure the change should move, if the home named one
 * @param share       how the cohort may see it: the same choice as a check-in's highlight
 */
public record PdsaCycle(
        long id,
        long homeId,
        int number,
        OptionalLong measureId,
        OptionalLong previousId,
        String changeIdea,
        String plan,
        String prediction,
        LocalDate start,
        int plannedWeeks,
        HighlightShare share,
        Optional<Step> done,
        Optional<Step> studied,
        Optional<Act> act,
        String createdBy,
        Instant createdAt) {

    public static final int IDEA_MAX = 150;
    public static final int TEXT_MAX = 1000;
    public static final int MAX_WEEKS = 26;

    /** What a manager wrote at Do or Study, and who and when. */
    public record Step(String text, String by, Instant at) {
        public Step {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
        }
    }

    /** The Act step: the decision and why. */
    public record Act(Decision decision, String text, String by, Instant at) {
        public Act {
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
        }
    }

    /** The three decisions of the Act step. */
    public enum Decision {
        ADOPT("Adopted"),
        ADAPT("Adapted"),
        ABANDON("Abandoned");

        private final String label;

        Decision(String label) {
            this.label = label;
        }

        /** "Adopted": how the decision reads after the fact. */
        public String label() {
            return label;
        }
    }

    /** Where a cycle is: each step follows the one before. */
    public enum Stage {
        PLANNED("Planned"),
        DOING("Under way"),
        STUDIED("Studied"),
        ADOPTED("Adopted"),
        ADAPTED("Adapted"),
        ABANDONED("Abandoned");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public PdsaCycle {
        Objects.requireNonNull(measureId, "measureId");
        Objects.requireNonNull(previousId, "previousId");
        Objects.requireNonNull(changeIdea, "changeIdea");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(done, "done");
        Objects.requireNonNull(studied, "studied");
        Objects.requireNonNull(act, "act");
        if (number < 1) {
            throw new IllegalArgumentException("a cycle's number starts at 1");
        }
        if (plannedWeeks < 1 || plannedWeeks > MAX_WEEKS) {
            throw new IllegalArgumentException("planned length must be 1 to " + MAX_WEEKS + " weeks");
        }
    }

    public Stage stage() {
        if (act.isPresent()) {
            return switch (act.get().decision()) {
                case ADOPT -> Stage.ADOPTED;
                case ADAPT -> Stage.ADAPTED;
                case ABANDON -> Stage.ABANDONED;
            };
        }
        if (studied.isPresent()) {
            return Stage.STUDIED;
        }
        return done.isPresent() ? Stage.DOING : Stage.PLANNED;
    }

    /** The day the planned length ends: {@code start} plus the planned weeks. */
    public LocalDate plannedEnd() {
        return start.plusWeeks(plannedWeeks);
    }

    /** True from the planned end on while the cycle has neither a Study nor a decision: its reminder is due. */
    public boolean studyOverdue(LocalDate today) {
        return studied.isEmpty() && act.isEmpty() && !today.isBefore(plannedEnd());
    }

    /** True once the home decided to adopt the change. */
    public boolean adopted() {
        return act.map(a -> a.decision() == Decision.ADOPT).orElse(false);
    }

    /** True while the change is being tested: no decision yet. */
    public boolean testing() {
        return act.isEmpty();
    }
}
