package io.cryptotracker.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends every operation of a service's OpenAPI document bad input, one field at a time, and collects each answer
 * that is a 5xx (or no answer): a NUL byte, a lone surrogate, invalid UTF-8 bytes and 10,000 characters in every
 * string parameter and JSON string; 1e18, -1 and a 30-digit integer in every number; malformed and out-of-range
 * dates in every date. Each operation is first tried without a token; one that answers 401 is swept as a user, and
 * one that answers the user 403 as an admin. It also
 * collects the JSON operations that read a YAML or XML body instead of answering 415.
 */
public final class BadInputSweep {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MARKER = "__bad_input_sweep__";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private static final List<byte[]> BAD_STRINGS = List.of(
            ascii("\"a\\u0000b\""),
            ascii("\"a\\ud800b\""),
            concat(ascii("\"a"), new byte[] { (byte) 0xC3, 0x28, (byte) 0xFF }, ascii("b\"")),
            ascii("\"" + "x".repeat(10_000) + "\""));
    private static final List<byte[]> BAD_NUMBERS = List.of(ascii("1e18"), ascii("-1"),
            ascii("123456789012345678901234567890"), ascii("1e999999999"));
    private static final List<byte[]> BAD_DATES = List.of(ascii("\"a\\u0000b\""),
            ascii("\"+1000000000-01-01T00:00:00Z\""), ascii("\"2026-02-30T25:61:00Z\""), ascii("1e18"));

    private static final List<String> BAD_PARAMETER_TEXTS = List.of("a%00b", "a%ED%A0%80b", "a%C3%28%FFb",
            "x".repeat(10_000));
    private static final List<String> BAD_PARAMETER_NUMBERS = List.of("1e18", "-1", "123456789012345678901234567890",
            "1e999999999", "a%00b");
    private static final List<String> BAD_PARAMETER_DATES = List.of("%2B1000000000-01-01T00%3A00%3A00Z",
            "2026-02-30T25%3A61%3A00Z", "1e18", "a%00b");

    /** HTTP/1.1 as the services speak it: no h2c upgrade offer on each new connection (the JDK's default). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String userToken;
    private final String adminToken;
    private final Samples samples;
    private JsonNode document;
    private OpenApiSamples schemas;

    /**
     * @param userToken a plain user's access token
     * @param adminToken an access token with the ADMIN role
     */
    public BadInputSweep(int port, String userToken, String adminToken, Samples samples) {
        this.base = "http://localhost:" + port;
        this.userToken = userToken;
        this.adminToken = adminToken;
        this.samples = samples;
    }

    /** What the OpenAPI document cannot tell: path values that reach the handler, bodies, parameters and headers. */
    public static final class Samples {

        final Map<String, List<String>> pathValues = new LinkedHashMap<>();
        final Map<String, String> bodies = new LinkedHashMap<>();
        final Map<String, List<String>> extraQuery = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();

        /** The values to try for a path variable (default: a random UUID). */
        public Samples pathValues(String variable, String... values) {
            pathValues.put(variable, List.of(values));
            return this;
        }

        /** The valid body the sweep spoils field by field for {@code "POST /path"}, instead of one from the schema. */
        public Samples body(String operation, String json) {
            bodies.put(operation, json);
            return this;
        }

        /**
         * Query parameters the document does not list (a handler reading a map of them), each a name or
         * {@code name:number} or {@code name:date}.
         */
        public Samples query(String operation, String... names) {
            extraQuery.put(operation, List.of(names));
            return this;
        }

        /** A header sent with every request. */
        public Samples header(String name, String value) {
            headers.put(name, value);
            return this;
        }
    }

    /** One answer that breaks the promise. */
    public record Finding(String request, String answer) {

        @Override
        public String toString() {
            return request + " -> " + answer;
        }
    }

    /** Every request that got a 5xx or no answer at all. */
    public List<Finding> serverErrors() {
        List<Finding> findings = new ArrayList<>();
        forEachOperation((operation, token) -> {
            List<Probe> probes = probes(operation);
            List<Answer> answers = sendAll(probes, token);
            for (int i = 0; i < probes.size(); i++) {
                if (answers.get(i).status() < 0 || answers.get(i).status() >= 500) {
                    findings.add(new Finding(probes.get(i).describe(), answers.get(i).toString()));
                }
            }
        });
        return findings;
    }

    /** Every operation with a JSON body that does not answer a YAML or XML body with 415. */
    public List<Finding> foreignBodiesRead() {
        List<Finding> findings = new ArrayList<>();
        forEachOperation((operation, token) -> {
            if (operation.body() == null) {
                return;
            }
            for (String type : List.of("application/yaml", "application/xml")) {
                Probe probe = new Probe(operation.method(), base + operation.url(Map.of()),
                        ascii("a: 1\n"), type, operation.key() + " as " + type);
                Answer answer = send(probe, token);
                if (answer.status() != 415) {
                    findings.add(new Finding(probe.describe(), answer.toString()));
                }
            }
        });
        return findings;
    }

