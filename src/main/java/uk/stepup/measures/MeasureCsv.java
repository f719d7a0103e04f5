package uk.stepup.measures;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.stepup.shared.CsvFormat;
import uk.stepup.shared.CsvRecord;
import uk.stepup.shared.UserText;

/**
 * Reads a home's measure history ({@code /measure import}): a CSV with the header
 * {@code measure,period,value[,numerator,denominator]}, one line per measure per period, into values to store, or
 * into every problem found with the physical line it is on (the header is line 1). All or nothing.
 * <ul>
 *   <li>{@code measure}: the name of one of the cohort's measures (case does not matter).</li>
 *   <li>{@code period}: {@code YYYY-MM} or {@code YYYY-MM-DD}. A monthly measure's value belongs to that month; a
 *       weekly measure needs a date and its value belongs to the week (Monday to Sunday) containing it. At most
 *       {@value #MONTHS_BACK} months back and not in the future; one value per measure per period.</li>
 *   <li>{@code value}: a number. For a rate, {@code numerator} and {@code denominator} are required and the value
 *       may be left empty (it is calculated); if given it must match them.</li>
 * </ul>
 * Columns may come in any order; blank lines are skipped.
 */
public final class MeasureCsv {
    public static final List<String> COLUMNS = List.of("measure", "period", "value", "numerator", "denominator");
    /** How far back history may go, in months before the current one. */
    public static final int MONTHS_BACK = 24;
    /** Most lines one file may have: 12 measures of two years of weekly values is about 1,250. */
    public static final int MAX_ROWS = 5000;
    /** Problems listed before "and N more". */
    public static final int MAX_PROBLEMS = 15;

    private static final Pattern MONTH = Pattern.compile("([0-9]{4})-([0-9]{1,2})");
    private static final Pattern DATE = Pattern.compile("([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})");
    private static final Pattern SLASHED = Pattern.compile("[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}");

    private MeasureCsv() {}

    /** One good line. */
    public record Row(
            int line,
            Measure measure,
            LocalDate period,
            double value,
            OptionalDouble numerator,
            OptionalDouble denominator) {}

    public sealed interface Result permits Ok, Invalid {}

    public record Ok(List<Row> rows) implements Result {
        public Ok {
            rows = List.copyOf(rows);
        }
    }

