package uk.stepup.privacy;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import uk.stepup.privacy.IdentifierScanner.Hit;
import uk.stepup.privacy.IdentifierScanner.Scan;

/**
 * Screens a check-in's free text before anything is stored. Call {@link #check(Map)} with every text field of the
 * check-in, keyed by the label the manager saw, and act on the {@link PrivacyVerdict}:
 * <ul>
 *   <li><b>Refuse</b> (nothing stored): NHS numbers (Modulus 11 valid), dates of birth, exact ages of 90 or over,
 *       UK postcodes, UK phone numbers, email addresses, and room, bed or flat numbers;</li>
 *   <li><b>Redirect</b> (nothing stored): safeguarding concerns, statutory notifications, live complaints and urgent
 *       clinical issues, each signposted to its proper route;</li>
 *   <li><b>Warn</b> (stored only after the manager confirms): a title and name, or a likely first name near a health
 *       or incident word;</li>
 *   <li><b>Clear</b>: store it.</li>
 * </ul>
 * What counts, in short (each detector's class documents the detail):
 * <ul>
 *   <li>NHS numbers: ten digits, contiguous or 3-3-4 with spaces or hyphens, with a valid Modulus 11 check digit.
 *       UK phone numbers (a leading 0 or +44) are recognised first, so a home's own number is called a phone
 *       number; both refuse.</li>
 *   <li>Dates of birth: a date (12/03/1931, 12-3-31, 12.03.1931, 12 March 1931, March 12, 1931, 1931-03-12, or a
 *       birth year after "born" or "DOB") within a few words of "DOB", "D.O.B", "born", "birthday", "birth date"
 *       or "date of birth". A four-digit year less than 15 years ago is an event, not a birth ("a birthday party
 *       on 12/03/2026"). A date on its own is fine.</li>
 *   <li>Exact ages of 90 or over about a person: "aged 94", "a 97-year-old", "96yo", "her 100th birthday",
 *       "turned 95", "centenarian". Ranges ("aged 90 and over"), averages and old buildings pass.</li>
 *   <li>Postcodes by the UK government pattern, any case, with or without the space, including GIR 0AA; a
 *       lower-case "2nd" or "1hr" after a KLOE code ("E3 2nd week") is not a postcode.</li>
 *   <li>Room, bed and flat numbers ("room 12", "rm 4", "bed 3", "bedroom 7", "flat 2b", "apartment 3"): in extra
 *       care and supported living a flat number points to a person just as a room number does. Rooms named for
 *       a use ("meeting room 2"), durations ("in bed 2 hours") and words without a number ("Bed rails audit",
 *       "room for improvement") pass.</li>
 * </ul>
 * The precedence is Refuse, then Redirect, then Warn; a refusal still carries any signposts and warnings, so the
 * manager sees them in the same reply. Findings name the kind of detail and the field, never the matched text.
 * <p>
 * The guard holds no text and logs nothing: check-in text must never reach a log.
 */
public final class PrivacyGuard {

    private final Clock clock;

    /** A guard that reads the current year from the system clock (for telling birth years from event years). */
    public PrivacyGuard() {
        this(Clock.systemDefaultZone());
    }

    public PrivacyGuard(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Screens the fields in their map order (pass a {@link LinkedHashMap} to keep the modal's order in the reply).
     * Null or blank values are skipped; labels must not be null.
     */
    public PrivacyVerdict check(Map<String, String> fieldsByLabel) {
        Objects.requireNonNull(fieldsByLabel, "fieldsByLabel");
        int year = Year.now(clock).getValue();
        List<Finding> refusals = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        EnumSet<Signpost> signposts = EnumSet.noneOf(Signpost.class);
        fieldsByLabel.forEach((label, text) -> {
            Objects.requireNonNull(label, "field label");
            if (text == null || text.isBlank()) {
                return;
            }
            Scan scan = IdentifierScanner.scan(text, year);
            List<Hit> hits = new ArrayList<>(scan.hits());
            hits.addAll(NameHeuristics.scan(scan.masked()));
            Map<FindingKind, Integer> counts = new EnumMap<>(FindingKind.class);
            for (Hit h : hits) {
                counts.merge(h.kind(), 1, Integer::sum);
            }
            counts.forEach((kind, n) -> (kind.refuses() ? refusals : warnings).add(new Finding(kind, label, n)));
            signposts.addAll(SignpostRules.scan(text));
        });
        if (!refusals.isEmpty()) {
            List<Finding> all = new ArrayList<>(refusals);
            all.addAll(warnings);
            return new PrivacyVerdict.Refuse(all, List.copyOf(signposts));
        }
        if (!signposts.isEmpty()) {
            return new PrivacyVerdict.Redirect(List.copyOf(signposts));
        }
        if (!warnings.isEmpty()) {
            return new PrivacyVerdict.Warn(warnings);
        }
        return new PrivacyVerdict.Clear();
    }

    /** Screens a single field. */
    public PrivacyVerdict check(String fieldLabel, String text) {
        Map<String, String> one = new LinkedHashMap<>();
        one.put(Objects.requireNonNull(fieldLabel, "fieldLabel"), text);
        return check(one);
    }

    /**
     * Screens text that other people will read but that is not a check-in: a coach's task, session or broadcast, a
     * cohort's or a home's name. Only identifiers stop it, the same ones that refuse a check-in; a possible name or a
     * topic that would signpost a manager is left to the writer, who is not reporting on a resident. Empty when the
     * text may be stored and posted; otherwise a sentence for the reply naming what was found and where, never the
     * text itself.
     */
    public Optional<String> identifiers(Map<String, String> fieldsByLabel) {
        List<Finding> refusals = refusals(fieldsByLabel);
        if (refusals.isEmpty()) {
            return Optional.empty();
        }
        List<String> found = refusals.stream().map(Finding::description).toList();
        return Optional.of("It contains " + PrivacyReplies.joinAnd(found) + ", and Discord is not a place for anything"
                + " that could identify a resident, a relative or a colleague. Nothing was saved or posted: write it"
                + " without those details.");
    }

    /**
     * What a person typed, in double quotes, for a reply that tells them it was not understood; {@code instead} when
     * it holds an identifier, because replies never repeat one.
     */
    public String quoted(String typed, String instead) {
        return refusals(Map.of("typed", typed)).isEmpty() ? "\"" + typed + "\"" : instead;
    }

    /** The identifiers {@link #identifiers(Map)} would stop the text for; empty when there are none. */
    public List<Finding> refusals(Map<String, String> fieldsByLabel) {
        return check(fieldsByLabel) instanceof PrivacyVerdict.Refuse refuse ? refuse.refusals() : List.of();
    }

    /** {@link #identifiers(Map)} for one field. */
    public Optional<String> identifiers(String fieldLabel, String text) {
        Map<String, String> one = new LinkedHashMap<>();
        one.put(Objects.requireNonNull(fieldLabel, "fieldLabel"), text);
        return identifiers(one);
    }

    /**
     * The text with every refused identifier replaced by a placeholder such as "[phone number removed]", for
     * pre-filling the form when the manager edits a refused check-in. Possible names are left for the manager to
     * judge, and signposted content is not changed: rewriting is theirs to do.
     */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<Hit> hits =
                IdentifierScanner.scan(text, Year.now(clock).getValue()).hits();
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Hit h : hits) {
            out.append(text, at, h.start())
                    .append('[')
                    .append(h.kind().placeholder())
                    .append(']');
            at = h.end();
        }
        return out.append(text.substring(at)).toString();
    }
}
