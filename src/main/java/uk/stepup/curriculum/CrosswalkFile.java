package uk.stepup.curriculum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and checks one crosswalk file: {@code from:} and {@code to:} name two frameworks, then one line per item of
 * {@code from}, its code and the codes of {@code to} it maps to, separated by commas ({@code S2: QS-S2, QS-S4}).
 * Every item of both frameworks must appear, each {@code from} item on one line only. The YAML is read through the
 * {@link FrontMatter} port (the same {@code key: value} reading as a prompt's front matter).
 */
final class CrosswalkFile {
    private static final String FROM = "from";
    private static final String TO = "to";

    private final String file;
    private final List<CurriculumProblem> problems = new ArrayList<>();

    private CrosswalkFile(String file) {
        this.file = file;
    }

    /**
     * The pair of frameworks {@code text} (the content of {@code file}) links, with its links; {@code frameworks}
     * are the frameworks found, by id. A file naming a framework in {@code unreadable} (its folder is there but has
     * problems of its own, already reported) is skipped without a word. Problems go to {@code sink}; a pair comes
     * back only when there are none.
     */
    static Optional<Crosswalk.Pair> read(
            String file,
            String text,
            FrontMatter frontMatter,
            Map<String, Frameworks.Spec> frameworks,
            Set<String> unreadable,
            List<CurriculumProblem> sink) {
        CrosswalkFile reader = new CrosswalkFile(file);
        Optional<Crosswalk.Pair> pair = reader.read(text, frontMatter, frameworks, unreadable);
        sink.addAll(reader.problems);
        return reader.problems.isEmpty() ? pair : Optional.empty();
    }

    private Optional<Crosswalk.Pair> read(
            String text, FrontMatter frontMatter, Map<String, Frameworks.Spec> frameworks, Set<String> unreadable) {
        Map<String, FrontMatter.Entry> header = new HashMap<>();
        List<FrontMatter.Entry> lines = new ArrayList<>();
        for (FrontMatter.Entry e : frontMatter.read(text.startsWith("\uFEFF") ? text.substring(1) : text)) {
            if (!e.isKey()) {
                problem(
                        e.line(),
                        "expected 'CODE: CODE, CODE' here, like 'S2: QS-S2, QS-S4'"
                                + (e.hint().isEmpty() ? "" : "; " + e.hint()));
            } else if (e.key().equals(FROM) || e.key().equals(TO)) {
                FrontMatter.Entry first = header.putIfAbsent(e.key(), e);
                if (first != null) {
                    problem(e.line(), e.key() + " is given twice (first on line " + first.line() + "); keep one");
                }
            } else {
                lines.add(e);
            }
        }
        if (problems.isEmpty() && header.values().stream().anyMatch(e -> unreadable.contains(e.value()))) {
            return Optional.empty();
        }
        Optional<Frameworks.Spec> from = framework(header.get(FROM), FROM, frameworks);
        Optional<Frameworks.Spec> to = framework(header.get(TO), TO, frameworks);
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        if (from.get().id().equals(to.get().id())) {
            problem(header.get(TO).line(), "to names the same framework as from; a crosswalk links two frameworks");
            return Optional.empty();
        }
        return Optional.of(links(from.get(), to.get(), lines));
    }

    private Optional<Frameworks.Spec> framework(
            FrontMatter.Entry entry, String key, Map<String, Frameworks.Spec> frameworks) {
        String known = String.join(", ", frameworks.keySet());
        if (entry == null) {
            problem(
                    0,
                    "no '" + key + ":' line; start the file with 'from:' and 'to:', each naming a framework (" + known
                            + ")");
            return Optional.empty();
        }
        Frameworks.Spec spec = frameworks.get(entry.value());
        if (spec == null) {
            problem(
                    entry.line(),
                    "unknown framework \"" + entry.value() + "\" in " + key + "; the frameworks are the folders here: "
                            + known);
        }
        return Optional.ofNullable(spec);
    }

    private Crosswalk.Pair links(Frameworks.Spec from, Frameworks.Spec to, List<FrontMatter.Entry> lines) {
        Map<String, List<String>> links = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        Set<String> reached = new LinkedHashSet<>();
        for (FrontMatter.Entry e : lines) {
            Optional<String> code = codeOf(from, e.key());
            if (code.isEmpty()) {
                boolean other = codeOf(to, e.key()).isPresent();
                problem(
                        e.line(),
                        "unknown " + from.id() + " code \"" + e.key() + "\""
                                + (other
                                        ? "; it is a " + to.id() + " code, but each line starts with a " + from.id()
                                                + " code (from: " + from.id() + ") and lists the " + to.id()
                                                + " codes it maps to"
                                        : "; lines start with one of "
                                                + from.fileRange().replace(".md", "")));
                continue;
            }
            Integer first = lineOf.putIfAbsent(code.get(), e.line());
            if (first != null) {
                problem(
                        e.line(),
                        code.get() + " is mapped again (first on line " + first + "); put all its " + to.id()
                                + " codes on one line");
                continue;
            }
            List<String> targets = new ArrayList<>();
            for (String part : e.value().split(",", -1)) {
                String written = part.strip();
                Optional<String> target = codeOf(to, written);
                if (written.isEmpty()) {
                    problem(
                            e.line(),
                            code.get() + " has an empty entry; list " + to.id() + " codes separated by commas");
                } else if (target.isEmpty()) {
                    problem(
                            e.line(),
                            "unknown " + to.id() + " code \"" + written + "\" for " + code.get() + " (use "
                                    + to.fileRange().replace(".md", "") + ")");
                } else if (targets.contains(target.get())) {
                    problem(e.line(), code.get() + " lists " + target.get() + " twice");
                } else {
                    targets.add(target.get());
                }
            }
            reached.addAll(targets);
            links.put(code.get(), targets);
        }
        List<String> unmapped =
                from.codes().stream().filter(c -> !lineOf.containsKey(c)).toList();
        if (!unmapped.isEmpty()) {
            problem(
                    0,
                    from.id() + " items left unmapped: " + String.join(", ", unmapped) + "; give each a line 'CODE: "
                            + to.id() + " codes'");
        }
        List<String> unreached =
                to.codes().stream().filter(c -> !reached.contains(c)).toList();
        if (!unreached.isEmpty() && problems.isEmpty()) {
            problem(
                    0,
                    to.id() + " items left unmapped: " + String.join(", ", unreached) + "; add each to the line of the "
                            + from.id() + " item it matches");
        }
        return new Crosswalk.Pair(from.id(), to.id(), links);
    }

    private static Optional<String> codeOf(Frameworks.Spec spec, String written) {
        String wanted = written.strip().toUpperCase(Locale.ROOT);
        return spec.codes().stream()
                .filter(c -> c.toUpperCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    private void problem(int line, String message) {
        problems.add(new CurriculumProblem(file, line, message));
    }
}
