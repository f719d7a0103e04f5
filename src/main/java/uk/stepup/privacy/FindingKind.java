package uk.stepup.privacy;

/**
 * What the privacy guard can find in check-in text. Each kind either refuses the check-in outright or asks the
 * manager to confirm before it is stored. The wording here is shown to managers, so it never contains the text that
 * was matched: only what sort of thing it was.
 */
public enum FindingKind {
    NHS_NUMBER(
            true,
            "an NHS number",
            "NHS numbers",
            "Leave NHS numbers out altogether: the programme never needs them.",
            "NHS number removed"),
    DATE_OF_BIRTH(
            true,
            "a date of birth",
            "dates of birth",
            "Leave out dates of birth; if age matters, use a broad band such as 'over 85'.",
            "date of birth removed"),
    AGE_90_OR_OVER(
            true,
            "an exact age of 90 or over",
            "exact ages of 90 or over",
            "Use a broad band such as 'over 85' instead: very old ages are rare enough to point to one person.",
            "age removed"),
    POSTCODE(
            true,
            "a postcode",
            "postcodes",
            "Leave out postcodes: your coach already knows which home you are.",
            "postcode removed"),
    PHONE_NUMBER(
            true,
            "a phone number",
            "phone numbers",
            "Leave out phone numbers: your coach can reach you in your home's private channel.",
            "phone number removed"),
    EMAIL_ADDRESS(
            true,
            "an email address",
            "email addresses",
            "Leave out email addresses: your coach can reach you in your home's private channel.",
            "email address removed"),
    ROOM_OR_BED_NUMBER(
            true,
            "a room, bed or flat number",
            "room, bed or flat numbers",
            "Say 'a resident' or 'one bedroom' rather than giving the room, bed or flat number.",
            "room number removed"),
    TITLE_AND_NAME(
            false,
            "a title and name (such as 'Mrs ...')",
            "titles and names (such as 'Mrs ...')",
            "Say 'a resident', 'a relative' or 'a colleague' instead of their name.",
            "name removed"),
    NAME_NEAR_HEALTH_TERM(
            false,
            "a word that looks like a first name next to a health or incident word",
            "words that look like first names next to health or incident words",
            "If that is someone's name, write 'a resident' or 'a colleague' instead.",
            "name removed");

    private final boolean refuses;
    private final String singular;
    private final String plural;
    private final String hint;
    private final String placeholder;

    FindingKind(boolean refuses, String singular, String plural, String hint, String placeholder) {
        this.refuses = refuses;
        this.singular = singular;
        this.plural = plural;
        this.hint = hint;
        this.placeholder = placeholder;
    }

    /** True: the check-in is refused and nothing is stored. False: stored only after the manager confirms. */
    public boolean refuses() {
        return refuses;
    }

    /** "an NHS number" for one, "2 NHS numbers" for more. */
    public String noun(int count) {
        return count == 1 ? singular : count + " " + plural;
    }

    /** One sentence telling the manager what to write instead. */
    public String hint() {
        return hint;
    }

    /** What {@link PrivacyGuard#redact(String)} puts in place of the matched text, without brackets. */
    public String placeholder() {
        return placeholder;
    }
}
