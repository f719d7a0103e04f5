package uk.stepup.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.stepup.storage.Database;

/**
 * Checks an export against the database it came from, as a suspicious spreadsheet user would: every CSV file parsed
 * by a strict RFC 4180 reader, every cell safe to open in a spreadsheet (OWASP's CSV-injection advice: nothing
 * starting with {@code = + - @}, tab or carriage return unless it is a plain number or neutralised with a leading
 * {@code '}), every text a person typed equal to what the database holds; the JSON document equal to the database;
 * the HTML report with no markup but its own.
 */
public final class ExportCheck {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private ExportCheck() {}

    /**
     * A CSV file as RFC 4180 has it, strictly: UTF-8 (with the byte order mark the export writes for Excel), records
     * ending in CRLF, a field quoted when and only when it must be, a quote inside a quoted field doubled, and every
     * record as wide as the header. Throws with the position of the first deviation.
     */
    public static List<List<String>> parse(String file, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(file + " is not valid UTF-8", e);
        }
        if (!text.startsWith("\uFEFF")) {
            throw new AssertionError(file + " has no byte order mark");
        }
        List<List<String>> rows = new ArrayList<>();
        int i = 1;
        int n = text.length();
        while (i < n) {
            List<String> row = new ArrayList<>();
            while (true) {
                StringBuilder f = new StringBuilder();
                if (i < n && text.charAt(i) == '"') {
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw new AssertionError(file + ": an unclosed quote in record " + (rows.size() + 1));
                        }
                        char c = text.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && text.charAt(i + 1) == '"') {
                                f.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        f.append(c);
                        i++;
                    }
                    String v = f.toString();
                    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
                        throw new AssertionError(file + ": record " + (rows.size() + 1)
                                + " quotes a field that needs no" + " quotes: " + Defects.show(v));
                    }
                } else {
                    while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r') {
                        char c = text.charAt(i);
                        if (c == '"' || c == '\n') {
                            throw new AssertionError(file + ": record " + (rows.size() + 1) + " has a bare "
                                    + (c == '"' ? "quote" : "line feed") + " in an unquoted field");
                        }
                        f.append(c);
                        i++;
                    }
                }
                row.add(f.toString());
                if (i < n && text.charAt(i) == ',') {
                    i++;
                    continue;
                }
                if (i + 1 < n && text.charAt(i) == '\r' && text.charAt(i + 1) == '\n') {
                    i += 2;
                    break;
                }
                throw new AssertionError(file + ": record " + (rows.size() + 1) + " does not end with CRLF");
            }
            if (!rows.isEmpty() && row.size() != rows.get(0).size()) {
                throw new AssertionError(file + ": record " + (rows.size() + 1) + " has " + row.size() + " fields, the"
                        + " header " + rows.get(0).size());
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new AssertionError(file + " has no header");
        }
        return rows;
    }

    /** OWASP's guard, as the export documents it. */
    public static String guarded(String text) {
        if (text == null) {
            return "";
        }
        if (text.isEmpty()) {
            return text;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
    }

    /** Cells a spreadsheet could run as a formula. */
    public static List<String> unsafeCells(String file, List<List<String>> rows) {
        List<String> problems = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                String v = rows.get(r).get(c);
                if (!v.isEmpty()
                        && "=+-@\t\r".indexOf(v.charAt(0)) >= 0
                        && !PLAIN_NUMBER.matcher(v).matches()) {
                    problems.add(file + " record " + (r + 1) + " column "
                            + rows.get(0).get(c) + " starts with a formula" + " character: " + Defects.show(v));
                }
            }
        }
        return problems;
    }

    /** The rows of a table as maps from column name to cell. */
    public static List<Map<String, String>> records(List<List<String>> rows) {
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < row.size(); i++) {
                m.put(rows.get(0).get(i), row.get(i));
            }
            out.add(m);
        }
        return out;
    }

    /** What the database holds that people typed, for one cohort. */
    public record Stored(
            String cohort,
            Map<Long, String> homes,
            Map<Long, String[]> tasks,
            Map<Long, String> sessions,
            Map<String, String[]> checkins,
            Set<String> measures) {}

    public static Stored stored(Database db, long cohortId) {
        return db.read(c -> {
            String cohort;
            try (var st = c.prepareStatement("SELECT name FROM cohort WHERE id = ?")) {
                st.setLong(1, cohortId);
                try (var rs = st.executeQuery()) {
                    rs.next();
                    cohort = rs.getString(1);
                }
            }
            Map<Long, String> homes = new HashMap<>();
            Map<Long, String[]> tasks = new HashMap<>();
            Map<Long, String> sessions = new HashMap<>();
            Map<String, String[]> checkins = new HashMap<>();
            Set<String> measures = new HashSet<>();
            try (var st = c.prepareStatement("SELECT id, name FROM home WHERE cohort_id = ?")) {
                st.setLong(1, cohortId);
                try (var rs = st.executeQuery()) {
                    while (rs.next()) {
                        homes.put(rs.getLong(1), rs.getString(2));
                    }
                }
            }
            try (var st = c.prepareStatement("SELECT id, title, details FROM task WHERE cohort_id = ?")) {
                st.setLong(1, cohortId);
                try (var rs = st.executeQuery()) {
                    while (rs.next()) {
                        tasks.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                    }
                }
            }
            try (var st = c.prepareStatement("SELECT id, title FROM session WHERE cohort_id = ?")) {
                st.setLong(1, cohortId);
                try (var rs = st.executeQuery()) {
                    while (rs.next()) {
                        sessions.put(rs.getLong(1), rs.getString(2));
                    }
                }
            }
            try (var st = c.prepareStatement(
                    "SELECT h.name, k.week, k.did, k.evidence, k.next_step, k.highlight FROM checkin k"
                            + " JOIN home h ON h.id = k.home_id WHERE h.cohort_id = ?")) {
                st.setLong(1, cohortId);
                try (var rs = st.executeQuery()) {
                    while (rs.next()) {
                        checkins.put(
                                rs.getString(1) + "\u0000" + rs.getInt(2),
                                new String[] {rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)});
                    }
                }
            }
            try (var st = c.prepareStatement("SELECT name FROM measure WHERE cohort_id = ?")) {
                st.setLong(1, cohortId);
                try (var rs = st.executeQuery()) {
                    while (rs.next()) {
                        measures.add(rs.getString(1));
                    }
                }
            }
            return new Stored(cohort, homes, tasks, sessions, checkins, measures);
        });
    }

    /** How a cell or a JSON value must show a stored text. */
    public interface Shown {
        String of(String stored);
    }

    /**
     * Compares an export's tables ({@code table → records}) with the database: every typed text as stored, in
     * {@code shown} form (guarded for CSV, as is for JSON; null becomes "" or null as the format writes it).
     */
    public static List<String> compare(Stored db, Map<String, List<Map<String, String>>> tables, Shown shown) {
        List<String> problems = new ArrayList<>();
        Set<String> homeNames = new HashSet<>(db.homes().values());
        check(problems, tables, "homes", r -> {
            expect(problems, "homes", r, "cohort", shown.of(db.cohort()));
            String home = r.get("home");
            if (homeNames.stream().noneMatch(h -> eq(shown.of(h), home))) {
                problems.add("homes: a home not in the database: " + Defects.show(String.valueOf(home)));
            }
        });
        if (tables.get("homes") != null
                && tables.get("homes").size() != db.homes().size()) {
            problems.add("homes: " + tables.get("homes").size() + " rows for "
                    + db.homes().size() + " homes");
        }
        check(problems, tables, "tasks", r -> {
            String[] t = db.tasks().get(Long.parseLong(r.get("task_id")));
            if (t == null) {
                problems.add("tasks: unknown task " + r.get("task_id"));
                return;
            }
            expect(problems, "tasks", r, "task", shown.of(t[0]));
            expect(problems, "tasks", r, "details", shown.of(t[1]));
            expect(problems, "tasks", r, "cohort", shown.of(db.cohort()));
        });
        check(problems, tables, "attendance", r -> {
            String s = db.sessions().get(Long.parseLong(r.get("session_id")));
            if (s == null) {
                problems.add("attendance: unknown session " + r.get("session_id"));
                return;
            }
            expect(problems, "attendance", r, "session", shown.of(s));
        });
        check(problems, tables, "checkins", r -> {
            String home = homeNames.stream()
                    .filter(h -> eq(shown.of(h), r.get("home")))
                    .findFirst()
                    .orElse(null);
            if (home == null) {
                problems.add("checkins: a home not in the database: " + Defects.show(String.valueOf(r.get("home"))));
                return;
            }
            String[] k = db.checkins().get(home + "\u0000" + r.get("week"));
            String[] columns = {"did", "evidence", "next_step", "highlight"};
            for (int i = 0; i < columns.length; i++) {
                expect(problems, "checkins", r, columns[i], shown.of(k == null ? null : k[i]));
            }
        });
        check(problems, tables, "measures", r -> {
            if (db.measures().stream().noneMatch(m -> eq(shown.of(m), r.get("measure")))) {
                problems.add(
                        "measures: a measure not in the database: " + Defects.show(String.valueOf(r.get("measure"))));
            }
        });
        return problems;
    }

    private static boolean eq(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static void check(
            List<String> problems,
            Map<String, List<Map<String, String>>> tables,
            String table,
            Consumer<Map<String, String>> each) {
        List<Map<String, String>> rows = tables.get(table);
        if (rows == null) {
            problems.add("no " + table + " table");
            return;
        }
        rows.forEach(each);
    }

    private static void expect(
            List<String> problems, String table, Map<String, String> row, String column, String expected) {
        String actual = row.get(column);
        if (!eq(expected, actual)) {
            problems.add(table + "." + column + ": " + Defects.show(String.valueOf(actual)) + " but the database says "
                    + Defects.show(String.valueOf(expected)));
        }
    }

    /** A JSON export's tables as records, text values as text, JSON null as null. */
    public static Map<String, List<Map<String, String>>> tables(JsonNode doc) {
        Map<String, List<Map<String, String>>> out = new LinkedHashMap<>();
        for (String table : List.of("homes", "checkins", "tasks", "attendance", "measures")) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (JsonNode row : doc.path(table)) {
                Map<String, String> m = new LinkedHashMap<>();
                row.properties()
                        .forEach(e -> m.put(
                                e.getKey(),
                                e.getValue().isNull() ? null : e.getValue().asText()));
                rows.add(m);
            }
            out.put(table, rows);
        }
        return out;
    }

    private static final Set<String> TAGS = Set.of(
            "html",
            "head",
            "meta",
            "title",
            "style",
            "body",
            "div",
            "header",
            "p",
            "nav",
            "h1",
            "h2",
            "h3",
            "h4",
            "ol",
            "ul",
            "li",
            "a",
            "section",
            "dl",
            "dt",
            "dd",
            "table",
            "caption",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "span",
            "strong",
            "figure",
            "img",
            "figcaption",
            "main",
            "footer",
            "article",
            "q",
            "em",
            "br",
            "abbr",
            "small");
    private static final Set<String> ATTRIBUTES = Set.of(
            "lang",
            "charset",
            "name",
            "content",
            "http-equiv",
            "class",
            "id",
            "href",
            "src",
            "alt",
            "width",
            "height",
            "aria-labelledby",
            "aria-label",
            "scope",
            "title",
            "role");
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9]*)([^<>]*)>|<!DOCTYPE html>");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s([A-Za-z-]+)(?:=\"([^\"]*)\")?");

    /**
     * Markup in the report that is not the report's own: a tag or attribute outside what the report writes, a link
     * that goes anywhere but a place in the page, or a stray {@code <} that user text could have opened.
     */
    public static List<String> foreignMarkup(String html) {
        List<String> problems = new ArrayList<>();
        String body = html.replaceAll("(?s)<style>.*?</style>", "<style></style>");
        Matcher m = TAG.matcher(body);
        int last = 0;
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            text.append(body, last, m.start());
            last = m.end();
            if (m.group(2) == null) {
                continue;
            }
            String tag = m.group(2).toLowerCase(Locale.ROOT);
            if (!TAGS.contains(tag)) {
                problems.add("a <" + tag + "> tag");
            }
            Matcher a = ATTRIBUTE.matcher(m.group(3));
            while (a.find()) {
                String name = a.group(1).toLowerCase(Locale.ROOT);
                String value = a.group(2) == null ? "" : a.group(2);
                if (!ATTRIBUTES.contains(name)) {
                    problems.add("an attribute " + name + " on <" + tag + ">");
                }
                if (name.equals("href") && !value.startsWith("#")) {
                    problems.add("a link to " + value);
                }
                if (name.equals("src") && !value.startsWith("data:image/png;base64,")) {
                    problems.add("an image from " + value);
                }
            }
        }
        text.append(body.substring(last));
        if (text.indexOf("<") >= 0 || text.indexOf(">") >= 0) {
            int at = Math.max(text.indexOf("<"), text.indexOf(">"));
            problems.add("a bare < or > in the text: "
                    + Defects.show(text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 60))));
        }
        return problems;
    }
}
