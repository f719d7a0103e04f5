package uk.stepup.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped crosswalk between kloe-2017 and saf-2023, and each way a coach can break a crosswalk file: one
 * problem each, printed as file:line: message. The tests rewrite the file compactly (line 1 {@code from}, line 2
 * {@code to}, lines 3 to 26 the KLOEs S1 … W5) from the shipped links, so line numbers do not follow its comments.
 */
class CrosswalkFileTest {
    private static final String FILE = "crosswalks/kloe-2017-saf-2023.yaml";
    private static final String SHOWN = "prompts/" + FILE;

    @TempDir
    Path tmp;

    private CopiedPrompts prompts;
    private List<String> compact;

    @BeforeEach
    void copyAndRewriteCompactly() {
        prompts = CopiedPrompts.into(tmp);
        Crosswalk.Pair shipped = prompts.load().crosswalk().pairs().get(0);
        compact = new ArrayList<>(List.of("from: kloe-2017", "to: saf-2023"));
        for (String kloe : Frameworks.KLOE.codes()) {
            compact.add(kloe + ": " + String.join(", ", shipped.links().get(kloe)));
        }
        prompts.writeLines(FILE, compact);
        assertThat(prompts.problems()).isEmpty();
    }

    private List<String> withLine(int number, String line) {
        List<String> lines = new ArrayList<>(compact);
        lines.set(number - 1, line);
        return lines;
    }

    @Test
    void the_shipped_files_load_clean_and_map_both_ways() {
        CurriculumLoader.LoadResult shipped =
                CopiedPrompts.into(tmp.resolve("again")).load();
        assertThat(shipped.problems()).isEmpty();
        Crosswalk c = shipped.crosswalk();
        assertThat(c.pairs()).singleElement().satisfies(p -> {
            assertThat(p.from()).isEqualTo("kloe-2017");
            assertThat(p.to()).isEqualTo("saf-2023");
        });
        assertThat(c.map("kloe-2017", "S1", "saf-2023")).containsExactly("QS-S3");
        assertThat(c.map("kloe-2017", "S2", "saf-2023")).containsExactly("QS-S2", "QS-S4", "QS-S5");
        assertThat(c.map("saf-2023", "QS-C5", "kloe-2017")).containsExactly("E2", "W3");
        assertThat(c.map("saf-2023", "QS-S6", "kloe-2017")).containsExactly("S3", "E2");
        for (String kloe : Frameworks.KLOE.codes()) {
            assertThat(c.map("kloe-2017", kloe, "saf-2023")).as(kloe).isNotEmpty();
        }
        for (String qs : Frameworks.SAF.codes()) {
            assertThat(c.map("saf-2023", qs, "kloe-2017")).as(qs).isNotEmpty();
        }
    }

    @Test
    void each_quality_statements_kloe_key_agrees_with_the_crosswalk() {
        CurriculumLoader.LoadResult shipped = prompts.load();
        for (CurriculumItem qs : shipped.curriculum("saf-2023").orElseThrow().items()) {
            assertThat(shipped.crosswalk().map("saf-2023", qs.code(), "kloe-2017"))
                    .as(qs.code())
                    .containsExactlyInAnyOrderElementsOf(qs.kloeLinks());
        }
    }

    @Test
    void unknown_framework() {
        prompts.writeLines(FILE, withLine(2, "to: saf-2024"));
        assertThat(prompts.problems())
                .containsExactly(
                        SHOWN + ":2: unknown framework \"saf-2024\" in to; the frameworks are the folders here:"
                                + " kloe-2017, saf-2023");
    }

    @Test
    void a_missing_from_line() {
        List<String> lines = new ArrayList<>(compact);
        lines.remove(0);
        prompts.writeLines(FILE, lines);
        assertThat(prompts.problems())
                .containsExactly(SHOWN + ": no 'from:' line; start the file with 'from:' and 'to:', each naming a"
                        + " framework (kloe-2017, saf-2023)");
    }

    @Test
    void unknown_code_on_the_left() {
        List<String> lines = new ArrayList<>(compact);
        lines.add("S9: QS-S1");
        prompts.writeLines(FILE, lines);
        assertThat(prompts.problems())
                .containsExactly(SHOWN + ":27: unknown kloe-2017 code \"S9\"; lines start with one of S1 … W5");
    }

