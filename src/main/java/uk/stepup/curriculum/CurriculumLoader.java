package uk.stepup.curriculum;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads and checks the prompts folder: {@code kloe-2017/} (24 files) and {@code saf-2023/} (34 files), each file
 * named by its code; any framework added as files (a folder with a {@code framework.yaml}); and the crosswalk files
 * in {@code crosswalks/} that map items between frameworks. Nothing is thrown for a coach's mistake: every problem comes back as a
 * {@link CurriculumProblem} pointing at the line to fix.
 */
public final class CurriculumLoader {
    private final FrontMatter frontMatter;

    /** {@code frontMatter} reads each file's front matter (YAML). */
    public CurriculumLoader(FrontMatter frontMatter) {
        this.frontMatter = frontMatter;
    }

    /**
     * What was loaded, and what is wrong. The curricula are complete only when {@link #ok()}. {@code crosswalk} maps
     * items between the frameworks found, from the files in {@code crosswalks/} (only the files without problems).
     */
    public record LoadResult(Map<String, Curriculum> curricula, List<CurriculumProblem> problems, Crosswalk crosswalk) {

        public LoadResult {
            curricula = Collections.unmodifiableMap(new LinkedHashMap<>(curricula));
            problems = List.copyOf(problems);
            Objects.requireNonNull(crosswalk, "crosswalk");
        }

        public boolean ok() {
            return problems.isEmpty();
        }

        /** The curriculum of one framework ({@code kloe-2017} or {@code saf-2023}), if its folder was found. */
        public Optional<Curriculum> curriculum(String framework) {
            return Optional.ofNullable(curricula.get(framework));
        }
    }

    private static final String PROMPTS = "prompts";
    private static final String README = "README.md";

    /**
     * Where the prompts are when nobody says: {@code prompts/} in the working directory, else {@code prompts/}
     * beside the running jar or one folder up from it (so {@code java -jar target/stepup-bot.jar} finds the
     * project's prompts from anywhere). Falls back to {@code prompts}, which then fails to load with a message
     * saying to run from the project root or pass {@code --prompts DIR}.
     */
    public static Path defaultPromptsDir() {
        Path here = Path.of(PROMPTS);
        if (Files.isDirectory(here)) {
            return here;
        }
        return jarFolder()
                .flatMap(jar -> Stream.of(jar.resolve(PROMPTS), jar.resolveSibling(PROMPTS))
                        .filter(Files::isDirectory)
                        .findFirst())
                .orElse(here);
    }

