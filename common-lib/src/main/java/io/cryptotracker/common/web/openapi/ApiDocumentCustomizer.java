package io.cryptotracker.common.web.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;

/**
 * The shape every service's OpenAPI document shares, so controllers state only what is theirs:
 * <ul>
 * <li>the title, description and version from {@code cryptotracker.api.*};</li>
 * <li>the {@code bearer} scheme (a JWT access token) on every operation outside
 * {@code cryptotracker.security.public-paths}, whose answers then include 401, and 403 where the handler checks
 * an authority; public operations declare no security unless their controller names a scheme;</li>
 * <li>the error answers every operation can give, as {@code application/problem+json} with the {@code Problem}
 * schema (RFC 9457 plus our {@code errors[]} of {field, message}): 400 where there is input, 404 on paths with a
 * variable, 503 (a dependency away or the service saturated); an error answer a controller declares without a
 * body gets the same;</li>
 * <li>{@code application/json} instead of {@code *}{@code /*} on answers, a summary and a tag on every
 * operation, and no operation under {@code cryptotracker.api.hidden-paths}.</li>
 * </ul>
 */
public class ApiDocumentCustomizer implements GlobalOpenApiCustomizer {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String ANY = "*/*";
    private static final String JSON = "application/json";

    private final AntPathMatcher paths = new AntPathMatcher();
    private final String title;
    private final ApiDocumentProperties properties;
    private final List<String> publicPaths;

    public ApiDocumentCustomizer(String title, ApiDocumentProperties properties, List<String> publicPaths) {
        this.title = title;
        this.properties = properties;
        this.publicPaths = publicPaths;
    }

