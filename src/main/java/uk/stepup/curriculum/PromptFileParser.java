package uk.stepup.curriculum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import uk.stepup.shared.KeyQuestion;

/**
 * Reads one prompt file: front matter, then the five {@code ##} sections. Every problem names the line to fix;
 * the item comes back only when the file has none. The format is documented in prompts/README.md.
 */
final class PromptFileParser {

    /** The title heads a Discord embed. */
    static final int TITLE_LIMIT = 80;
    /** A section becomes one embed field (Discord allows 1024 characters). */
    static final int SECTION_LIMIT = 900;
    /** The whole body must fit one embed (Discord allows 6000 characters in all). */
    static final int BODY_LIMIT = 3600;

    static final int MIN_BULLETS = 3;
    static final int MAX_BULLETS = 5;

    /** A file that parsed cleanly, with the line of its order key so the loader can point at duplicates. */
    record Parsed(CurriculumItem item, int orderLine) {}

    enum Section {
        WHY("Why it matters", false),
        QUESTIONS("Reflective questions", true),
        OUTSTANDING("What Outstanding looks like", true),
        EVIDENCE("Evidence ideas", true),
        ACTION("This week's action", false);

        final String heading;
        final boolean list;

        Section(String heading, boolean list) {
            this.heading = heading;
            this.list = list;
        }

        /** Forgives case, extra spaces, a trailing colon and a typographic apostrophe (phones insert them). */
        static Optional<Section> match(String text) {
            String wanted = normalise(text);
            return Arrays.stream(values())
                    .filter(s -> normalise(s.heading).equals(wanted))
                    .findFirst();
        }

        static String names() {
            return Arrays.stream(values()).map(s -> s.heading).collect(Collectors.joining(", "));
        }

        private static String normalise(String text) {
            String t = text.strip().replace('\u2019', '\'').replace('\u2018', '\'');
            if (t.endsWith(":")) {
                t = t.substring(0, t.length() - 1);
            }
            return t.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        }
    }

    private static final List<String> REQUIRED_KEYS = List.of("code", "framework", "key_question", "title", "order");
    private static final String KLOE_KEY = "kloe";
    private static final Pattern HEADING = Pattern.compile("(#+)\\s*(.*)");

    private record Entry(String value, int line) {}

    private record Line(int number, String text) {}

    /** A section's content: a paragraph or a list of bullets, depending on the section. */
    private record Content(String paragraph, List<String> bullets) {}

    private static final class SectionText {
        final Section section;
        final int line;
        final List<Line> lines = new ArrayList<>();

        SectionText(Section section, int line) {
            this.section = section;
            this.line = line;
        }
    }

    private final Frameworks.Spec spec;
    private final FrontMatter frontMatter;
    private final String file;
    private final String fileCode;
    private final List<CurriculumProblem> problems = new ArrayList<>();

    private PromptFileParser(Frameworks.Spec spec, FrontMatter frontMatter, String file, String fileCode) {
        this.spec = spec;
        this.frontMatter = frontMatter;
        this.file = file;
        this.fileCode = fileCode;
    }

    /**
     * Parses {@code text}, the content of {@code file}, whose name (without .md) is {@code fileCode}, a code of
     * {@code spec}; {@code frontMatter} reads its YAML. Problems are added to {@code sink}.
     */
    static Optional<Parsed> parse(
            Frameworks.Spec spec,
            FrontMatter frontMatter,
            String file,
            String fileCode,
            String text,
            List<CurriculumProblem> sink) {
        PromptFileParser parser = new PromptFileParser(spec, frontMatter, file, fileCode);
        Optional<Parsed> parsed = parser.parse(text);
        sink.addAll(parser.problems);
        return parser.problems.isEmpty() ? parsed : Optional.empty();
    }

