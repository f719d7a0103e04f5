package uk.stepup.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Signposts fire on a particular event or a plea for help, never on the topic a KLOE is about. */
class SignpostTest {

    final PrivacyGuard guard = new PrivacyGuard();

    PrivacyVerdict check(String text) {
        return guard.check("What we did this week", text);
    }

    void assertRedirected(String text, Signpost... expected) {
        PrivacyVerdict v = check(text);
        assertThat(v).as(text).isInstanceOf(PrivacyVerdict.Redirect.class);
        assertThat(((PrivacyVerdict.Redirect) v).signposts()).as(text).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "A resident is not breathing properly",
                "he's unresponsive, what do we do",
                "She can't breathe",
                "should I call 999?",
                "Do we ring 111 or the GP?",
                "he needs urgent medical help",
                "chest pains right now",
                "right now she is very unwell and I'm on my own",
                "she keeps choking"
            })
    void urgentClinicalIssues(String text) {
        assertRedirected(text, Signpost.URGENT_CLINICAL);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "A resident was hit by a carer",
                "she was pushed by another resident",
                "he has been financially abused",
                "a resident is being neglected at home visits",
                "We received an allegation against the night staff",
                "her daughter alleges that staff shouted",
                "a resident disclosed that she was touched"
            })
    void abuseAndAllegationsAreSafeguardingAndNotifiable(String text) {
        assertRedirected(text, Signpost.SAFEGUARDING, Signpost.CQC_NOTIFICATION);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "We suspect her son is taking her money",
                "I'm worried a visitor is stealing from him",
                "We raised a safeguarding concern about a resident",
                "unexplained bruising on her arm",
                "Her nephew has been using her cards"
            })
    void safeguardingConcerns(String text) {
        assertRedirected(text, Signpost.SAFEGUARDING);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "A resident died last night",
                "one of our residents passed away on Tuesday",
                "she sadly died",
                "there was an unexpected death",
                "He fractured his hip",
                "she sustained a head injury",
                "resident had a broken wrist after the trip",
                "her DoLS was granted",
                "the DoLS for a resident was refused",
                "police were called at 2am",
                "Do we need to notify CQC?"
            })
    void notifiableEvents(String text) {
        assertRedirected(text, Signpost.CQC_NOTIFICATION);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Her daughter wants to complain about the food",
                "the family is threatening to complain",
                "How do I make a complaint?",
                "we have an ongoing complaint from a relative",
                "I'd like to make a formal complaint"
            })
    void liveComplaints(String text) {
        assertRedirected(text, Signpost.COMPLAINT);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "We reviewed our safeguarding policy with staff",
                "Staff know how to report abuse and neglect",
                "Safeguarding training: 95% completed",
                "We received 3 complaints this quarter and changed the laundry process",
                "Complaints log themed monthly; you said, we did board updated",
                "R3: we improved end of life care planning and reviewed deaths with the GP",
                "DoLS tracker updated, 4 applications pending",
                "We trained staff on when to call 999 and when to ring 111",
                "Learning from deaths reviews shared at the huddle",
                "We audited how we handle allegations of abuse",
                "Falls with fracture risk reviewed; hip protectors offered",
                "Our statutory notifications audit found none missed",
                "We reduced falls by 12% in March 2027",
                "The police liaison officer gave a talk on scams",
                "We practised what to do if someone is choking: first aid refresher",
                "Unexplained bruising audits use body maps",
                "Scenario training: what to do if a resident was hit by a carer",
                "We checked staff know how to act in case a resident is not breathing"
            })
    void topicsAreNotEvents(String text) {
        assertThat(check(text)).as(text).isInstanceOf(PrivacyVerdict.Clear.class);
    }
}