    public record Invalid(List<Problem> problems) implements Result {
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid file has at least one problem");
            }
        }

        /** Every problem on its own line, at most {@link #MAX_PROBLEMS}, then how many more. */
        public String describe() {
            StringBuilder s = new StringBuilder();
            problems.stream()
                    .limit(MAX_PROBLEMS)
                    .forEach(p -> s.append("• ").append(p).append('\n'));
            if (problems.size() > MAX_PROBLEMS) {
                s.append("…and ").append(problems.size() - MAX_PROBLEMS).append(" more.\n");
            }
            return s.toString().strip();
        }
    }

    public record Problem(int line, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    /** The header and example lines, for a manager to fill in. */
    public static String template(CsvFormat csv, List<Measure> measures) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS);
        for (Measure m : measures) {
            String period = m.frequency() == Frequency.WEEKLY ? "2026-11-02" : "2026-11";
            rows.add(m.isRate() ? List.of(m.name(), period, "", "3", "840") : List.of(m.name(), period, "4", "", ""));
        }
        return csv.write(rows);
    }

    /**
     * Reads the file against the cohort's measures, split into records by {@code csv}.
     *
     * @param today the date in the cohort's zone, for the 24-month window
     */
    public static Result parse(String text, CsvFormat csv, List<Measure> measures, LocalDate today) {
        String t = text == null ? "" : text;
        if (t.startsWith("\uFEFF")) {
            t = t.substring(1);
        }
        if (t.startsWith("PK\u0003\u0004") || t.indexOf('\u0000') >= 0) {
            return invalid(
                    1,
                    "this is not a CSV text file (it may be an Excel workbook); in Excel use "
                            + "File > Save As and choose CSV UTF-8");
        }
        List<CsvRecord> records = csv.read(t).stream().filter(r -> !r.blank()).toList();
        if (records.isEmpty()) {
            return invalid(
                    1,
                    "the file is empty; it needs the header measure,period,value (and numerator,denominator "
                            + "for rates) and then one line per measure per period");
        }
        CsvRecord header = records.get(0);
        Map<String, Integer> columns = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields()
                    .get(i)
                    .strip()
                    .toLowerCase(Locale.ROOT)
                    .replace(' ', '_')
                    .replace('-', '_');
            if (name.isEmpty()) {
                continue;
            }
            if (!COLUMNS.contains(name)) {
                problems.add(new Problem(
                        header.line(),
                        "unknown column \"" + shorten(name) + "\"; the columns are " + String.join(", ", COLUMNS)));
            } else if (columns.put(name, i) != null) {
                problems.add(new Problem(header.line(), "the column " + name + " appears twice"));
            }
        }
        for (String required : List.of("measure", "period", "value")) {
            if (!columns.containsKey(required)) {
                problems.add(new Problem(
                        header.line(),
                        "the header needs a column called " + required
                                + " (measure,period,value[,numerator,denominator])"));
            }
        }
        if (columns.containsKey("numerator") != columns.containsKey("denominator")) {
            problems.add(new Problem(header.line(), "numerator and denominator come together: add the missing one"));
        }
        if (!problems.isEmpty()) {
            return new Invalid(problems);
        }
        List<CsvRecord> rows = records.subList(1, records.size());
        if (rows.isEmpty()) {
            return invalid(header.line(), "there are no values below the header");
        }
        if (rows.size() > MAX_ROWS) {
            return invalid(
                    rows.get(MAX_ROWS).line(),
                    "a file may have at most " + MAX_ROWS + " lines of values; " + "split it into smaller files");
        }
        Map<String, Measure> byName = new HashMap<>();
        measures.forEach(m -> byName.put(m.name().strip().toLowerCase(Locale.ROOT), m));
        LocalDate earliest = today.withDayOfMonth(1).minusMonths(MONTHS_BACK);
        Map<String, Integer> seen = new HashMap<>();
        List<Row> good = new ArrayList<>();
        for (CsvRecord r : rows) {
            int before = problems.size();
            Optional<Row> row = row(r, columns, byName, measures, earliest, today, problems);
            if (row.isPresent() && problems.size() == before) {
                Row ok = row.get();
                String key = ok.measure().id() + "@" + ok.period();
                Integer first = seen.putIfAbsent(key, r.line());
                if (first != null) {
                    problems.add(new Problem(
                            r.line(),
                            ok.measure().name() + " for "
                                    + ok.measure().frequency().label(ok.period()) + " is already on line " + first
                                    + "; give one value per period"));
                } else {
                    good.add(ok);
                }
            }
        }
        return problems.isEmpty() ? new Ok(good) : new Invalid(problems);
    }

    private static Optional<Row> row(
            CsvRecord r,
            Map<String, Integer> columns,
            Map<String, Measure> byName,
            List<Measure> measures,
            LocalDate earliest,
            LocalDate today,
            List<Problem> problems) {
        int line = r.line();
        if (r.defect() != null) {
            problems.add(new Problem(line, r.defect()));
            return Optional.empty();
        }
        if (r.line() != r.lastLine()) {
            problems.add(new Problem(
                    line, "a quoted value runs on to line " + r.lastLine() + "; a closing quote is probably missing"));
            return Optional.empty();
        }
        String name = cell(r, columns, "measure");
        String periodText = cell(r, columns, "period");
        String valueText = cell(r, columns, "value");
        String numText = cell(r, columns, "numerator");
        String denText = cell(r, columns, "denominator");

        Measure m = byName.get(name.toLowerCase(Locale.ROOT));
        if (m == null) {
            problems.add(new Problem(
                    line,
                    (name.isEmpty() ? "the measure is empty" : "there is no measure called \"" + shorten(name) + "\"")
                            + "; the cohort's measures are "
                            + String.join(
                                    ", ", measures.stream().map(Measure::name).toList())));
            return Optional.empty();
        }
        Optional<LocalDate> period = period(m, periodText, line, problems);
        if (period.isEmpty()) {
            return Optional.empty();
        }
        if (period.get().isBefore(earliest)) {
            problems.add(new Problem(
                    line,
                    m.frequency().label(period.get()) + " is more than " + MONTHS_BACK
                            + " months back; history starts from " + Frequency.MONTHLY.label(earliest)));
            return Optional.empty();
        }
        if (period.get().isAfter(m.frequency().periodOf(today))) {
            problems.add(new Problem(line, m.frequency().label(period.get()) + " is in the future"));
            return Optional.empty();
        }
        OptionalDouble value = OptionalDouble.empty();
        if (!valueText.isEmpty()) {
            Optional<Double> v = Numbers.parse(valueText);
            if (v.isEmpty()) {
                problems.add(new Problem(line, "the value is not a number; use digits only, e.g. 12 or 3.5"));
                return Optional.empty();
            }
            value = OptionalDouble.of(v.get());
        }
        if (m.rate().isEmpty()) {
            if (!numText.isEmpty() || !denText.isEmpty()) {
                problems.add(new Problem(
                        line, m.name() + " is a plain number, not a rate; leave numerator and " + "denominator empty"));
                return Optional.empty();
            }
            if (value.isEmpty()) {
                problems.add(new Problem(line, "the value is empty"));
                return Optional.empty();
            }
            return Optional.of(new Row(
                    line, m, period.get(), value.getAsDouble(), OptionalDouble.empty(), OptionalDouble.empty()));
        }
        Rate rate = m.rate().get();
        if (numText.isEmpty() || denText.isEmpty()) {
            problems.add(new Problem(
                    line,
                    m.name() + " is a rate: give the numerator (" + rate.numeratorLabel() + ") and the denominator ("
                            + rate.denominatorLabel() + ")"));
            return Optional.empty();
        }
        Optional<Double> num = Numbers.parse(numText);
        Optional<Double> den = Numbers.parse(denText);
        if (num.isEmpty() || den.isEmpty()) {
            problems.add(new Problem(
                    line,
                    "the " + (num.isEmpty() ? "numerator" : "denominator") + " is not a number; use digits only"));
            return Optional.empty();
        }
        if (num.get() < 0) {
            problems.add(new Problem(line, "the numerator cannot be below 0"));
            return Optional.empty();
        }
        if (!(den.get() > 0)) {
            problems.add(new Problem(line, "the denominator must be above 0"));
            return Optional.empty();
        }
        double calculated = rate.of(num.get(), den.get());
        if (value.isPresent() && Math.abs(value.getAsDouble() - calculated) > 0.005 * Math.abs(calculated) + 0.01) {
            problems.add(new Problem(
                    line,
                    "the value " + Numbers.format(value.getAsDouble()) + " does not match "
                            + rate.describe() + " = " + Numbers.format(calculated)
                            + "; leave the value empty to have it "
                            + "calculated"));
            return Optional.empty();
        }
        return Optional.of(
                new Row(line, m, period.get(), calculated, OptionalDouble.of(num.get()), OptionalDouble.of(den.get())));
    }

    private static Optional<LocalDate> period(Measure m, String text, int line, List<Problem> problems) {
        Matcher month = MONTH.matcher(text);
        Matcher date = DATE.matcher(text);
        try {
            if (date.matches()) {
                LocalDate d = LocalDate.of(
                        Integer.parseInt(date.group(1)),
                        Integer.parseInt(date.group(2)),
                        Integer.parseInt(date.group(3)));
                return Optional.of(m.frequency().periodOf(d));
            }
            if (month.matches()) {
                if (m.frequency() == Frequency.WEEKLY) {
                    problems.add(new Problem(
                            line,
                            m.name() + " is weekly, so its period is a date (YYYY-MM-DD, any "
                                    + "day of the week), not a month"));
                    return Optional.empty();
                }
                return Optional.of(LocalDate.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)), 1));
            }
        } catch (DateTimeException e) {
            problems.add(new Problem(line, "the period is not a real date"));
            return Optional.empty();
        }
        if (SLASHED.matcher(text).matches()) {
            problems.add(new Problem(
                    line,
                    "write the period as YYYY-MM-DD or YYYY-MM (e.g. "
                            + DateTimeFormatter.ISO_LOCAL_DATE.format(LocalDate.of(2026, 3, 2))
                            + "); spreadsheets sometimes "
                            + "turn dates into 02/03/2026 when saving"));
            return Optional.empty();
        }
        problems.add(
                new Problem(line, text.isEmpty() ? "the period is empty" : "the period is not YYYY-MM or YYYY-MM-DD"));
        return Optional.empty();
    }

    private static String cell(CsvRecord r, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        return i == null || i >= r.fields().size() ? "" : r.fields().get(i).strip();
    }

    /** Echoed text, shortened, with "@" and "<" defused so it cannot mention anyone or link a channel. */
    private static String shorten(String text) {
        String s = UserText.shorten(text, 40);
        return s.replace("@", "@\u200b").replace("<", "<\u200b");
    }

    private static Invalid invalid(int line, String message) {
        return new Invalid(List.of(new Problem(line, message)));
    }
}
