package uk.stepup.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.csv.JacksonCsv;
import uk.stepup.shared.Outcome;

/** {@code /measure import}: the history file, all or nothing, with line numbers. */
class MeasureImportServiceTest {
    @TempDir
    Path dir;

    MeasuresFixture f;
    MeasureImportService importer;
    Measure falls;
    Measure rate;

    @BeforeEach
    void open() {
        f = new MeasuresFixture(dir);
        importer = new MeasureImportService(f.cohorts, f.homes, f.measures, f.guard, new JacksonCsv(), f.clock);
        falls = f.falls();
        rate = f.fallsRate(Frequency.MONTHLY);
        f.clock.set(f.inWeek(1)); // Monday 4 January 2027
    }

    @AfterEach
    void close() {
        f.close();
    }

    private MeasureCsv.Result parse(String csv) {
        return MeasureCsv.parse(csv, new JacksonCsv(), List.of(falls, rate), LocalDate.of(2027, 1, 4));
    }

    private String problems(String csv) {
        MeasureCsv.Result r = parse(csv);
        assertThat(r).isInstanceOf(MeasureCsv.Invalid.class);
        return ((MeasureCsv.Invalid) r).describe();
    }

    @Test
    void a_good_file_is_stored_for_the_manager_s_home_as_history() {
        String csv = "measure,period,value,numerator,denominator\r\n"
                + "falls,2026-12-09,6,,\r\n" // a Wednesday: the week of Monday 7 December
                + "Falls,2026-12-14,5,,\r\n"
                + "\r\n"
                + "Falls rate,2026-11,,7,1650\r\n"
                + "Falls rate,2026-12-31,4.12,7,1700\r\n";
        Outcome o = importer.importCsv(f.alice, csv);
        assertThat(o.ok()).as(o.message()).isTrue();
        assertThat(o.message())
                .contains("Imported 4 values for Oak House")
                .contains("Falls: 2 (week of 7 Dec 2026 to week of 14 Dec 2026)")
                .contains("Falls rate: 2 (Nov 2026 to Dec 2026)");
        List<MeasureValue> stored = f.measures.forHome(f.oak.id());
        assertThat(stored)
                .extracting(MeasureValue::period)
                .containsExactly(
                        LocalDate.of(2026, 12, 7),
                        LocalDate.of(2026, 12, 14),
                        LocalDate.of(2026, 11, 1),
                        LocalDate.of(2026, 12, 1));
        assertThat(stored).allSatisfy(v -> {
            assertThat(v.source()).isEqualTo(MeasureValue.Source.IMPORTED);
            assertThat(v.week()).isEmpty();
        });
        assertThat(stored.get(2).value()).isCloseTo(7 / 1650.0 * 1000, Offset.offset(1e-9));
        assertThat(f.measures.forHome(f.elm.id())).isEmpty();

        // Importing again replaces rather than duplicates.
        Outcome again = importer.importCsv(f.alice, "measure,period,value\nFalls,2026-12-14,4\n");
        assertThat(again.message()).contains("1 value already stored for those periods was replaced");
        assertThat(f.measures.forHome(f.oak.id())).hasSize(4);
    }

    @Test
    void one_bad_line_imports_nothing_and_every_problem_names_its_line() {
        String csv = "measure,period,value,numerator,denominator\n"
                + "Falls,2026-12-07,6,,\n"
                + "Falls,2026-12,6,,\n"
                + "Falls,2026-12-08,4,,\n"
                + "Falls rate,2026-11,,7,\n"
                + "Smiles,2026-11,3,,\n"
                + "Falls,2024-12-02,3,,\n"
                + "Falls,2027-01-11,3,,\n"
                + "Falls,07/12/2026,3,,\n"
                + "Falls rate,2026-10,9.9,7,1700\n"
                + "Falls,2026-11-02,three,,\n"
                + "Falls,2026-02-30,3,,\n";
        Outcome o = importer.importCsv(f.alice, csv);
        assertThat(o.kind()).isEqualTo(Outcome.Kind.INVALID);
        assertThat(o.message())
                .startsWith("Nothing was imported")
                .contains("line 3: Falls is weekly, so its period is a date")
                .contains("line 4: Falls for week of 7 Dec 2026 is already on line 2")
                .contains(
                        "line 5: Falls rate is a rate: give the numerator (falls) and the denominator (occupied bed days)")
                .contains("line 6: there is no measure called \"Smiles\"; the cohort's measures are Falls, Falls rate")
                .contains("line 7: week of 2 Dec 2024 is more than 24 months back")
                .contains("line 8: week of 11 Jan 2027 is in the future")
                .contains("line 9: write the period as YYYY-MM-DD")
                .contains("line 10: the value 9.9 does not match falls ÷ occupied bed days × 1,000 = 4.12")
                .contains("line 11: the value is not a number")
                .contains("line 12: the period is not a real date");
        assertThat(f.measures.forHome(f.oak.id())).isEmpty();
    }