    @Override
    public void customise(OpenAPI api) {
        api.info(new Info().title(title).version(properties.version())
                .description(properties.description().isBlank() ? null : properties.description()));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components);
        components.addSchemas(FIELD_ERROR, fieldError());
        components.addSchemas(PROBLEM, problem());
        if (api.getPaths() != null) {
            api.getPaths().keySet().removeIf(path -> matchesAny(properties.hiddenPaths(), path));
            api.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> customise(path, method, operation)));
        }
        boolean bearerUsed = api.getPaths() != null && api.getPaths().values().stream()
                .flatMap(item -> item.readOperations().stream())
                .anyMatch(operation -> operation.getSecurity() != null && operation.getSecurity().stream()
                        .anyMatch(requirement -> requirement.containsKey(BEARER)));
        if (bearerUsed) {
            components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT").description("An access token from POST /api/v1/auth/login"));
        }
        // Spring's ProblemDetail, which springdoc may have read from an error handler: Problem stands for it
        if (components.getSchemas() != null && components.getSchemas().containsKey("ProblemDetail")
                && !Json31.pretty(api).contains("#/components/schemas/ProblemDetail\"")) {
            components.getSchemas().remove("ProblemDetail");
        }
        List<String> used = api.getPaths() == null ? List.of() : api.getPaths().values().stream()
                .flatMap(item -> item.readOperations().stream())
                .flatMap(operation -> operation.getTags() == null ? java.util.stream.Stream.empty()
                        : operation.getTags().stream())
                .distinct().toList();
        List<Tag> tags = new ArrayList<>(api.getTags() == null ? List.of() : api.getTags());
        tags.removeIf(tag -> !used.contains(tag.getName()));
        used.stream().filter(name -> tags.stream().noneMatch(tag -> tag.getName().equals(name)))
                .forEach(name -> tags.add(new Tag().name(name)));
        api.setTags(tags.isEmpty() ? null : tags);
    }

    private void customise(String path, PathItem.HttpMethod method, Operation operation) {
        boolean checksAuthority = operation.getExtensions() != null
                && operation.getExtensions().remove(AuthorityOperationCustomizer.CHECKS_AUTHORITY) != null;
        if (operation.getExtensions() != null && operation.getExtensions().isEmpty()) {
            operation.setExtensions(null);
        }
        boolean secured;
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            secured = true;
        }
        else if (matchesAny(publicPaths, path)) {
            operation.setSecurity(new ArrayList<>());
            secured = false;
        }
        else {
            operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
            secured = true;
        }
        if (operation.getParameters() != null) {
            // a parameter declared by name only (a cookie, a header read by hand) is a string
            operation.getParameters().stream()
                    .filter(parameter -> parameter.getSchema() == null && parameter.getContent() == null)
                    .forEach(parameter -> parameter.setSchema(new StringSchema()));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean hasInput = (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || operation.getRequestBody() != null;
        if (hasInput) {
            addError(responses, HttpStatus.BAD_REQUEST, "The input is invalid; `errors` names each bad field");
        }
        if (secured) {
            addError(responses, HttpStatus.UNAUTHORIZED, "No valid credentials");
        }
        if (checksAuthority) {
            addError(responses, HttpStatus.FORBIDDEN, "The caller may not do this");
        }
        if (path.contains("{")) {
            addError(responses, HttpStatus.NOT_FOUND, "Nothing at this path");
        }
        addError(responses, HttpStatus.SERVICE_UNAVAILABLE,
                "A dependency is away or the service is saturated; try again after `Retry-After`");
        responses.forEach((code, response) -> shape(code, response));
        if (operation.getSummary() == null || operation.getSummary().isBlank()) {
            operation.setSummary(summary(operation.getOperationId(), method, path));
        }
        if (operation.getTags() != null) {
            operation.setTags(operation.getTags().stream().map(ApiDocumentCustomizer::tag).toList());
        }
    }

    /** Error answers carry a problem; the others' {@code *}{@code /*} is JSON; a header named only is a string. */
    private static void shape(String code, ApiResponse response) {
        if (response.getHeaders() != null) {
            response.getHeaders().values().stream()
                    .filter(header -> header.getSchema() == null && header.getContent() == null)
                    .forEach(header -> header.setSchema(new StringSchema()));
        }
        boolean error = code.startsWith("4") || code.startsWith("5");
        Content content = response.getContent();
        if (error) {
            if (content == null || content.isEmpty() || content.containsKey(ANY) || content.containsKey(JSON)
                    || content.containsKey(PROBLEM_JSON)) {
                response.setContent(problemContent());
            }
        }
        else if (content != null && content.containsKey(ANY)) {
            Content json = new Content();
            content.forEach((type, media) -> json.addMediaType(type.equals(ANY) ? JSON : type, media));
            response.setContent(json);
        }
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            HttpStatus status = code.matches("\\d{3}") ? HttpStatus.resolve(Integer.parseInt(code)) : null;
            response.setDescription(status == null ? code : status.getReasonPhrase());
        }
    }

    private static void addError(ApiResponses responses, HttpStatus status, String description) {
        String code = Integer.toString(status.value());
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(description).content(problemContent()));
        }
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    private static Schema<?> problem() {
        Schema<Object> problem = new ObjectSchema()
                .description("An error answer (RFC 9457); `errors` lists each invalid field of a 400")
                .addProperty("type", new StringSchema().description("What kind of problem this is"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema().format("int32"))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().description("The request path"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/"
                        + FIELD_ERROR)));
        problem.setRequired(List.of("type", "title", "status"));
        problem.setAdditionalProperties(true);
        return problem;
    }

    private static Schema<?> fieldError() {
        Schema<Object> error = new ObjectSchema()
                .description("One invalid input: the field as the client spelled it (snake_case, `kinds[1]`)")
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema());
        error.setRequired(List.of("field", "message"));
        return error;
    }

    private boolean matchesAny(List<String> patterns, String path) {
        return patterns.stream().anyMatch(pattern -> paths.match(pattern.trim(), path));
    }

    /** {@code listSignals} → "List signals"; without an id, the method and path. */
    static String summary(String operationId, PathItem.HttpMethod method, String path) {
        if (operationId == null || operationId.isBlank()) {
            return method + " " + path;
        }
        String words = operationId.replaceAll("_\\d+$", "").replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** springdoc names a controller's tag after its class ({@code profile-controller}): the feature is enough. */
    static String tag(String name) {
        return name.endsWith("-controller") ? name.substring(0, name.length() - "-controller".length()) : name;
    }
}
