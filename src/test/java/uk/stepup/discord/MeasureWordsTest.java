package uk.stepup.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import uk.stepup.measures.MeasureDefinitionService;
import uk.stepup.measures.MeasureEntryResult;
import uk.stepup.measures.MeasureForm;
import uk.stepup.measures.Rate;
import uk.stepup.shared.Outcome;

/** The measures form's words on Discord, written from the values the use case returns. */
class MeasureWordsTest {
    static final MeasureForm.PageRef WEEK_3 = new MeasureForm.PageRef(7, 3, 1);

    @Test
    void a_page_count_shows_only_when_the_form_has_more_than_one_page() {
        assertThat(MeasureInteractions.label(new MeasureForm.Offer(WEEK_3, 1))).isEqualTo("Add this week's measures");
        assertThat(MeasureInteractions.label(new MeasureForm.Offer(new MeasureForm.PageRef(7, 3, 2), 2)))
                .isEqualTo("Add this week's measures (2/2)");
        assertThat(MeasureInteractions.title(new MeasureForm(WEEK_3, 1, List.of())))
                .isEqualTo("Week 3 measures");
        assertThat(MeasureInteractions.title(new MeasureForm(WEEK_3, 2, List.of())))
                .isEqualTo("Week 3 measures (1/2)")
                .hasSizeLessThanOrEqualTo(45);
    }

    @Test
    void a_saved_page_lists_each_value_with_a_rate_s_counts_and_a_monthly_measure_s_month() {
        MeasureEntryResult.Saved saved = new MeasureEntryResult.Saved(
                "Oak House",
                3,
                List.of(
                        new MeasureEntryResult.Entered(
                                "Falls", 4, OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty()),
                        new MeasureEntryResult.Entered(
                                "Falls rate",
                                6 / 1450.0 * 1000,
                                OptionalDouble.of(6),
                                OptionalDouble.of(1450),
                                Optional.of("Dec 2026"))),
                Optional.of(new MeasureForm.Offer(new MeasureForm.PageRef(7, 3, 2), 2)));
        assertThat(MeasureInteractions.saved(saved))
                .isEqualTo(
                        "Saved 2 measures for Oak House, week 3: Falls 4; Falls rate 4.14 (6 ÷ 1,450) for Dec 2026.\n"
                                + "Your charts are in `/measures`.\n"
                                + "There are more measures on the next page.");
        assertThat(MeasureInteractions.saved(new MeasureEntryResult.Saved("Oak House", 3, List.of(), Optional.empty())))
                .isEqualTo("Nothing entered on this page, so nothing changed.");
    }

    @Test
    void each_problem_names_its_measure_in_bold_and_says_how_to_fix_it() {
        String text = MeasureInteractions.invalid(new MeasureEntryResult.Unusable(List.of(
                new MeasureEntryResult.NotANumber("Falls", Optional.empty()),
                new MeasureEntryResult.NotANumber("Falls rate", Optional.of("falls")),
                new MeasureEntryResult.NeedsBoth("Falls rate", "falls", "occupied bed days"),
                new MeasureEntryResult.BelowZero("Falls rate", "falls"),
                new MeasureEntryResult.NotAboveZero("Falls rate", "occupied bed days"))));
        assertThat(text)
                .isEqualTo("**Nothing was saved.** Please fix:\n"
                        + "• **Falls** is not a number: type digits only, e.g. 12 or 3.5.\n"
                        + "• **Falls rate**: falls is not a number: type digits only, e.g. 12 or 3.5.\n"
                        + "• **Falls rate** needs both falls and occupied bed days, or neither.\n"
                        + "• **Falls rate**: falls cannot be below 0.\n"
                        + "• **Falls rate**: occupied bed days must be above 0.\n"
                        + "What you typed is kept: press **Fix my measures**.");
        assertThat(MeasureInteractions.invalid(new MeasureEntryResult.MayIdentify("This may identify someone.")))
                .isEqualTo("**Nothing was saved.** This may identify someone. Those boxes have been emptied; type just "
                        + "the number.");
    }

    @Test
    void the_list_names_every_measure_the_suppression_rule_and_the_import_layout() {
        assertThat(MeasureSetupCommand.list(new MeasureDefinitionService.Listed("Spring 2027", List.of())))
                .startsWith("Spring 2027 has no measures yet. A coach adds them with `/measure add`");
        String text = MeasureSetupCommand.list(new MeasureDefinitionService.Listed(
                "Spring 2027",
                List.of(
                        HomeMeasuresTextTest.measure(1, "Falls", "falls", Optional.empty()),
                        HomeMeasuresTextTest.measure(
                                2,
                                "Falls rate",
                                "per 1,000 bed days",
                                Optional.of(new Rate("falls", "bed days", 1000))))));
        assertThat(text)
                .startsWith("**Measures in Spring 2027** (2)\n1. **Falls** · falls · weekly · lower is better\n")
                .contains("2. **Falls rate**")
                .contains("<5")
                .contains("measure,period,value");
        assertThat(MeasureSetupCommand.list(new MeasureDefinitionService.NoHome()))
                .contains("not enrolled");
    }

    @Test
    void an_added_measure_is_confirmed_with_its_definition_and_when_managers_are_asked() {
        Outcome weekly = MeasureSetupCommand.added(new MeasureDefinitionService.Added(
                "Demo cohort", HomeMeasuresTextTest.measure(1, "Falls", "falls", Optional.empty())));
        assertThat(weekly.ok()).isTrue();
        assertThat(weekly.message())
                .isEqualTo("Added measure 1 to Demo cohort: **Falls** · falls · weekly · lower is better.\n"
                        + "Managers are asked for it after their weekly check-in, and can load up to 24 months of "
                        + "history with `/measure import`.");
        Outcome refused = Outcome.refused("Only coaches can do that.");
        assertThat(MeasureSetupCommand.added(new MeasureDefinitionService.NotAdded(refused)))
                .isEqualTo(refused);
    }
}
