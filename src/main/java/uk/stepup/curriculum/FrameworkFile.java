package uk.stepup.curriculum;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@value Frameworks#DESCRIPTOR} of a framework added as files: one line {@code codes: S1, S2, …} listing
 * its codes in CQC's order (comment lines starting with {@code #} are allowed). Every code shares one prefix and ends
 * in a key question's letter and a number, so each prompt's {@code key_question} can be checked against its code as
 * for the built-in frameworks.
 */
final class FrameworkFile {
    private static final String CODES = "codes";

    private FrameworkFile() {}

    /** The framework {@code id} described by {@code text} (the content of {@code file}); problems go to {@code sink}. */
    static Optional<Frameworks.Spec> read(
            String id, String file, String text, FrontMatter frontMatter, List<CurriculumProblem> sink) {
        List<CurriculumProblem> problems = new ArrayList<>();
        FrontMatter.Entry codesLine = null;
        for (FrontMatter.Entry e : frontMatter.read(text.startsWith("\uFEFF") ? text.substring(1) : text)) {
            if (!e.isKey()) {
                problems.add(new CurriculumProblem(
                        file,
                        e.line(),
                        "expected 'codes: S1, S2, …' here" + (e.hint().isEmpty() ? "" : "; " + e.hint())));
            } else if (!e.key().equals(CODES)) {
                problems.add(new CurriculumProblem(
                        file,
                        e.line(),
                        "unknown key \"" + e.key() + "\"; " + Frameworks.DESCRIPTOR + " has one key, codes"));
            } else if (codesLine != null) {
                problems.add(new CurriculumProblem(
                        file, e.line(), "codes is given twice (first on line " + codesLine.line() + "); keep one"));
            } else {
                codesLine = e;
            }
        }
        if (codesLine == null) {
            if (problems.isEmpty()) {
                problems.add(new CurriculumProblem(
                        file, 0, "no codes; add a line 'codes: S1, S2, …' listing the framework's codes in order"));
            }
            sink.addAll(problems);
            return Optional.empty();
        }
        int line = codesLine.line();
        Set<String> codes = new LinkedHashSet<>();
        String prefix = null;
        for (String part : codesLine.value().split(",", -1)) {
            String code = part.strip();
            if (code.isEmpty()) {
                problems.add(new CurriculumProblem(
                        file, line, "codes has an empty entry; separate the codes with single commas"));
            } else if (!Frameworks.CODE.matcher(code).matches()) {
                problems.add(new CurriculumProblem(
                        file,
                        line,
                        "\"" + code + "\" is not a code; a code is an optional prefix like QS-, then S, E, C, R or W"
                                + " for its key question, then a number: S1, QS-W8"));
            } else if (!codes.add(code)) {
                problems.add(new CurriculumProblem(file, line, "codes lists " + code + " twice"));
            } else {
                String its = code.substring(0, code.lastIndexOf(letterOf(code)));
                if (prefix == null) {
                    prefix = its;
                } else if (!prefix.equals(its)) {
                    problems.add(new CurriculumProblem(
                            file,
                            line,
                            code + " does not start like the first code (" + (prefix.isEmpty() ? "no prefix" : prefix)
                                    + "); every code of a framework shares one prefix"));
                }
            }
        }
        sink.addAll(problems);
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Frameworks.Spec(id, prefix, List.copyOf(codes), false));
    }

    /** The key question's letter: the last letter before the number. */
    private static String letterOf(String code) {
        int i = code.length() - 1;
        while (Character.isDigit(code.charAt(i))) {
            i--;
        }
        return String.valueOf(code.charAt(i));
    }
}
