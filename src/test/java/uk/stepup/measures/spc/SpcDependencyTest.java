package uk.stepup.measures.spc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The SPC engine is plain Java: no Discord, scheduler, database, JSON, logging or chart library, so it
 * can be tested alone and drawn by any adapter. Checked on the sources (imports and fully qualified
 * names), which needs no class scanning and keeps the build output quiet.
 */
class SpcDependencyTest {

    private static final Path SOURCES = Path.of("src/main/java/uk/stepup/measures/spc");
    /** The shared kernel's CSV port is plain Java too: SpcCsv reads and writes through it, the library is elsewhere. */
    private static final List<String> ALLOWED_IMPORTS = List.of(
            "uk.stepup.measures.spc.",
            "uk.stepup.shared.CsvFormat",
            "uk.stepup.shared.CsvRecord",
            "java.lang.",
            "java.util.",
            "java.time.",
            "java.math.",
            "java.io.",
            "java.nio.");

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern FORBIDDEN_NAME = Pattern.compile(
            "\\b(net\\.dv8tion|org\\.quartz|java\\.sql|javax\\.sql|org\\.flywaydb|com\\.fasterxml|org\\.jfree|java\\.awt"
                    + "|javax\\.swing|picocli|okhttp3|org\\.slf4j|ch\\.qos)\\.");

    @Test
    void engine_imports_only_the_jdk_basics() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(SOURCES)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(files).as("engine sources").isNotEmpty();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher m = IMPORT.matcher(text);
            while (m.find()) {
                String name = m.group(1);
                if (ALLOWED_IMPORTS.stream().noneMatch(name::startsWith)) {
                    problems.add(file.getFileName() + " imports " + name);
                }
            }
            Matcher f = FORBIDDEN_NAME.matcher(text);
            while (f.find()) {
                problems.add(file.getFileName() + " names " + f.group(1));
            }
        }
        assertThat(problems).as("the SPC engine must stay plain Java").isEmpty();
    }
}
