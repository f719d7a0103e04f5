package uk.stepup.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.stepup.privacy.IdentifierScanner.Hit;

/**
 * Guesses at names. These only ever warn, because a guess can be wrong both ways: the manager confirms or edits.
 * <ul>
 *   <li>A title and a name: "Mrs Smith", "mr jones", "Dr. Khan", "Miss P". "Mr" and "Mrs" count in any case (people
 *       type fast in chat); the rarer titles need capitals, because "miss" is also a verb.</li>
 *   <li>A capitalised word that looks like a first name within five words of a health or incident term ("fell",
 *       "dementia", "UTI", "hospital" ...). Not counted: acronyms (CQC, GP, DoLS), days and months, the CQC rating
 *       words, a long list of everyday words, and any run of capitalised words that names a place, a team or a role
 *       ("Royal Derby Hospital", "Falls Prevention Lead").</li>
 *   <li>At the start of a sentence a capital proves nothing, so there the word must be possessive ("Doris's fall") or
 *       directly followed by what happened ("Doris fell", "Doris has dementia").</li>
 * </ul>
 */
final class NameHeuristics {

    private static final Pattern TITLE_ANY_CASE = Pattern.compile("(?i)\\b(?:mrs|mr)\\b\\.?\\s+([a-z][a-z'’-]*)");
    private static final Pattern TITLE_CAPITALISED =
            Pattern.compile("\\b(?:Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lady|Lord|Rev|Revd|MS|MISS|DR)\\b\\.?\\s+"
                    + "(\\p{Lu}(?:[\\p{L}'’-]*))");

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’-]*");
    private static final Pattern CAPITALISED =
            Pattern.compile("(?:Mc|Mac|O['’])?\\p{Lu}\\p{Ll}+(?:-\\p{Lu}?\\p{Ll}+)*");

    static final Pattern HEALTH_TERM = Pattern.compile("(?i)\\b(?:falls?|fell|fallen|falling|dementia|alzheimer['’]?s"
            + "|pressure\\s+(?:sores?|ulcers?|damage|areas?)|ulcers?|utis?|urine\\s+infections?"
            + "|urinary\\s+tract\\s+infections?|dols|safeguarding|hospitali[sz]ed|hospital|a&e|admitted|died|dying"
            + "|dies|death|deceased|passed\\s+away|medication\\s+errors?|missed\\s+(?:medication|meds|doses?)"
            + "|wrong\\s+(?:medication|meds|dose)|bruis(?:e|es|ed|ing)|chok(?:e|ed|es|ing)|infections?"
            + "|end[\\s-]of[\\s-]life|palliative|sepsis|stroke|fractur(?:e|es|ed)|broken\\s+(?:hip|arm|leg|wrist)"
            + "|wounds?|covid|diabet(?:es|ic)|delirium|seizures?|cancer|incontinen(?:t|ce)|catheter|dysphagia"
            + "|dehydrat(?:ed|ion)|unwell|poorly|aggressive|aggression|agitated|distressed)\\b");

    /** Verbs and links that make a sentence-initial capital read as a person: "Doris fell", "Doris has dementia". */
    private static final Set<String> INITIAL_LINKS = Set.of(
            "fell",
            "died",
            "choked",
            "collapsed",
            "fractured",
            "broke",
            "bruised",
            "deteriorated",
            "passed",
            "has",
            "had",
            "was",
            "is",
            "developed",
            "got",
            "sustained",
            "suffered",
            "with",
            "went",
            "needed",
            "needs");

    /** Things that happen to a person, enough on their own after a sentence-initial name: "Doris collapsed". */
    private static final Set<String> INITIAL_EVENTS =
            Set.of("fell", "died", "choked", "collapsed", "fractured", "deteriorated");

    /** A capitalised run containing one of these is a place, team, role or event: "Royal Derby Hospital". */
    private static final Set<String> TITLE_WORDS = Set.of(
            "hospital",
            "hospitals",
            "infirmary",
            "trust",
            "surgery",
            "practice",
            "council",
            "centre",
            "center",
            "clinic",
            "hospice",
            "university",
            "college",
            "foundation",
            "house",
            "lodge",
            "court",
            "manor",
            "hall",
            "care",
            "home",
            "homes",
            "team",
            "teams",
            "service",
            "services",
            "group",
            "ltd",
            "limited",
            "road",
            "street",
            "lane",
            "avenue",
            "close",
            "drive",
            "park",
            "ward",
            "unit",
            "lead",
            "leads",
            "champion",
            "champions",
            "policy",
            "audit",
            "training",
            "programme",
            "program",
            "project",
            "award",
            "awards",
            "week",
            "day",
            "month",
            "network",
            "forum",
            "partnership",
            "board",
            "committee",
            "association",
            "society",
            "club",
            "church",
            "school",
            "academy",
            "pharmacy",
            "prevention",
            "awareness",
            "tool",
            "toolkit",
            "framework",
            "guidance",
            "pathway",
            "plan",
            "protocol",
            "assessment",
            "score",
            "scale",
            "nhs",
            "icb",
            "cqc",
            "authority",
            "county",
            "city",
            "borough");

    private static final Set<String> COMMON = Stream.of(
                    // days, months and seasons
                    "monday mondays tuesday tuesdays wednesday wednesdays thursday thursdays friday fridays saturday saturdays"
                            + " sunday sundays weekend weekends january february march april may june july august september"
                            + " october november december jan feb mar apr jun jul aug sep sept oct nov dec spring summer"
                            + " autumn winter christmas easter halloween bonfire diwali eid ramadan hanukkah new year",
                    // CQC words and the programme's own vocabulary
                    "safe effective caring responsive well well-led led outstanding good requires improvement inadequate"
                            + " cqc nhs gp kloe kloes key question questions quality statement statements single assessment"
                            + " pdsa qi plan do study act model run chart spc mdc step up week weeks month months year years"
                            + " check-in checkin evidence highlight next step rating ratings inspection inspector",
                    // people and roles
                    "we our ours us i me my you your he she him her his they them their it its one someone somebody anyone"
                            + " anybody everyone everybody nobody people person residents resident staff family families"
                            + " relative relatives visitor visitors manager managers deputy registered senior nurse nurses"
                            + " carer carers care worker workers team teams colleague colleagues doctor doctors paramedic"
                            + " paramedics physio physios pharmacist pharmacists dentist optician chiropodist podiatrist"
                            + " therapist therapists cook chef kitchen housekeeping housekeeper maintenance admin activities"
                            + " coordinator coordinators lady ladies gentleman gentlemen man men woman women son sons daughter"
                            + " daughters wife husband partner mum dad mother father sister brother friend friends client"
                            + " clients service user users volunteer volunteers agency night nights day days",
                    // everyday words that start sentences or headings
                    "the a an this that these those there here then than and but or so because although though however"
                            + " also after before during when whenever while since following last next each every all some"
                            + " any many most more less few several both either neither other another same own only just"
                            + " still already very really much today yesterday tomorrow tonight now overall unfortunately"
                            + " sadly thankfully luckily fortunately recently currently previously finally firstly secondly"
                            + " thirdly lastly additionally as if for with without by from to of in on at into onto about"
                            + " over under no not yes what how why where who which whose whom thanks thank please note"
                            + " update new old first second third fourth fifth two three four five six seven eight nine ten"
                            + " once twice hopefully meanwhile again although until unless whether where's it's we've we're"
                            + " we'd we'll i've i'm i'd that's there's let's don't didn't can't won't isn't wasn't are is"
                            + " was were be been being has have had do does did will would can could should might must"
                            + " shall",
                    // health, incident and place words that are not names
                    "hospital falls fall dementia safeguarding infection infections covid flu norovirus sepsis stroke"
                            + " medication medications medicine medicines mar emar restore2 news2 dols mca lpa respect"
                            + " ambulance council local authority trust england english british wales scotland london"
                            + " training audit audits meeting meetings huddle huddles handover policy policies review"
                            + " reviews action actions champion champions lead leads plan plans lounge garden bathroom"
                            + " bedroom bedrooms room rooms floor floors ground upstairs downstairs corridor unit units"
                            + " zoom teams whatsapp discord excel word google email phone online boots tesco",
                    "bank holiday holidays morning mornings afternoon afternoons evening evenings lunch lunchtime dinner"
                            + " breakfast tea supper bed beds bedtime weekly monthly daily yearly annual annually")
            .flatMap(s -> Stream.of(s.split(" ")))
            .collect(Collectors.toUnmodifiableSet());

    private record Token(int index, int start, int end, String base, boolean possessive) {}

    private NameHeuristics() {}

    /** Warnings found in {@code text}; identifiers have already been masked out of it. */
    static List<Hit> scan(String text) {
        List<Hit> hits = new ArrayList<>();
        for (Pattern p : List.of(TITLE_ANY_CASE, TITLE_CAPITALISED)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                String name = m.group(1).toLowerCase(Locale.ROOT);
                boolean overlaps = hits.stream().anyMatch(h -> h.start() < m.end() && m.start() < h.end());
                if (!overlaps && !COMMON.contains(name)) {
                    hits.add(new Hit(FindingKind.TITLE_AND_NAME, m.start(), m.end()));
                }
            }
        }

        List<Token> tokens = tokens(text);
        boolean[] health = new boolean[tokens.size()];
        Matcher h = HEALTH_TERM.matcher(text);
        while (h.find()) {
            for (Token t : tokens) {
                if (t.start() < h.end() && h.start() < t.end()) {
                    health[t.index()] = true;
                }
            }
        }
        boolean[] candidate = new boolean[tokens.size()];
        for (Token t : tokens) {
            candidate[t.index()] = !health[t.index()]
                    && looksLikeName(t)
                    && hits.stream().noneMatch(x -> x.start() <= t.start() && t.end() <= x.end());
        }
        dropTitledRuns(text, tokens, health, candidate);

        for (Token t : tokens) {
            if (!candidate[t.index()]) {
                continue;
            }
            boolean flagged = sentenceInitial(text, t.start())
                    ? initialNameNearHealth(tokens, health, t)
                    : anyHealthWithin(health, t.index() - 5, t.index() + 5);
            if (flagged) {
                hits.add(new Hit(FindingKind.NAME_NEAR_HEALTH_TERM, t.start(), t.end()));
            }
        }
        return hits;
    }

    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher w = WORD.matcher(text);
        while (w.find()) {
            String word = w.group();
            boolean possessive = false;
            String base = word;
            if (word.endsWith("'s") || word.endsWith("’s")) {
                base = word.substring(0, word.length() - 2);
                possessive = true;
            } else if (word.endsWith("'") || word.endsWith("’")) {
                base = word.substring(0, word.length() - 1);
                possessive = true;
            }
            tokens.add(new Token(tokens.size(), w.start(), w.end(), base, possessive));
        }
        return tokens;
    }

    private static boolean looksLikeName(Token t) {
        return t.base().length() >= 2
                && CAPITALISED.matcher(t.base()).matches()
                && !COMMON.contains(t.base().toLowerCase(Locale.ROOT));
    }

    /**
     * Unmark every capitalised run ("Royal Derby Hospital", "Falls Prevention Lead") that names a thing. A possessive
     * ends a run: "Doris's UTI" is a person and her infection, not a title.
     */
    private static void dropTitledRuns(String text, List<Token> tokens, boolean[] health, boolean[] candidate) {
        int i = 0;
        while (i < tokens.size()) {
            if (!Character.isUpperCase(text.charAt(tokens.get(i).start()))) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < tokens.size()
                    && !tokens.get(j).possessive()
                    && Character.isUpperCase(text.charAt(tokens.get(j + 1).start()))
                    && text.substring(tokens.get(j).end(), tokens.get(j + 1).start())
                            .isBlank()) {
                j++;
            }
            boolean titled = false;
            for (int k = i; k <= j && j > i; k++) {
                String lower = tokens.get(k).base().toLowerCase(Locale.ROOT);
                titled |= health[k] || TITLE_WORDS.contains(lower);
            }
            if (titled) {
                for (int k = i; k <= j; k++) {
                    candidate[k] = false;
                }
            }
            i = j + 1;
        }
    }

    /**
     * Start of text, or after a full stop, exclamation or question mark, colon, line break or bullet. Not after a
     * semicolon or comma: a capital there is usually a name ("We had a fall on Sunday; Betty was fine").
     */
    static boolean sentenceInitial(String text, int start) {
        int i = start - 1;
        while (i >= 0) {
            char c = text.charAt(i);
            if (c == '\n') {
                return true;
            }
            if (Character.isWhitespace(c) || "\"'“‘(*-•#>_~".indexOf(c) >= 0 || Character.isDigit(c)) {
                i--;
                continue;
            }
            return ".!?:".indexOf(c) >= 0;
        }
        return true;
    }

    private static boolean initialNameNearHealth(List<Token> tokens, boolean[] health, Token t) {
        int i = t.index();
        if (t.possessive()) {
            return anyHealthWithin(health, i + 1, i + 3);
        }
        if (i + 1 >= tokens.size()) {
            return false;
        }
        String next = tokens.get(i + 1).base().toLowerCase(Locale.ROOT);
        return INITIAL_LINKS.contains(next) && anyHealthWithin(health, i + 1, i + 3) || INITIAL_EVENTS.contains(next);
    }

    private static boolean anyHealthWithin(boolean[] health, int from, int to) {
        for (int k = Math.max(0, from); k <= Math.min(health.length - 1, to); k++) {
            if (health[k]) {
                return true;
            }
        }
        return false;
    }
}
