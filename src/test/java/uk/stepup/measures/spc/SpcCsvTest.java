package uk.stepup.measures.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.stepup.csv.JacksonCsv;

/** The analysts' CSV format: what is accepted, what is refused (with the line), and how numbers are written. */
class SpcCsvTest {
    private static final JacksonCsv CSV = new JacksonCsv();

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        Path f = dir.resolve("in.csv");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    private static String problem(Path file) {
        try {
            SpcCsv.read(file, "in.csv", CSV);
        } catch (SpcCsvException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the file to be refused");
    }

    @Test
    void reads_rows_tolerating_bom_quotes_spaces_case_and_blank_lines() throws Exception {
        Path f = file("\uFEFFDate, Value\r\n2024-01-01,3\r\n\r\n\"2024-01-08\", \"4.5\"\r\n2024-01-15,-1e2\r\n");
        List<Observation> rows = SpcCsv.read(f, "in.csv", CSV);
        assertThat(rows)
                .containsExactly(
                        new Observation(LocalDate.of(2024, 1, 1), 3),
                        new Observation(LocalDate.of(2024, 1, 8), 4.5),
                        new Observation(LocalDate.of(2024, 1, 15), -100));
    }

    @Test
    void empty_file() throws Exception {
        assertThat(problem(file(""))).isEqualTo("in.csv line 1: the file is empty; expected the header 'date,value'");
    }

    @Test
    void missing_header() throws Exception {
        assertThat(problem(file("2024-01-01,3\n2024-01-08,4\n")))
                .isEqualTo("in.csv line 1: expected the header 'date,value' but found '2024-01-01,3'");
    }

    @Test
    void wrong_header() throws Exception {
        assertThat(problem(file("week,count\n2024-01-01,3\n"))).startsWith("in.csv line 1: expected the header");
        assertThat(problem(file("date,value,note\n2024-01-01,3,x\n"))).startsWith("in.csv line 1: expected the header");
    }

    @Test
    void header_only() throws Exception {
        assertThat(problem(file("date,value\n")))
                .isEqualTo("in.csv line 2: no data rows after the header 'date,value'");
    }

    @Test
    void too_few_rows() throws Exception {
        Path f = file("date,value\n2024-01-01,3\n\n");
        assertThat(SpcCsv.read(f, "in.csv", CSV)).hasSize(1);
        assertThatThrownBy(() -> SpcCsv.read(f, "in.csv", 2, CSV))
                .hasMessage("in.csv line 2: only 1 data row; at least 2 are needed");
    }

    @Test
    void non_numeric_value() throws Exception {
        assertThat(problem(file("date,value\n2024-01-01,3\n2024-01-08,n/a\n")))
                .isEqualTo("in.csv line 3: value 'n/a' is not a number");
        assertThat(problem(file("date,value\n2024-01-01,NaN\n")))
                .isEqualTo("in.csv line 2: value 'NaN' is not a number");
        assertThat(problem(file("date,value\n2024-01-01,1e999\n")))
                .isEqualTo("in.csv line 2: value '1e999' is not a number");
        assertThat(problem(file("date,value\n2024-01-01,\n"))).isEqualTo("in.csv line 2: the value is missing");
    }

    @Test
    void bad_date() throws Exception {
        assertThat(problem(file("date,value\n2024-01-01,3\n2024-02-30,4\n")))
                .isEqualTo("in.csv line 3: date '2024-02-30' is not a valid date in the form yyyy-MM-dd");
        assertThat(problem(file("date,value\n01/02/2024,3\n")))
                .startsWith("in.csv line 2: date '01/02/2024' is not a valid date");
    }

    @Test
    void wrong_number_of_fields() throws Exception {
        assertThat(problem(file("date,value\n2024-01-01,3\n2024-01-08,1,234\n")))
                .isEqualTo("in.csv line 3: expected 2 fields (date,value) but found 3 in '2024-01-08,1,234'");
    }

    @Test
    void unsorted_dates() throws Exception {
        assertThat(problem(file("date,value\n2024-01-08,3\n2024-01-15,4\n2024-01-01,5\n")))
                .isEqualTo("in.csv line 4: date 2024-01-01 is earlier than 2024-01-15 on line 3;"
                        + " rows must be in date order, oldest first");
    }

    @Test
    void duplicate_dates() throws Exception {
        assertThat(problem(file("date,value\n2024-01-01,3\n\n2024-01-01,4\n")))
                .isEqualTo("in.csv line 4: duplicate date 2024-01-01 (already on line 2)");
    }

    @Test
    void unreadable_files() throws Exception {
        assertThatThrownBy(() -> SpcCsv.read(dir.resolve("missing.csv"), "missing.csv", CSV))
                .isInstanceOf(SpcCsvException.class)
                .hasMessage("missing.csv: cannot read the file: it does not exist")
                .satisfies(e -> assertThat(((SpcCsvException) e).line()).isEmpty());
        assertThatThrownBy(() -> SpcCsv.read(dir, "folder", CSV))
                .isInstanceOf(SpcCsvException.class)
                .hasMessageStartingWith("folder: cannot read the file")
                .hasMessageNotContaining("Exception");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, new byte[] {'d', 'a', 't', 'e', ',', 'v', 'a', 'l', 'u', 'e', '\n', (byte) 0xA3, '\n'});
        assertThatThrownBy(() -> SpcCsv.read(latin1, "latin1.csv", CSV))
                .isInstanceOf(SpcCsvException.class)
                .hasMessage("latin1.csv line 2: the file is not UTF-8 text");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "1.0, 1",
        "2.5, 2.5",
        "-3.0555555, -3.055556",
        "0.30000000000000004, 0.3",
        "1234567.1234567, 1234567.123457",
        "1e20, 100000000000000000000",
        "1.5e-5, 0.000015",
        "1e-7, 0",
        "-1e-7, 0",
        "-0.0, 0",
        "0.0000005, 0.000001"
    })
    void numbersArePlainDecimals(double value, String expected) {
        assertThat(SpcCsv.formatNumber(value)).isEqualTo(expected);
    }

    @Test
    void non_finite_numbers_cannot_be_written() {
        assertThatThrownBy(() -> SpcCsv.formatNumber(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parses_only_plain_numbers() {
        assertThat(SpcCsv.parseNumber(" 12 ")).hasValue(12);
        assertThat(SpcCsv.parseNumber(".25")).hasValue(0.25);
        assertThat(SpcCsv.parseNumber("0x10")).isEmpty();
        assertThat(SpcCsv.parseNumber("1,000")).isEmpty();
        assertThat(SpcCsv.parseNumber("Infinity")).isEmpty();
        assertThat(SpcCsv.parseNumber("2d")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "0.0000123, 0.0000123",
        "2.50, 2.5",
        "100, 100",
        "-3.06, -3.06",
        "-0.0, 0",
        "1e20, 100000000000000000000",
        "0.1234567891, 0.1234567891"
    })
    void echoes_input_values_at_full_precision(double value, String expected) {
        assertThat(SpcCsv.formatValue(value)).isEqualTo(expected);
    }

    @Test
    void writes_tiny_values_as_given_and_rounds_only_the_mean_and_limits() throws Exception {
        SpcChart chart =
                Spc.xmr(Series.weekly(0.0000123, 0.0000125, 0.0000121, 0.0000124, 0.0000122), XmrOptions.defaults());
        StringWriter out = new StringWriter();
        SpcCsv.write(out, chart, CSV);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(1)).startsWith("2024-01-01,0.0000123,0.000012,");
        assertThat(lines.get(5)).startsWith("2024-01-29,0.0000122,");
    }

    @Test
    void writes_one_row_per_point() throws Exception {
        SpcChart chart = Spc.xmr(Series.weekly(10, 12, 11, 13, 12), XmrOptions.defaults());
        StringWriter out = new StringWriter();
        SpcCsv.write(out, chart, CSV);
        assertThat(out.toString())
                .isEqualTo("date,value,mean,lpl,upl,point_type\n"
                        + "2024-01-01,10,11.6,7.61,15.59,common_cause\n"
                        + "2024-01-08,12,11.6,7.61,15.59,common_cause\n"
                        + "2024-01-15,11,11.6,7.61,15.59,common_cause\n"
                        + "2024-01-22,13,11.6,7.61,15.59,common_cause\n"
                        + "2024-01-29,12,11.6,7.61,15.59,common_cause\n");
    }
}
