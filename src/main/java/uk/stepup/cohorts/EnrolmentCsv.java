package uk.stepup.cohorts;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.stepup.cohorts.HomeRepository.NewHome;
import uk.stepup.privacy.Finding;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.shared.CsvFormat;
import uk.stepup.shared.CsvRecord;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;

/**
 * Reads the bulk-enrolment CSV ({@code import} and {@code /cohort import}) into homes to enrol, or into every problem
 * found, each with the physical line it is on (the header is line 1). All or nothing: one bad row and no home is
 * returned.
 *
 * <p>The header names the columns {@link #COLUMNS} once each, in any order; case, surrounding spaces and "-" or " "
 * for "_" do not matter ("Well-led" is {@code well_led}). Unknown and missing columns are named. Blank lines and
 * rows of empty cells are skipped wherever they are. A quoted value may not contain a line break: no column needs
 * one, and a break is nearly always a missing closing quote, so the row is reported with the lines it runs across
 * and later lines keep their true numbers.
 *
 * <p>Messages are meant for a coach and are safe to post in Discord: values are echoed shortened, and an "@" in
 * an echoed value is followed by a zero-width space so it cannot mention anyone. A home's name goes through the
 * privacy guard (every member of the cohort sees it); a name with an identifier in it is reported by kind, never
 * echoed.
 */
public final class EnrolmentCsv {
    /** The documented header, in the documented order. */
    public static final List<String> COLUMNS = List.of(
            "home", "cqc_location_id", "managers", "overall", "safe", "effective", "caring", "responsive", "well_led");
    /** Most homes one file may enrol. */
    public static final int MAX_HOMES = 1000;
    /** Longest home name, in characters, after trimming. */
    public static final int MAX_NAME_LENGTH = 80;

    /** What {@link #parse} found: homes to enrol, or why not. */
    public sealed interface Result permits Ok, Invalid {}

    /**
     * Every row was good: the homes in file order, with unique names, slugs, CQC ids and managers, and the line each
     * is on.
     */
    public record Ok(List<NewHome> homes, List<Integer> lines) implements Result {
        public Ok {
            homes = List.copyOf(homes);
            lines = List.copyOf(lines);
            if (homes.size() != lines.size()) {
                throw new IllegalArgumentException("one line per home");
            }
        }

        /** The line of the first home that has this manager, if any. */
        public Optional<Integer> lineOf(String managerId) {
            for (int i = 0; i < homes.size(); i++) {
                if (homes.get(i).managerIds().contains(managerId)) {
                    return Optional.of(lines.get(i));
                }
            }
            return Optional.empty();
        }
    }