    private Optional<Parsed> parse(String text) {
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\\R", -1);
        if (!lines[0].strip().equals("---")) {
            problem(
                    1,
                    "a prompt file starts with a line '---', then its keys (code, framework, key_question, "
                            + "title, order), then another '---'");
            return Optional.empty();
        }
        int close = -1;
        for (int i = 1; i < lines.length && close < 0; i++) {
            if (lines[i].strip().equals("---")) {
                close = i;
            }
        }
        if (close < 0) {
            problem(1, "the front matter opened here is never closed; add a line '---' after the last key");
            return Optional.empty();
        }

        Map<String, Entry> keys = readKeys(lines, close);
        String code = checkCode(keys.get("code"));
        checkFramework(keys.get("framework"));
        KeyQuestion keyQuestion = checkKeyQuestion(keys.get("key_question"));
        String title = checkTitle(keys.get("title"));
        int order = checkOrder(keys.get("order"));
        List<String> kloeLinks = checkKloeLinks(keys.get(KLOE_KEY));

        Map<Section, Content> content = readBody(lines, close);
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        CurriculumItem item = new CurriculumItem(
                spec.id(),
                code,
                keyQuestion,
                title,
                order,
                kloeLinks,
                content.get(Section.WHY).paragraph(),
                content.get(Section.QUESTIONS).bullets(),
                content.get(Section.OUTSTANDING).bullets(),
                content.get(Section.EVIDENCE).bullets(),
                content.get(Section.ACTION).paragraph(),
                file);
        return Optional.of(new Parsed(item, keys.get("order").line()));
    }

    // ---- front matter ----

    private Map<String, Entry> readKeys(String[] lines, int close) {
        List<String> allowed = new ArrayList<>(REQUIRED_KEYS);
        if (spec.linksToKloe()) {
            allowed.add(KLOE_KEY);
        }
        Map<String, Entry> keys = new LinkedHashMap<>();
        String yaml = String.join("\n", Arrays.asList(lines).subList(1, close));
        for (FrontMatter.Entry e : frontMatter.read(yaml)) {
            int lineNo = e.line() + 1;
            if (!e.isKey()) {
                problem(
                        lineNo,
                        "expected 'key: value' here, like 'order: 3'"
                                + (e.hint().isEmpty() ? "" : "; " + e.hint()));
                continue;
            }
            String key = e.key();
            String value = e.value();
            if (key.equals(KLOE_KEY) && !spec.linksToKloe()) {
                problem(lineNo, "the key \"kloe\" only belongs in " + Frameworks.SAF_2023 + " files; remove this line");
                continue;
            }
            if (!allowed.contains(key)) {
                problem(lineNo, "unknown key \"" + key + "\" (the keys are " + String.join(", ", allowed) + ")");
                continue;
            }
            Entry first = keys.get(key);
            if (first != null) {
                problem(lineNo, "key \"" + key + "\" appears twice (first on line " + first.line() + "); keep one");
                continue;
            }
            if (value.isEmpty()) {
                problem(lineNo, "key \"" + key + "\" has no value");
            }
            keys.put(key, new Entry(value, lineNo));
        }
        for (String key : REQUIRED_KEYS) {
            if (!keys.containsKey(key)) {
                problem(close + 1, "missing key \"" + key + "\"; add it to the front matter above this line");
            }
        }
        return keys;
    }

    /** Returns the value when the key is present and non-empty, else null (the problem is already reported). */
    private static String valueOf(Entry entry) {
        return entry == null || entry.value().isEmpty() ? null : entry.value();
    }

    private String checkCode(Entry entry) {
        String code = valueOf(entry);
        if (code != null && !code.equals(fileCode)) {
            problem(
                    entry.line(),
                    "code \"" + code + "\" does not match the file name " + fileCode + ".md; make them the same");
        }
        return fileCode;
    }

    private void checkFramework(Entry entry) {
        String framework = valueOf(entry);
        if (framework != null && !framework.equals(spec.id())) {
            problem(
                    entry.line(),
                    "framework \"" + framework + "\" does not match the folder " + spec.id()
                            + " this file is in; fix the key or move the file");
        }
    }

    private KeyQuestion checkKeyQuestion(Entry entry) {
        String text = valueOf(entry);
        if (text == null) {
            return null;
        }
        Optional<KeyQuestion> parsed = KeyQuestion.parse(text);
        if (parsed.isEmpty()) {
            List<String> labels =
                    Arrays.stream(KeyQuestion.values()).map(KeyQuestion::label).toList();
            problem(
                    entry.line(),
                    "unknown key_question \"" + text + "\" (use "
                            + String.join(", ", labels.subList(0, labels.size() - 1)) + " or "
                            + labels.get(labels.size() - 1)
                            + ")");
            return null;
        }
        KeyQuestion expected = spec.keyQuestionOf(fileCode).orElseThrow();
        if (parsed.get() != expected) {
            problem(
                    entry.line(),
                    "key_question " + parsed.get().label() + " does not match code " + fileCode + ", which belongs to "
                            + expected.label());
        }
        return parsed.get();
    }

