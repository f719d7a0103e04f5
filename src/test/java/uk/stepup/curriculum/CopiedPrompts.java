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
final class CopiedPrompts {
    final Path root;
    final Path prompts;

    private CopiedPrompts(Path root) {
        this.root = root;
        this.prompts = root.resolve("prompts");
    }

    static CopiedPrompts into(Path root) {
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

    void write(String relative, String text) {
        try {
            Path file = prompts.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(String relative) {
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
}
