package uk.stepup.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.stepup.prompts.YamlFrontMatter;
import uk.stepup.shared.KeyQuestion;

/** The prompts shipped in prompts/ load cleanly and say what the programme needs. */
class RealPromptsTest {

    private static CurriculumLoader.LoadResult result;

    @BeforeAll
    static void load() {
        result = new CurriculumLoader(new YamlFrontMatter()).load(Path.of("prompts"));
    }

    private static Curriculum kloe() {
        return result.curriculum("kloe-2017").orElseThrow();
    }

    private static Curriculum saf() {
        return result.curriculum("saf-2023").orElseThrow();
    }

    @Test
    @DisplayName("All 58 prompt files load with no problems")
    void all_files_load() {
        assertThat(result.problems()).isEmpty();
        assertThat(result.ok()).isTrue();
        assertThat(kloe().items()).hasSize(24);
        assertThat(saf().items()).hasSize(34);
    }

    @Test
    void kloe_default_order_is_safe_effective_caring_responsive_well_led() {
        assertThat(kloe().defaultOrder())
                .containsExactly(
                        "S1", "S2", "S3", "S4", "S5", "S6", "E1", "E2", "E3", "E4", "E5", "E6", "E7", "C1", "C2", "C3",
                        "R1", "R2", "R3", "W1", "W2", "W3", "W4", "W5");
        assertThat(kloe().items())
                .extracting(CurriculumItem::order)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24);
    }

    @Test
    void saf_default_order_follows_the_quality_statements() {
        assertThat(saf().defaultOrder()).isEqualTo(Frameworks.SAF.codes());
        assertThat(saf().defaultOrder()).startsWith("QS-S1", "QS-S2").endsWith("QS-W7", "QS-W8");
    }

    @Test
    void by_code_finds_real_prompts() {
        CurriculumItem s1 = kloe().byCode("s1").orElseThrow();
        assertThat(s1.title()).isEqualTo("Safeguarding people from abuse and avoidable harm");
        assertThat(s1.keyQuestion()).isEqualTo(KeyQuestion.SAFE);
        assertThat(s1.sourceFile())
                .isEqualTo(Path.of("prompts", "kloe-2017", "S1.md").toString());
        assertThat(saf().byCode("QS-W8").orElseThrow().keyQuestion()).isEqualTo(KeyQuestion.WELL_LED);
    }

    @Test
    void every_prompt_is_complete() {
        for (Curriculum curriculum : result.curricula().values()) {
            assertThat(curriculum.items()).allSatisfy(item -> {
                assertThat(item.whyItMatters()).isNotBlank();
                assertThat(item.reflectiveQuestions()).hasSizeBetween(3, 5);
                assertThat(item.outstandingLooksLike()).hasSizeBetween(3, 5);
                assertThat(item.evidenceIdeas()).hasSizeBetween(3, 5);
                assertThat(item.weeklyAction()).isNotBlank();
            });
            assertThat(curriculum.items()).extracting(CurriculumItem::title).doesNotHaveDuplicates();
        }
    }

    @Test
    @DisplayName("Each quality statement links back to the KLOEs that map onto it, and every KLOE is covered")
    void saf_links_follow_the_crosswalk() {
        Map<String, List<String>> links =
                saf().items().stream().collect(Collectors.toMap(CurriculumItem::code, CurriculumItem::kloeLinks));

        assertThat(links)
                .contains(
                        entry("QS-S1", List.of("S6")),
                        entry("QS-S2", List.of("S2")),
                        entry("QS-S3", List.of("S1")),
                        entry("QS-S4", List.of("S2")),
                        entry("QS-S5", List.of("S2", "E6")),
                        entry("QS-S6", List.of("S3", "E2")),
                        entry("QS-S7", List.of("S5")),
                        entry("QS-S8", List.of("S4")),
                        entry("QS-E1", List.of("E1")),
                        entry("QS-E2", List.of("E1", "E3")),
                        entry("QS-E3", List.of("E4")),
                        entry("QS-E4", List.of("E3", "E5")),
                        entry("QS-E5", List.of("E5")),
                        entry("QS-E6", List.of("E7")),
                        entry("QS-C1", List.of("C1", "C3")),
                        entry("QS-C2", List.of("C2")),
                        entry("QS-C3", List.of("C2", "C3")),
                        entry("QS-C4", List.of("C1")),
                        entry("QS-C5", List.of("E2", "W3")),
                        entry("QS-R1", List.of("R1")),
                        entry("QS-R2", List.of("E4")),
                        entry("QS-R3", List.of("R1")),
                        entry("QS-R4", List.of("R2", "W3")),
                        entry("QS-R5", List.of("R1")),
                        entry("QS-R6", List.of("R1")),
                        entry("QS-R7", List.of("R3")),
                        entry("QS-W1", List.of("W1")),
                        entry("QS-W2", List.of("W1")),
                        entry("QS-W3", List.of("W1", "W3")),
                        entry("QS-W4", List.of("W1")),
                        entry("QS-W5", List.of("W2")),
                        entry("QS-W6", List.of("W5")),
                        entry("QS-W7", List.of("W4")),
                        entry("QS-W8", List.of("W4")));
        assertThat(links.values().stream().flatMap(List::stream).distinct())
                .containsExactlyInAnyOrderElementsOf(kloe().defaultOrder());
    }

    @Test
    void reordering_a_real_curriculum() {
        List<String> reversed = new ArrayList<>(kloe().defaultOrder());
        Collections.reverse(reversed);

        assertThat(kloe().reorder(reversed)).extracting(CurriculumItem::code).startsWith("W5", "W4");
    }

    @Test
    @DisplayName("The default prompts folder is found from the project root")
    void default_folder_from_project_root() {
        assertThat(CurriculumLoader.defaultPromptsDir()).isEqualTo(Path.of("prompts"));
    }
}