    private String checkTitle(Entry entry) {
        String title = valueOf(entry);
        if (title != null && title.length() > TITLE_LIMIT) {
            problem(
                    entry.line(),
                    "title is " + title.length() + " characters; keep it within " + TITLE_LIMIT
                            + " (it heads the Discord message)");
        }
        return title;
    }

    private int checkOrder(Entry entry) {
        String text = valueOf(entry);
        if (text == null) {
            return 0;
        }
        int size = spec.codes().size();
        int order;
        try {
            order = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            problem(entry.line(), "order \"" + text + "\" is not a whole number; use a number from 1 to " + size);
            return 0;
        }
        if (order < 1 || order > size) {
            problem(
                    entry.line(),
                    "order " + order + " is outside 1 to " + size + "; give each prompt its own number in that range");
        }
        return order;
    }

    private List<String> checkKloeLinks(Entry entry) {
        String text = valueOf(entry);
        List<String> links = new ArrayList<>();
        if (text == null) {
            return links;
        }
        List<String> known = Frameworks.KLOE.codes();
        for (String part : text.split(",", -1)) {
            String code = part.strip().toUpperCase(Locale.ROOT);
            if (code.isEmpty()) {
                problem(
                        entry.line(),
                        "kloe has an empty entry; list KLOE codes separated by commas, like 'kloe: S2, E6'");
            } else if (!known.contains(code)) {
                problem(
                        entry.line(),
                        "unknown KLOE code \"" + part.strip() + "\" in kloe (use " + known.get(0) + " … "
                                + known.get(known.size() - 1) + ", separated by commas)");
            } else if (links.contains(code)) {
                problem(entry.line(), "kloe lists " + code + " twice");
            } else {
                links.add(code);
            }
        }
        return links;
    }

    // ---- body ----

    /** Reads the five sections, checking headings, lengths and the shape of each section. */
    private Map<Section, Content> readBody(String[] lines, int close) {
        Map<Section, SectionText> found = new EnumMap<>(Section.class);
        SectionText current = null;
        boolean skipping = false;
        boolean strayReported = false;
        int firstBodyLine = 0;
        int lastBodyLine = close + 1;
        for (int i = close + 1; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].stripTrailing();
            String stripped = line.strip();
            if (!stripped.isEmpty()) {
                firstBodyLine = firstBodyLine == 0 ? lineNo : firstBodyLine;
                lastBodyLine = lineNo;
            }
            if (stripped.startsWith("#")) {
                Matcher m = HEADING.matcher(stripped);
                m.matches();
                String name = m.group(2).strip();
                Optional<Section> section = Section.match(name);
                if (m.group(1).length() != 2) {
                    if (section.isEmpty()) {
                        problem(
                                lineNo,
                                "the only headings are the five '## ' sections; remove this line or make "
                                        + "it plain text");
                        continue;
                    }
                    problem(lineNo, "write section headings with two #: '## " + section.get().heading + "'");
                }
                if (section.isEmpty()) {
                    problem(lineNo, "unknown section \"" + name + "\" (the sections are " + Section.names() + ")");
                    current = null;
                    skipping = true;
                } else if (found.containsKey(section.get())) {
                    problem(
                            lineNo,
                            "section \"" + section.get().heading + "\" appears twice (first on line "
                                    + found.get(section.get()).line + "); merge them");
                    current = null;
                    skipping = true;
                } else {
                    current = new SectionText(section.get(), lineNo);
                    found.put(section.get(), current);
                    skipping = false;
                }
            } else if (current != null) {
                current.lines.add(new Line(lineNo, line));
            } else if (!skipping && !stripped.isEmpty() && !strayReported) {
                problem(lineNo, "text before the first section; start the body with '## " + Section.WHY.heading + "'");
                strayReported = true;
            }
        }

        String body = String.join("\n", Arrays.asList(lines).subList(close + 1, lines.length))
                .strip();
        if (body.length() > BODY_LIMIT) {
            problem(
                    firstBodyLine,
                    "the text below the front matter is " + body.length() + " characters; keep it "
                            + "within " + BODY_LIMIT + " so the prompt fits one Discord message (cut about "
                            + (body.length() - BODY_LIMIT) + ")");
        }

