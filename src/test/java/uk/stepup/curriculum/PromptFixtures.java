package uk.stepup.curriculum;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A complete, valid prompts folder with short placeholder text, so that each test can break exactly one thing and
 * know the line numbers. Line numbers of a kloe-2017 file:
 *
 * <pre>
 *  1 ---            8 ## Why it matters            16 ## What Outstanding looks like   26 ## This week's action
 *  2 code           9 paragraph                    17-19 three bullets                27 paragraph
 *  3 framework     10                              20
 *  4 key_question  11 ## Reflective questions      21 ## Evidence ideas
 *  5 title         12-14 three bullets             22-24 three bullets
 *  6 order         15                              25
 *  7 ---
 * </pre>
 *
 * A saf-2023 file has a {@code kloe:} line after {@code order}, so its body starts one line later.
 */
final class PromptFixtures {

    private final Path promptsDir;

    PromptFixtures(Path promptsDir) {
        this.promptsDir = promptsDir;
    }

    /** Writes README.md and every prompt file of every framework. */
    static PromptFixtures writeValid(Path promptsDir) {
        PromptFixtures fixtures = new PromptFixtures(promptsDir);
        fixtures.write("README.md", "How to edit the prompts.\n");
        for (Frameworks.Spec spec : Frameworks.ALL) {
            List<String> codes = spec.codes();
            for (int i = 0; i < codes.size(); i++) {
                String code = codes.get(i);
                fixtures.write(spec.id() + "/" + code + ".md", validFile(spec, code, i + 1));
            }
        }
        return fixtures;
    }

    static String validFile(Frameworks.Spec spec, String code, int order) {
        return "---\n"
                + "code: " + code + "\n"
                + "framework: " + spec.id() + "\n"
                + "key_question: " + spec.keyQuestionOf(code).orElseThrow().label() + "\n"
                + "title: Title of " + code + "\n"
                + "order: " + order + "\n"
                + (spec.linksToKloe() ? "kloe: S1, E2\n" : "")
                + "---\n"
                + "## Why it matters\n"
                + "Why " + code + " matters to people living in the home.\n"
                + "\n"
                + "## Reflective questions\n"
                + "- First question?\n"
                + "- Second question?\n"
                + "- Third question?\n"
                + "\n"
                + "## What Outstanding looks like\n"
                + "- First sign.\n"
                + "- Second sign.\n"
                + "- Third sign.\n"
                + "\n"
                + "## Evidence ideas\n"
                + "- First idea.\n"
                + "- Second idea.\n"
                + "- Third idea.\n"
                + "\n"
                + "## This week's action\n"
                + "Do one useful thing this week.\n";
    }

    Path path(String relative) {
        return promptsDir.resolve(relative);
    }

    void write(String relative, String text) {
        writeBytes(relative, text.getBytes(UTF_8));
    }

    void writeBytes(String relative, byte[] bytes) {
        try {
            Path file = path(relative);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void edit(String relative, UnaryOperator<String> change) {
        String before = read(relative);
        String after = change.apply(before);
        if (after.equals(before)) {
            throw new IllegalStateException("the edit changed nothing in " + relative);
        }
        write(relative, after);
    }

    /** Replaces 1-based line {@code number} of a file. */
    void replaceLine(String relative, int number, String line) {
        edit(relative, text -> {
            String[] lines = text.split("\n", -1);
            lines[number - 1] = line;
            return String.join("\n", lines);
        });
    }

    /** Inserts a line so that it becomes line {@code number}. */
    void insertLine(String relative, int number, String line) {
        edit(relative, text -> {
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            lines.add(number - 1, line);
            return String.join("\n", lines);
        });
    }

    void deleteLine(String relative, int number) {
        edit(relative, text -> {
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            lines.remove(number - 1);
            return String.join("\n", lines);
        });
    }

    void deleteTree(String relative) {
        try (Stream<Path> paths = Files.walk(path(relative))) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String relative) {
        try {
            Files.delete(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