    private static Optional<Path> jarFolder() {
        try {
            CodeSource source = CurriculumLoader.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            return Optional.ofNullable(Files.isDirectory(location) ? location : location.getParent());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Loads every framework folder under {@code promptsDir}; paths in problems start with it as given. */
    public LoadResult load(Path promptsDir) {
        List<CurriculumProblem> problems = new ArrayList<>();
        Map<String, Curriculum> curricula = new LinkedHashMap<>();
        if (!Files.isDirectory(promptsDir)) {
            problems.add(new CurriculumProblem(
                    promptsDir.toString(),
                    0,
                    "prompts folder not found; run the bot " + "from the project root or pass --prompts DIR"));
            return new LoadResult(curricula, problems, Crosswalk.none(Map.of()));
        }
        List<Frameworks.Spec> added = new ArrayList<>();
        Set<String> unreadable = new HashSet<>(); // framework folders found but not read: already reported
        for (Path entry : list(promptsDir, problems)) {
            String name = entry.getFileName().toString();
            if (Files.isDirectory(entry)) {
                if (Frameworks.byId(name).isEmpty() && !name.equals(Frameworks.CROSSWALKS)) {
                    Optional<Frameworks.Spec> spec = addedFramework(entry, problems);
                    spec.ifPresent(added::add);
                    if (spec.isEmpty()) {
                        unreadable.add(name);
                    }
                }
            } else if (!name.equals(README)) {
                problems.add(new CurriculumProblem(
                        entry.toString(),
                        0,
                        "unexpected file; the prompts folder holds " + README + ", the folders "
                                + Frameworks.names() + " (and any framework added as files), and "
                                + Frameworks.CROSSWALKS
                                + "/"));
            }
        }
        Map<String, Frameworks.Spec> found = new LinkedHashMap<>();
        for (Frameworks.Spec spec : Frameworks.ALL) {
            Path folder = promptsDir.resolve(spec.id());
            if (!Files.isDirectory(folder)) {
                problems.add(new CurriculumProblem(
                        folder.toString(),
                        0,
                        "folder missing; it should hold the " + spec.codes().size() + " prompt files "
                                + spec.fileRange()));
                unreadable.add(spec.id());
            } else {
                found.put(spec.id(), spec);
                curricula.put(spec.id(), loadFramework(spec, folder, problems));
            }
        }
        for (Frameworks.Spec spec : added) {
            found.put(spec.id(), spec);
            curricula.put(spec.id(), loadFramework(spec, promptsDir.resolve(spec.id()), problems));
        }
        Crosswalk crosswalk =
                loadCrosswalks(promptsDir.resolve(Frameworks.CROSSWALKS), found, unreadable, curricula, problems);
        return new LoadResult(curricula, problems, crosswalk);
    }

    /**
     * A folder that is not a built-in framework: a framework added as files when it holds a
     * {@value Frameworks#DESCRIPTOR} and is named like one, else an unknown folder.
     */
    private Optional<Frameworks.Spec> addedFramework(Path folder, List<CurriculumProblem> problems) {
        String name = folder.getFileName().toString();
        Path descriptor = folder.resolve(Frameworks.DESCRIPTOR);
        if (!Files.isRegularFile(descriptor)) {
            problems.add(new CurriculumProblem(
                    folder.toString(),
                    0,
                    "unknown folder; the prompt folders are " + Frameworks.names() + " (a new framework's folder"
                            + " holds a " + Frameworks.DESCRIPTOR + " listing its codes; see " + README + ")"));
            return Optional.empty();
        }
        if (!Frameworks.ID.matcher(name).matches()) {
            problems.add(new CurriculumProblem(
                    folder.toString(),
                    0,
                    "a framework's folder is named by its id: lower case words joined by hyphens, like asc-2026"));
            return Optional.empty();
        }
        return readText(descriptor, descriptor.toString(), problems)
                .flatMap(text -> FrameworkFile.read(name, descriptor.toString(), text, frontMatter, problems));
    }

    /**
     * Reads every crosswalk file ({@code *.yaml}) in {@code folder}, if there is one. A pair of frameworks is linked by
     * one file only; where kloe-2017 and saf-2023 are linked, each quality statement's {@code kloe:} key must agree.
     */
    private Crosswalk loadCrosswalks(
            Path folder,
            Map<String, Frameworks.Spec> frameworks,
            Set<String> unreadable,
            Map<String, Curriculum> curricula,
            List<CurriculumProblem> problems) {
        Map<String, List<String>> codes = new LinkedHashMap<>();
        frameworks.forEach((id, spec) -> codes.put(id, spec.codes()));
        if (!Files.isDirectory(folder)) {
            return Crosswalk.none(codes);
        }
        List<Crosswalk.Pair> pairs = new ArrayList<>();
        Map<Set<String>, String> fileOfPair = new HashMap<>();
        for (Path entry : list(folder, problems)) {
            String name = entry.getFileName().toString();
            String file = entry.toString();
            if (name.equals(README)) {
                continue;
            }
            if (Files.isDirectory(entry) || !name.endsWith(".yaml")) {
                problems.add(new CurriculumProblem(
                        file,
                        0,
                        "unexpected " + (Files.isDirectory(entry) ? "folder" : "file") + "; "
                                + Frameworks.CROSSWALKS + "/ holds crosswalk files named like"
                                + " kloe-2017-saf-2023.yaml, and " + README));
                continue;
            }
            Optional<Crosswalk.Pair> pair = readText(entry, file, problems)
                    .flatMap(text -> CrosswalkFile.read(file, text, frontMatter, frameworks, unreadable, problems));
            if (pair.isEmpty()) {
                continue;
            }
            String first =
                    fileOfPair.putIfAbsent(Set.of(pair.get().from(), pair.get().to()), file);
            if (first != null) {
                problems.add(new CurriculumProblem(
                        file,
                        0,
                        "duplicate crosswalk: " + first + " already links "
                                + pair.get().from() + " and " + pair.get().to()
                                + "; keep one file per pair of frameworks"));
                continue;
            }
            pairs.add(pair.get());
        }
        Crosswalk crosswalk = new Crosswalk(codes, pairs);
        checkKloeKeys(crosswalk, fileOfPair, curricula, problems);
        return crosswalk;
    }

    /** Each quality statement's {@code kloe:} key lists the KLOEs the crosswalk maps it to. */
    private static void checkKloeKeys(
            Crosswalk crosswalk,
            Map<Set<String>, String> fileOfPair,
            Map<String, Curriculum> curricula,
            List<CurriculumProblem> problems) {
        String file = fileOfPair.get(Set.of(Frameworks.KLOE_2017, Frameworks.SAF_2023));
        Curriculum saf = curricula.get(Frameworks.SAF_2023);
        if (file == null || saf == null) {
            return;
        }
        for (CurriculumItem item : saf.items()) {
            List<String> mapped = crosswalk.map(Frameworks.SAF_2023, item.code(), Frameworks.KLOE_2017);
            if (!item.kloeLinks().isEmpty() && !Set.copyOf(item.kloeLinks()).equals(Set.copyOf(mapped))) {
                problems.add(new CurriculumProblem(
                        item.sourceFile(),
                        0,
                        "kloe: " + String.join(", ", item.kloeLinks()) + " disagrees with " + file + ", which maps "
                                + item.code() + " to " + (mapped.isEmpty() ? "nothing" : String.join(", ", mapped))
                                + "; make them agree"));
            }
        }
    }

    private Curriculum loadFramework(Frameworks.Spec spec, Path folder, List<CurriculumProblem> problems) {
        List<PromptFileParser.Parsed> parsed = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (Path entry : list(folder, problems)) {
            String name = entry.getFileName().toString();
            String file = entry.toString();
            if (Files.isDirectory(entry)) {
                problems.add(new CurriculumProblem(
                        file, 0, "unexpected folder; prompt files sit directly in " + spec.id() + "/"));
                continue;
            }
            if (name.equals(README) || (spec.addedAsFiles() && name.equals(Frameworks.DESCRIPTOR))) {
                continue;
            }
            if (!name.endsWith(".md")) {
                problems.add(new CurriculumProblem(
                        file,
                        0,
                        "unexpected file; only the prompt files " + spec.fileRange() + " and " + README + " belong in "
                                + spec.id() + "/"));
                continue;
            }
            String code = name.substring(0, name.length() - ".md".length());
            if (!spec.codes().contains(code)) {
                problems.add(new CurriculumProblem(
                        file,
                        0,
                        "not a " + spec.id() + " prompt; the files are named by " + "code, " + spec.fileRange()
                                + suggestion(spec, code)));
                continue;
            }
            present.add(code);
            readText(entry, file, problems)
                    .flatMap(text -> PromptFileParser.parse(spec, frontMatter, file, code, text, problems))
                    .ifPresent(parsed::add);
        }

        List<String> missing =
                spec.codes().stream().filter(c -> !present.contains(c)).toList();
        if (!missing.isEmpty()) {
            problems.add(new CurriculumProblem(
                    folder.toString(),
                    0,
                    "found " + present.size() + " of "
                            + spec.codes().size() + " prompt files; missing "
                            + String.join(
                                    ", ", missing.stream().map(c -> c + ".md").toList())));
        }
        checkOrders(spec, folder, parsed, missing.isEmpty() && parsed.size() == present.size(), problems);
        return new Curriculum(
                spec.id(), parsed.stream().map(PromptFileParser.Parsed::item).toList());
    }

    /** Each order from 1 to N is used once. Gaps are reported only when every file is present and readable. */
    private static void checkOrders(
            Frameworks.Spec spec,
            Path folder,
            List<PromptFileParser.Parsed> parsed,
            boolean complete,
            List<CurriculumProblem> problems) {
        Map<Integer, CurriculumItem> byOrder = new HashMap<>();
        for (PromptFileParser.Parsed p : parsed) {
            CurriculumItem first = byOrder.putIfAbsent(p.item().order(), p.item());
            if (first != null) {
                problems.add(new CurriculumProblem(
                        p.item().sourceFile(),
                        p.orderLine(),
                        "order " + p.item().order()
                                + " is also used by " + first.code() + ".md; give each prompt its own number from 1 to "
                                + spec.codes().size()));
            }
        }
        if (complete) {
            for (int order = 1; order <= spec.codes().size(); order++) {
                if (!byOrder.containsKey(order)) {
                    problems.add(new CurriculumProblem(
                            folder.toString(),
                            0,
                            "no prompt has order " + order + "; the orders must run from 1 to "
                                    + spec.codes().size() + " with no gaps"));
                }
            }
        }
    }

    private static String suggestion(Frameworks.Spec spec, String code) {
        return spec.codes().stream()
                .filter(c -> c.equalsIgnoreCase(code.strip()))
                .findFirst()
                .map(c -> " (did you mean " + c + ".md?)")
                .orElse("");
    }

    /** Entries sorted by name; hidden files (editor swap files, .DS_Store) are ignored. */
    private static List<Path> list(Path folder, List<CurriculumProblem> problems) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(new CurriculumProblem(folder.toString(), 0, "could not read the folder: " + e.getMessage()));
            return List.of();
        }
    }

    /** The file as UTF-8, or a problem pointing at the line holding the first byte that is not UTF-8. */
    private static Optional<String> readText(Path path, String file, List<CurriculumProblem> problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            problems.add(new CurriculumProblem(file, 0, "could not read the file: " + e.getMessage()));
            return Optional.empty();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            String shown = at < bytes.length ? String.format(Locale.ROOT, " (byte 0x%02X)", bytes[at] & 0xFF) : "";
            problems.add(new CurriculumProblem(file, line, "not valid UTF-8" + shown + "; save the file as UTF-8"));
            return Optional.empty();
        }
        return Optional.of(out.flip().toString());
    }
}
