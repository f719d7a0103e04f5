package uk.stepup.curriculum;

import java.util.List;
import java.util.Objects;
import uk.stepup.shared.KeyQuestion;

/**
 * One week's prompt: a KLOE (kloe-2017) or a quality statement (saf-2023), as written in its prompt file.
 *
 * @param framework    the folder it came from, {@code kloe-2017} or {@code saf-2023}
 * @param code         {@code S1} … {@code W5}, or {@code QS-S1} … {@code QS-W8}
 * @param order        default position in the programme, 1-based
 * @param kloeLinks    for a quality statement, the KLOE codes it maps to (the crosswalk); empty for a KLOE
 * @param weeklyAction the one suggested action for the week
 * @param sourceFile   the file it was read from, for messages
 */
public record CurriculumItem(
        String framework,
        String code,
        KeyQuestion keyQuestion,
        String title,
        int order,
        List<String> kloeLinks,
        String whyItMatters,
        List<String> reflectiveQuestions,
        List<String> outstandingLooksLike,
        List<String> evidenceIdeas,
        String weeklyAction,
        String sourceFile) {

    public CurriculumItem {
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(keyQuestion, "keyQuestion");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(whyItMatters, "whyItMatters");
        Objects.requireNonNull(weeklyAction, "weeklyAction");
        Objects.requireNonNull(sourceFile, "sourceFile");
        kloeLinks = List.copyOf(kloeLinks);
        reflectiveQuestions = List.copyOf(reflectiveQuestions);
        outstandingLooksLike = List.copyOf(outstandingLooksLike);
        evidenceIdeas = List.copyOf(evidenceIdeas);
    }
}
