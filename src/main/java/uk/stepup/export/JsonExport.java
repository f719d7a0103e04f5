package uk.stepup.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.stepup.summaries.CohortExport;
import uk.stepup.summaries.ExportTable;

/**
 * The whole export as one JSON document: {@code cohort} (name, framework, zone, dates, weeks), {@code exported_at},
 * then one array of row objects per table ({@code homes}, {@code checkins}, {@code tasks}, {@code attendance},
 * {@code measures}), keyed by the same column names as the CSV files. Times are ISO-8601 UTC instants, dates
 * {@code yyyy-MM-dd}, "no value" is {@code null}.
 */
public final class JsonExport {
    public static final String FORMAT = "stepup-export";
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonExport() {}

    public static byte[] write(CohortExport export) {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("format", FORMAT);
        doc.put("version", VERSION);
        ObjectNode cohort = doc.putObject("cohort");
        cohort.put("name", export.cohortName());
        cohort.put("framework", export.framework());
        cohort.put("zone", export.zone().getId());
        cohort.put("start_date", export.startDate().toString());
        cohort.put("status", export.status());
        cohort.put("weeks_run", export.weeksRun());
        cohort.put("weeks_planned", export.weeksPlanned());
        doc.put("exported_at", export.exportedAt().toString());
        for (ExportTable t : export.tables()) {
            ArrayNode rows = doc.putArray(t.name());
            List<String> names = t.columnNames();
            for (List<Object> row : t.rows()) {
                ObjectNode o = rows.addObject();
                for (int i = 0; i < names.size(); i++) {
                    put(o, names.get(i), row.get(i));
                }
            }
        }
        try {
            return MAPPER.writeValueAsString(doc).concat("\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of plain values always serialises", e);
        }
    }

    private static void put(ObjectNode o, String key, Object v) {
        if (v == null) {
            o.putNull(key);
        } else if (v instanceof String s) {
            o.put(key, s);
        } else if (v instanceof Integer n) {
            o.put(key, n);
        } else if (v instanceof Long n) {
            o.put(key, n);
        } else if (v instanceof Double d) {
            o.put(key, d);
        } else if (v instanceof Boolean b) {
            o.put(key, b);
        } else if (v instanceof Instant || v instanceof LocalDate) {
            o.put(key, v.toString());
        } else {
            o.put(key, v.toString());
        }
    }
}
