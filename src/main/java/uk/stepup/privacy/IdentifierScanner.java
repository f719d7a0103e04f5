package uk.stepup.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the identifiers that refuse a check-in. Detectors run in a fixed order and each one masks what it claimed,
 * so a later detector never sees it again:
 * <ol>
 *   <li>email addresses (their digits must not look like phone numbers);</li>
 *   <li>web links and CQC location ids ({@code 1-123456789}), masked without a finding: they are not personal;</li>
 *   <li>dates of birth (a date beside "DOB", "born", "birthday" or "date of birth");</li>
 *   <li>UK phone numbers: a leading 0 or +44 and 9 or 10 further digits;</li>
 *   <li>NHS numbers: any other 10-digit run, contiguous or grouped 3-3-4, with a valid Modulus 11 check digit;</li>
 *   <li>postcodes, room/bed/flat numbers, and exact ages of 90 or over said about a person.</li>
 * </ol>
 * Phone numbers go before NHS numbers on purpose: a home's own 10-digit number passes Modulus 11 about one time in
 * eleven, and "phone number" is then the truer label. Both refuse the check-in, so the order only changes the words.
 * The one exception is a 10-digit, check-digit-valid run written just after "NHS", which is called an NHS number.
 */
final class IdentifierScanner {

    /** Where an identifier sits in the text. Used only inside the guard; never leaves it. */
    record Hit(FindingKind kind, int start, int end) {}

    /** The hits, and the text with every claimed span overwritten so that later heuristics ignore it. */
    record Scan(List<Hit> hits, String masked) {}

    /** Not a letter, digit, space or punctuation that any pattern uses, so a masked span matches nothing. */
    static final char MASK = '\u2591';

    private static final String MONTHS = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

    private static final Pattern EMAIL =
            Pattern.compile("(?i)(?<![\\w.%+-])[a-z0-9][a-z0-9._%+-]*@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
                    + "(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\\.[a-z]{2,}(?![\\w-])");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern CQC_LOCATION_ID = Pattern.compile("(?<![\\w-])1-\\d{5,12}(?!\\d)");

