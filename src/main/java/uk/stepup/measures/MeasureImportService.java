package uk.stepup.measures;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.ManagedHomes;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.privacy.PrivacyVerdict;
import uk.stepup.shared.Actor;
import uk.stepup.shared.CsvFormat;
import uk.stepup.shared.CsvRecord;
import uk.stepup.shared.Outcome;

/**
 * {@code /measure import}: a manager loads their home's history from a CSV file (see {@link MeasureCsv}), so its
 * charts have a baseline before the programme's changes begin. All or nothing: one bad line and nothing is stored.
 * A value for a period that already has one replaces it (so a corrected file can simply be imported again). The
 * whole file goes through the privacy guard first: it is for aggregate numbers only.
 */
public final class MeasureImportService {
    private final CohortRepository cohorts;
    private final HomeRepository homes;
    private final MeasureRepository measures;
    private final PrivacyGuard guard;
    private final CsvFormat csv;
    private final Clock clock;

    public MeasureImportService(
            CohortRepository cohorts,
            HomeRepository homes,
            MeasureRepository measures,
            PrivacyGuard guard,
            CsvFormat csv,
            Clock clock) {
        this.cohorts = cohorts;
        this.homes = homes;
        this.measures = measures;
        this.guard = guard;
        this.csv = csv;
        this.clock = clock;
    }

    /** Imports the file for the manager's own home. */
    public Outcome importCsv(Actor actor, String csvText) {
        Optional<Home> home = ManagedHomes.current(homes, cohorts, actor, true);
        if (home.isEmpty()) {
            return Outcome.refused(
                    actor.coach()
                            ? "A home's manager imports its history, so that it goes to their own home. Send them the file "
                                    + "layout from `/measure list`."
                            : "You are not enrolled as a manager of a home in a running cohort, so there is nowhere to import "
                                    + "to. Ask your coach to enrol you.");
        }
        Cohort cohort = cohorts.byId(home.get().cohortId()).orElseThrow();
        List<Measure> defined = measures.inCohort(cohort.id());
        if (defined.isEmpty()) {
            return Outcome.invalid(cohort.name() + " has no measures yet, so there is nothing to import into. "
                    + "Your coach adds them with `/measure add`.");
        }
        PrivacyVerdict verdict = screen(csvText);
        if (!(verdict instanceof PrivacyVerdict.Clear)) {
            return Outcome.invalid("Nothing was imported. " + PrivacyWords.explain(verdict));
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(cohort.zone()).toLocalDate();
        MeasureCsv.Result parsed = MeasureCsv.parse(csvText, csv, defined, today);
        if (parsed instanceof MeasureCsv.Invalid invalid) {
            return Outcome.invalid("Nothing was imported. Fix these lines and try again:\n" + invalid.describe());
        }
        if (!(parsed instanceof MeasureCsv.Ok ok)) {
            throw new IllegalStateException("A CSV result is Ok or Invalid, not " + parsed);
        }
        List<MeasureCsv.Row> rows = ok.rows();
        Set<String> existing = new HashSet<>();
        measures.forHome(home.get().id()).forEach(v -> existing.add(v.measureId() + "@" + v.period()));
        int replaced = 0;
        List<MeasureValue> values = new ArrayList<>();
        Map<Measure, int[]> counts = new LinkedHashMap<>();
        Map<Measure, LocalDate[]> spans = new LinkedHashMap<>();
        for (MeasureCsv.Row r : rows) {
            values.add(new MeasureValue(
                    r.measure().id(),
                    home.get().id(),
                    r.period(),
                    r.value(),
                    r.numerator(),
                    r.denominator(),
                    MeasureValue.Source.IMPORTED,
                    OptionalInt.empty(),
                    actor.userId(),
                    now));
            if (existing.contains(r.measure().id() + "@" + r.period())) {
                replaced++;
            }
            counts.computeIfAbsent(r.measure(), k -> new int[1])[0]++;
            LocalDate[] span = spans.computeIfAbsent(r.measure(), k -> new LocalDate[] {r.period(), r.period()});
            span[0] = r.period().isBefore(span[0]) ? r.period() : span[0];
            span[1] = r.period().isAfter(span[1]) ? r.period() : span[1];
        }
        measures.saveValues(values);
        StringBuilder s = new StringBuilder("Imported ")
                .append(values.size())
                .append(values.size() == 1 ? " value" : " values")
                .append(" for ")
                .append(home.get().name())
                .append(":\n");
        counts.forEach((m, n) -> {
            LocalDate[] span = spans.get(m);
            s.append("• ")
                    .append(m.name())
                    .append(": ")
                    .append(n[0])
                    .append(" (")
                    .append(m.frequency().label(span[0]));
            if (!span[0].equals(span[1])) {
                s.append(" to ").append(m.frequency().label(span[1]));
            }
            s.append(")\n");
        });
        if (replaced > 0) {
            s.append(replaced)
                    .append(replaced == 1 ? " value" : " values")
                    .append(" already stored for those periods ")
                    .append(replaced == 1 ? "was" : "were")
                    .append(" replaced.\n");
        }
        s.append("See the charts with `/measures`.");
        return Outcome.done(s.toString());
    }

    /**
     * The file through the privacy guard: each line as a whole, and each of its values on its own (a comma right
     * after an NHS number makes it look like part of a larger number, "5919,2026"), labelled with the line number.
     */
    private PrivacyVerdict screen(String csvText) {
        Map<String, String> parts = new LinkedHashMap<>();
        String text = csvText == null ? "" : csvText;
        String[] split = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < split.length; i++) {
            if (!split[i].isBlank()) {
                parts.put("line " + (i + 1), split[i]);
            }
        }
        for (CsvRecord r : csv.read(text)) {
            for (int i = 0; i < r.fields().size(); i++) {
                if (!r.fields().get(i).isBlank()) {
                    parts.put(
                            "line " + r.line() + ", value " + (i + 1),
                            r.fields().get(i));
                }
            }
        }
        return guard.check(parts);
    }
}
