package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord's published OpenAPI document ({@code discord-api-spec/openapi.json} beside this class, with its licence and
 * commit) as the referee of every REST request the sandbox serves: the method and path must be a documented operation,
 * path and query parameters must fit their schemas, and a JSON body (or the {@code payload_json} part of a multipart
 * body) must validate against the operation's request schema (JSON Schema 2020-12, through the OpenAPI 3.1 dialect).
 *
 * <p>The document is parsed once per JVM, on first use, and shared by every sandbox; each operation's schemas are
 * built on first use and kept. The few places where JDA sends something the spec does not allow but Discord accepts
 * are listed in {@link #TOLERANCES} and applied to a copy of the request before validation, never by loosening a
 * schema.
 */
final class OpenApiCheck {
    private static final Logger LOG = LoggerFactory.getLogger(OpenApiCheck.class);
    /** The vendored document, relative to this class. */
    static final String RESOURCE = "discord-api-spec/openapi.json";
    /** The identifier the document's {@code $ref}s resolve against; the registry maps it to the vendored copy, never fetches it. */
    private static final String BASE_IRI = "https://discord.com/api/v10/openapi.json";

    private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");
    /** How many schema errors one finding quotes. */
    private static final int MAX_ERRORS = 3;

    /** How a tolerance changes a request before it is checked. */
    enum Kind {
        /** A JSON integer where the spec types a snowflake (a string): the integer becomes its decimal string. */
        INTEGER_SNOWFLAKE,
        /** A string of digits where the spec types an integer: the string becomes the integer. */
        NUMERIC_STRING,
        /** A query parameter the spec does not list for the operation: it is left out of the check. */
        UNDOCUMENTED_QUERY
    }

    /**
     * A difference between the spec and what JDA 6.5 sends that Discord accepts. Each names the operations it applies
     * to, where (a body JSON pointer whose {@code *} matches any array index or member name, or a query parameter's
     * name), and why Discord accepts it. They are applied to a copy of the request before validation; no schema is
     * loosened, and anything outside these exact places is still checked as the spec says.
     */
    record Tolerance(Kind kind, Set<String> operations, String where, String why) {}

    private static final Set<String> MESSAGE_BODIES = Set.of(
            "create_message",
            "update_message",
            "execute_webhook",
            "update_webhook_message",
            "update_original_webhook_message");
    private static final Set<String> COMMAND_BODIES = Set.of(
            "bulk_set_application_commands",
            "bulk_set_guild_application_commands",
            "create_application_command",
            "create_guild_application_command",
            "update_application_command",
            "update_guild_application_command");

    /** Every tolerance, each with the reason Discord accepts what JDA sends. Keep this list short and cited. */
    static final List<Tolerance> TOLERANCES = List.of(
            // Discord's reference documents a new upload's attachment id as the integer index of its files[n] part:
            // "attachments": [{"id": 0, ...}] (developers/docs/reference#uploading-files). JDA numbers uploads 0..n so.
            new Tolerance(
                    Kind.INTEGER_SNOWFLAKE,
                    MESSAGE_BODIES,
                    "/attachments/*/id",
                    "integer attachment ids, as in Discord's reference#uploading-files example"),
            new Tolerance(
                    Kind.INTEGER_SNOWFLAKE,
                    Set.of("create_interaction_response"),
                    "/data/attachments/*/id",
                    "the same integer attachment ids inside an interaction callback's message data"),
            // JDA's PermOverrideData writes the target id as a JSON number. Discord's docs only say snowflakes are
            // *returned*
            // as strings, to spare clients without 64-bit integers (reference#snowflakes); Discord takes the number,
            // since
            // every JDA bot that creates a channel with overwrites sends it so. Not documented as accepted: kept
            // narrow.
            new Tolerance(
                    Kind.INTEGER_SNOWFLAKE,
                    Set.of("create_guild_channel", "update_channel"),
                    "/permission_overwrites/*/id",
                    "JDA's PermOverrideData writes overwrite ids as JSON numbers"),
            // JDAImpl.openPrivateChannelById(long) sends {"recipient_id": <number>}, and Discord opens the DM all the
            // same.
            new Tolerance(
                    Kind.INTEGER_SNOWFLAKE,
                    Set.of("create_dm"),
                    "/recipient_id",
                    "JDA's openPrivateChannelById(long) sends the user id as a JSON number"),
            // JDA's InteractionContextType/IntegrationType.getType() are strings ("0", "1"); the spec types contexts
            // and
            // integration_types as integers. The spec repository's README: "Our API accepts strings for int fields if
            // they
            // are parseable as ints."
            new Tolerance(
                    Kind.NUMERIC_STRING,
                    COMMAND_BODIES,
                    "/*/contexts/*",
                    "JDA sends command contexts as numeric strings; Discord accepts int-parseable strings (spec README)"),
            new Tolerance(Kind.NUMERIC_STRING, COMMAND_BODIES, "/contexts/*", "the same for one command"),
            new Tolerance(
                    Kind.NUMERIC_STRING,
                    COMMAND_BODIES,
                    "/*/integration_types/*",
                    "JDA sends integration types as numeric strings; Discord accepts int-parseable strings (spec README)"),
            new Tolerance(Kind.NUMERIC_STRING, COMMAND_BODIES, "/integration_types/*", "the same for one command"),
            // JDA's CommandDataImpl.toData writes default_member_permissions with Long.toUnsignedString: a string,
            // which is
            // the form Discord documents ("?string", interactions/application-commands#application-command-object),
            // while
            // the spec types it as an integer; the spec's README says int-parseable strings are accepted.
            new Tolerance(
                    Kind.NUMERIC_STRING,
                    COMMAND_BODIES,
                    "/*/default_member_permissions",
                    "JDA sends default_member_permissions as a string, the form Discord documents"),
            new Tolerance(
                    Kind.NUMERIC_STRING, COMMAND_BODIES, "/default_member_permissions", "the same for one command"),
            // JDA's InteractionHookImpl.editRequest adds ?wait=true to every edit of an interaction's message; the spec
            // lists
            // wait only for execute_webhook. Every JDA bot's interaction edits carry it and succeed on Discord, which
            // ignores
            // a query parameter an endpoint does not read.
            new Tolerance(
                    Kind.UNDOCUMENTED_QUERY,
                    Set.of("update_webhook_message", "update_original_webhook_message"),
                    "wait",
                    "JDA's InteractionHookImpl.editRequest always adds wait=true; Discord ignores it on edits"));

    /** What the spec says about one request. */
    record Outcome(String operationId, String operation, List<Finding> findings) {
        boolean documented() {
            return operationId != null;
        }
    }

    /** One thing wrong with a request: a stable rule name and a sentence naming the operation, pointer and message. */
    record Finding(String rule, String detail) {}

    private record Param(String name, String in, boolean required, String pointer, JsonNode schema) {}

    private record Operation(
            String id,
            String method,
            String template,
            String[] segments,
            int literals,
            Map<String, Param> pathParams,
            Map<String, Param> queryParams,
            Map<String, String> bodyPointers,
            boolean bodyRequired) {

        /** Path parameters if the concrete path matches this template, else null. */
        Map<String, String> match(List<String> path) {
            if (path.size() != segments.length) {
                return null;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < segments.length; i++) {
                String s = segments[i];
                if (s.startsWith("{") && s.endsWith("}")) {
                    if (path.get(i).isEmpty()) {
                        return null;
                    }
                    values.put(s.substring(1, s.length() - 1), path.get(i));
                } else if (!s.equals(path.get(i))) {
                    return null;
                }
            }
            return values;
        }
    }

    private static final class Holder {
        static final OpenApiCheck INSTANCE = load();

        static {
            INSTANCE.warmUp();
        }
    }

    /** The operations the bot's traffic is almost all made of; their body schemas are built ahead, off the request path. */
    private static final List<String> BUSY_OPERATIONS = List.of(
            "create_interaction_response",
            "create_message",
            "update_original_webhook_message",
            "execute_webhook",
            "bulk_set_guild_application_commands",
            "create_guild_channel",
            "create_thread_from_message",
            "create_guild_role",
            "create_guild_scheduled_event");

    // JVM-wide totals over every sandbox, for a test run's report (see Sandbox#close and writeReport).
    private static final LongAdder TOTAL_CHECKED = new LongAdder();
    private static final LongAdder TOTAL_FINDINGS = new LongAdder();
    private static final LongAdder TOTAL_NANOS = new LongAdder();
    private static final Map<String, LongAdder> TOTAL_BY_OPERATION = new ConcurrentHashMap<>();
    /** Distinct findings (rule and detail) with their counts, at most {@link #MAX_REPORTED} of them. */
    private static final Map<String, LongAdder> TOTAL_FINDING_LINES = new ConcurrentHashMap<>();

    private static final int MAX_REPORTED = 200;

    private final List<Operation> operations;
    private final Schema root;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final Duration loadTime;

    private OpenApiCheck(List<Operation> operations, Schema root, Duration loadTime) {
        this.operations = operations;
        this.root = root;
        this.loadTime = loadTime;
    }

    /** The document, parsed on first use and shared by every sandbox in this JVM. */
    static OpenApiCheck shared() {
        return Holder.INSTANCE;
    }

    Duration loadTime() {
        return loadTime;
    }

    int operationCount() {
        return operations.size();
    }

    private static OpenApiCheck load() {
        long started = System.nanoTime();
        String text;
        try (InputStream in = OpenApiCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode doc = Json.parse(text);
        List<Operation> ops = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : doc.path("paths").properties()) {
            String template = e.getKey();
            JsonNode item = e.getValue();
            String itemPointer = "/paths/" + escape(template);
            for (String method : METHODS) {
                JsonNode op = item.get(method);
                if (op == null) {
                    continue;
                }
                Map<String, Param> pathParams = new LinkedHashMap<>();
                Map<String, Param> queryParams = new LinkedHashMap<>();
                addParams(item.path("parameters"), itemPointer + "/parameters", pathParams, queryParams);
                addParams(op.path("parameters"), itemPointer + "/" + method + "/parameters", pathParams, queryParams);
                Map<String, String> bodies = new LinkedHashMap<>();
                JsonNode content = op.path("requestBody").path("content");
                for (Iterator<String> types = content.fieldNames(); types.hasNext(); ) {
                    String type = types.next();
                    bodies.put(type, itemPointer + "/" + method + "/requestBody/content/" + escape(type) + "/schema");
                }
                String[] segments = template.substring(1).split("/");
                int literals = 0;
                for (String s : segments) {
                    literals += s.startsWith("{") ? 0 : 1;
                }
                ops.add(new Operation(
                        op.path("operationId").asText(method + " " + template),
                        method.toUpperCase(Locale.ROOT),
                        template,
                        segments,
                        literals,
                        pathParams,
                        queryParams,
                        bodies,
                        op.path("requestBody").path("required").asBoolean(false)));
            }
        }
        // Discord routes a literal segment before a parameter (users/@me before users/{user_id}): most literals first.
        ops.sort(Comparator.comparingInt((Operation o) -> -o.literals()));
        // The document is an OpenAPI object, not a schema: its top-level members and Discord's x- extension are not
        // keywords, so they are declared as such instead of being logged as unknown on every load.
        Dialect dialect = Dialect.builder(Dialects.getOpenApi31())
                .keywords(List.of(
                        new NonValidationKeyword("openapi"),
                        new NonValidationKeyword("info"),
                        new NonValidationKeyword("servers"),
                        new NonValidationKeyword("paths"),
                        new NonValidationKeyword("components"),
                        new NonValidationKeyword("x-discord-union")))
                .build();
        SchemaRegistry registry = SchemaRegistry.withDialect(
                dialect,
                b -> b.schemas(Map.of(BASE_IRI, text))
                        .schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .pathType(PathType.JSON_POINTER)
                                // Resolve each $ref when first used, not the whole document up front: the first schema
                                // is built in about
                                // a third of the time, and only the few dozen schemas the bot's requests reach are ever
                                // built.
                                .preloadSchema(false)
                                .build()));
        // One schema for the whole document; every request schema is taken from it by JSON pointer. (Asking the
        // registry
        // for each "openapi.json#/pointer" location instead parses and keeps a copy of the document per schema: 80 MB.)
        Schema root = registry.getSchema(SchemaLocation.of(BASE_IRI));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.info(
                "Discord's OpenAPI document loaded for the sandbox's request check: {} operations in {} ms",
                ops.size(),
                took.toMillis());
        return new OpenApiCheck(List.copyOf(ops), root, took);
    }

    /**
     * Builds the body schemas of {@link #BUSY_OPERATIONS} on a daemon thread, so that the first interaction callback of
     * a run is not held up by building its schema (the sandbox judges the three-second deadline on arrival).
     */
    private void warmUp() {
        Thread t = new Thread(
                () -> {
                    for (Operation op : operations) {
                        if (BUSY_OPERATIONS.contains(op.id())) {
                            op.bodyPointers().values().forEach(this::schema);
                        }
                    }
                },
                "openapi-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private static void addParams(JsonNode params, String pointer, Map<String, Param> path, Map<String, Param> query) {
        for (int i = 0; i < params.size(); i++) {
            JsonNode p = params.get(i);
            String in = p.path("in").asText();
            Param param = new Param(
                    p.path("name").asText(),
                    in,
                    p.path("required").asBoolean(false),
                    pointer + "/" + i + "/schema",
                    p.path("schema"));
            if (in.equals("path")) {
                path.put(param.name(), param);
            } else if (in.equals("query")) {
                query.put(param.name(), param);
            }
        }
    }

    /** JSON pointer escaping of one reference token (RFC 6901), then URI-escaping of the braces of path templates. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
    }

    /**
     * Checks one request.
     *
     * @param method the HTTP method
     * @param path the path below {@code /api/v10/}, one element per segment, percent-decoded
     * @param query query parameters (name to values)
     * @param mediaType the request's media type without parameters, or null when it sent none
     * @param body the JSON body, or the {@code payload_json} of a multipart body; null when the request had no body
     */
    Outcome check(String method, List<String> path, Map<String, List<String>> query, String mediaType, JsonNode body) {
        Operation op = null;
        Map<String, String> pathValues = null;
        boolean pathKnown = false;
        for (Operation candidate : operations) {
            Map<String, String> values = candidate.match(path);
            if (values == null) {
                continue;
            }
            pathKnown = true;
            if (candidate.method().equals(method)) {
                op = candidate;
                pathValues = values;
                break;
            }
        }
        String concrete = method + " /" + String.join("/", path);
        if (op == null) {
            return new Outcome(
                    null,
                    concrete,
                    List.of(new Finding(
                            "openapi-undocumented-route",
                            concrete
                                    + (pathKnown
                                            ? ": Discord documents this path, but not with " + method
                                            : " is not in Discord's OpenAPI document"))));
        }
        String name = op.method() + " " + op.template();
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, String> e : pathValues.entrySet()) {
            Param p = op.pathParams().get(e.getKey());
            if (p != null) {
                validateValue(op, p, e.getValue(), findings);
            }
        }
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            Param p = op.queryParams().get(e.getKey());
            if (p == null && tolerated(Kind.UNDOCUMENTED_QUERY, op.id(), e.getKey())) {
                continue;
            }
            if (p == null) {
                findings.add(new Finding(
                        "openapi-query-parameter",
                        op.id() + ": query parameter '" + e.getKey() + "' is not documented for " + name));
                continue;
            }
            for (String v : e.getValue()) {
                validateValue(op, p, v, findings);
            }
        }
        for (Param p : op.queryParams().values()) {
            if (p.required() && !query.containsKey(p.name())) {
                findings.add(new Finding(
                        "openapi-query-parameter", op.id() + ": required query parameter '" + p.name() + "' missing"));
            }
        }
        checkBody(op, mediaType, body, findings);
        return new Outcome(op.id(), name, List.copyOf(findings));
    }

    private void checkBody(Operation op, String mediaType, JsonNode body, List<Finding> findings) {
        if (body == null) {
            if (op.bodyRequired()) {
                findings.add(new Finding(
                        "openapi-request-body", op.id() + ": the request body is required but none was sent"));
            }
            return;
        }
        if (op.bodyPointers().isEmpty()) {
            findings.add(new Finding("openapi-request-body", op.id() + ": sent a body, but the operation takes none"));
            return;
        }
        String pointer = op.bodyPointers().get(mediaType);
        if (pointer == null && "multipart/form-data".equals(mediaType)) {
            pointer = op.bodyPointers().get("application/json");
        }
        if (pointer == null) {
            findings.add(new Finding(
                    "openapi-request-body",
                    op.id() + ": content type " + mediaType + " is not one of "
                            + op.bodyPointers().keySet()));
            return;
        }
        JsonNode instance = tolerate(op.id(), body);
        List<Error> errors = schema(pointer).validate(instance);
        if (!errors.isEmpty()) {
            findings.add(
                    new Finding("openapi-request-body", op.id() + " body (" + mediaType + "): " + describe(errors)));
        }
    }

    private void validateValue(Operation op, Param p, String raw, List<Finding> findings) {
        JsonNode value = coerce(p.schema(), raw);
        List<Error> errors = schema(p.pointer()).validate(value);
        if (!errors.isEmpty()) {
            findings.add(new Finding(
                    "openapi-" + p.in() + "-parameter",
                    op.id() + ": " + p.in() + " parameter '" + p.name() + "' = '" + raw + "': " + describe(errors)));
        }
    }

    /** Query and path values are text; a parameter typed integer or boolean gets the value it parses to, as Discord reads it. */
    private static JsonNode coerce(JsonNode schema, String raw) {
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        if ((types.contains("integer") || types.contains("number")) && raw.matches("-?\\d{1,18}")) {
            return LongNode.valueOf(Long.parseLong(raw));
        }
        if (types.contains("boolean") && (raw.equals("true") || raw.equals("false"))) {
            return BooleanNode.valueOf(raw.equals("true"));
        }
        return TextNode.valueOf(raw);
    }

    private Schema schema(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> {
            Schema s = root.getRefSchema(SchemaLocation.of(BASE_IRI + "#" + p).getFragment());
            s.initializeValidators();
            return s;
        });
    }

    private static boolean tolerated(Kind kind, String operationId, String where) {
        for (Tolerance t : TOLERANCES) {
            if (t.kind() == kind
                    && t.operations().contains(operationId)
                    && t.where().equals(where)) {
                return true;
            }
        }
        return false;
    }

    /** A copy of the body with each body tolerance for this operation applied; the body itself when none applies. */
    static JsonNode tolerate(String operationId, JsonNode body) {
        JsonNode copy = null;
        for (Tolerance t : TOLERANCES) {
            if (t.kind() == Kind.UNDOCUMENTED_QUERY || !t.operations().contains(operationId)) {
                continue;
            }
            if (copy == null) {
                copy = body.deepCopy();
            }
            convert(copy, t.where().substring(1).split("/"), 0, t.kind());
        }
        return copy == null ? body : copy;
    }

    private static void convert(JsonNode node, String[] tokens, int i, Kind kind) {
        String token = tokens[i];
        boolean last = i == tokens.length - 1;
        if (node instanceof ArrayNode a) {
            for (int k = 0; k < a.size(); k++) {
                if (token.equals("*") || token.equals(Integer.toString(k))) {
                    if (last) {
                        a.set(k, converted(a.get(k), kind));
                    } else {
                        convert(a.get(k), tokens, i + 1, kind);
                    }
                }
            }
        } else if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                if (token.equals("*") || token.equals(n)) {
                    if (last) {
                        o.set(n, converted(o.get(n), kind));
                    } else {
                        convert(o.get(n), tokens, i + 1, kind);
                    }
                }
            }
        }
    }

    private static JsonNode converted(JsonNode value, Kind kind) {
        if (kind == Kind.INTEGER_SNOWFLAKE
                && value.isIntegralNumber()
                && value.canConvertToLong()
                && value.asLong() >= 0) {
            return TextNode.valueOf(value.asText());
        }
        if (kind == Kind.NUMERIC_STRING && value.isTextual() && value.asText().matches("-?\\d{1,18}")) {
            return LongNode.valueOf(Long.parseLong(value.asText()));
        }
        return value;
    }

    /**
     * The most specific errors first: a union ({@code oneOf}/{@code anyOf}) that fails reports every branch, so the
     * deepest instance locations, which say what is actually wrong, lead; duplicates are dropped.
     */
    static String describe(List<Error> errors) {
        List<Error> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt((Error e) -> -depth(e)));
        Set<String> lines = new LinkedHashSet<>();
        for (Error e : sorted) {
            String at = e.getInstanceLocation() == null
                    ? ""
                    : e.getInstanceLocation().toString();
            lines.add((at.isEmpty() ? "/" : at) + " " + e.getMessage());
        }
        List<String> shown = new ArrayList<>(lines).subList(0, Math.min(MAX_ERRORS, lines.size()));
        return String.join("; ", shown)
                + (lines.size() > MAX_ERRORS ? " (and " + (lines.size() - MAX_ERRORS) + " more)" : "");
    }

    private static int depth(Error e) {
        return e.getInstanceLocation() == null ? 0 : e.getInstanceLocation().getNameCount();
    }

    // ---- JVM-wide totals ----

    static void countTotal(String operationId, List<Finding> findings, long nanos) {
        TOTAL_CHECKED.increment();
        TOTAL_NANOS.add(nanos);
        TOTAL_FINDINGS.add(findings.size());
        for (Finding f : findings) {
            String line = f.rule() + ": " + f.detail();
            if (TOTAL_FINDING_LINES.size() < MAX_REPORTED || TOTAL_FINDING_LINES.containsKey(line)) {
                TOTAL_FINDING_LINES.computeIfAbsent(line, k -> new LongAdder()).increment();
            }
        }
        if (operationId != null) {
            TOTAL_BY_OPERATION
                    .computeIfAbsent(operationId, k -> new LongAdder())
                    .increment();
        }
    }

    /**
     * Writes the totals of every sandbox in this JVM so far to the file named by the system property
     * {@code stepup.sandbox.openapiReport}, if set (the build sets it for the test run). Does nothing otherwise.
     */
    static synchronized void writeReport() {
        String file = System.getProperty("stepup.sandbox.openapiReport");
        if (file == null || file.isBlank()) {
            return;
        }
        Map<String, Long> byOperation = new TreeMap<>();
        TOTAL_BY_OPERATION.forEach((k, v) -> byOperation.put(k, v.sum()));
        StringBuilder sb = new StringBuilder();
        sb.append("requests checked: ").append(TOTAL_CHECKED.sum()).append('\n');
        sb.append("operations seen: ").append(byOperation.size()).append('\n');
        sb.append("findings: ").append(TOTAL_FINDINGS.sum()).append('\n');
        long checked = Math.max(1, TOTAL_CHECKED.sum());
        sb.append(String.format(
                Locale.ROOT,
                "time checking: %d ms in all, %.3f ms a request (document loaded in %d ms)%n",
                TOTAL_NANOS.sum() / 1_000_000,
                TOTAL_NANOS.sum() / 1e6 / checked,
                shared().loadTime().toMillis()));
        byOperation.forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
        Map<String, Long> lines = new TreeMap<>();
        TOTAL_FINDING_LINES.forEach((k, v) -> lines.put(k, v.sum()));
        lines.forEach(
                (k, v) -> sb.append("finding x").append(v).append(' ').append(k).append('\n'));
        try {
            Path p = Path.of(file);
            if (p.getParent() != null) {
                Files.createDirectories(p.getParent());
            }
            Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("could not write the OpenAPI check report to {}: {}", file, e.toString());
        }
    }
}
