package uk.stepup.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.prompts.YamlFrontMatter;
import uk.stepup.shared.KeyQuestion;

/** Each way a coach can break a prompt file gives one problem, printed as file:line: message. */
class CurriculumLoaderTest {

    private static final String S1 = "kloe-2017/S1.md";
    private static final String QS_S1 = "saf-2023/QS-S1.md";

    @TempDir
    Path tmp;

    private PromptFixtures prompts;

    @BeforeEach
    void writeValidPrompts() {
        prompts = PromptFixtures.writeValid(tmp.resolve("prompts"));
    }

    /** Problems as the validate command prints them, with the temporary folder cut off the front. */
    private List<String> problems() {
        String prefix = tmp + File.separator;
        return new CurriculumLoader(new YamlFrontMatter())
                .load(tmp.resolve("prompts")).problems().stream()
                        .map(p -> p.toString().replace(prefix, "").replace(File.separatorChar, '/'))
                        .toList();
    }

    @Test
    @DisplayName("A complete, well-formed folder loads both frameworks with no problems")
    void valid_folder_loads() {
        CurriculumLoader.LoadResult result = new CurriculumLoader(new YamlFrontMatter()).load(tmp.resolve("prompts"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.ok()).isTrue();
        assertThat(result.curricula()).containsOnlyKeys("kloe-2017", "saf-2023");
        CurriculumItem s1 =
                result.curriculum("kloe-2017").orElseThrow().byCode("S1").orElseThrow();
        assertThat(s1.keyQuestion()).isEqualTo(KeyQuestion.SAFE);
        assertThat(s1.title()).isEqualTo("Title of S1");
        assertThat(s1.whyItMatters()).isEqualTo("Why S1 matters to people living in the home.");
        assertThat(s1.reflectiveQuestions()).containsExactly("First question?", "Second question?", "Third question?");
        assertThat(s1.evidenceIdeas()).hasSize(3);
        assertThat(s1.weeklyAction()).isEqualTo("Do one useful thing this week.");
        assertThat(s1.kloeLinks()).isEmpty();
        assertThat(result.curriculum("saf-2023")
                        .orElseThrow()
                        .byCode("QS-W8")
                        .orElseThrow()
                        .kloeLinks())
                .containsExactly("S1", "E2");
    }

    @Test
    @DisplayName("Problems name the file as the user gave the folder, so a relative folder gives relative paths")
    void paths_follow_the_folder_as_given() {
        prompts.replaceLine(S1, 4, "key_question: Safety");

        List<CurriculumProblem> problems = new CurriculumLoader(new YamlFrontMatter())
                .load(tmp.resolve("prompts"))
                .problems();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file())
                    .isEqualTo(tmp.resolve("prompts")
                            .resolve("kloe-2017")
                            .resolve("S1.md")
                            .toString());
            assertThat(p.line()).isEqualTo(4);
        });
    }

    // ---- front matter ----

    @Test
    void missing_front_matter() {
        prompts.edit(S1, text -> text.substring(text.indexOf("## Why")));

        assertThat(problems())
                .containsExactly("prompts/kloe-2017/S1.md:1: a prompt file starts with a line '---', "
                        + "then its keys (code, framework, key_question, title, order), then another '---'");
    }

    @Test
    void unterminated_front_matter() {
        prompts.deleteLine(S1, 7);

        assertThat(problems())
                .containsExactly("prompts/kloe-2017/S1.md:1: the front matter opened here is never "
                        + "closed; add a line '---' after the last key");
    }

    @Test
    void unknown_key() {
        prompts.insertLine(S1, 6, "week: 3");

        assertThat(problems())
                .containsExactly("prompts/kloe-2017/S1.md:6: unknown key \"week\" (the keys are code, "
                        + "framework, key_question, title, order)");
    }

    @Test
    void line_that_is_not_a_key() {
        prompts.insertLine(S1, 6, "just some words");

        assertThat(problems())
                .containsExactly("prompts/kloe-2017/S1.md:6: expected 'key: value' here, like 'order: 3'");
    }

    @Test
    void missing_key_points_at_the_closing_line() {
        prompts.deleteLine(S1, 6);

        assertThat(problems())
                .containsExactly("prompts/kloe-2017/S1.md:6: missing key \"order\"; add it to the "
                        + "front matter above this line");
    }

    @Test
    void empty_value() {
        prompts.replaceLine(S1, 5, "title:");

        assertThat(problems()).containsExactly("prompts/kloe-2017/S1.md:5: key \"title\" has no value");
    }

    @Test
    void duplicate_key() {
        prompts.insertLine(S1, 6, "title: Another title");

        assertThat(problems())
                .containsExactly(
                        "prompts/kloe-2017/S1.md:6: key \"title\" appears twice (first on " + "line 5); keep one");
    }

    @Test
    void code_does_not_match_file_name() {
        prompts.replaceLine(S1, 2, "code: S2");

        assertThat(problems())
                .containsExactly("prompts/kloe-2017/S1.md:2: code \"S2\" does not match the file name "
                        + "S1.md; make them the same");
    }

    @Test
    void framework_does_not_match_folder() {
        prompts.replaceLine(S1, 3, "framework: saf-2023");

        assertThat(problems())
                .containsExactly("prompts/kloe-2017/S1.md:3: framework \"saf-2023\" does not match the "
                        + "folder kloe-2017 this file is in; fix the key or move the file");
    }

    @Test
    void unknown_key_question() {
        prompts.replaceLine(S1, 4, "key_question: Safety");

        assertThat(problems())
                .containsExactly("prompts/kloe-2017/S1.md:4: unknown key_question \"Safety\" (use Safe, "
                        + "Effective, Caring, Responsive or Well-led)");
    }

    @Test
    void key_question_must_match_the_code_letter() {
        prompts.replaceLine(S1, 4, "key_question: Caring");

        assertThat(problems())
                .containsExactly("prompts/kloe-2017/S1.md:4: key_question Caring does not match code "
                        + "S1, which belongs to Safe");
    }

    @Test
    @DisplayName("Quotes, a BOM, Windows line endings and a phone's curly apostrophe are all accepted")
    void forgiving_about_harmless_differences() {
        prompts.edit(
                S1,
                text -> "\uFEFF"
                        + text.replace("title: Title of S1", "title: \"Safeguarding: seeing and stopping harm\"")
                                .replace("This week's action", "This week\u2019s action")
                                .replace("\n", "\r\n"));

        CurriculumLoader.LoadResult result = new CurriculumLoader(new YamlFrontMatter()).load(tmp.resolve("prompts"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.curriculum("kloe-2017")
                        .orElseThrow()
                        .byCode("S1")
                        .orElseThrow()
                        .title())
                .isEqualTo("Safeguarding: seeing and stopping harm");
    }

    @Test
    void title_too_long() {
        prompts.replaceLine(S1, 5, "title: " + "x".repeat(81));

        assertThat(problems())
                .containsExactly("prompts/kloe-2017/S1.md:5: title is 81 characters; keep it within 80 "
                        + "(it heads the Discord message)");
    }

    // ---- order ----

    @Test
    void order_not_a_number() {
        prompts.replaceLine(S1, 6, "order: first");

        assertThat(problems())
                .containsExactly("prompts/kloe-2017/S1.md:6: order \"first\" is not a whole number; "
                        + "use a number from 1 to 24");
    }

    @Test
    void order_out_of_range() {
        prompts.replaceLine(QS_S1, 6, "order: 35");

        assertThat(problems())
                .containsExactly("prompts/saf-2023/QS-S1.md:6: order 35 is outside 1 to 34; give each "
                        + "prompt its own number in that range");
    }

    @Test
    @DisplayName("A duplicated order points at the second file's order line and names the gap it leaves")
    void duplicated_order_and_the_gap_it_leaves() {
        prompts.replaceLine("kloe-2017/S2.md", 6, "order: 1");

        assertThat(problems())
                .containsExactly(
                        "prompts/kloe-2017/S2.md:6: order 1 is also used by S1.md; give each prompt its own number from 1 to 24",
                        "prompts/kloe-2017: no prompt has order 2; the orders must run from 1 to 24 with no gaps");
    }

    @Test
    @DisplayName("Swapping two orders is how a coach reorders, and it loads cleanly")
    void swapped_orders_load() {
        prompts.replaceLine(S1, 6, "order: 2");
        prompts.replaceLine("kloe-2017/S2.md", 6, "order: 1");

        CurriculumLoader.LoadResult result = new CurriculumLoader(new YamlFrontMatter()).load(tmp.resolve("prompts"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.curriculum("kloe-2017").orElseThrow().defaultOrder()).startsWith("S2", "S1", "S3");
    }

    // ---- kloe links (saf-2023 only) ----

    @Test
    void kloe_key_only_in_saf_files() {
        prompts.insertLine(S1, 7, "kloe: S1");

        assertThat(problems())
                .containsExactly("prompts/kloe-2017/S1.md:7: the key \"kloe\" only belongs in saf-2023 "
                        + "files; remove this line");
    }

    @Test
    void kloe_links_must_be_known_codes() {
        prompts.replaceLine(QS_S1, 7, "kloe: S6, S9, s6");

        assertThat(problems())
                .containsExactly(
                        "prompts/saf-2023/QS-S1.md:7: unknown KLOE code \"S9\" in kloe (use S1 … W5, separated by commas)",
                        "prompts/saf-2023/QS-S1.md:7: kloe lists S6 twice");
    }

    @Test
    void kloe_links_are_optional() {
        prompts.deleteLine(QS_S1, 7);

        CurriculumLoader.LoadResult result = new CurriculumLoader(new YamlFrontMatter()).load(tmp.resolve("prompts"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.curriculum("saf-2023")
                        .orElseThrow()
                        .byCode("QS-S1")
                        .orElseThrow()
                        .kloeLinks())
                .isEmpty();
    }

    // ---- sections ----

    @Test
    void missing_section_points_at_the_next_heading() {
        prompts.edit(
                S1, text -> text.replace("## Evidence ideas\n- First idea.\n- Second idea.\n- Third idea.\n\n", ""));

        assertThat(problems())
                .containsExactly("prompts/kloe-2017/S1.md:21: missing section '## Evidence ideas'; add "
                        + "it before this heading");
    }

    @Test
    void missing_last_section_points_at_the_end() {
        prompts.edit(S1, text -> text.replace("\n## This week's action\nDo one useful thing this week.\n", ""));

        assertThat(problems())
                .containsExactly("prompts/kloe-2017/S1.md:24: missing section '## This week's action'; "
                        + "add it at the end of the file");
    }

    @Test
    void unknown_section() {
        prompts.insertLine(S1, 26, "## Notes");

        assertThat(problems())
                .containsExactly("prompts/kloe-2017/S1.md:26: unknown section \"Notes\" (the sections "
                        + "are Why it matters, Reflective questions, What Outstanding looks like, Evidence ideas, This week's "
                        + "action)");
    }

    @Test
    void duplicate_section() {
        prompts.edit(S1, text -> text + "\n## Why it matters\nAgain.\n");

        assertThat(problems())
                .containsExactly("prompts/kloe-2017/S1.md:29: section \"Why it matters\" appears twice "
                        + "(first on line 8); merge them");
    }

    @Test
    void wrong_heading_level() {
        prompts.replaceLine(S1, 21, "### Evidence ideas");

        assertThat(problems())
                .containsExactly(
                        "prompts/kloe-2017/S1.md:21: write section headings with two #: " + "'## Evidence ideas'");
    }

    @Test
    void text_before_the_first_section() {
        prompts.insertLine(S1, 8, "Welcome to week one.");

        assertThat(problems())
                .containsExactly("prompts/kloe-2017/S1.md:8: text before the first section; start the "
                        + "body with '## Why it matters'");
    }

    @Test
    void empty_paragraph_section() {
        prompts.replaceLine(S1, 9, "");

        assertThat(problems())
                .containsExactly("prompts/kloe-2017/S1.md:8: section \"Why it matters\" is empty; write "
                        + "a short paragraph under it");
    }

    @Test
    void empty_list_section() {
        prompts.edit(S1, text -> text.replace("- First sign.\n- Second sign.\n- Third sign.\n", ""));

        assertThat(problems())
                .containsExactly("prompts/kloe-2017/S1.md:16: section \"What Outstanding looks like\" is "
                        + "empty; add 3 to 5 bullets starting with '- '");
    }

    @Test
    void bullets_in_a_paragraph_section() {
        prompts.replaceLine(S1, 27, "- Do one useful thing this week.");

        assertThat(problems())
                .containsExactly("prompts/kloe-2017/S1.md:27: \"This week's action\" is a short "
                        + "paragraph, not a list; remove the '- ' and write it as sentences");
    }

    @Test
    void plain_text_in_a_list_section() {
        prompts.replaceLine(S1, 13, "Second question?");

        assertThat(problems())
                .containsExactly("prompts/kloe-2017/S1.md:13: expected a bullet starting with '- ' "
                        + "(\"Reflective questions\" is a list of 3 to 5 bullets)");
    }

    @Test
    void indented_lines_continue_a_bullet() {
        prompts.insertLine(S1, 13, "  which carries on here?");

        CurriculumLoader.LoadResult result = new CurriculumLoader(new YamlFrontMatter()).load(tmp.resolve("prompts"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.curriculum("kloe-2017")
                        .orElseThrow()
                        .byCode("S1")
                        .orElseThrow()
                        .reflectiveQuestions())
                .containsExactly("First question? which carries on here?", "Second question?", "Third question?");
    }

    @Test
    void nested_bullet() {
        prompts.insertLine(S1, 13, "  - a sub-point");

        assertThat(problems())
                .containsExactly("prompts/kloe-2017/S1.md:13: nested bullets are not used; start this "
                        + "bullet at the beginning of the line");
    }

    @Test
    void empty_bullet() {
        prompts.replaceLine(S1, 23, "-");

        assertThat(problems())
                .containsExactly(
                        "prompts/kloe-2017/S1.md:23: empty bullet; write something after '- ' " + "or delete the line");
    }

    @Test
    void too_few_bullets() {
        prompts.deleteLine(S1, 14);

        assertThat(problems())
                .containsExactly(
                        "prompts/kloe-2017/S1.md:11: \"Reflective questions\" has 2 bullets; " + "write 3 to 5");
    }

    @Test
    void too_many_bullets_points_at_the_sixth() {
        prompts.insertLine(S1, 25, "- Fourth idea.\n- Fifth idea.\n- Sixth idea.");

        assertThat(problems())
                .containsExactly("prompts/kloe-2017/S1.md:27: \"Evidence ideas\" has 6 bullets; keep 3 "
                        + "to 5 (this is bullet 6)");
    }

    // ---- limits ----

    @Test
    void section_too_long() {
        prompts.replaceLine(S1, 9, "w".repeat(901));

        assertThat(problems())
                .containsExactly("prompts/kloe-2017/S1.md:8: section \"Why it matters\" is 901 "
                        + "characters; keep it within 900 (cut about 1)");
    }

    @Test
    void body_too_long() {
        String longBullet = "- " + "b".repeat(850);
        prompts.edit(
                S1,
                text -> text.replace("- First sign.", longBullet)
                        .replace("- First idea.", longBullet)
                        .replace("- First question?", longBullet)
                        .replace("Why S1 matters to people living in the home.", "w".repeat(850)));

        assertThat(problems())
                .containsExactly("prompts/kloe-2017/S1.md:8: the text below the front matter is 3652 "
                        + "characters; keep it within 3600 so the prompt fits one Discord message (cut about 52)");
    }

    // ---- files and folders ----

    @Test
    void missing_files_are_named() {
        prompts.delete("kloe-2017/S3.md");
        prompts.delete("kloe-2017/E6.md");

        assertThat(problems()).containsExactly("prompts/kloe-2017: found 22 of 24 prompt files; missing S3.md, E6.md");
    }

    @Test
    void file_that_is_not_a_prompt() {
        prompts.write("kloe-2017/S7.md", PromptFixtures.validFile(Frameworks.KLOE, "S6", 6));

        assertThat(problems())
                .containsExactly("prompts/kloe-2017/S7.md: not a kloe-2017 prompt; the files are named "
                        + "by code, S1.md … W5.md");
    }

    @Test
    void file_name_in_the_wrong_case_gets_a_hint() {
        String text = prompts.read(QS_S1);
        prompts.delete(QS_S1);
        prompts.write("saf-2023/qs-s1.md", text);

        assertThat(problems())
                .containsExactly(
                        "prompts/saf-2023/qs-s1.md: not a saf-2023 prompt; the files are named by code, QS-S1.md … QS-W8.md "
                                + "(did you mean QS-S1.md?)",
                        "prompts/saf-2023: found 33 of 34 prompt files; missing QS-S1.md");
    }

    @Test
    @DisplayName("Other files in a framework folder are reported; README.md and hidden files are left alone")
    void other_files_in_a_framework_folder() {
        prompts.write("kloe-2017/notes.txt", "ideas");
        prompts.write("kloe-2017/README.md", "About these prompts.");
        prompts.write("kloe-2017/.DS_Store", "");
        prompts.write("kloe-2017/drafts/S1.md", "");

        assertThat(problems())
                .containsExactly(
                        "prompts/kloe-2017/drafts: unexpected folder; prompt files sit directly in kloe-2017/",
                        "prompts/kloe-2017/notes.txt: unexpected file; only the prompt files S1.md … W5.md and README.md "
                                + "belong in kloe-2017/");
    }

    @Test
    void unknown_folder_and_stray_file_at_the_top() {
        prompts.write("kloe2017/S1.md", "");
        prompts.write("todo.md", "");

        assertThat(problems())
                .containsExactly(
                        "prompts/kloe2017: unknown folder; the prompt folders are kloe-2017 and saf-2023 (a new framework's"
                                + " folder holds a framework.yaml listing its codes; see README.md)",
                        "prompts/todo.md: unexpected file; the prompts folder holds README.md, the folders kloe-2017 and "
                                + "saf-2023 (and any framework added as files), and crosswalks/");
    }

    @Test
    void missing_framework_folder() {
        prompts.deleteTree("saf-2023");

        assertThat(problems())
                .containsExactly("prompts/saf-2023: folder missing; it should hold the 34 prompt files "
                        + "QS-S1.md … QS-W8.md");
    }

    @Test
    void prompts_folder_not_found() {
        CurriculumLoader.LoadResult result = new CurriculumLoader(new YamlFrontMatter()).load(tmp.resolve("nowhere"));

        assertThat(result.ok()).isFalse();
        assertThat(result.problems())
                .singleElement()
                .hasToString(tmp.resolve("nowhere") + ": prompts folder not "
                        + "found; run the bot from the project root or pass --prompts DIR");
    }

    @Test
    void not_utf_8_points_at_the_line() {
        byte[] latin1 = PromptFixtures.validFile(Frameworks.KLOE, "S1", 1)
                .replace("Why S1 matters", "Why S1 matters \u00e9")
                .getBytes(StandardCharsets.ISO_8859_1);
        prompts.writeBytes(S1, latin1);

        assertThat(problems())
                .containsExactly("prompts/kloe-2017/S1.md:9: not valid UTF-8 (byte 0xE9); save the file " + "as UTF-8");
    }

    @Test
    @DisplayName("A broken file is left out of its curriculum and does not cascade into order or count problems")
    void broken_file_does_not_cascade() {
        prompts.replaceLine(S1, 4, "key_question: Safety");

        CurriculumLoader.LoadResult result = new CurriculumLoader(new YamlFrontMatter()).load(tmp.resolve("prompts"));

        assertThat(result.problems()).hasSize(1);
        assertThat(result.curriculum("kloe-2017").orElseThrow().items()).hasSize(23);
    }
}
