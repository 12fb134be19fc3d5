package io.cryptotracker.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls every operation of a service's OpenAPI document once and checks each answer against the document: its
 * status is documented, its content type is one the document names for that status, and its body matches the
 * schema (swagger-request-validator, which fully checks OpenAPI 3.0 documents). Properties the schema does not
 * name are violations too, so a camelCase name on the wire against a snake_case schema is caught. An operation is
 * called first without a token; one that answers 401 is called again as a user, and one that answers the user 403
 * again as an admin – every one of these answers is checked. Path values, bodies and headers come from
 * {@link BadInputSweep.Samples} where given, else from the document (a random UUID for a path variable, a sample
 * of the request schema, the required query parameters' samples).
 */
public final class OpenApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** HTTP/1.1 as the services speak it: no h2c upgrade offer on each new connection (the JDK's default). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String userToken;
    private final String adminToken;
    private final BadInputSweep.Samples samples;
    private final Map<String, List<String>> answers = new LinkedHashMap<>();

    public OpenApiContract(int port, String userToken, String adminToken, BadInputSweep.Samples samples) {
        this.base = "http://localhost:" + port;
        this.userToken = userToken;
        this.adminToken = adminToken;
        this.samples = samples;
    }

    /** One answer the document does not describe. */
    public record Violation(String request, int status, String contentType, List<String> problems) {

        @Override
        public String toString() {
            return request + " -> " + status + " " + contentType + ": " + String.join("; ", problems);
        }
    }

    /** The answers that break the document; empty when every documented operation answers as documented. */
    public List<Violation> violations() {
        Answer documentAnswer = send("GET", "/v3/api-docs", null, null);
        if (documentAnswer.status() != 200) {
            throw new IllegalStateException("No OpenAPI document: " + documentAnswer.status());
        }
        JsonNode document = JSON.readTree(documentAnswer.body());
        if (!document.path("openapi").asString().startsWith("3.0")) {
            // swagger-request-validator 2.x checks OpenAPI 3.1 schemas only in part (types pass unchecked)
            throw new IllegalStateException("The contract check reads OpenAPI 3.0 documents (springdoc.api-docs"
                    + ".version: openapi_3_0, cryptotracker-defaults.yml); this one is " + document.path("openapi"));
        }
        OpenApiSamples schemas = new OpenApiSamples(document);
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForInlineApiSpecification(documentAnswer.body()).build();
        List<Violation> violations = new ArrayList<>();
        // deletes last: a DELETE may remove the sample (a path value) that operations further down the document read
        for (boolean deletes : new boolean[] { false, true }) {
            for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
                for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                    if (METHODS.contains(entry.getKey()) && entry.getKey().equals("delete") == deletes) {
                        call(path.getKey(), path.getValue(), entry.getKey(), entry.getValue(), schemas, validator,
                                violations);
                    }
                }
            }
        }
        return violations;
    }

    /** Calls one operation as anonymous, then as a user and an admin while refused, and checks each answer. */
    private void call(String template, JsonNode pathItem, String methodName, JsonNode operation,
            OpenApiSamples schemas, OpenApiInteractionValidator validator, List<Violation> violations) {
        String method = methodName.toUpperCase(Locale.ROOT);
        String key = method + " " + template;
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);
        String target = target(template, parameters, schemas);
        String body = body(key, operation, schemas);

        Answer answer = send(method, target, body, null);
        check(validator, key, "anonymous", method, target, answer, violations);
        if (answer.status() == 401) {
            answer = send(method, target, body, userToken);
            check(validator, key, "user", method, target, answer, violations);
            if (answer.status() == 403) {
                check(validator, key, "admin", method, target, send(method, target, body, adminToken), violations);
            }
        }
    }

    /**
     * What {@link #violations()} got for each operation, in the order called (the document's, deletes last):
     * {@code "GET /path" -> ["anonymous 401", "user 200"]}.
     */
    public Map<String, List<String>> answers() {
        return answers;
    }

    /**
     * The operations whose success answer {@link #violations()} never saw (and so never validated against the
     * document): every answer was a 4xx or worse. Better samples ({@link BadInputSweep.Samples}) reach them.
     */
    public List<String> operationsWithoutASuccess() {
        return answers.entrySet().stream()
                .filter(entry -> entry.getValue().stream().noneMatch(answer -> answer.matches(".* [23]\\d\\d")))
                .map(entry -> entry.getKey() + " (" + String.join(", ", entry.getValue()) + ")")
                .toList();
    }

    private String target(String template, List<JsonNode> parameters, OpenApiSamples schemas) {
        String path = template;
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asString();
            switch (parameter.path("in").asString()) {
                case "path" -> path = path.replace("{" + name + "}", encode(samples.pathValues
                        .getOrDefault(name, List.of(UUID.randomUUID().toString())).get(0)));
                case "query" -> {
                    if (parameter.path("required").asBoolean(false)) {
                        JsonNode value = schemas.sample(parameter.path("schema"));
                        query.add(encode(name) + "=" + encode(value.isString() ? value.asString() : value.toString()));
                    }
                }
                default -> {
                }
            }
        }
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    private String body(String key, JsonNode operation, OpenApiSamples schemas) {
        if (samples.bodies.containsKey(key)) {
            return samples.bodies.get(key);
        }
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        return schema.isMissingNode() ? null : JSON.writeValueAsString(schemas.sample(schema));
    }

    private void check(OpenApiInteractionValidator validator, String key, String caller, String method,
            String target, Answer answer, List<Violation> violations) {
        String request = key + " as " + caller;
        answers.computeIfAbsent(key, k -> new ArrayList<>()).add(caller + " " + answer.status());
        if (answer.status() < 0) {
            violations.add(new Violation(request, answer.status(), "", List.of("no answer: " + answer.body())));
            return;
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.status());
        if (answer.contentType() != null) {
            response.withContentType(answer.contentType());
        }
        if (answer.body() != null && !answer.body().isEmpty()) {
            response.withBody(answer.body());
        }
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method),
                response.build());
        List<String> problems = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> message.getKey() + ": " + message.getMessage().replaceAll("\\s+", " "))
                .collect(Collectors.toList());
        if (!problems.isEmpty()) {
            violations.add(new Violation(request, answer.status(), answer.contentType(), problems));
        }
    }

    private Answer send(String method, String target, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + target))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        samples.headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        }
        catch (IOException ex) {
            return new Answer(-1, null, ex.toString());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record Answer(int status, String contentType, String body) {
    }
}
