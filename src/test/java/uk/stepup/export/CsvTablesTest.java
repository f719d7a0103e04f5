package uk.stepup.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.stepup.csv.JacksonCsv;
import uk.stepup.summaries.ExportColumn;
import uk.stepup.summaries.ExportTable;

/** CSV cells: RFC 4180 quoting, formula injection defused, values written as Excel reads them. */
class CsvTablesTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void text_starting_like_a_formula_gets_a_leading_quote_and_nothing_else_does() {
        for (String risky : List.of("=1+1", "+44 20", "-2", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")")) {
            assertThat(CsvTables.guard(risky)).isEqualTo("'" + risky);
        }
        for (String safe : List.of("", "Good", " =not first", "1+1", "a=b", "'quoted")) {
            assertThat(CsvTables.guard(safe)).isEqualTo(safe);
        }
    }

    @Test
    void numbers_are_never_prefixed_even_when_negative() {
        assertThat(CsvTables.text(-3L, LONDON)).isEqualTo("-3");
        assertThat(CsvTables.text(-2.5, LONDON)).isEqualTo("-2.5");
        assertThat(CsvTables.text(2.0, LONDON)).isEqualTo("2");
        assertThat(CsvTables.text(Double.NaN, LONDON)).isEmpty();
    }

    @Test
    void times_are_local_to_the_cohort_dates_iso_and_booleans_words() {
        assertThat(CsvTables.text(Instant.parse("2027-06-01T08:30:00Z"), LONDON))
                .isEqualTo("2027-06-01 09:30:00");
        assertThat(CsvTables.text(Instant.parse("2027-01-04T09:00:00Z"), LONDON))
                .isEqualTo("2027-01-04 09:00:00");
        assertThat(CsvTables.text(LocalDate.of(2027, 1, 4), LONDON)).isEqualTo("2027-01-04");
        assertThat(CsvTables.text(true, LONDON)).isEqualTo("yes");
        assertThat(CsvTables.text(false, LONDON)).isEqualTo("no");
        assertThat(CsvTables.text(null, LONDON)).isEmpty();
    }

    @Test
    void a_file_is_utf8_with_a_byte_order_mark_and_crlf_records() {
        ExportTable t = new ExportTable(
                "t",
                List.of(new ExportColumn("name", "n"), new ExportColumn("note", "n")),
                List.of(Arrays.asList("Café £5", null), Arrays.asList("=1", "x,y")));
        String text = new String(CsvTables.write(new JacksonCsv(), t, LONDON), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("\uFEFFname,note\r\nCafé £5,\r\n'=1,\"x,y\"\r\n");
    }
}