    private interface OperationVisitor {
        void visit(Operation operation, String token);
    }

    private void forEachOperation(OperationVisitor visitor) {
        for (Operation operation : operations()) {
            List<Probe> probes = probes(operation);
            // the first and the last probe: a bad path segment may be refused before authentication; an operation
            // with nothing to spoil (e.g. a body of booleans only) is asked as it is
            List<Probe> deciding = probes.isEmpty() ? List.of(asItIs(operation))
                    : List.of(probes.get(0), probes.get(probes.size() - 1));
            String token = null;
            if (deciding.stream().anyMatch(probe -> send(probe, null).status() == 401)) {
                token = userToken;
                if (deciding.stream().anyMatch(probe -> send(probe, userToken).status() == 403)) {
                    token = adminToken;
                }
            }
            visitor.visit(operation, token);
        }
    }

    private List<Operation> operations() {
        if (document == null) {
            Answer answer = send(new Probe("GET", base + "/v3/api-docs", null, null, "GET /v3/api-docs"), null);
            if (answer.status() != 200) {
                throw new IllegalStateException("No OpenAPI document: " + answer);
            }
            document = JSON.readTree(answer.body());
            schemas = new OpenApiSamples(document);
        }
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                String method = entry.getKey().toUpperCase(java.util.Locale.ROOT);
                String key = method + " " + path.getKey();
                List<Parameter> parameters = new ArrayList<>();
                List<JsonNode> declared = new ArrayList<>();
                path.getValue().path("parameters").forEach(declared::add);
                entry.getValue().path("parameters").forEach(declared::add);
                for (JsonNode parameter : declared) {
                    JsonNode schema = schemas.resolve(parameter.path("schema"));
                    String in = parameter.path("in").asString();
                    if ((in.equals("query") || in.equals("path")) && !schema.path("type").asString().equals("object")) {
                        parameters.add(new Parameter(parameter.path("name").asString(), in, kind(schema)));
                    }
                }
                samples.extraQuery.getOrDefault(key, List.of())
                        .forEach(name -> parameters.add(new Parameter(name.replaceAll(":.*", ""), "query",
                                name.endsWith(":number") ? Kind.NUMBER
                                        : name.endsWith(":date") ? Kind.DATE : Kind.TEXT)));
                JsonNode body = null;
                if (samples.bodies.containsKey(key)) {
                    body = JSON.readTree(samples.bodies.get(key));
                }
                else {
                    JsonNode content = entry.getValue().path("requestBody").path("content");
                    JsonNode schema = content.path("application/json").path("schema");
                    if (!schema.isMissingNode()) {
                        body = schemas.sample(schema);
                    }
                }
                operations.add(new Operation(method, path.getKey(), parameters, body));
            }
        }
        return operations;
    }

    /** The operation with its sample path values and body, nothing spoiled. */
    private Probe asItIs(Operation operation) {
        return new Probe(operation.method(), base + operation.url(operation.pathChoices(samples).get(0)),
                operation.body() == null ? null : ascii(operation.body().toString()), "application/json",
                operation.key());
    }

    private List<Probe> probes(Operation operation) {
        List<Probe> probes = new ArrayList<>();
        // last: a bad path segment may be refused before authentication, so it cannot tell which token is needed
        List<Probe> pathProbes = new ArrayList<>();
        List<Map<String, String>> pathChoices = operation.pathChoices(samples);
        for (Map<String, String> pathValues : pathChoices) {
            for (Parameter parameter : operation.parameters()) {
                for (String bad : parameter.kind().badParameters()) {
                    Map<String, String> spoiled = new LinkedHashMap<>(pathValues);
                    String url;
                    if (parameter.in().equals("path")) {
                        spoiled.put(parameter.name(), bad);
                        url = base + operation.url(spoiled);
                    }
                    else {
                        url = base + operation.url(pathValues) + "?" + encode(parameter.name()) + "=" + bad;
                    }
                    (parameter.in().equals("path") ? pathProbes : probes).add(new Probe(operation.method(), url,
                            operation.body() == null ? null : ascii(operation.body().toString()), "application/json",
                            operation.key() + " " + parameter.name() + "=" + abbreviate(bad)));
                }
            }
            if (operation.body() != null) {
                for (List<Object> leaf : leaves(operation.body(), new ArrayList<>())) {
                    JsonNode value = at(operation.body(), leaf);
                    for (byte[] bad : badValues(value)) {
                        JsonNode spoiled = operation.body().deepCopy();
                        replace(spoiled, leaf, NODES.stringNode(MARKER));
                        byte[] body = splice(JSON.writeValueAsString(spoiled), bad);
                        probes.add(new Probe(operation.method(), base + operation.url(pathValues), body,
                                "application/json", operation.key() + " body " + leaf + "=" + abbreviate(
                                        new String(bad, StandardCharsets.ISO_8859_1))));
                    }
                }
            }
        }
        probes.addAll(pathProbes);
        return probes;
    }

    private static List<byte[]> badValues(JsonNode value) {
        if (value.isNumber()) {
            return BAD_NUMBERS;
        }
        if (value.isString()) {
            if (value.asString().matches("\\d{4}-\\d\\d-\\d\\d.*")) {
                return BAD_DATES;
            }
            return BAD_STRINGS;
        }
        return List.of();
    }

    /** A few requests in flight at once: the sweep waits on the network and the database, not on the CPU. */
    private List<Answer> sendAll(List<Probe> probes, String token) {
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            probes.forEach(probe -> answers.add(senders.submit(() -> send(probe, token))));
            List<Answer> done = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                done.add(answer.get());
            }
            return done;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException(ex.getCause());
        }
        finally {
            senders.shutdownNow();
        }
    }

    private Answer send(Probe probe, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(probe.url()))
                .timeout(Duration.ofSeconds(30))
                .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        if (probe.contentType() != null && probe.body() != null) {
            request.header("Content-Type", probe.contentType());
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        samples.headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        }
        catch (IOException ex) {
            return new Answer(-1, ex.toString());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static Kind kind(JsonNode schema) {
        String type = schema.path("type").asString("string");
        if (type.equals("integer") || type.equals("number")) {
            return Kind.NUMBER;
        }
        String format = schema.path("format").asString("");
        return format.startsWith("date") ? Kind.DATE : Kind.TEXT;
    }

    private static List<List<Object>> leaves(JsonNode node, List<Object> path) {
        List<List<Object>> leaves = new ArrayList<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                List<Object> next = new ArrayList<>(path);
                next.add(field.getKey());
                leaves.addAll(leaves(field.getValue(), next));
            }
        }
        else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> next = new ArrayList<>(path);
                next.add(i);
                leaves.addAll(leaves(node.get(i), next));
            }
        }
        else if (!path.isEmpty()) {
            leaves.add(path);
        }
        return leaves;
    }

    private static JsonNode at(JsonNode node, List<Object> path) {
        for (Object step : path) {
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        return node;
    }

    private static void replace(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = at(root, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set((String) last, value);
        }
        else if (parent instanceof ArrayNode array) {
            array.set((Integer) last, value);
        }
    }

    private static byte[] splice(String json, byte[] bad) {
        int at = json.indexOf("\"" + MARKER + "\"");
        return concat(json.substring(0, at).getBytes(StandardCharsets.UTF_8), bad,
                json.substring(at + MARKER.length() + 2).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 20) + "...(" + text.length() + " chars)" : text;
    }

    private enum Kind {
        TEXT(BAD_PARAMETER_TEXTS), NUMBER(BAD_PARAMETER_NUMBERS), DATE(BAD_PARAMETER_DATES);

        private final List<String> badParameters;

        Kind(List<String> badParameters) {
            this.badParameters = badParameters;
        }

        List<String> badParameters() {
            return badParameters;
        }
    }

    private record Parameter(String name, String in, Kind kind) {
    }

    private record Operation(String method, String path, List<Parameter> parameters, JsonNode body) {

        String key() {
            return method + " " + path;
        }

        /** Every combination of the sample values of the path's variables. */
        List<Map<String, String>> pathChoices(Samples samples) {
            List<Map<String, String>> choices = new ArrayList<>();
            choices.add(new LinkedHashMap<>());
            for (Parameter parameter : parameters) {
                if (!parameter.in().equals("path")) {
                    continue;
                }
                List<String> values = samples.pathValues.getOrDefault(parameter.name(),
                        List.of(UUID.randomUUID().toString()));
                List<Map<String, String>> next = new ArrayList<>();
                for (Map<String, String> choice : choices) {
                    for (String value : values) {
                        Map<String, String> extended = new LinkedHashMap<>(choice);
                        extended.put(parameter.name(), value);
                        next.add(extended);
                    }
                }
                choices = next;
            }
            return choices;
        }

        String url(Map<String, String> pathValues) {
            String url = path;
            for (Iterator<Map.Entry<String, String>> it = pathValues.entrySet().iterator(); it.hasNext();) {
                Map.Entry<String, String> entry = it.next();
                url = url.replace("{" + entry.getKey() + "}", entry.getValue());
            }
            return url.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }
    }

    private record Probe(String method, String path, byte[] body, String contentType, String description) {

        String url() {
            return path;
        }

        String describe() {
            return description;
        }
    }

    private record Answer(int status, String body) {

        @Override
        public String toString() {
            return status + " " + (body == null ? "" : abbreviate(body.replaceAll("\\s+", " ")));
        }
    }
}
