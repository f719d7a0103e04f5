package uk.stepup.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.curriculum.CopiedPrompts;

/** {@code validate} on the crosswalks and on a framework added as files, as a coach runs it. */
class ValidateFrameworksCliTest {
    @TempDir
    Path dir;

    @Test
    void the_shipped_prompts_and_crosswalk_validate_clean() {
        CliTest.Run r = CliTest.run("validate");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("crosswalks link kloe-2017 and saf-2023");
    }

    @Test
    void a_framework_added_as_files_validates_with_no_code_change() {
        CopiedPrompts prompts = CopiedPrompts.into(dir);
        prompts.addDemoFramework();

        CliTest.Run r = CliTest.run("validate", "--prompts", prompts.prompts.toString());

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out())
                .contains("Curriculum ok: 63 prompts")
                .contains("(kloe-2017, saf-2023, demo-2026)")
                .contains("crosswalks link demo-2026 and kloe-2017; kloe-2017 and saf-2023");
    }

    @Test
    void a_crosswalk_problem_is_printed_as_file_line_message_and_exits_1() throws IOException {
        CopiedPrompts prompts = CopiedPrompts.into(dir);
        Path file = prompts.prompts.resolve("crosswalks/kloe-2017-saf-2023.yaml");
        Files.writeString(file, Files.readString(file).replace("\nS4: QS-S8", "\nS4: QS-S9"));
        int line = Files.readString(file).lines().toList().indexOf("S4: QS-S9                        # medicines") + 1;

        CliTest.Run r = CliTest.run("validate", "--prompts", prompts.prompts.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(line).isPositive();
        assertThat(r.out())
                .contains(file + ":" + line + ": unknown saf-2023 code \"QS-S9\" for S4 (use QS-S1 … QS-W8)");
    }

    @Test
    void a_config_framework_with_no_folder_is_named() throws IOException {
        Path cfg = dir.resolve("c.yaml");
        Files.writeString(cfg, "curriculum:\n  framework: asc-2026\n");
        CliTest.Run r = CliTest.run("validate", "--config", cfg.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("curriculum.framework: no folder asc-2026 in prompts");
    }
}
