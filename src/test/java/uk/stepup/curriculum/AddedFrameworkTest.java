package uk.stepup.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new framework is added as files only, as prompts/README.md shows a coach: a folder with a framework.yaml and its
 * prompt files, and a crosswalk to a framework already there. No code knows the made-up framework used here.
 */
class AddedFrameworkTest {
    static final String ID = CopiedPrompts.DEMO;
    static final List<String> CODES = CopiedPrompts.DEMO_CODES;

    @TempDir
    Path tmp;

    private CopiedPrompts prompts;

    @BeforeEach
    void copy() {
        prompts = CopiedPrompts.into(tmp);
    }

    @Test
    void a_folder_with_framework_yaml_and_a_crosswalk_loads_and_maps_with_no_code_change() {
        prompts.addDemoFramework();

        CurriculumLoader.LoadResult result = prompts.load();

        assertThat(result.problems()).isEmpty();
        assertThat(result.curricula()).containsOnlyKeys("kloe-2017", "saf-2023", ID);
        Curriculum demo = result.curriculum(ID).orElseThrow();
        assertThat(demo.defaultOrder()).containsExactlyElementsOf(CODES);
        assertThat(demo.byCode("R1").orElseThrow().framework()).isEqualTo(ID);
        Crosswalk c = result.crosswalk();
        assertThat(c.map(ID, "C1", "kloe-2017")).containsExactly("C1", "C2", "C3");
        assertThat(c.map("kloe-2017", "E6", ID)).containsExactly("E1");
        assertThat(c.map(ID, "C1", "saf-2023"))
                .as("read through kloe-2017")
                .containsExactly("QS-C1", "QS-C2", "QS-C3", "QS-C4");
        assertThat(c.map("saf-2023", "QS-W8", ID)).containsExactly("W1");
    }

    @Test
    void a_folder_without_framework_yaml_is_unknown() {
        prompts.write("asc-2026/S1.md", prompts.read("kloe-2017/S1.md"));
        assertThat(prompts.problems())
                .containsExactly(
                        "prompts/asc-2026: unknown folder; the prompt folders are kloe-2017 and saf-2023 (a new"
                                + " framework's folder holds a framework.yaml listing its codes; see README.md)");
    }

    @Test
    void a_framework_folder_is_named_by_its_id() {
        prompts.addDemoFramework();
        prompts.write("Demo2026/framework.yaml", "codes: S1\n");
        assertThat(prompts.problems())
                .containsExactly("prompts/Demo2026: a framework's folder is named by its id: lower case words joined by"
                        + " hyphens, like asc-2026");
    }

    @Test
    void framework_yaml_problems_name_the_line() {
        prompts.addDemoFramework();
        prompts.write(
                ID + "/framework.yaml", "# codes\ncodes: S1, E1, C1, R1, W1, X1, E1, QS-W2\nname: Demo\ncodes: S1\n");
        String file = "prompts/" + ID + "/framework.yaml";
        assertThat(prompts.problems())
                .containsExactly(
                        file + ":3: unknown key \"name\"; framework.yaml has one key, codes",
                        file + ":4: codes is given twice (first on line 2); keep one",
                        file + ":2: \"X1\" is not a code; a code is an optional prefix like QS-, then S, E, C, R or W"
                                + " for its key question, then a number: S1, QS-W8",
                        file + ":2: codes lists E1 twice",
                        file + ":2: QS-W2 does not start like the first code (no prefix); every code of a framework"
                                + " shares one prefix");
    }

    @Test
    void framework_yaml_without_codes() {
        prompts.addDemoFramework();
        prompts.write(ID + "/framework.yaml", "# nothing yet\n");
        assertThat(prompts.problems())
                .containsExactly("prompts/" + ID + "/framework.yaml: no codes; add a line 'codes: S1, S2, …' listing"
                        + " the framework's codes in order");
    }

    @Test
    void the_new_frameworks_files_are_checked_like_the_others() {
        prompts.addDemoFramework();
        prompts.delete(ID + "/W1.md");
        prompts.write(ID + "/W2.md", "");
        assertThat(prompts.problems())
                .containsExactly(
                        "prompts/" + ID + "/W2.md: not a " + ID + " prompt; the files are named by code, S1.md … W1.md",
                        "prompts/" + ID + ": found 4 of 5 prompt files; missing W1.md");
    }
}
