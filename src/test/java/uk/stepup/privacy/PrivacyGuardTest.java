package uk.stepup.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrivacyGuardTest {

    static final String DID = "What we did this week";
    static final String EVIDENCE = "Evidence we now have";

    final PrivacyGuard guard =
            new PrivacyGuard(Clock.fixed(Instant.parse("2026-06-01T09:00:00Z"), ZoneId.of("Europe/London")));

    PrivacyVerdict check(String text) {
        return guard.check(DID, text);
    }

    /** The kinds found in one field, in the order the verdict lists them. */
    List<FindingKind> kinds(PrivacyVerdict verdict) {
        if (verdict instanceof PrivacyVerdict.Refuse r) {
            return r.findings().stream().map(Finding::kind).toList();
        }
        if (verdict instanceof PrivacyVerdict.Warn w) {
            return w.findings().stream().map(Finding::kind).toList();
        }
        return List.of();
    }

    void assertRefused(String text, FindingKind kind) {
        PrivacyVerdict v = check(text);
        assertThat(v).as(text).isInstanceOf(PrivacyVerdict.Refuse.class);
        assertThat(((PrivacyVerdict.Refuse) v).refusals())
                .as(text)
                .extracting(Finding::kind)
                .containsExactly(kind);
    }

    @Nested
    class NhsNumbers {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "9434765919",
                    "943 476 5919",
                    "943-476-5919",
                    "NHS no. 4010232137",
                    "her number is 485 777 3457.",
                    "(4505577104)",
                    "0412345676"
                })
        void validNumbersInEveryLayoutAreRefused(String text) {
            assertRefused("Resident's details: " + text, FindingKind.NHS_NUMBER);
        }

        @ParameterizedTest
        @ValueSource(strings = {"9434765918", "943 476 5918", "943-476-5910", "1234567890", "123 456 7890"})
        void an_invalid_check_digit_is_not_an_nhs_number(String text) {
            assertThat(check("Reference " + text + " from the audit")).isInstanceOf(PrivacyVerdict.Clear.class);
        }

        @Test
        void mixed_separators_or_other_groupings_are_not_the_nhs_layout() {
            // 943 476-5919 mixes separators; 9434 765 919 is grouped 4-3-3: neither is how NHS numbers are written.
            assertThat(check("code 943 476-5919")).isInstanceOf(PrivacyVerdict.Clear.class);
            assertThat(check("code 9434 765 919")).isInstanceOf(PrivacyVerdict.Clear.class);
        }

        @Test
        void a_valid_number_inside_a_longer_digit_run_is_ignored() {
            assertThat(check("batch 19434765919 and 94347659190")).isInstanceOf(PrivacyVerdict.Clear.class);
        }

        @Test
        void a_ten_digit_run_that_looks_like_a_phone_number_is_called_a_phone_number() {
            // 0169770001 passes Modulus 11, but it is also a valid UK phone number: the truer label wins.
            assertRefused("call 0169770001", FindingKind.PHONE_NUMBER);
        }

        @Test
        void unless_it_is_written_as_an_nhs_number() {
            assertRefused("NHS number 0169770001", FindingKind.NHS_NUMBER);
        }

        @Test
        void an_invalid_ten_digit_phone_number_is_still_a_phone_number() {
            assertRefused("ring 0169770002 after six", FindingKind.PHONE_NUMBER);
        }
    }

    @Nested
    class PhoneNumbers {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "01632 960000",
                    "01632960000",
                    "020 7946 0018",
                    "(020) 7946 0018",
                    "0161 496 0000",
                    "0161-496-0000",
                    "07700 900123",
                    "07700900123",
                    "07700 900 123",
                    "+44 7700 900123",
                    "+447700900123",
                    "+44 (0)20 7946 0018",
                    "+44 20 7946 0018",
                    "0044 20 7946 0018",
                    "0800 123 4567",
                    "0300 123 4567",
                    "(01632) 960000",
                    "01697 71234"
                })
        void ukNumbersInCommonLayoutsAreRefused(String number) {
            assertRefused("Call me on " + number + " if easier", FindingKind.PHONE_NUMBER);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0161 496 00001", "0900 123 4567", "0500 12", "+1 212 555 0100"})
        void numbers_that_are_not_uk_phone_numbers_pass(String number) {
            assertThat(check("ref " + number)).as(number).isInstanceOf(PrivacyVerdict.Clear.class);
        }

        @Test
        void each_number_is_counted() {
            PrivacyVerdict v = check("Ring 07700 900123 or 020 7946 0018");
            assertThat(((PrivacyVerdict.Refuse) v).findings())
                    .containsExactly(new Finding(FindingKind.PHONE_NUMBER, DID, 2));
        }
    }

    @Nested
    class EmailAddresses {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "jo.bloggs@example.co.uk",
                    "manager+cqc@oak-lodge.org",
                    "J_SMITH@NHS.NET",
                    "deputy01632960000@example.com"
                })
        void addressesAreRefusedOnce(String email) {
            PrivacyVerdict v = check("Email " + email + " for the audit");
            assertThat(((PrivacyVerdict.Refuse) v).findings())
                    .containsExactly(new Finding(FindingKind.EMAIL_ADDRESS, DID, 1));
        }

        @Test
        void an_at_sign_alone_is_not_an_email() {
            assertThat(check("Shared @ the team huddle, see @coach")).isInstanceOf(PrivacyVerdict.Clear.class);
        }
    }

    @Nested
    class Postcodes {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "SW1A 1AA",
                    "sw1a 1aa",
                    "SW1A1AA",
                    "M1 1AE",
                    "B33 8TH",
                    "CR2 6XH",
                    "DN55 1PT",
                    "W1A 0AX",
                    "EC1A 1BB",
                    "LS1 4AP",
                    "GIR 0AA",
                    "gir0aa",
                    "Gir 0aa",
                    "ne1 4ap",
                    "NE1 4ST"
                })
        void officialPatternsAreRefusedInAnyCase(String postcode) {
            assertRefused("She moved from " + postcode + " last year", FindingKind.POSTCODE);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "Working on S1 this week",
                    "E3 2nd week of the audit",
                    "KLOEs S1 to S6",
                    "C1 1hr session",
                    "W5 1st meeting",
                    "R2 3rd review",
                    "S4 2pm huddle",
                    "E2 8am start",
                    "12 residents on W2",
                    "Covid19 booster",
                    "B12 levels checked"
                })
        void kloeCodesAndOrdinalsAreNotPostcodes(String text) {
            assertThat(check(text)).as(text).isInstanceOf(PrivacyVerdict.Clear.class);
        }
    }

    @Nested
    class RoomAndBedNumbers {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "room 12",
                    "Room 12a",
                    "ROOM 4",
                    "rm 4",
                    "Rm. 4",
                    "rm4",
                    "bed 3",
                    "bedroom 7",
                    "flat 2b",
                    "Flat 12",
                    "apartment 3",
                    "room no. 5",
                    "room number 5",
                    "room #5",
                    "rooms 3 and 4",
                    "beds 2 and 9"
                })
        void numberedRoomsBedsAndFlatsAreRefused(String text) {
            assertRefused("The resident in " + text + " needed support", FindingKind.ROOM_OR_BED_NUMBER);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "Bed rails audit completed",
                    "There is room for improvement",
                    "room temperature logs",
                    "we have 40 beds and 38 rooms",
                    "a 40-bed home",
                    "stayed in bed 2 hours longer",
                    "training in meeting room 2",
                    "the staff room 1 was repainted",
                    "flat 10% rise",
                    "bedroom doors"
                })
        void roomsWithoutAResidentNumberPass(String text) {
            assertThat(check(text)).as(text).isInstanceOf(PrivacyVerdict.Clear.class);
        }
    }

    @Nested
    class DatesOfBirth {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "DOB 12/03/1931",
                    "DOB: 12/03/1931",
                    "D.O.B. 12-3-31",
                    "d.o.b 12.03.1931",
                    "dob 12/3/31",
                    "born 12 March 1931",
                    "born on the 12th of March 1931",
                    "Born: 12 Mar 1931",
                    "date of birth 1931-03-12",
                    "date of birth is 12.03.1931",
                    "born March 12, 1931",
                    "her birthday is 12 March",
                    "birthday: 12/03",
                    "12/03/1931 (DOB)",
                    "born in 1931",
                    "born 1931",
                    "born in March 1931",
                    "birth date 12/03/1931",
                    "DOB 1931",
                    "d.o.b.: 1931"
                })
        void dateNextToBirthWordsIsRefused(String text) {
            assertRefused("Resident, " + text + ", settled in well", FindingKind.DATE_OF_BIRTH);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "we held 2 meetings on 12/03/2027",
                    "audit done 12-03-2026",
                    "on 12 March we met",
                    "review due 2026-03-12",
                    "a birthday party on 12/03/2025 for everyone",
                    "born out of the PDSA in 2024",
                    "she was born. On 12/03/2026 we met",
                    "we celebrated birthdays on 12 March"
                })
        void datesWithoutBirthContextOrWithRecentYearsPass(String text) {
            assertThat(check(text)).as(text).isInstanceOf(PrivacyVerdict.Clear.class);
        }
    }

    @Nested
    class AgesOfNinetyAndOver {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "aged 94",
                    "aged 100",
                    "age 97",
                    "age: 101",
                    "a 97-year-old",
                    "a 97 year old",
                    "she is 94 years old",
                    "a 102-yr-old",
                    "the 96yo",
                    "her 100th birthday",
                    "turned 95 this week",
                    "a ninety-four-year-old",
                    "aged ninety",
                    "our centenarian",
                    "a hundred-year-old"
                })
        void exactAgesOfNinetyOrOverAboutAPersonAreRefused(String text) {
            assertRefused("We supported " + text + " to garden", FindingKind.AGE_90_OR_OVER);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "aged 89",
                    "a 75-year-old",
                    "residents aged 90 and over",
                    "aged 90+",
                    "aged 90-99",
                    "average age 91",
                    "a 120-year-old building",
                    "the house is 150 years old",
                    "our 100-year-old oak tree",
                    "turned 100 days without a fall",
                    "100% of residents",
                    "the 10 minute huddle"
                })
        void youngerAgesRangesAndThingsPass(String text) {
            assertThat(check(text)).as(text).isInstanceOf(PrivacyVerdict.Clear.class);
        }
    }

    @Nested
    class NearMisses {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "we reduced falls by 12% in March 2027",
                    "3 of our 40 residents",
                    "we held 2 meetings on 12/03/2027",
                    "Bed rails audit",
                    "room for improvement",
                    "room temperature",
                    "the 10 minute huddle",
                    "Our CQC location is 1-123456789",
                    "CQC location 1-1234567890 (a ten-digit id)",
                    "We spent £1,000 on sensory equipment",
                    "Working on KLOE S1 this week",
                    "85% of care plans reviewed",
                    "Handover at 09:00 and 21:30",
                    "See https://www.cqc.org.uk/location/1-123456789 for our report",
                    "We scored 8/10 and 45.5% on the audit",
                    "2 residents need 1:1 support",
                    "0 falls in 12 weeks",
                    "We ran 3 PDSA cycles on hydration, 1,250 ml target",
                    "Phone audit: 100% of calls answered"
                })
        void passWithoutAnyFinding(String text) {
            assertThat(check(text)).as(text).isInstanceOf(PrivacyVerdict.Clear.class);
        }
    }

    @Nested
    class Warnings {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "Mrs Smith enjoyed the garden",
                    "we visited mrs smith",
                    "Mr J liked the music",
                    "Dr. Khan reviewed meds",
                    "Dr Khan came in",
                    "Miss Patel helped",
                    "MR JONES",
                    "Ms O'Brien joined"
                })
        void titleAndNameWarns(String text) {
            PrivacyVerdict v = check(text);
            assertThat(v).as(text).isInstanceOf(PrivacyVerdict.Warn.class);
            assertThat(kinds(v)).containsExactly(FindingKind.TITLE_AND_NAME);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "we noticed Doris was at risk of falls",
                    "Doris fell twice at night",
                    "Doris's UTI cleared",
                    "Arthur has dementia and likes music",
                    "we think Jean-Paul had a fall",
                    "the audit showed Molly bruised her arm",
                    "staff took Bob to hospital",
                    "Mary had an infection",
                    "support for Aisha at end of life",
                    "We had a fall on Sunday; Betty was fine"
                })
        void firstNameNearHealthTermWarns(String text) {
            PrivacyVerdict v = check(text);
            assertThat(v).as(text).isInstanceOf(PrivacyVerdict.Warn.class);
            assertThat(kinds(v)).containsExactly(FindingKind.NAME_NEAR_HEALTH_TERM);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "On Monday two residents fell",
                    "In March falls reduced",
                    "Safe: falls reduced",
                    "Our falls lead reviewed the data",
                    "We reduced falls",
                    "Staff completed dementia training",
                    "The GP reviewed UTIs",
                    "Residents at risk of falls were reviewed",
                    "One resident was admitted to " + "Royal Derby Hospital",
                    "Our Falls Prevention Lead ran a huddle",
                    "CQC asked about DoLS",
                    "Overnight falls dropped",
                    "Well-led: safeguarding audit done",
                    "Outstanding falls work",
                    "Unfortunately we had 3 falls",
                    "The NHS infection team visited",
                    "Good progress on UTIs",
                    "Falls down. Dementia training up.",
                    "We used Zoom for the falls review",
                    "Effective and Caring both improved; falls down",
                    "Requires improvement on medication errors",
                    "Tuesday huddles on hydration cut UTIs",
                    "We discussed this with the GP about hospital admissions",
                    "Staff missed the fire drill",
                    "Mrs and Mr are titles we avoid"
                })
        void ordinaryWritingDoesNotWarn(String text) {
            assertThat(check(text)).as(text).isInstanceOf(PrivacyVerdict.Clear.class);
        }

        @Test
        void a_titled_name_near_a_health_term_is_one_finding() {
            assertThat(kinds(check("Then Mrs Smith fell in the lounge"))).containsExactly(FindingKind.TITLE_AND_NAME);
        }

        @Test
        void warnings_may_be_stored_only_after_confirmation() {
            PrivacyVerdict v = check("Mrs Smith enjoyed the garden");
            assertThat(v.mayStore()).isFalse();
            assertThat(v.mayStoreAfterConfirmation()).isTrue();
        }
    }

    @Nested
    class Verdicts {

        @Test
        void blank_and_null_fields_are_clear() {
            Map<String, String> fields = new HashMap<>();
            fields.put(DID, "   ");
            fields.put(EVIDENCE, null);
            PrivacyVerdict v = guard.check(fields);
            assertThat(v).isEqualTo(new PrivacyVerdict.Clear());
            assertThat(v.mayStore()).isTrue();
            assertThat(v.reply()).isEmpty();
        }

        @Test
        void a_null_label_is_a_programming_error() {
            Map<String, String> fields = new HashMap<>();
            fields.put(null, "text");
            assertThatThrownBy(() -> guard.check(fields)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void findings_are_reported_per_field_in_the_forms_order() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put(DID, "We rang 07700 900123 about room 4");
            fields.put(EVIDENCE, "Email deputy@example.org; Mrs Smith signed it");
            PrivacyVerdict v = guard.check(fields);
            assertThat(v).isInstanceOf(PrivacyVerdict.Refuse.class);
            PrivacyVerdict.Refuse r = (PrivacyVerdict.Refuse) v;
            assertThat(r.refusals())
                    .containsExactly(
                            new Finding(FindingKind.PHONE_NUMBER, DID, 1),
                            new Finding(FindingKind.ROOM_OR_BED_NUMBER, DID, 1),
                            new Finding(FindingKind.EMAIL_ADDRESS, EVIDENCE, 1));
            assertThat(r.warnings()).containsExactly(new Finding(FindingKind.TITLE_AND_NAME, EVIDENCE, 1));
            assertThat(r.findings()).hasSize(4);
            assertThat(v.mayStore()).isFalse();
            assertThat(v.mayStoreAfterConfirmation()).isFalse();
        }

        @Test
        void refusal_beats_signpost_but_keeps_the_signposts() {
            PrivacyVerdict v = check("The resident in room 4 was hit by a carer last night");
            assertThat(v).isInstanceOf(PrivacyVerdict.Refuse.class);
            PrivacyVerdict.Refuse r = (PrivacyVerdict.Refuse) v;
            assertThat(r.signposts()).containsExactly(Signpost.SAFEGUARDING, Signpost.CQC_NOTIFICATION);
            assertThat(r.reply())
                    .startsWith("**First, the important bit.**")
                    .contains("local authority safeguarding team", "CQC Provider Portal");
        }

        @Test
        void signpost_beats_warning() {
            PrivacyVerdict v = check("Mrs Smith was hit by another resident and we think it was abuse");
            assertThat(v)
                    .isEqualTo(new PrivacyVerdict.Redirect(List.of(Signpost.SAFEGUARDING, Signpost.CQC_NOTIFICATION)));
            assertThat(v.mayStoreAfterConfirmation()).isFalse();
        }

        @Test
        void signposts_from_different_fields_are_combined_most_urgent_first() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put(DID, "Her daughter wants to complain about the laundry");
            fields.put(EVIDENCE, "A resident is not breathing properly, should I call 999?");
            PrivacyVerdict v = guard.check(fields);
            assertThat(v).isEqualTo(new PrivacyVerdict.Redirect(List.of(Signpost.URGENT_CLINICAL, Signpost.COMPLAINT)));
        }

        @Test
        void verdict_lists_are_immutable() {
            PrivacyVerdict.Refuse r = (PrivacyVerdict.Refuse) check("room 4");
            assertThatThrownBy(() -> r.findings().clear()).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void verdicts_reject_inconsistent_contents() {
            Finding warning = new Finding(FindingKind.TITLE_AND_NAME, DID, 1);
            Finding refusal = new Finding(FindingKind.POSTCODE, DID, 1);
            assertThatThrownBy(() -> new PrivacyVerdict.Refuse(List.of(warning), List.of()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new PrivacyVerdict.Warn(List.of(refusal)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new PrivacyVerdict.Warn(List.of())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new PrivacyVerdict.Redirect(List.of()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Finding(FindingKind.POSTCODE, DID, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Redaction {

        @Test
        void refused_identifiers_are_replaced_and_the_rest_kept() {
            assertThat(guard.redact("Call 07700 900123 or email jo@example.org about room 12, DOB 12/03/1931."))
                    .isEqualTo("Call [phone number removed] or email [email address removed] about "
                            + "[room number removed], DOB [date of birth removed].");
        }

        @Test
        void names_are_left_for_the_manager_to_judge() {
            assertThat(guard.redact("Mrs Smith, aged 94, NHS 943 476 5919, SW1A 1AA"))
                    .isEqualTo("Mrs Smith, [age removed], NHS [NHS number removed], [postcode removed]");
        }

        @Test
        void clean_text_is_unchanged() {
            String text = "We reduced falls by 12% in March 2027";
            assertThat(guard.redact(text)).isEqualTo(text);
            assertThat(guard.redact("")).isEmpty();
            assertThat(guard.redact(null)).isNull();
        }
    }
}
