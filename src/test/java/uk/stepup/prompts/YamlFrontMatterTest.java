package uk.stepup.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.stepup.curriculum.FrontMatter.Entry;

/** The front matter adapter: keys with their lines, YAML quoting, and a bad line that does not hide the rest. */
class YamlFrontMatterTest {
    private final YamlFrontMatter yaml = new YamlFrontMatter();

    @Test
    void keys_come_with_their_lines_and_values_as_written() {
        assertThat(yaml.read("code: S1\n\ntitle: \"Safe: systems\"\norder: 03\ntitle:\nkloe: S2, E6\n"))
                .containsExactly(
                        Entry.key(1, "code", "S1"),
                        Entry.key(3, "title", "Safe: systems"),
                        Entry.key(4, "order", "03"),
                        Entry.key(5, "title", ""),
                        Entry.key(6, "kloe", "S2, E6"));
    }

    @Test
    void a_line_without_a_key_is_reported_on_its_line_and_reading_goes_on() {
        assertThat(yaml.read("code: S1\njust some words\norder: 3\n"))
                .containsExactly(Entry.key(1, "code", "S1"), Entry.notAKey(2, ""), Entry.key(3, "order", "3"));
    }

    @Test
    void an_unquoted_colon_in_a_value_gets_a_hint() {
        assertThat(yaml.read("code: S1\ntitle: Safe: systems\norder: 3\n"))
                .containsExactly(
                        Entry.key(1, "code", "S1"),
                        Entry.notAKey(2, "a value with \": \" or \" #\" in it goes inside quotes"),
                        Entry.key(3, "order", "3"));
    }

    @Test
    void lists_and_maps_are_not_values() {
        assertThat(yaml.read("order: [1, 2]\ncode: S1\n"))
                .containsExactly(Entry.notAKey(1, ""), Entry.key(2, "code", "S1"));
        assertThat(yaml.read("just words\n")).containsExactly(Entry.notAKey(1, ""));
        assertThat(yaml.read("")).isEmpty();
    }
}
