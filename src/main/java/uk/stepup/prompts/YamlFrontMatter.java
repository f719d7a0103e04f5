package uk.stepup.prompts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import uk.stepup.curriculum.FrontMatter;

/**
 * The {@link FrontMatter} port on Jackson YAML, read as a stream of tokens so that every key keeps its line and a key
 * written twice is seen (the curriculum reports it). A line the YAML reader cannot take is reported on that line, and
 * reading starts again on the next one, so one mistake does not hide the keys below it.
 */
public final class YamlFrontMatter implements FrontMatter {
    private static final String QUOTES_HINT = "a value with \": \" or \" #\" in it goes inside quotes";

    private final YAMLFactory factory = new YAMLFactory();

    @Override
    public List<Entry> read(String yaml) {
        List<String> lines = yaml.lines().toList();
        List<Entry> entries = new ArrayList<>();
        int from = 0;
        while (from < lines.size()) {
            from = readFrom(lines, from, entries);
        }
        return entries;
    }

    /** Reads {@code lines} from index {@code from}; returns where to go on from (the end when all was read). */
    private int readFrom(List<String> lines, int from, List<Entry> entries) {
        String text = String.join("\n", lines.subList(from, lines.size()));
        try (JsonParser p = factory.createParser(text)) {
            try {
                JsonToken t = p.nextToken();
                if (t == null) {
                    return lines.size();
                }
                if (t != JsonToken.START_OBJECT) {
                    entries.add(Entry.notAKey(from + p.currentTokenLocation().getLineNr(), ""));
                    return lines.size();
                }
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int line = from + p.currentTokenLocation().getLineNr();
                    t = p.nextToken();
                    if (t.isScalarValue()) {
                        entries.add(Entry.key(line, key, p.getText().strip()));
                    } else {
                        p.skipChildren();
                        entries.add(Entry.notAKey(line, ""));
                    }
                }
                return lines.size();
            } catch (StreamReadException e) {
                int line = from + lineOf(e);
                entries.removeIf(read -> read.line() >= line); // "title: Safe: systems" gave "Safe" first
                entries.add(Entry.notAKey(line, expectedColon(e) ? "" : QUOTES_HINT));
                return Math.max(line, from + 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The line the YAML reader blames (1-based): for a line without "key:", that line (the reader only notices on
     * the next one); otherwise where it stopped.
     */
    private static int lineOf(StreamReadException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml) {
            Mark mark =
                    expectedColon(e) && yaml.getContextMark() != null ? yaml.getContextMark() : yaml.getProblemMark();
            if (mark != null) {
                return mark.getLine() + 1;
            }
        }
        return Math.max(1, e.getLocation() == null ? 1 : e.getLocation().getLineNr());
    }

    /** True when the line simply has no "key:" (the plain "expected 'key: value'" answer says it all). */
    private static boolean expectedColon(StreamReadException e) {
        return e.getCause() instanceof MarkedYAMLException yaml
                && yaml.getProblem() != null
                && yaml.getProblem().contains("could not find expected ':'");
    }
}
