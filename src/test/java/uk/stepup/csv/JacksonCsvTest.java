package uk.stepup.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.stepup.shared.CsvRecord;

/** The CSV adapter: records with their physical lines, quoting mistakes marked, and RFC 4180 output. */
class JacksonCsvTest {
    private final JacksonCsv csv = new JacksonCsv();

    @Test
    void records_keep_the_lines_they_start_and_end_on() {
        List<CsvRecord> records = csv.read("a,b\r\n\"x\ny\",2\r\n\nlast,\"q\"\"uote\"");
        assertThat(records)
                .containsExactly(
                        new CsvRecord(1, 1, List.of("a", "b"), null),
                        new CsvRecord(2, 3, List.of("x\ny", "2"), null),
                        new CsvRecord(4, 4, List.of(""), null),
                        new CsvRecord(5, 5, List.of("last", "q\"uote"), null));
        assertThat(records.get(2).blank()).isTrue();
    }

    @Test
    void lone_carriage_returns_end_lines_and_empty_trailing_values_are_kept() {
        assertThat(csv.read("a,b,\rc,d,\r"))
                .containsExactly(
                        new CsvRecord(1, 1, List.of("a", "b", ""), null),
                        new CsvRecord(2, 2, List.of("c", "d", ""), null));
    }

    @Test
    void spaces_before_an_opening_quote_are_ignored() {
        assertThat(csv.read("\"2024-01-08\", \"4.5\"\n").get(0).fields()).containsExactly("2024-01-08", "4.5");
    }

    @Test
    void a_quote_inside_an_unquoted_value_is_kept() {
        assertThat(csv.read("Oak \"House\",b\n").get(0).fields()).containsExactly("Oak \"House\"", "b");
    }

    @Test
    void text_after_a_closing_quote_marks_only_its_record() {
        List<CsvRecord> records = csv.read("h1,h2\n\"Oak\" Leeds,x\nnext,row\n");
        assertThat(records).hasSize(3);
        assertThat(records.get(1).line()).isEqualTo(2);
        assertThat(records.get(1).defect()).startsWith("value 1 has text after its closing quote;");
        assertThat(records.get(2)).isEqualTo(new CsvRecord(3, 3, List.of("next", "row"), null));
        assertThat(csv.read("a,\"b\"c\n").get(0).defect()).startsWith("value 2 has text");
        assertThat(csv.read("\"a\"b,")).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(1);
            assertThat(r.lastLine()).isEqualTo(1);
            assertThat(r.defect()).startsWith("value 1 has text");
        });
    }

    @Test
    void a_quote_never_closed_ends_the_records() {
        List<CsvRecord> records = csv.read("h\n\"Oak,\nElm\n");
        assertThat(records).hasSize(2);
        assertThat(records.get(1).line()).isEqualTo(2);
        assertThat(records.get(1).defect()).startsWith("a quoted value starts on this line and is never closed");
    }

    @Test
    void writes_rfc_4180_quoting_only_when_needed() {
        assertThat(csv.write(List.of(List.of("plain", "a,b", "say \"hi\""), List.of("two\nlines", "cr\rhere", ""))))
                .isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",\"cr\rhere\",\r\n");
        assertThat(csv.write(List.of(List.of(" lead", "#hash", "'quote", "x y"))))
                .isEqualTo(" lead,#hash,'quote,x y\r\n");
    }
}
