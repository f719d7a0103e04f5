package uk.stepup.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a hostile-input suite found, grouped by kind with a few examples each, so that one run shows every kind of
 * defect rather than stopping at the first. {@code -Dhostile.dump=FILE} also appends every example to FILE.
 */
public final class Defects {
    private final Map<String, List<String>> byKind = new TreeMap<>();
    private int count;

    /** A defect: {@code kind} groups it ("/task create refused a valid task"), {@code input} is what was sent. */
    public synchronized void add(String kind, String problem, String input) {
        count++;
        String dump = System.getProperty("hostile.dump");
        if (dump != null) {
            try {
                Files.writeString(
                        Path.of(dump),
                        kind + "\t" + show(problem) + "\t" + show(input) + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> examples = byKind.computeIfAbsent(kind, k -> new ArrayList<>());
        if (examples.size() < 3) {
            examples.add(problem + " ← " + show(input));
        } else if (examples.size() == 3) {
            examples.add("…");
        }
    }

    public synchronized int count() {
        return count;
    }

    /** Every kind with its examples, for a failure message; empty when nothing was found. */
    public synchronized Map<String, List<String>> found() {
        return new TreeMap<>(byKind);
    }

    /** A readable form of generated text: anything outside printable ASCII as \\uXXXX, long text cut. */
    public static String show(String s) {
        StringBuilder b = new StringBuilder();
        String cut = s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + " chars)" : s;
        cut.codePoints().forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7f) {
                b.appendCodePoint(cp);
            } else {
                b.append(String.format("\\u%04X", cp));
            }
        });
        return b.toString();
    }
}
