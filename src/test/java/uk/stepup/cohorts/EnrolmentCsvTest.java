package uk.stepup.cohorts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.stepup.cohorts.EnrolmentCsv.Invalid;
import uk.stepup.cohorts.EnrolmentCsv.Ok;
import uk.stepup.cohorts.EnrolmentCsv.Problem;
import uk.stepup.cohorts.EnrolmentCsv.Result;
import uk.stepup.cohorts.HomeRepository.NewHome;
import uk.stepup.csv.JacksonCsv;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;

class EnrolmentCsvTest {
    static final String HEADER = "home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\n";
    static final String COPY_ID = "(copy it with Developer Mode on: right-click the person, Copy User ID)";

    /** A valid 18-digit Discord user id, different for each n. */
    static String id(int n) {
        return Long.toString(300_000_000_000_000_000L + n);
    }

    /** A data row with no CQC id and no ratings. */
    static String row(String home, String managers) {
        return home + ",," + managers + ",,,,,,\n";
    }

    static List<NewHome> homes(String text) {
        Result result = EnrolmentCsv.parse(text, new JacksonCsv(), new PrivacyGuard());
        assertThat(result).isInstanceOf(Ok.class);
        return ((Ok) result).homes();
    }

    static List<String> problems(String text) {
        Result result = EnrolmentCsv.parse(text, new JacksonCsv(), new PrivacyGuard());
        assertThat(result).isInstanceOf(Invalid.class);
        return ((Invalid) result).problems().stream().map(Problem::toString).toList();
    }