    @Test
    void the_header_is_checked_first() {
        assertThat(problems("")).contains("line 1: the file is empty");
        assertThat(problems("measure,value\nFalls,3\n")).contains("line 1: the header needs a column called period");
        assertThat(problems("measure,period,value,numerator\n")).contains("numerator and denominator come together");
        assertThat(problems("measure,period,value,notes\nFalls,2026-12-07,3,x\n"))
                .contains("unknown column \"notes\"");
        assertThat(problems("measure,period,value\n")).contains("no values below the header");
        assertThat(problems("PK\u0003\u0004 binary")).contains("not a CSV text file");
        // Columns in any order, any case.
        assertThat(parse("Value,Period,Measure\n3,2026-12-07,Falls\n")).isInstanceOf(MeasureCsv.Ok.class);
    }

    @Test
    void a_plain_measure_takes_no_numerator_and_a_rate_value_may_be_left_to_the_bot() {
        assertThat(problems("measure,period,value,numerator,denominator\nFalls,2026-12-07,3,1,2\n"))
                .contains("Falls is a plain number, not a rate");
        MeasureCsv.Ok ok =
                (MeasureCsv.Ok) parse("measure,period,value,numerator,denominator\nFalls rate,2026-12,,0,1700\n");
        assertThat(ok.rows().get(0).value()).isZero();
        assertThat(problems("measure,period,value,numerator,denominator\nFalls rate,2026-12,,3,0\n"))
                .contains("the denominator must be above 0");
    }

    @Test
    void identifiers_in_the_file_stop_the_whole_import_without_being_repeated() {
        Outcome o = importer.importCsv(
                f.alice, "measure,period,value\nFalls,2026-12-07,3\nFalls (NHS 943 476 5919),2026-12-14,2\n");
        assertThat(o.kind()).isEqualTo(Outcome.Kind.INVALID);
        assertThat(o.message()).contains("NHS number in 'line 3'").doesNotContain("5919");
        assertThat(f.measures.forHome(f.oak.id())).isEmpty();
    }

    @Test
    void only_a_manager_imports_and_only_into_their_own_home() {
        assertThat(importer.importCsv(f.coach, "measure,period,value\nFalls,2026-12-07,3\n")
                        .kind())
                .isEqualTo(Outcome.Kind.REFUSED);
        assertThat(importer.importCsv(f.outsider, "measure,period,value\nFalls,2026-12-07,3\n")
                        .kind())
                .isEqualTo(Outcome.Kind.REFUSED);
        assertThat(importer.importCsv(f.bob, "measure,period,value\nFalls,2026-12-07,3\n")
                        .ok())
                .isTrue();
        assertThat(f.measures.forHome(f.elm.id())).hasSize(1);
        assertThat(f.measures.forHome(f.oak.id())).isEmpty();
    }

    @Test
    void the_template_parses() {
        String template = MeasureCsv.template(new JacksonCsv(), List.of(falls, rate));
        assertThat(template).startsWith("measure,period,value,numerator,denominator");
        assertThat(MeasureCsv.parse(template, new JacksonCsv(), List.of(falls, rate), LocalDate.of(2027, 1, 4)))
                .isInstanceOf(MeasureCsv.Ok.class);
    }
}