        Map<Section, Content> content = new EnumMap<>(Section.class);
        for (Section section : Section.values()) {
            SectionText text = found.get(section);
            if (text == null) {
                reportMissing(section, found, lastBodyLine);
            } else {
                checkLength(text);
                content.put(
                        section,
                        section.list
                                ? new Content("", readBullets(text))
                                : new Content(readParagraph(text), List.of()));
            }
        }
        return content;
    }

    /** Points at the heading the missing section should come before, or at the end of the file. */
    private void reportMissing(Section section, Map<Section, SectionText> found, int lastLine) {
        for (Section later : Section.values()) {
            if (later.ordinal() > section.ordinal() && found.containsKey(later)) {
                problem(
                        found.get(later).line,
                        "missing section '## " + section.heading + "'; add it before this heading");
                return;
            }
        }
        problem(lastLine, "missing section '## " + section.heading + "'; add it at the end of the file");
    }

    private void checkLength(SectionText text) {
        String joined = text.lines.stream()
                .map(Line::text)
                .collect(Collectors.joining("\n"))
                .strip();
        if (joined.length() > SECTION_LIMIT) {
            problem(
                    text.line,
                    "section \"" + text.section.heading + "\" is " + joined.length() + " characters; keep it "
                            + "within " + SECTION_LIMIT + " (cut about " + (joined.length() - SECTION_LIMIT) + ")");
        }
    }

    private String readParagraph(SectionText text) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        boolean listReported = false;
        for (Line line : text.lines) {
            String t = line.text().strip();
            if (t.isEmpty()) {
                if (paragraph.length() > 0) {
                    paragraphs.add(paragraph.toString());
                    paragraph.setLength(0);
                }
            } else if (isBullet(t)) {
                if (!listReported) {
                    problem(
                            line.number(),
                            "\"" + text.section.heading + "\" is a short paragraph, not a list; "
                                    + "remove the '- ' and write it as sentences");
                    listReported = true;
                }
            } else {
                paragraph.append(paragraph.length() > 0 ? " " : "").append(t);
            }
        }
        if (paragraph.length() > 0) {
            paragraphs.add(paragraph.toString());
        }
        if (paragraphs.isEmpty() && !listReported) {
            problem(text.line, "section \"" + text.section.heading + "\" is empty; write a short paragraph under it");
        }
        return String.join("\n\n", paragraphs);
    }

    private List<String> readBullets(SectionText text) {
        String heading = text.section.heading;
        List<String> bullets = new ArrayList<>();
        List<Integer> bulletLines = new ArrayList<>();
        StringBuilder bullet = null;
        int before = problems.size();
        for (Line line : text.lines) {
            String raw = line.text();
            String t = raw.strip();
            if (t.isEmpty()) {
                continue;
            }
            boolean indented = Character.isWhitespace(raw.charAt(0));
            if (isBullet(t)) {
                String item = t.substring(1).strip();
                if (indented) {
                    problem(
                            line.number(),
                            "nested bullets are not used; start this bullet at the beginning of the line");
                } else if (item.isEmpty()) {
                    problem(line.number(), "empty bullet; write something after '- ' or delete the line");
                } else {
                    if (bullet != null) {
                        bullets.add(bullet.toString());
                    }
                    bullet = new StringBuilder(item);
                    bulletLines.add(line.number());
                }
            } else if (indented && bullet != null) {
                bullet.append(' ').append(t);
            } else {
                problem(
                        line.number(),
                        "expected a bullet starting with '- ' (\"" + heading + "\" is a list of " + MIN_BULLETS + " to "
                                + MAX_BULLETS + " bullets)");
            }
        }
        if (bullet != null) {
            bullets.add(bullet.toString());
        }
        if (problems.size() > before) {
            return bullets;
        }
        if (bullets.isEmpty()) {
            problem(
                    text.line,
                    "section \"" + heading + "\" is empty; add " + MIN_BULLETS + " to " + MAX_BULLETS
                            + " bullets starting with '- '");
        } else if (bullets.size() < MIN_BULLETS) {
            problem(
                    text.line,
                    "\"" + heading + "\" has " + bullets.size() + " bullet" + (bullets.size() == 1 ? "" : "s")
                            + "; write " + MIN_BULLETS + " to " + MAX_BULLETS);
        } else if (bullets.size() > MAX_BULLETS) {
            problem(
                    bulletLines.get(MAX_BULLETS),
                    "\"" + heading + "\" has " + bullets.size() + " bullets; keep " + MIN_BULLETS + " to " + MAX_BULLETS
                            + " (this is bullet " + (MAX_BULLETS + 1) + ")");
        }
        return bullets;
    }

    private static boolean isBullet(String stripped) {
        return stripped.equals("-") || stripped.equals("*") || stripped.startsWith("- ") || stripped.startsWith("* ");
    }

    private void problem(int line, String message) {
        problems.add(new CurriculumProblem(file, line, message));
    }
}
