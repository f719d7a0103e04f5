package uk.stepup.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the manager reads: friendly, says why and what to do, and never repeats what was matched. */
class PrivacyRepliesTest {

    final PrivacyGuard guard = new PrivacyGuard();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "943 476 5919",
                "07700 900123",
                "jo.bloggs@example.co.uk",
                "SW1A 1AA",
                "room 12",
                "DOB 12/03/1931",
                "aged 94"
            })
    void aRefusalNamesTheKindAndFieldButNeverTheIdentifier(String identifier) {
        PrivacyVerdict v = guard.check("What we did this week", "We supported the resident, " + identifier + ".");
        String reply = v.reply();
        assertThat(reply)
                .startsWith("**We haven't saved this check-in.**")
                .contains("in 'What we did this week'")
                .contains("special category data under UK GDPR")
                .contains("Discord is not a place for anything that could identify a resident")
                .contains("write it at pattern level, e.g. 'a resident' or 'three residents'")
                .contains("nothing from this attempt has been kept")
                .doesNotContain(identifier)
                .doesNotContain(
                        identifier.replaceAll("\\D", "").isEmpty() ? identifier : identifier.replaceAll("\\D", ""));
    }

    @Test
    void each_finding_describes_itself_safely() {
        assertThat(new Finding(FindingKind.NHS_NUMBER, "What we did this week", 1).description())
                .isEqualTo("an NHS number in 'What we did this week'");
        assertThat(new Finding(FindingKind.PHONE_NUMBER, "Evidence we now have", 2).description())
                .isEqualTo("2 phone numbers in 'Evidence we now have'");
        assertThat(new Finding(FindingKind.ROOM_OR_BED_NUMBER, "Next step", 1).redactionHint())
                .contains("'a resident'");
        for (FindingKind kind : FindingKind.values()) {
            assertThat(kind.hint()).as(kind.name()).endsWith(".");
            assertThat(kind.noun(1)).as(kind.name()).matches("(a|an) .+");
        }
    }

    @Test
    void a_warning_asks_for_confirmation_without_repeating_the_name() {
        String reply =
                guard.check("Highlight", "Mrs Higginbottom loved the garden").reply();
        assertThat(reply)
                .startsWith("**Before we save this, please check one thing.**")
                .contains("a title and name (such as 'Mrs ...') in 'Highlight'")
                .contains("confirm and we'll save it")
                .contains("UK GDPR")
                .doesNotContain("Higginbottom");
    }

    @Test
    void a_redirect_explains_the_route_and_that_nothing_was_saved() {
        String reply = guard.check("What we did this week", "A resident died last night")
                .reply();
        assertThat(reply)
                .startsWith("**This sounds like something with its own route, so we haven't saved it.**")
                .contains("CQC Provider Portal")
                .contains("pattern level");
    }

    @Test
    void a_refusal_also_mentions_warnings_so_one_edit_fixes_everything() {
        String reply =
                guard.check("Highlight", "Mrs Higginbottom in room 4 loved it").reply();
        assertThat(reply)
                .contains("a room, bed or flat number in 'Highlight'")
                .contains("While you're editing, please also check:")
                .contains("a title and name");
    }

    @Test
    void findings_of_one_kind_across_fields_share_a_line() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("What we did this week", "rang 07700 900123");
        fields.put("Evidence we now have", "and 020 7946 0018");
        String reply = guard.check(fields).reply();
        assertThat(reply).contains("• 2 phone numbers in 'What we did this week' and 'Evidence we now have'");
    }

    @Test
    void even_the_worst_case_fits_in_one_discord_message() {
        String everything = "Mrs Smith, Doris's fall, 943 476 5919, 07700 900123, a@b.org, SW1A 1AA, room 4, "
                + "DOB 12/03/1931, aged 94. She was hit by a carer, is not breathing, died last night, "
                + "and her daughter wants to complain.";
        Map<String, String> fields = new LinkedHashMap<>();
        for (String label : List.of(
                "What we did this week",
                "Evidence we now have",
                "Next step or help needed",
                "A highlight other homes could learn from")) {
            fields.put(label, everything);
        }
        PrivacyVerdict v = guard.check(fields);
        assertThat(v).isInstanceOf(PrivacyVerdict.Refuse.class);
        assertThat(((PrivacyVerdict.Refuse) v).signposts()).containsExactly(Signpost.values());
        assertThat(v.reply()).hasSizeLessThan(2000);
    }

    @Test
    void join_and_reads_naturally() {
        assertThat(PrivacyReplies.joinAnd(List.of())).isEmpty();
        assertThat(PrivacyReplies.joinAnd(List.of("a"))).isEqualTo("a");
        assertThat(PrivacyReplies.joinAnd(List.of("a", "b"))).isEqualTo("a and b");
        assertThat(PrivacyReplies.joinAnd(List.of("a", "b", "c"))).isEqualTo("a, b and c");
    }
}
