package uk.stepup.curriculum;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import uk.stepup.prompts.YamlFrontMatter;

/** A copy of the project's real prompts/ folder in a temporary folder, for tests that change a file or add some. */
public final class CopiedPrompts {
    /** A made-up framework that no code knows, added by {@link #addDemoFramework}. */
    public static final String DEMO = "demo-2026";

    public static final List<String> DEMO_CODES = List.of("S1", "E1", "C1", "R1", "W1");

    public final Path root;
    public final Path prompts;

    private CopiedPrompts(Path root) {
        this.root = root;
        this.prompts = root.resolve("prompts");
    }

    public static CopiedPrompts into(Path root) {
        CopiedPrompts copy = new CopiedPrompts(root);
        Path from = Path.of("prompts");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = copy.prompts.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    CurriculumLoader.LoadResult load() {
        return new CurriculumLoader(new YamlFrontMatter()).load(prompts);
    }

    /** Problems as validate prints them, with the temporary folder cut off the front. */
    List<String> problems() {
        String prefix = root + File.separator;
        return load().problems().stream()
                .map(p -> p.toString().replace(prefix, "").replace(File.separatorChar, '/'))
                .toList();
    }

    public void write(String relative, String text) {
        try {
            Path file = prompts.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String relative) {
        try {
            return Files.readString(prompts.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String relative) {
        try {
            Files.delete(prompts.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of a file, to edit and write back. */
    List<String> lines(String relative) {
        return new ArrayList<>(read(relative).lines().toList());
    }

    void writeLines(String relative, List<String> lines) {
        write(relative, String.join("\n", lines) + "\n");
    }

    /** Writes demo-2026: five items, each a copy of the KLOE with the same code, and its crosswalk to kloe-2017. */
    public void addDemoFramework() {
        write(
                DEMO + "/framework.yaml",
                "# A made-up framework for tests\ncodes: " + String.join(", ", DEMO_CODES) + "\n");
        for (int i = 0; i < DEMO_CODES.size(); i++) {
            String code = DEMO_CODES.get(i);
            String kloe = read("kloe-2017/" + code + ".md");
            write(
                    DEMO + "/" + code + ".md",
                    kloe.replace("framework: kloe-2017", "framework: " + DEMO)
                            .replaceFirst("\norder: \\d+\n", "\norder: " + (i + 1) + "\n"));
        }
        write(
                "crosswalks/" + DEMO + "-kloe-2017.yaml",
                String.join(
                        "\n",
                        "from: " + DEMO,
                        "to: kloe-2017",
                        "S1: S1, S2, S3, S4, S5, S6",
                        "E1: E1, E2, E3, E4, E5, E6, E7",
                        "C1: C1, C2, C3",
                        "R1: R1, R2, R3",
                        "W1: W1, W2, W3, W4, W5",
                        ""));
    }
}
