package uk.stepup.portfolio;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import uk.stepup.improvement.PdsaCycle;
import uk.stepup.summaries.RatingJourney;

/**
 * A home's evidence portfolio, as values: by key question and item of the framework it is read under (every item,
 * not only the weeks run so far), the evidence cited week by week, what changed, the self-rating journey against the
 * CQC baseline, the actions, the measures with their SPC verdicts, aims and PDSA cycles, the gaps, and a draft of the
 * PIR answers. Only this home's rows.
 *
 * @param framework       the framework the portfolio is read under
 * @param cohortFramework the framework the cohort's check-ins were written under
 * @param producedOn      the day it was made, in the cohort's zone; gaps are judged on this day
 * @param cycles          every PDSA cycle of the home (those for a measure also appear under the measure)
 */
public record Portfolio(
        String home,
        String cohort,
        String framework,
        String cohortFramework,
        LocalDate producedOn,
        LocalDate programmeStart,
        int weeksRun,
        int weeksPlanned,
        List<KeyQuestionSection> keyQuestions,
        RatingJourney journey,
        List<ActionItem> actions,
        String actionsSource,
        List<MeasureSection> measures,
        List<PdsaCycle> cycles,
        PirDraft pir) {

    public Portfolio {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(cohort, "cohort");
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(cohortFramework, "cohortFramework");
        Objects.requireNonNull(producedOn, "producedOn");
        Objects.requireNonNull(programmeStart, "programmeStart");
        keyQuestions = List.copyOf(keyQuestions);
        Objects.requireNonNull(journey, "journey");
        actions = List.copyOf(actions);
        Objects.requireNonNull(actionsSource, "actionsSource");
        measures = List.copyOf(measures);
        cycles = List.copyOf(cycles);
        Objects.requireNonNull(pir, "pir");
    }

    public List<Gap> gaps() {
        return keyQuestions.stream().flatMap(k -> k.gaps().stream()).toList();
    }

    public List<PortfolioItem> items() {
        return keyQuestions.stream().flatMap(k -> k.items().stream()).toList();
    }

    /** True when read under another framework than the cohort's (through the crosswalk). */
    public boolean crosswalked() {
        return !framework.equals(cohortFramework);
    }
}
