package uk.stepup.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code spc} verb end to end in a temporary folder: files in, files and one JSON line out, exit codes. */
class SpcCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new SpcCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    /** 12 weeks alternating 9 and 11 (mean 10, MR̄ 2, limits 4.68 .. 15.32), then {@code tail}. */
    private Path weekly(String name, double... tail) throws IOException {
        StringBuilder sb = new StringBuilder("date,value\n");
        LocalDate d = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 12; i++) {
            sb.append(d.plusWeeks(i)).append(',').append(i % 2 == 0 ? 9 : 11).append('\n');
        }
        for (int i = 0; i < tail.length; i++) {
            sb.append(d.plusWeeks(12 + i)).append(',').append(tail[i]).append('\n');
        }
        return write(name, sb.toString());
    }

    private static void assertNoStackTrace(Run r) {
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void round_trip_writes_every_point_and_one_json_line() throws Exception {
        Path in = weekly("in.csv", 20);
        Path out = dir.resolve("out.csv");
        Run r = run("--in", in.toString(), "--out", out.toString(), "--fix-after", "12", "--target", "30");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out())
                .isEqualTo("{\"points\":13,\"variation\":\"special_cause_improvement\","
                        + "\"variation_icon\":\"improvement_high\",\"assurance\":\"consistent_fail\","
                        + "\"mean\":10,\"lpl\":4.68,\"upl\":15.32,\"trial_limits\":false}" + System.lineSeparator());
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(14);
        assertThat(lines.get(0)).isEqualTo("date,value,mean,lpl,upl,point_type");
        assertThat(lines.get(1)).isEqualTo("2024-01-01,9,10,4.68,15.32,common_cause");
        assertThat(lines.get(13)).isEqualTo("2024-03-25,20,10,4.68,15.32,special_cause_improvement");

        // The output's first two columns are a valid input again and give the same chart.
        List<String> back = new ArrayList<>();
        back.add("date,value");
        lines.subList(1, lines.size()).forEach(l -> back.add(l.substring(0, l.indexOf(',', 11))));
        Path again = write("again.csv", String.join("\n", back) + "\n");
        Path out2 = dir.resolve("out2.csv");
        Run r2 = run("--in", again.toString(), "--out", out2.toString(), "--fix-after", "12", "--target", "30");
        assertThat(r2.out()).isEqualTo(r.out());
        assertThat(Files.readAllLines(out2, StandardCharsets.UTF_8)).isEqualTo(lines);
    }

    @Test
    void options_reach_the_engine() throws Exception {
        Path in = weekly("in.csv", 20);
        Path out = dir.resolve("out.csv");
        Run down =
                run("--in", in.toString(), "--out", out.toString(), "--improvement", "decrease", "--fix-after", "12");
        assertThat(down.out())
                .contains(
                        "\"variation\":\"special_cause_concern\"",
                        "\"variation_icon\":\"concern_high\"",
                        "\"assurance\":null");
        Run neutral = run(
                "--in",
                in.toString(),
                "--out",
                out.toString(),
                "--improvement",
                "neutral",
                "--fix-after",
                "12",
                "--target",
                "30");
        assertThat(neutral.out()).contains("\"variation\":\"special_cause_neutral_high\"", "\"assurance\":null");
        assertThat(Files.readString(out)).contains("special_cause_neutral_high");

        // Rebasing at the 13th week leaves a one-point period: refused as unusable input.
        Run rebased = run("--in", in.toString(), "--out", out.toString(), "--rebase", "2024-03-25");
        assertThat(rebased.exit()).isEqualTo(1);
        assertThat(rebased.err()).contains("in.csv").contains("only 1 point");
    }

    @Test
    void rebase_and_screening_options() throws Exception {
        Path in = weekly("in.csv", 19, 21, 19, 21, 19, 21, 19, 21, 19, 21, 19, 21);
        Path out = dir.resolve("out.csv");
        Run r = run(
                "--in", in.toString(), "--out", out.toString(), "--rebase", "2024-03-25", "--screen-outliers", "false");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"mean\":20,\"lpl\":14.68,\"upl\":25.32");
        assertThat(Files.readAllLines(out)).allMatch(l -> !l.contains("special_cause"));
        Run two = run("--in", in.toString(), "--out", out.toString(), "--rebase", "2024-02-05,2024-03-25");
        assertThat(two.exit()).isZero();
    }

    @Test
    void short_series_warns_about_trial_limits_but_succeeds() throws Exception {
        Path in = write("short.csv", "date,value\n2024-01-01,3\n2024-01-08,5\n2024-01-15,4\n");
        Run r = run("--in", in.toString(), "--out", dir.resolve("out.csv").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"trial_limits\":true");
        assertThat(r.err()).startsWith("warning: ").contains("short.csv").contains("trial limits");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void constant_series_works() throws Exception {
        StringBuilder sb = new StringBuilder("date,value\n");
        for (int i = 0; i < 12; i++) {
            sb.append(LocalDate.of(2024, 1, 1).plusWeeks(i)).append(",7\n");
        }
        Run r = run(
                "--in",
                write("flat.csv", sb.toString()).toString(),
                "--out",
                dir.resolve("o.csv").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"variation\":\"common_cause\"", "\"mean\":7,\"lpl\":7,\"upl\":7");
    }

    // ---- bad input: exit 1, one line naming the file and the line ----

    private void assertBadInput(String content, String expectedLine) throws IOException {
        Path in = write("bad.csv", content);
        Path out = dir.resolve("out.csv");
        Run r = run("--in", in.toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith(in + " " + expectedLine + ": ");
        assertNoStackTrace(r);
        assertThat(out).doesNotExist();
    }

    @Test
    void empty_file() throws Exception {
        assertBadInput("", "line 1");
    }

    @Test
    void missing_header() throws Exception {
        assertBadInput("2024-01-01,3\n2024-01-08,4\n", "line 1");
    }

    @Test
    void wrong_header() throws Exception {
        assertBadInput("date;value\n2024-01-01;3\n", "line 1");
    }

    @Test
    void non_numeric_value() throws Exception {
        assertBadInput("date,value\n2024-01-01,3\n2024-01-08,4\n2024-01-15,four\n", "line 4");
    }

    @Test
    void bad_date() throws Exception {
        assertBadInput("date,value\n2024-01-01,3\n2024-13-08,4\n", "line 3");
    }

    @Test
    void unsorted_dates() throws Exception {
        assertBadInput("date,value\n2024-01-08,3\n2024-01-01,4\n", "line 3");
    }

    @Test
    void duplicate_dates() throws Exception {
        assertBadInput("date,value\n2024-01-01,3\n2024-01-08,4\n2024-01-08,5\n", "line 4");
    }

    @Test
    void header_only() throws Exception {
        assertBadInput("date,value\n", "line 2");
    }

    @Test
    void extra_field() throws Exception {
        assertBadInput("date,value\n2024-01-01,3,x\n", "line 2");
    }

    @Test
    void single_row() throws Exception {
        Path in = write("one.csv", "date,value\n2024-01-01,3\n");
        Run r = run("--in", in.toString(), "--out", dir.resolve("out.csv").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo(in + " line 2: only 1 data row; at least 2 are needed" + System.lineSeparator());
    }

    @Test
    void unreadable_file() {
        Path missing = dir.resolve("nope.csv");
        Run r = run("--in", missing.toString(), "--out", dir.resolve("out.csv").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo(missing + ": cannot read the file: it does not exist" + System.lineSeparator());
        Run folder = run("--in", dir.toString(), "--out", dir.resolve("out.csv").toString());
        assertThat(folder.exit()).isEqualTo(1);
        assertThat(folder.err()).startsWith(dir + ": cannot read the file");
        assertNoStackTrace(folder);
    }

    @Test
    void unwritable_output() throws Exception {
        Path in = weekly("in.csv");
        Path out = dir.resolve("no-such-folder").resolve("out.csv");
        Run r = run("--in", in.toString(), "--out", out.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .isEqualTo(out + ": cannot write the file: its folder does not exist" + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    // ---- bad usage: exit 2 ----

    private Run usage(String... extra) throws IOException {
        Path in = weekly("in.csv", 20);
        List<String> args = new ArrayList<>(
                List.of("--in", in.toString(), "--out", dir.resolve("out.csv").toString()));
        args.addAll(List.of(extra));
        Run r = run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertNoStackTrace(r);
        assertThat(dir.resolve("out.csv")).doesNotExist();
        return r;
    }

    @Test
    void unknown_improvement_direction() throws Exception {
        assertThat(usage("--improvement", "up").err()).contains("'up' is not one of increase, decrease, neutral");
    }

    @Test
    void bad_target() throws Exception {
        assertThat(usage("--target", "ninety").err()).contains("--target").contains("'ninety' is not a number");
    }

    @Test
    void fix_after_below_twelve() throws Exception {
        assertThat(usage("--fix-after", "6").err()).contains("--fix-after").contains("below 12");
        assertThat(usage("--fix-after", "x").err()).contains("not a whole number");
    }

    @Test
    void bad_rebase_dates() throws Exception {
        assertThat(usage("--rebase", "2024-03-26").err()).contains("2024-03-26 is not the date of a row in");
        assertThat(usage("--rebase", "March").err()).contains("'March' is not a date");
    }

    @Test
    void screen_outliers_must_be_true_or_false() throws Exception {
        assertThat(usage("--screen-outliers", "yes").err()).contains("'yes' is not true or false");
    }

    @Test
    void missing_required_options_and_unknown_options() {
        Run r = run("--in", "x.csv");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--out");
        assertThat(run("--in", "x.csv", "--out", "y.csv", "--colour", "red").exit())
                .isEqualTo(2);
    }

    @Test
    void help_describes_the_verb() {
        Run r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains(
                        "Usage: spc",
                        "--in=IN.csv",
                        "--out=OUT.csv",
                        "--improvement",
                        "--target",
                        "--fix-after",
                        "--rebase",
                        "--screen-outliers",
                        "Making Data Count");
    }
}