    /** At least one problem; nothing may be enrolled. Problems are in line order. */
    public record Invalid(List<Problem> problems) implements Result {
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid file has at least one problem");
            }
        }
    }

    /** A problem on a physical line of the file (the header is line 1). */
    public record Problem(int line, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    private static final String COPY_ID = "(copy it with Developer Mode on: right-click the person, Copy User ID)";
    private static final String RATINGS =
            "use Outstanding, Good, Requires improvement or Inadequate," + " or leave it empty if not rated";
    private static final Set<String> NOT_RATED =
            Set.of("", "not rated", "not yet rated", "no rating", "unrated", "n/a", "na", "none");
    private static final Pattern INVISIBLE = Pattern.compile("[\u200B\u200C\u200D\u2060\uFEFF\u00AD\u180E]");
    private static final Pattern SPACES = Pattern.compile("\\p{Zs}+");
    private static final Pattern CQC_ID = Pattern.compile("1-[0-9]{6,12}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern USER_MENTION = Pattern.compile("<@!?([0-9]+)>");
    private static final Pattern SCIENTIFIC = Pattern.compile("[0-9](?:\\.[0-9]+)?[eE][+]?[0-9]+");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[[^\\]]*\\]\\s*\\(");
    private static final List<String> MENTIONS = List.of("@everyone", "@here", "<@&", "<@", "<#");

    private EnrolmentCsv() {}

    /** The header and one example row, for a coach to download and fill in. */
    public static String template() {
        return String.join(",", COLUMNS) + "\r\n"
                + "\"Oak House (Nursing)\",1-123456789,\"234567890123456789; 345678901234567890\","
                + "Good,Good,Requires improvement,Good,Good,Good\r\n";
    }

    /**
     * Reads the whole file; {@code text} is its content already decoded (a leading UTF-8 BOM is ignored), split into
     * records by {@code csv}. The guard screens the homes' names.
     */
    public static Result parse(String text, CsvFormat csv, PrivacyGuard guard) {
        String t = text == null ? "" : text;
        if (t.startsWith("\uFEFF")) {
            t = t.substring(1);
        }
        if (t.startsWith("PK\u0003\u0004") || t.indexOf('\u0000') >= 0) {
            return invalid(
                    1,
                    "this is not a CSV text file (it may be an Excel workbook);"
                            + " in Excel use File > Save As and choose CSV UTF-8");
        }
        List<CsvRecord> records = csv.read(t).stream().filter(r -> !r.blank()).toList();
        if (records.isEmpty()) {
            return invalid(
                    1,
                    "the file is empty; it needs the header " + String.join(",", COLUMNS)
                            + " and then one line per home");
        }
        List<Problem> problems = new ArrayList<>();
        CsvRecord header = records.get(0);
        Map<String, Integer> columns = readHeader(header, problems, guard);
        if (!problems.isEmpty()) {
            return new Invalid(problems);
        }
        List<CsvRecord> rows = records.subList(1, records.size());
        if (rows.isEmpty()) {
            return invalid(header.line(), "there are no homes below the header; add one line per home");
        }
        Rows reader = new Rows(columns, header.fields().size(), problems, guard);
        for (int i = 0; i < rows.size(); i++) {
            if (i == MAX_HOMES) {
                problems.add(new Problem(
                        rows.get(i).line(),
                        "too many homes: the file has " + rows.size() + " and one import takes at most " + MAX_HOMES
                                + "; split it into smaller files"));
                break;
            }
            reader.read(rows.get(i));
        }
        if (!problems.isEmpty()) {
            return new Invalid(problems);
        }
        return new Ok(reader.homes(), reader.lines());
    }

    private static Invalid invalid(int line, String message) {
        return new Invalid(List.of(new Problem(line, message)));
    }

    private static Map<String, Integer> readHeader(CsvRecord header, List<Problem> problems, PrivacyGuard guard) {
        int line = header.line();
        if (header.defect() != null) {
            problems.add(new Problem(line, "header: " + header.defect()));
            return Map.of();
        }
        List<String> cells = new ArrayList<>(header.fields());
        while (!cells.isEmpty() && clean(cells.get(cells.size() - 1)).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        if (cells.size() == 1 && (cells.get(0).contains(";") || cells.get(0).contains("\t"))) {
            String separator = cells.get(0).contains(";") ? "\";\"" : "tabs";
            problems.add(new Problem(
                    line,
                    "header: the columns are separated by " + separator
                            + " instead of commas; in Excel use File > Save As and choose CSV UTF-8"));
            return Map.of();
        }
        List<String> names = cells.stream()
                .map(c -> clean(c).toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_"))
                .toList();
        if (names.stream().noneMatch(COLUMNS::contains)) {
            problems.add(
                    new Problem(line, "header: the first line must name the columns: " + String.join(",", COLUMNS)));
            return Map.of();
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = names.get(i);
            if (name.isEmpty()) {
                problems.add(new Problem(line, "header: column " + (i + 1) + " has no name"));
            } else if (!COLUMNS.contains(name)) {
                problems.add(new Problem(
                        line,
                        "header: unknown column " + shown(cells.get(i), guard) + "; the columns are "
                                + String.join(", ", COLUMNS)));
            } else if (columns.putIfAbsent(name, i) != null) {
                problems.add(new Problem(line, "header: column " + name + " appears twice"));
            }
        }
        List<String> missing =
                COLUMNS.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            problems.add(new Problem(
                    line,
                    "header: missing column" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                            + "; the header is " + String.join(",", COLUMNS)));
        }
        return columns;
    }

    /** Reads data rows one by one, remembering what earlier rows used so duplicates name the first line. */
    private static final class Rows {
        private record Draft(
                int line, String name, Optional<String> cqcLocationId, Baseline baseline, List<String> managers) {}

        private final Map<String, Integer> columns;
        private final int width;
        private final int headerCells;
        private final List<Problem> problems;
        private final PrivacyGuard guard;
        private final List<Draft> drafts = new ArrayList<>();
        private final Map<String, Integer> nameLines = new HashMap<>();
        private final Map<String, Integer> cqcLines = new HashMap<>();
        private final Map<String, Integer> managerLines = new HashMap<>();
        private int line;
        private boolean rowOk;

        /** {@code headerCells} counts the header's empty trailing cells too: rows may have as many, if empty. */
        Rows(Map<String, Integer> columns, int headerCells, List<Problem> problems, PrivacyGuard guard) {
            this.guard = guard;
            this.columns = columns;
            this.width =
                    columns.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
            this.headerCells = headerCells;
            this.problems = problems;
        }

        void read(CsvRecord row) {
            line = row.line();
            rowOk = true;
            if (row.defect() != null) {
                problem(row.defect());
                return;
            }
            if (row.lastLine() > row.line()) {
                problem("a quoted value runs from line " + row.line() + " to line " + row.lastLine()
                        + "; values cannot contain line breaks (is a closing \" missing?)");
                return;
            }
            List<String> fields = row.fields();
            boolean extraFilled = fields.subList(Math.min(width, fields.size()), fields.size()).stream()
                    .anyMatch(f -> !clean(f).isEmpty());
            if (fields.size() < width || fields.size() > Math.max(width, headerCells) || extraFilled) {
                problem("expected " + width + " values (" + String.join(", ", headerOrder()) + ") but found "
                        + fields.size() + "; a value that contains a comma must be inside double quotes,"
                        + " e.g. \"Oak House, Leeds\"");
                return;
            }
            String name = name(value(fields, "home"));
            Optional<String> cqc = cqcLocationId(value(fields, "cqc_location_id"));
            List<String> managers = managers(value(fields, "managers"));
            Optional<Rating> overall = rating("overall", value(fields, "overall"));
            Map<KeyQuestion, Rating> byKeyQuestion = new EnumMap<>(KeyQuestion.class);
            for (KeyQuestion k : KeyQuestion.values()) {
                rating(k.key(), value(fields, k.key())).ifPresent(r -> byKeyQuestion.put(k, r));
            }
            if (rowOk) {
                drafts.add(new Draft(line, name, cqc, new Baseline(overall, byKeyQuestion), managers));
            }
        }

        List<NewHome> homes() {
            List<String> slugs =
                    HomeSlugs.assign(drafts.stream().map(Draft::name).toList());
            List<NewHome> homes = new ArrayList<>();
            for (int i = 0; i < drafts.size(); i++) {
                Draft d = drafts.get(i);
                homes.add(new NewHome(d.name(), slugs.get(i), d.cqcLocationId(), d.baseline(), d.managers()));
            }
            return homes;
        }

        List<Integer> lines() {
            return drafts.stream().map(Draft::line).toList();
        }

        private List<String> headerOrder() {
            return columns.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey)
                    .toList();
        }

        private String value(List<String> fields, String column) {
            return fields.get(columns.get(column));
        }

        private String shown(String value) {
            return EnrolmentCsv.shown(value, guard);
        }

        private void problem(String message) {
            problems.add(new Problem(line, message));
            rowOk = false;
        }

        private String name(String raw) {
            String visible = INVISIBLE.matcher(raw).replaceAll("");
            if (visible.startsWith("\t") || visible.startsWith("\r")) {
                problem("home: starts with a tab, which spreadsheets can treat as the start of a formula;"
                        + " start the name with a letter or digit");
                return null;
            }
            String name = Normalizer.normalize(clean(raw), Normalizer.Form.NFC);
            if (name.isEmpty()) {
                problem("home: the home's name is missing");
                return null;
            }
            List<Finding> identifiers = guard.refusals(Map.of("home", name));
            if (!identifiers.isEmpty()) {
                problem("home: the name contains "
                        + String.join(
                                " and ",
                                identifiers.stream()
                                        .map(f -> f.kind().noun(f.count()))
                                        .toList()) + ", which could identify someone, so it is not"
                        + " repeated here; give just the home's name");
                return null;
            }
            Optional<String> hidden = name.codePoints()
                    .filter(EnrolmentCsv::hidden)
                    .boxed()
                    .findFirst()
                    .map(cp -> String.format("U+%04X", cp));
            if (hidden.isPresent()) {
                problem("home: " + shown(name) + " contains a hidden control character (" + hidden.get()
                        + "); type the name again as plain text");
                return null;
            }
            if (name.indexOf('\uFFFD') >= 0) {
                problem("home: " + shown(name) + " has characters that could not be read;"
                        + " save the file as CSV UTF-8 and try again");
                return null;
            }
            int length = name.codePointCount(0, name.length());
            if (length > MAX_NAME_LENGTH) {
                problem("home: the name is " + length + " characters long; keep it to " + MAX_NAME_LENGTH
                        + " or fewer");
                return null;
            }
            char first = name.charAt(0);
            if (first == '=' || first == '+' || first == '-' || first == '@') {
                problem("home: " + shown(name) + " starts with \"" + first + "\", which spreadsheets run as a formula;"
                        + " start the name with a letter or digit");
                return null;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            for (String mention : MENTIONS) {
                if (lower.contains(mention)) {
                    problem("home: contains " + shown(mention) + ", which Discord reads as a mention;"
                            + " write the name as plain text");
                    return null;
                }
            }
            if (MARKDOWN_LINK.matcher(name).find() || name.contains("://")) {
                problem("home: " + shown(name) + " contains a link; give just the home's name");
                return null;
            }
            Integer earlier = nameLines.putIfAbsent(lower, line);
            if (earlier != null) {
                problem("home: " + shown(name) + " is already on line " + earlier + "; list each home once,"
                        + " with all its managers in the managers column separated by \";\"");
                return null;
            }
            return name;
        }

        private Optional<String> cqcLocationId(String raw) {
            String id = clean(raw);
            if (id.isEmpty()) {
                return Optional.empty();
            }
            if (!CQC_ID.matcher(id).matches()) {
                problem("cqc_location_id: " + shown(id) + " is not a CQC location id; it looks like 1-123456789"
                        + " (see the home's page on the CQC website), or leave it empty");
                return Optional.empty();
            }
            Integer earlier = cqcLines.putIfAbsent(id, line);
            if (earlier != null) {
                problem("cqc_location_id: " + id + " is already used on line " + earlier
                        + "; each home has its own CQC location id");
            }
            return Optional.of(id);
        }

        private List<String> managers(String raw) {
            List<String> ids = new ArrayList<>();
            Set<String> inRow = new LinkedHashSet<>();
            boolean given = false;
            for (String part : raw.split("[;,]")) {
                String entry = clean(part);
                if (entry.isEmpty()) {
                    continue;
                }
                given = true;
                Matcher mention = USER_MENTION.matcher(entry);
                String id = mention.matches() ? mention.group(1) : entry;
                if (!managerId(id)) {
                    continue;
                }
                if (!inRow.add(id)) {
                    problem("managers: " + id + " is listed twice");
                    continue;
                }
                Integer earlier = managerLines.putIfAbsent(id, line);
                if (earlier != null) {
                    problem("managers: " + id + " is already a manager on line " + earlier
                            + "; a manager belongs to exactly one home");
                    continue;
                }
                ids.add(id);
            }
            if (!given) {
                problem("managers: no manager given; add at least one Discord user id " + COPY_ID);
            }
            return ids;
        }

        private boolean managerId(String id) {
            if (SCIENTIFIC.matcher(id).matches()) {
                problem("managers: " + shown(id) + " is a Discord user id that a spreadsheet has turned into a"
                        + " rounded number; format the managers column as Text, paste the ids again and save");
                return false;
            }
            if (id.startsWith("@")) {
                problem("managers: " + shown(id) + " is a name, not a Discord user id " + COPY_ID);
                return false;
            }
            if (!DIGITS.matcher(id).matches()) {
                String hint = id.matches("[0-9]+\\s+[0-9\\s]+") ? "; separate ids with \";\"" : "";
                problem("managers: " + shown(id) + " is not a Discord user id " + COPY_ID + hint);
                return false;
            }
            if (!snowflake(id)) {
                problem("managers: " + shown(id) + " is not a Discord user id: those are 17 to 20 digits long "
                        + COPY_ID);
                return false;
            }
            return true;
        }

        private Optional<Rating> rating(String column, String raw) {
            String value = clean(raw);
            String words =
                    value.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ").strip();
            if (NOT_RATED.contains(words)) {
                return Optional.empty();
            }
            Optional<Rating> rating = Rating.parse(value);
            if (rating.isEmpty()) {
                problem(column + ": " + shown(value) + " is not a CQC rating; " + RATINGS);
            }
            return rating;
        }
    }

    /**
     * A Discord snowflake as text: digits without a leading zero, 15 to 20 of them (the oldest accounts have 17;
     * 15 leaves room for test servers), and no larger than an unsigned 64-bit number.
     */
    private static boolean snowflake(String digits) {
        if (digits.length() < 15 || digits.length() > 20 || digits.charAt(0) == '0') {
            return false;
        }
        try {
            Long.parseUnsignedLong(digits);
            return true;
        } catch (NumberFormatException tooLarge) {
            return false;
        }
    }

    /** Drops zero-width characters, turns every kind of space into a plain one, collapses runs and trims. */
    private static String clean(String raw) {
        String s = INVISIBLE.matcher(raw).replaceAll("");
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    private static boolean hidden(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
    }

    /**
     * A value quoted for a message: at most 40 characters, nothing hidden, no live mentions or channel links; a
     * value with an identifier in it is not repeated at all.
     */
    private static String shown(String value, PrivacyGuard guard) {
        if (!guard.refusals(Map.of("value", value)).isEmpty()) {
            return "(a value that could identify someone, not repeated here)";
        }
        StringBuilder out = new StringBuilder("\"");
        int[] cps = value.strip().codePoints().toArray();
        for (int i = 0; i < Math.min(cps.length, 40); i++) {
            int cp = cps[i];
            if (hidden(cp)) {
                out.append('?');
            } else {
                out.appendCodePoint(cp);
                if (cp == '@' || cp == '<') {
                    out.append('\u200B');
                }
            }
        }
        return out.append(cps.length > 40 ? "…\"" : "\"").toString();
    }
}