    static List<String> slugs(String... names) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < names.length; i++) {
            csv.append('"').append(names[i]).append("\",,").append(id(i)).append(",,,,,,\n");
        }
        return homes(csv.toString()).stream().map(NewHome::slug).toList();
    }

    // ---- a good file ----

    @Test
    void reads_a_spreadsheet_export_with_bom_crlf_quotes_several_managers_and_ratings_in_many_spellings() {
        String csv = "\uFEFF" + HEADER.replace("\n", "\r\n")
                + "\"Oak House, Leeds\",1-123456789,\"" + id(1) + " ; " + id(2) + ";\",Good,RI,requires_improvement,"
                + "Outstanding,inadequate,Not rated\r\n"
                + "\"The \"\"Willows\"\"\",,<@" + id(3) + ">,,,,,,\r\n"
                + "Ash Lodge,1-10000302982,  " + id(4) + "  ,good,Requires Improvement,not yet rated,o,-,Good\r\n"
                + "\r\n\r\n";

        List<NewHome> homes = homes(csv);

        assertThat(homes).hasSize(3);
        NewHome oak = homes.get(0);
        assertThat(oak.name()).isEqualTo("Oak House, Leeds");
        assertThat(oak.slug()).isEqualTo("oak-house-leeds");
        assertThat(oak.cqcLocationId()).contains("1-123456789");
        assertThat(oak.managerIds()).containsExactly(id(1), id(2));
        assertThat(oak.baseline().overall()).contains(Rating.GOOD);
        assertThat(oak.baseline().byKeyQuestion())
                .isEqualTo(Map.of(
                        KeyQuestion.SAFE,
                        Rating.REQUIRES_IMPROVEMENT,
                        KeyQuestion.EFFECTIVE,
                        Rating.REQUIRES_IMPROVEMENT,
                        KeyQuestion.CARING,
                        Rating.OUTSTANDING,
                        KeyQuestion.RESPONSIVE,
                        Rating.INADEQUATE));
        assertThat(oak.baseline().of(KeyQuestion.WELL_LED)).isEmpty();

        NewHome willows = homes.get(1);
        assertThat(willows.name()).isEqualTo("The \"Willows\"");
        assertThat(willows.slug()).isEqualTo("the-willows");
        assertThat(willows.cqcLocationId()).isEmpty();
        assertThat(willows.managerIds()).containsExactly(id(3));
        assertThat(willows.baseline()).isEqualTo(Baseline.notRated());

        NewHome ash = homes.get(2);
        assertThat(ash.cqcLocationId()).contains("1-10000302982");
        assertThat(ash.managerIds()).containsExactly(id(4));
        assertThat(ash.baseline().overall()).contains(Rating.GOOD);
        assertThat(ash.baseline().byKeyQuestion())
                .isEqualTo(Map.of(
                        KeyQuestion.SAFE,
                        Rating.REQUIRES_IMPROVEMENT,
                        KeyQuestion.CARING,
                        Rating.OUTSTANDING,
                        KeyQuestion.WELL_LED,
                        Rating.GOOD));
    }

    @Test
    void columns_may_come_in_any_order_and_be_written_as_people_write_them() {
        String csv = "Managers, Home ,WELL-LED,Overall,Safe,Effective,Caring,Responsive,CQC location id\n" + id(1)
                + ",Birch Court,Outstanding,Good,,,,,1-000210669\n";

        NewHome birch = homes(csv).get(0);

        assertThat(birch.name()).isEqualTo("Birch Court");
        assertThat(birch.managerIds()).containsExactly(id(1));
        assertThat(birch.cqcLocationId()).contains("1-000210669");
        assertThat(birch.baseline().overall()).contains(Rating.GOOD);
        assertThat(birch.baseline().of(KeyQuestion.WELL_LED)).contains(Rating.OUTSTANDING);
    }

    @Test
    void blank_lines_and_rows_of_empty_cells_are_skipped_and_lf_or_a_lone_cr_end_lines() {
        String csv = HEADER + "\n" + row("Oak House", id(1)) + ",,,,,,,,\n" + "  \n"
                + row("Elm House", id(2)).replace("\n", "\r") + row("Ash House", id(3)) + "\n\n";

        assertThat(homes(csv)).extracting(NewHome::name).containsExactly("Oak House", "Elm House", "Ash House");
    }

    @Test
    void trailing_empty_columns_from_a_spreadsheet_are_tolerated() {
        String csv =
                HEADER.replace("\n", ",,\n") + row("Oak House", id(1)).replace("\n", ",,\n") + row("Elm House", id(2));

        assertThat(homes(csv)).hasSize(2);
    }

    @Test
    void names_lose_zero_width_characters_and_extra_spaces() {
        String csv = HEADER + row("  Oak\u200B  House\u00A0 ", id(1));

        assertThat(homes(csv).get(0).name()).isEqualTo("Oak House");
    }

    @Test
    void the_template_is_a_valid_file_with_one_example_home() {
        List<NewHome> homes = homes(EnrolmentCsv.template());

        assertThat(EnrolmentCsv.template()).startsWith(String.join(",", EnrolmentCsv.COLUMNS) + "\r\n");
        assertThat(homes).hasSize(1);
        assertThat(homes.get(0).name()).isEqualTo("Oak House (Nursing)");
        assertThat(homes.get(0).slug()).isEqualTo("oak-house");
        assertThat(homes.get(0).managerIds()).hasSize(2);
    }

    // ---- the file as a whole ----

    @Test
    void an_empty_file_says_what_it_needs() {
        for (String empty : new String[] {"", "\uFEFF", "\n\n  \r\n", null}) {
            assertThat(problems(empty))
                    .containsExactly("line 1: the file is empty; it needs the header "
                            + "home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led"
                            + " and then one line per home");
        }
    }

    @Test
    void a_header_without_homes_is_refused() {
        assertThat(problems(HEADER + "\n,,,,,,,,\n"))
                .containsExactly("line 1: there are no homes below the header; add one line per home");
    }

    @Test
    void unknown_missing_duplicate_and_unnamed_columns_are_all_named() {
        String csv = "home,cqc,managers,managers,,overall,safe,effective,caring,responsive\n" + row("Oak", id(1));

        assertThat(problems(csv))
                .containsExactly(
                        "line 1: header: unknown column \"cqc\"; the columns are home, cqc_location_id, managers, overall,"
                                + " safe, effective, caring, responsive, well_led",
                        "line 1: header: column managers appears twice",
                        "line 1: header: column 5 has no name",
                        "line 1: header: missing columns cqc_location_id, well_led; the header is"
                                + " home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led");
    }

    @Test
    void a_file_that_starts_with_a_home_is_told_it_needs_the_header_once_not_per_cell() {
        String csv = row("Oak House", id(1)) + row("Elm House", id(2));

        assertThat(problems(csv))
                .containsExactly("line 1: header: the first line must name the columns: "
                        + "home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led");
    }

    @Test
    void a_file_separated_by_semicolons_gets_a_hint() {
        String csv = HEADER.replace(',', ';') + "Oak;;" + id(1) + ";;;;;;\n";

        assertThat(problems(csv))
                .containsExactly("line 1: header: the columns are separated by \";\" instead of"
                        + " commas; in Excel use File > Save As and choose CSV UTF-8");
    }

    @Test
    void a_workbook_is_not_mistaken_for_csv() {
        assertThat(problems("PK\u0003\u0004\u0014\u0000\u0006\u0000binary"))
                .containsExactly("line 1: this is not a CSV text file (it may be an Excel workbook);"
                        + " in Excel use File > Save As and choose CSV UTF-8");
    }

    @Test
    void more_than_a_thousand_homes_are_refused_at_the_first_one_too_many() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 1002; i++) {
            csv.append(row("Home " + i, id(i)));
        }

        assertThat(problems(csv.toString()))
                .containsExactly("line 1002: too many homes: the file has 1002 and one import takes at most 1000;"
                        + " split it into smaller files");
        assertThat(homes(csv.substring(0, csv.indexOf("Home 1001")))).hasSize(1000);
    }

    // ---- bad rows, each with its line ----

    @Test
    void a_row_with_the_wrong_number_of_values_names_the_columns_and_the_quoting_rule() {
        String csv = HEADER + row("Oak House", id(1)) + "Elm House, Leeds,," + id(2) + ",,,,,,\n" + "Ash House,,"
                + id(3) + "\n";

        String expected = "values (home, cqc_location_id, managers, overall, safe, effective, caring, responsive,"
                + " well_led) but found %d; a value that contains a comma must be inside double quotes,"
                + " e.g. \"Oak House, Leeds\"";
        assertThat(problems(csv))
                .containsExactly(
                        "line 3: expected 9 " + String.format(expected, 10),
                        "line 4: expected 9 " + String.format(expected, 3));
    }

    @Test
    void home_names_must_be_present_short_unique_and_plain() {
        String csv = HEADER
                + row(" ", id(1))
                + row("x".repeat(81), id(2))
                + row("Oak House", id(3))
                + row("OAK  house", id(4))
                + row("\"Bell\u0007 House\"", id(5))
                + row("Caf\uFFFD House", id(6))
                + row("Elm House\u202E", id(7))
                + row("x".repeat(80), id(8));

        assertThat(problems(csv))
                .containsExactly(
                        "line 2: home: the home's name is missing",
                        "line 3: home: the name is 81 characters long; keep it to 80 or fewer",
                        "line 5: home: \"OAK house\" is already on line 4; list each home once, with all its managers"
                                + " in the managers column separated by \";\"",
                        "line 6: home: \"Bell? House\" contains a hidden control character (U+0007);"
                                + " type the name again as plain text",
                        "line 7: home: \"Caf\uFFFD House\" has characters that could not be read;"
                                + " save the file as CSV UTF-8 and try again",
                        "line 8: home: \"Elm House?\" contains a hidden control character (U+202E);"
                                + " type the name again as plain text");
    }

    @Test
    void cqc_location_ids_are_optional_but_well_formed_and_unique() {
        String csv = HEADER
                + "Oak House,1-123456789," + id(1) + ",,,,,,\n"
                + "Elm House,123456789," + id(2) + ",,,,,,\n"
                + "Ash House,1-12345," + id(3) + ",,,,,,\n"
                + "Fir House, 1-123456789 ," + id(4) + ",,,,,,\n"
                + "Yew House,1-1234567890123," + id(5) + ",,,,,,\n";

        String format = " is not a CQC location id; it looks like 1-123456789 (see the home's page on the CQC"
                + " website), or leave it empty";
        assertThat(problems(csv))
                .containsExactly(
                        "line 3: cqc_location_id: \"123456789\"" + format,
                        "line 4: cqc_location_id: \"1-12345\"" + format,
                        "line 5: cqc_location_id: 1-123456789 is already used on line 2; each home has its own CQC location id",
                        "line 6: cqc_location_id: \"1-1234567890123\"" + format);
    }

    @Test
    void managers_must_be_discord_user_ids_each_in_one_home_only() {
        String csv = HEADER
                + row("Oak House", "\"" + id(1) + "; 12ab\"")
                + row("Elm House", " ; ")
                + row("Ash House", id(1))
                + row("Fir House", "\"" + id(2) + ";" + id(2) + "\"")
                + row("Yew House", "1.23457E+17")
                + row("Box House", "12345")
                + row("Ivy House", "99999999999999999999")
                + row("Bay House", "@Jane")
                + row("Hop House", id(3) + " " + id(4))
                + row("Rue House", "012345678901234567");

        assertThat(problems(csv))
                .containsExactly(
                        "line 2: managers: \"12ab\" is not a Discord user id " + COPY_ID,
                        "line 3: managers: no manager given; add at least one Discord user id " + COPY_ID,
                        "line 4: managers: " + id(1)
                                + " is already a manager on line 2; a manager belongs to exactly one home",
                        "line 5: managers: " + id(2) + " is listed twice",
                        "line 6: managers: \"1.23457E+17\" is a Discord user id that a spreadsheet has turned into a rounded"
                                + " number; format the managers column as Text, paste the ids again and save",
                        "line 7: managers: \"12345\" is not a Discord user id: those are 17 to 20 digits long "
                                + COPY_ID,
                        "line 8: managers: \"99999999999999999999\" is not a Discord user id: those are 17 to 20 digits long "
                                + COPY_ID,
                        "line 9: managers: \"@\u200BJane\" is a name, not a Discord user id " + COPY_ID,
                        "line 10: managers: \"" + id(3) + " " + id(4) + "\" is not a Discord user id " + COPY_ID
                                + "; separate ids with \";\"",
                        "line 11: managers: \"012345678901234567\" is not a Discord user id: those are 17 to 20 digits long "
                                + COPY_ID);
    }

    @Test
    void ratings_must_be_cqc_ratings_or_empty() {
        String csv = HEADER
                + "Oak House,," + id(1) + ",Very good,Good,Outstanding,Good,Good,Good\n"
                + "Elm House,," + id(2) + ",,Good,Good,Excellent,Good,Requires improvements\n";

        String expected = " is not a CQC rating; use Outstanding, Good, Requires improvement or Inadequate,"
                + " or leave it empty if not rated";
        assertThat(problems(csv))
                .containsExactly(
                        "line 2: overall: \"Very good\"" + expected,
                        "line 3: caring: \"Excellent\"" + expected,
                        "line 3: well_led: \"Requires improvements\"" + expected);
    }

    @Test
    void quoting_mistakes_are_reported_and_later_lines_keep_their_numbers() {
        String csv = HEADER
                + row("\"Oak House\" Leeds", id(1))
                + row("\"Elm\nHouse\"", id(2))
                + row("\"Ash House", id(3)).replace("\n", "\r\n")
                + row("Bad Ratings", id(4)).replace(",,,,,,\n", ",Great,,,,,\n")
                + row("Fir House", id(5));

        assertThat(problems(csv))
                .containsExactly(
                        "line 2: value 1 has text after its closing quote; put the whole value inside the quotes,"
                                + " and write a quote inside it as \"\"",
                        "line 3: a quoted value runs from line 3 to line 4; values cannot contain line breaks"
                                + " (is a closing \" missing?)",
                        "line 5: a quoted value starts on this line and is never closed (a closing \" is missing)");
    }

    @Test
    void a_multi_line_value_does_not_shift_the_line_numbers_after_it() {
        String csv = HEADER
                + row("\"Elm\r\nHouse\"", id(1))
                + row("Oak House", "bad")
                + row("\"Ash\n\nHouse\"", id(2))
                + row("Fir House", "worse");

        assertThat(problems(csv))
                .containsExactly(
                        "line 2: a quoted value runs from line 2 to line 3; values cannot contain line breaks"
                                + " (is a closing \" missing?)",
                        "line 4: managers: \"bad\" is not a Discord user id " + COPY_ID,
                        "line 5: a quoted value runs from line 5 to line 7; values cannot contain line breaks"
                                + " (is a closing \" missing?)",
                        "line 8: managers: \"worse\" is not a Discord user id " + COPY_ID);
    }

    @Test
    void every_problem_in_every_row_is_reported_at_once_in_line_order() {
        String csv = HEADER
                + row("Oak House", id(1))
                + "\n"
                + "=SUM(A1),1-2," + id(1) + ",Grand,,,,,\n"
                + row("Elm House", id(2))
                + "Ash House,,nobody,,,,Brilliant,,\n";

        Result result = EnrolmentCsv.parse(csv, new JacksonCsv(), new PrivacyGuard());

        assertThat(result).isInstanceOf(Invalid.class);
        assertThat(((Invalid) result).problems()).extracting(Problem::line).containsExactly(4, 4, 4, 4, 6, 6);
        assertThat(((Invalid) result).problems())
                .extracting(Problem::message)
                .allSatisfy(m -> assertThat(m).matches("(home|cqc_location_id|managers|overall|caring): .*"));
    }

    // ---- hostile text ----

    @Test
    void names_that_a_spreadsheet_would_run_as_a_formula_are_refused() {
        String csv = HEADER
                + row("\"=HYPERLINK(\"\"http://x\"\")\"", id(1))
                + row("+44 Care", id(2))
                + row("-1+1", id(3))
                + row("@SUM(1)", id(4))
                + row("\"\t=1+1\"", id(5))
                + row("\"\u200B=1+1\"", id(6))
                + row("  =1+1", id(7))
                + row("Oak House = Best", id(8));

        String after = ", which spreadsheets run as a formula; start the name with a letter or digit";
        assertThat(problems(csv))
                .containsExactly(
                        "line 2: home: \"=HYPERLINK(\"http://x\")\" starts with \"=\"" + after,
                        "line 3: home: \"+44 Care\" starts with \"+\"" + after,
                        "line 4: home: \"-1+1\" starts with \"-\"" + after,
                        "line 5: home: \"@\u200BSUM(1)\" starts with \"@\"" + after,
                        "line 6: home: starts with a tab, which spreadsheets can treat as the start of a formula;"
                                + " start the name with a letter or digit",
                        "line 7: home: \"=1+1\" starts with \"=\"" + after,
                        "line 8: home: \"=1+1\" starts with \"=\"" + after);
    }

    @Test
    void a_leading_carriage_return_is_refused_too() {
        assertThat(problems(HEADER + row("\"\r=1+1\"", id(1))))
                .containsExactly("line 2: a quoted value runs from line 2 to line 3; values cannot contain line breaks"
                        + " (is a closing \" missing?)");
    }

    @Test
    void names_with_discord_mentions_or_links_are_refused_even_when_hidden_with_zero_width_spaces() {
        String csv = HEADER
                + row("Oak House @everyone", id(1))
                + row("Elm House @HERE", id(2))
                + row("Ash <@" + id(9) + ">", id(3))
                + row("Fir <@&" + id(9) + ">", id(4))
                + row("Yew <#" + id(9) + ">", id(5))
                + row("Box [click](https://evil.example)", id(6))
                + row("Bay https://evil.example", id(7))
                + row("Ivy @every\u200Bone", id(8))
                + row("Care @ Home", id(10));

        String plain = ", which Discord reads as a mention; write the name as plain text";
        assertThat(problems(csv))
                .containsExactly(
                        "line 2: home: contains \"@\u200Beveryone\"" + plain,
                        "line 3: home: contains \"@\u200Bhere\"" + plain,
                        "line 4: home: contains \"<\u200B@\u200B\"" + plain,
                        "line 5: home: contains \"<\u200B@\u200B&\"" + plain,
                        "line 6: home: contains \"<\u200B#\"" + plain,
                        "line 7: home: \"Box [click](https://evil.example)\" contains a link; give just the home's name",
                        "line 8: home: \"Bay https://evil.example\" contains a link; give just the home's name",
                        "line 9: home: contains \"@\u200Beveryone\"" + plain);
    }

    @Test
    void echoed_values_are_shortened() {
        String longRating = "Superb ".repeat(20);

        assertThat(problems(HEADER + "Oak,," + id(1) + "," + longRating + ",,,,,\n"))
                .containsExactly(
                        "line 2: overall: \"Superb Superb Superb Superb Superb Super…\" is not a CQC rating; use Outstanding,"
                                + " Good, Requires improvement or Inadequate, or leave it empty if not rated");
    }

    // ---- slugs ----

    @Test
    void slugs_are_lower_case_ascii_with_accents_folded_and_punctuation_as_single_hyphens() {
        assertThat(slugs(
                        "Oak House (Nursing)",
                        "Café Ærø",
                        "St Mary's & St John's",
                        "Straße -- Über!!",
                        "  Ünïcödé  Lødge ",
                        "Ward 7/8, Floor 2",
                        "Łódź Care"))
                .containsExactly(
                        "oak-house",
                        "cafe-aero",
                        "st-marys-and-st-johns",
                        "strasse-uber",
                        "unicode-lodge",
                        "ward-7-8-floor-2",
                        "lodz-care");
    }

    @Test
    void brackets_stay_in_the_slug_when_they_are_what_tells_two_homes_apart() {
        assertThat(slugs("Oak House (Nursing)", "Oak House (Residential)", "Elm House", "Ash Lodge (Nursing)"))
                .containsExactly("oak-house-nursing", "oak-house-residential", "elm-house", "ash-lodge");
    }

    @Test
    void clashing_slugs_get_numbers_without_taking_another_homes_natural_slug() {
        assertThat(slugs("Oak House", "Oak-House", "Oak House 2", "OAK  HOUSE!", "Oak House?"))
                .containsExactly("oak-house", "oak-house-3", "oak-house-2", "oak-house-4", "oak-house-5");
    }

    @Test
    void a_name_without_latin_letters_or_digits_falls_back_to_its_position() {
        assertThat(slugs("Oak House", "東京ケアホーム", "Дом", "Home 2"))
                .containsExactly("oak-house", "home-2", "home-3", "home-2-2");
    }

    @Test
    void slugs_stay_within_eighty_characters_even_with_a_number() {
        String spaced = "Abcdefghij ".repeat(7) + "Abc";
        String hyphened = "Abcdefghij-".repeat(7) + "Abc";
        String expanding = "A & B ".repeat(13) + "Ab";

        List<String> slugs = slugs(spaced, hyphened, expanding);

        assertThat(spaced).hasSize(80);
        assertThat(slugs.get(0)).isEqualTo("abcdefghij-".repeat(7) + "abc");
        assertThat(slugs.get(1)).isEqualTo("abcdefghij-".repeat(7) + "a-2");
        assertThat(slugs.get(2)).hasSizeLessThanOrEqualTo(80).startsWith("a-and-b-a-and-b");
        assertThat(slugs)
                .allSatisfy(s -> assertThat(s).hasSizeLessThanOrEqualTo(80).matches("[a-z0-9]+(-[a-z0-9]+)*"));
    }

    @Test
    void problems_read_as_line_and_message() {
        assertThat(new Problem(4, "managers: no manager given")).hasToString("line 4: managers: no manager given");
    }
}