    private static final Pattern DOB_CONTEXT = Pattern.compile(
            "(?i)\\b(?:d\\.?\\s?o\\.?\\s?b\\b\\.?|(?:date\\s+of\\s+birth|birth\\s?date|birthday|born)\\b)");
    private static final Pattern GAP_BEFORE_DATE = Pattern.compile("[^.!?;\\n\\d]{0,30}");
    private static final Pattern GAP_AFTER_DATE = Pattern.compile("[^.!?;\\n\\d]{0,15}");
    private static final Pattern DATE_NUMERIC =
            Pattern.compile("(?<![\\d/.-])(\\d{1,2})([/.-])(\\d{1,2})(?:\\2(\\d{4}|\\d{2}))?(?![\\d/-]|\\.\\d)");
    private static final Pattern DATE_ISO =
            Pattern.compile("(?<![\\d/.-])(\\d{4})([/.-])(\\d{1,2})\\2(\\d{1,2})(?![\\d/-]|\\.\\d)");
    private static final Pattern DATE_DAY_MONTH =
            Pattern.compile("(?i)(?<![\\d.])(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+" + MONTHS
                    + "\\b\\.?(?:,?\\s+(\\d{4}|'?\\d{2})(?![\\d:]))?");
    private static final Pattern DATE_MONTH_DAY = Pattern.compile("(?i)\\b" + MONTHS
            + "\\b\\.?\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])(?:,?\\s+(\\d{4})(?!\\d))?");
    private static final Pattern DATE_MONTH_YEAR = Pattern.compile("(?i)\\b" + MONTHS + "\\b\\.?\\s+(\\d{4})(?!\\d)");
    private static final Pattern BORN_IN_YEAR = Pattern.compile(
            "(?i)\\b(?:born\\s+(?:in\\s+)?|d\\.?\\s?o\\.?\\s?b\\b\\.?:?\\s*)((?:18|19|20)\\d{2})(?!\\d)");

    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w+])(\\+\\s?44\\s?(?:\\(0\\)\\s?)?|0044\\s?|\\(0|0)([12378](?:(?:[ -]|\\)\\s?)?\\d){8,9})(?!\\d)");
    private static final Pattern NHS_CONTEXT = Pattern.compile("(?i)\\bnhs\\b[^\\d]{0,20}$");
    private static final Pattern NHS_NUMBER =
            Pattern.compile("(?<![\\d/.,£$-])(?<!\\d[ -])(\\d{3})([ -]?)(\\d{3})\\2(\\d{4})(?![ -]?\\d)(?![/.,]\\d)");

    /** The Government Data Standards pattern, with the inward letters narrowed to those Royal Mail uses. */
    private static final Pattern POSTCODE =
            Pattern.compile("(?i)(?<![a-z0-9])(?:gir ?0aa|(?:[a-z][0-9]{1,2}|[a-z][a-hj-y][0-9]{1,2}|[a-z][0-9][a-z]"
                    + "|[a-z][a-hj-y][0-9][a-z]?) ?([0-9])([abd-hjlnp-uw-z]{2}))(?![a-z0-9])");
    /** Lower-case inward codes that are far likelier to be "2nd", "1hr" or "3ft" than a postcode. */
    private static final Set<String> INWARD_UNITS = Set.of("st", "nd", "rd", "th", "hr", "ft", "yd", "lb");

    private static final Pattern ROOM = Pattern.compile(
            // The cheap look-ahead first, so the costly look-behind only runs where a room word starts.
            "(?i)\\b(?=bed|room|rm|flat|ap)(?<!\\b(?:meeting|training|staff|clinic|clinical|treatment|activity|activities|sensory|quiet|dining"
                    + "|sitting|therapy|sluice|laundry|store|storage|function|visiting|tea|tv|class|consulting"
                    + "|interview|board|break|hair|prayer|family)\\s)"
                    + "(?:bed(?:room)?s?|rooms?|rm|flat|apartment|apt)\\.?\\s*(?:no\\.?\\s*|number\\s*|#\\s*)?"
                    + "(\\d{1,4}[a-z]?)\\b"
                    + "(?!\\s*(?:hours?\\b|hrs?\\b|h\\b|mins?\\b|minutes?\\b|days?\\b|nights?\\b|weeks?\\b|wks?\\b"
                    + "|months?\\b|years?\\b|times?\\b|x\\b|%|o'?clock|am\\b|pm\\b|:\\d))");

    private static final String AGE_WORDS = "(?:ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
            + "|(?:a |one )?hundred(?:[- ]and[- ][a-z]+)?)";
    private static final Pattern AGED = Pattern.compile(
            "(?i)(?<!(?:average|mean|median|oldest|youngest)\\s)\\baged?\\s*:?\\s*(\\d{2,3}|" + AGE_WORDS + ")\\b"
                    + "(?!\\s*(?:\\+|plus\\b|and\\s+(?:over|above|older)|or\\s+(?:over|above|older)|-\\s*\\d|–\\s*\\d"
                    + "|to\\s+\\d|%))");
    private static final Pattern YEARS_OLD = Pattern.compile("(?i)\\b((\\d{2,3}|" + AGE_WORDS
            + ")(?:\\s*-\\s*|\\s+)?(?:years?|yrs?|yr)(?:\\s*-\\s*|\\s+)old)\\b" + "(?:\\s+([a-z]+))?");
    private static final Pattern YO = Pattern.compile("(?i)\\b(\\d{2,3})\\s?(?:yo|y/o|y\\.o\\.?)(?![\\w/])");
    private static final Pattern NTH_BIRTHDAY = Pattern.compile("(?i)\\b(\\d{2,3})(?:st|nd|rd|th)\\s+birthday\\b");
    private static final Pattern TURNED = Pattern.compile(
            "(?i)\\b(?:turned|turns|turning)\\s+(\\d{2,3})\\b(?!\\s*(?:%|per|years? of|residents|people|staff|beds"
                    + "|rooms|days|weeks|months|times))");
    private static final Pattern CENTENARIAN = Pattern.compile("(?i)\\bcentenarians?\\b");
    /** "A 120-year-old building" is about a building, not a person. */
    private static final Set<String> THINGS = Set.of(
            "building",
            "buildings",
            "house",
            "houses",
            "home",
            "homes",
            "property",
            "premises",
            "hall",
            "manor",
            "mansion",
            "church",
            "chapel",
            "tree",
            "trees",
            "oak",
            "tradition",
            "recipe",
            "piano",
            "clock",
            "bridge",
            "school",
            "company",
            "business",
            "charity",
            "organisation",
            "organization",
            "establishment",
            "photo",
            "photograph",
            "photos",
            "painting",
            "book",
            "car",
            "wall",
            "walls",
            "garden",
            "pub",
            "mill",
            "barn",
            "cottage",
            "listed",
            "victorian",
            "georgian",
            "edwardian",
            "structure",
            "site",
            "institution",
            "service",
            "practice",
            "village",
            "town",
            "city",
            "furniture",
            "wing",
            "extension",
            "lift",
            "boiler",
            "windows");

    private IdentifierScanner() {}

    static Scan scan(String text, int currentYear) {
        StringBuilder buf = new StringBuilder(text);
        List<Hit> hits = new ArrayList<>();
        claim(buf, hits, FindingKind.EMAIL_ADDRESS, EMAIL);
        claim(buf, hits, null, URL);
        claim(buf, hits, null, CQC_LOCATION_ID);
        datesOfBirth(buf, hits, currentYear);
        phoneNumbers(buf, hits);
        nhsNumbers(buf, hits);
        postcodes(buf, hits);
        claim(buf, hits, FindingKind.ROOM_OR_BED_NUMBER, ROOM);
        agesOver90(buf, hits);
        hits.sort(Comparator.comparingInt(Hit::start));
        return new Scan(List.copyOf(hits), buf.toString());
    }

    /** Every match of {@code p} becomes a hit of {@code kind} (or is just masked when kind is null). */
    private static void claim(StringBuilder buf, List<Hit> hits, FindingKind kind, Pattern p) {
        Matcher m = p.matcher(buf.toString());
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        for (int[] s : spans) {
            mark(buf, hits, kind, s[0], s[1]);
        }
    }

    private static void mark(StringBuilder buf, List<Hit> hits, FindingKind kind, int start, int end) {
        for (int i = start; i < end; i++) {
            buf.setCharAt(i, MASK);
        }
        if (kind != null) {
            hits.add(new Hit(kind, start, end));
        }
    }

    // ---- dates of birth ------------------------------------------------------------------------------------------

    private record Span(int start, int end) {}

    private static void datesOfBirth(StringBuilder buf, List<Hit> hits, int currentYear) {
        String text = buf.toString();
        List<Span> contexts = new ArrayList<>();
        Matcher c = DOB_CONTEXT.matcher(text);
        while (c.find()) {
            contexts.add(new Span(c.start(), c.end()));
        }
        if (contexts.isEmpty()) {
            return;
        }
        List<Span> dates = new ArrayList<>();
        Matcher m = DATE_NUMERIC.matcher(text);
        while (m.find()) {
            if (validDayMonth(m.group(1), m.group(3)) && plausibleBirthYear(m.group(4), currentYear)) {
                dates.add(new Span(m.start(), m.end()));
            }
        }
        m = DATE_ISO.matcher(text);
        while (m.find()) {
            if (validDayMonth(m.group(4), m.group(3)) && plausibleBirthYear(m.group(1), currentYear)) {
                dates.add(new Span(m.start(), m.end()));
            }
        }
        m = DATE_DAY_MONTH.matcher(text);
        while (m.find()) {
            if (validDay(m.group(1)) && plausibleBirthYear(m.group(2), currentYear)) {
                dates.add(new Span(m.start(), m.end()));
            }
        }
        m = DATE_MONTH_DAY.matcher(text);
        while (m.find()) {
            if (validDay(m.group(1)) && plausibleBirthYear(m.group(2), currentYear)) {
                dates.add(new Span(m.start(), m.end()));
            }
        }
        m = DATE_MONTH_YEAR.matcher(text);
        while (m.find()) {
            if (plausibleBirthYear(m.group(1), currentYear)) {
                dates.add(new Span(m.start(), m.end()));
            }
        }
        m = BORN_IN_YEAR.matcher(text);
        while (m.find()) {
            if (plausibleBirthYear(m.group(1), currentYear)) {
                dates.add(new Span(m.start(1), m.end(1)));
            }
        }
        // Longest first, then drop any date overlapping one already kept ("12 March 1931" beats "March 1931").
        dates.sort(Comparator.comparingInt((Span s) -> s.start() - s.end()).thenComparingInt(Span::start));
        List<Span> kept = new ArrayList<>();
        for (Span d : dates) {
            if (kept.stream().noneMatch(k -> k.start() < d.end() && d.start() < k.end())
                    && nearContext(text, d, contexts)) {
                kept.add(d);
            }
        }
        for (Span d : kept) {
            mark(buf, hits, FindingKind.DATE_OF_BIRTH, d.start(), d.end());
        }
    }

    private static boolean nearContext(String text, Span date, List<Span> contexts) {
        for (Span ctx : contexts) {
            if (ctx.end() <= date.start()
                    && GAP_BEFORE_DATE
                            .matcher(text.substring(ctx.end(), date.start()))
                            .matches()) {
                return true;
            }
            if (date.end() <= ctx.start()
                    && GAP_AFTER_DATE
                            .matcher(text.substring(date.end(), ctx.start()))
                            .matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean validDay(String day) {
        int d = Integer.parseInt(day);
        return d >= 1 && d <= 31;
    }

    private static boolean validDayMonth(String day, String month) {
        int mo = Integer.parseInt(month);
        return validDay(day) && mo >= 1 && mo <= 12;
    }

    /**
     * A missing or two-digit year could be anyone's birth; a four-digit year counts only if it is at least 15 years
     * ago, so "a birthday party on 12/03/2027" is an event date, not a date of birth.
     */
    private static boolean plausibleBirthYear(String year, int currentYear) {
        if (year == null) {
            return true;
        }
        String digits = year.replace("'", "");
        if (digits.length() != 4) {
            return true;
        }
        int y = Integer.parseInt(digits);
        return y >= 1880 && y <= currentYear - 15;
    }

    // ---- phone and NHS numbers -----------------------------------------------------------------------------------

    private static void phoneNumbers(StringBuilder buf, List<Hit> hits) {
        String text = buf.toString();
        Matcher m = PHONE.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            String digits = ("0" + m.group(2)).replaceAll("\\D", "");
            boolean national = !m.group(1).contains("4");
            if (national
                    && digits.length() == 10
                    && NhsNumbers.isValid(digits)
                    && NHS_CONTEXT
                            .matcher(text.substring(Math.max(0, m.start() - 30), m.start()))
                            .find()) {
                continue; // written as an NHS number: let the NHS detector name it
            }
            spans.add(new int[] {m.start(), m.end()});
        }
        for (int[] s : spans) {
            mark(buf, hits, FindingKind.PHONE_NUMBER, s[0], s[1]);
        }
    }

    private static void nhsNumbers(StringBuilder buf, List<Hit> hits) {
        Matcher m = NHS_NUMBER.matcher(buf.toString());
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            if (NhsNumbers.isValid(m.group(1) + m.group(3) + m.group(4))) {
                spans.add(new int[] {m.start(), m.end()});
            }
        }
        for (int[] s : spans) {
            mark(buf, hits, FindingKind.NHS_NUMBER, s[0], s[1]);
        }
    }

    // ---- postcodes -----------------------------------------------------------------------------------------------

    private static void postcodes(StringBuilder buf, List<Hit> hits) {
        Matcher m = POSTCODE.matcher(buf.toString());
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            String inward = m.group(2);
            if (inward != null && inward.equals(inward.toLowerCase(Locale.ROOT)) && INWARD_UNITS.contains(inward)) {
                continue; // "E3 2nd", "C1 1hr": a KLOE code and an ordinal or unit, not a postcode
            }
            spans.add(new int[] {m.start(), m.end()});
        }
        for (int[] s : spans) {
            mark(buf, hits, FindingKind.POSTCODE, s[0], s[1]);
        }
    }

    // ---- ages ----------------------------------------------------------------------------------------------------

    private static void agesOver90(StringBuilder buf, List<Hit> hits) {
        String text = buf.toString();
        List<int[]> spans = new ArrayList<>();
        for (Pattern p : List.of(AGED, YO, NTH_BIRTHDAY, TURNED)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                if (age(m.group(1)) >= 90) {
                    spans.add(new int[] {m.start(), m.end()});
                }
            }
        }
        Matcher m = YEARS_OLD.matcher(text);
        while (m.find()) {
            String next = m.group(3);
            boolean aboutAThing = (next != null && THINGS.contains(next.toLowerCase(Locale.ROOT)))
                    || thingJustBefore(text, m.start());
            if (age(m.group(2)) >= 90 && !aboutAThing) {
                spans.add(new int[] {m.start(1), m.end(1)});
            }
        }
        m = CENTENARIAN.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        spans.sort(Comparator.comparingInt(s -> s[0]));
        int lastEnd = -1;
        for (int[] s : spans) {
            if (s[0] >= lastEnd) {
                mark(buf, hits, FindingKind.AGE_90_OR_OVER, s[0], s[1]);
                lastEnd = s[1];
            }
        }
    }

    /** "The building is 120 years old": a thing named in the few words before the age. */
    private static boolean thingJustBefore(String text, int start) {
        String before = text.substring(Math.max(0, start - 40), start).toLowerCase(Locale.ROOT);
        int stop = Math.max(Math.max(before.lastIndexOf('.'), before.lastIndexOf('!')), before.lastIndexOf('?'));
        for (String word : before.substring(stop + 1).split("[^a-z]+")) {
            if (THINGS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Digits, or "ninety-four", "a hundred" and the like; 0 when unreadable. Ages over 125 are not ages. */
    private static int age(String text) {
        String t = text.toLowerCase(Locale.ROOT).trim();
        int value;
        if (t.chars().allMatch(Character::isDigit)) {
            value = Integer.parseInt(t);
        } else if (t.startsWith("ninety")) {
            value = 90;
        } else if (t.contains("hundred")) {
            value = 100;
        } else {
            value = 0;
        }
        return value <= 125 ? value : 0;
    }
}