    @Test
    void a_code_of_the_other_framework_on_the_left_says_which_way_the_lines_go() {
        List<String> lines = new ArrayList<>(compact);
        lines.add("QS-S1: S6");
        prompts.writeLines(FILE, lines);
        assertThat(prompts.problems())
                .containsExactly(SHOWN + ":27: unknown kloe-2017 code \"QS-S1\"; it is a saf-2023 code, but each line"
                        + " starts with a kloe-2017 code (from: kloe-2017) and lists the saf-2023 codes it maps to");
    }

    @Test
    void unknown_code_on_the_right() {
        prompts.writeLines(FILE, withLine(3, "S1: QS-S9"));
        assertThat(prompts.problems())
                .containsExactly(SHOWN + ":3: unknown saf-2023 code \"QS-S9\" for S1 (use QS-S1 … QS-W8)");
    }

    @Test
    void a_kloe_left_unmapped() {
        List<String> lines = new ArrayList<>(compact);
        lines.remove("W5: QS-W6");
        prompts.writeLines(FILE, lines);
        assertThat(prompts.problems())
                .containsExactly(
                        SHOWN + ": kloe-2017 items left unmapped: W5; give each a line 'CODE: saf-2023 codes'");
    }

    @Test
    void a_quality_statement_left_unmapped() {
        prompts.writeLines(FILE, withLine(25, "W4: QS-W7"));
        assertThat(compact.get(24)).isEqualTo("W4: QS-W7, QS-W8");
        assertThat(prompts.problems())
                .containsExactly(SHOWN + ": saf-2023 items left unmapped: QS-W8; add each to the line of the"
                        + " kloe-2017 item it matches");
    }

    @Test
    void an_item_mapped_twice() {
        List<String> lines = new ArrayList<>(compact);
        lines.add("s1: QS-S1");
        prompts.writeLines(FILE, lines);
        assertThat(prompts.problems())
                .containsExactly(
                        SHOWN + ":27: S1 is mapped again (first on line 3); put all its saf-2023 codes on one line");
    }

    @Test
    void a_code_listed_twice_on_one_line() {
        prompts.writeLines(FILE, withLine(3, "S1: QS-S3, qs-s3"));
        assertThat(prompts.problems()).containsExactly(SHOWN + ":3: S1 lists QS-S3 twice");
    }

    @Test
    void from_or_to_given_twice_and_a_line_that_is_not_a_mapping() {
        List<String> lines = new ArrayList<>(compact);
        lines.add("to: saf-2023");
        lines.add("W5 QS-W6");
        prompts.writeLines(FILE, lines);
        assertThat(prompts.problems())
                .containsExactly(
                        SHOWN + ":27: to is given twice (first on line 2); keep one",
                        SHOWN + ":28: expected 'CODE: CODE, CODE' here, like 'S2: QS-S2, QS-S4'");
    }

    @Test
    void two_files_for_the_same_pair() {
        prompts.writeLines("crosswalks/copy.yaml", compact);
        assertThat(prompts.problems())
                .containsExactly(
                        "prompts/crosswalks/kloe-2017-saf-2023.yaml: duplicate crosswalk:"
                                + " prompts/crosswalks/copy.yaml already links kloe-2017 and saf-2023; keep one file per pair of frameworks");
    }

    @Test
    void a_stray_file_in_the_crosswalks_folder() {
        prompts.write("crosswalks/notes.txt", "x");
        prompts.write("crosswalks/README.md", "About crosswalks.");
        assertThat(prompts.problems())
                .containsExactly("prompts/crosswalks/notes.txt: unexpected file; crosswalks/ holds crosswalk files"
                        + " named like kloe-2017-saf-2023.yaml, and README.md");
    }

    @Test
    void a_quality_statements_kloe_key_that_disagrees() {
        String qs = "saf-2023/QS-S1.md";
        prompts.write(qs, prompts.read(qs).replace("kloe: S6\n", "kloe: S5\n"));
        assertThat(prompts.problems())
                .containsExactly("prompts/" + qs + ": kloe: S5 disagrees with prompts/" + FILE
                        + ", which maps QS-S1 to S6; make them agree");
    }

    @Test
    void without_a_crosswalk_file_each_framework_maps_only_to_itself() {
        prompts.delete(FILE);
        CurriculumLoader.LoadResult result = prompts.load();
        assertThat(result.problems()).isEmpty();
        assertThat(result.crosswalk().canMap("kloe-2017", "saf-2023")).isFalse();
        assertThat(result.crosswalk().frameworks()).containsExactly("kloe-2017", "saf-2023");
    }
}
