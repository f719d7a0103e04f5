package uk.stepup.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.discord.BotPermissions;

/** The command line as a person uses it: exit codes and one clear sentence, never a stack trace. */
class CliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = StepUpCommand.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void help_lists_every_verb_of_the_spec() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        for (String verb : new String[] {
            "run", "invite", "demo", "validate", "import", "export", "report", "backup", "spc", "portfolio"
        }) {
            assertThat(r.out()).contains(verb);
        }
        assertThat(run("--version").out()).startsWith("stepup-bot ");
    }

    @Test
    void invite_prints_the_oauth2_url_with_exactly_the_bots_permissions() {
        Run r = run("invite", "--client-id", "123456789012345678");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).isEqualTo(BotPermissions.inviteUrl("123456789012345678"));
        assertThat(r.out()).contains("View Channels, Manage Channels, Manage Roles, Create Events");
        Run bad = run("invite", "--client-id", "my-bot");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err())
                .contains("--client-id")
                .contains("17 to 20 digits")
                .doesNotContain("Exception");
    }

    @Test
    void invite_reads_the_application_id_from_a_bot_token() {
        String first = Base64.getEncoder()
                .withoutPadding()
                .encodeToString("123456789012345678".getBytes(StandardCharsets.US_ASCII));
        assertThat(InviteCommand.fromToken(first + ".GabcDE.xyz")).contains("123456789012345678");
        assertThat(InviteCommand.fromToken("not a token")).isEmpty();
        assertThat(InviteCommand.fromToken(null)).isEmpty();
    }

    @Test
    void validate_passes_on_the_shipped_curriculum() {
        Run r = run("validate");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Curriculum ok: 58 prompts");
    }

    @Test
    void validate_names_file_and_line_of_a_broken_prompt_and_exits_1() throws IOException {
        Path copy = dir.resolve("prompts");
        try (Stream<Path> files = Files.walk(Path.of("prompts"))) {
            for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = copy.resolve(Path.of("prompts").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Path s3 = copy.resolve("kloe-2017/S3.md");
        Files.writeString(s3, Files.readString(s3).replace("key_question: Safe", "key_question: Safety"));
        Run r = run("validate", "--prompts", copy.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(s3 + ":4: unknown key_question \"Safety\"");
    }

    @Test
    void run_without_a_token_explains_in_one_sentence_and_exits_2() {
        Run r = run("run");
        assertThat(r.code()).isEqualTo(2);
        if (System.getenv("DISCORD_TOKEN") == null) {
            assertThat(r.err().strip()).isEqualTo(RunCommand.NO_TOKEN);
        }
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void a_bad_config_file_names_the_key_and_exits_2() throws IOException {
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, "schedule:\n  zone: Mars/Olympus\n");
        Run r = run("validate", "--config", cfg.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("schedule.zone: ");
    }

    @Test
    void an_unknown_option_is_a_usage_error() {
        assertThat(run("validate", "--frobnicate").code()).isEqualTo(2);
    }

    @Test
    void backup_of_a_missing_database_is_a_clear_usage_error() throws IOException {
        Path cfg = dir.resolve("c.yaml");
        Files.writeString(cfg, "storage:\n  database: " + dir.resolve("none.db") + "\n");
        Run r = run(
                "backup",
                "--config",
                cfg.toString(),
                "--out",
                dir.resolve("copy.db").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("There is no database");
    }
}
