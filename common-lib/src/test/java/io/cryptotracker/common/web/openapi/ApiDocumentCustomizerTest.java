package io.cryptotracker.common.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.junit.jupiter.api.Test;

class ApiDocumentCustomizerTest {

    private final ApiDocumentCustomizer customizer = new ApiDocumentCustomizer("CryptoTracker test API",
            new ApiDocumentProperties(null, "What it does", "1", List.of("/internal/**")),
            List.of("/api/v1/open/**"));

    private static Operation operation(String id) {
        return new Operation().operationId(id).addTagsItem("signal-controller").responses(new ApiResponses()
                .addApiResponse("200", new ApiResponse().description("OK").content(new Content()
                        .addMediaType("*/*", new MediaType().schema(new Schema<>().$ref("#/components/schemas/X"))))));
    }

    private static OpenAPI document() {
        Operation secured = operation("deleteSignal")
                .addParametersItem(new Parameter().in("path").name("id").schema(new Schema<>().type("string")));
        secured.addExtension(AuthorityOperationCustomizer.CHECKS_AUTHORITY, true);
        Operation open = operation("listOpen").requestBody(new RequestBody())
                .addParametersItem(new Parameter().in("cookie").name("ct_refresh"));
        return new OpenAPI().paths(new Paths()
                .addPathItem("/api/v1/signals/{id}", new PathItem().delete(secured))
                .addPathItem("/api/v1/open/things", new PathItem().post(open))
                .addPathItem("/internal/v1/tickets/{ticket}", new PathItem().get(operation("peek"))));
    }

    @Test
    void theDocumentIsTitledFromConfigurationAndHidesInternalPaths() {
        OpenAPI api = document();

        customizer.customise(api);

        assertThat(api.getInfo().getTitle()).isEqualTo("CryptoTracker test API");
        assertThat(api.getInfo().getDescription()).isEqualTo("What it does");
        assertThat(api.getPaths()).containsOnlyKeys("/api/v1/signals/{id}", "/api/v1/open/things");
        assertThat(api.getTags()).extracting("name").containsExactly("signal");
    }

    @Test
    void aSecuredOperationNeedsTheBearerTokenAndDocumentsItsErrorsAsProblems() {
        OpenAPI api = document();

        customizer.customise(api);

        Operation delete = api.getPaths().get("/api/v1/signals/{id}").getDelete();
        assertThat(delete.getSecurity()).containsExactly(new SecurityRequirement().addList("bearer"));
        assertThat(api.getComponents().getSecuritySchemes()).containsKey("bearer");
        assertThat(delete.getResponses()).containsOnlyKeys("200", "400", "401", "403", "404", "503");
        assertThat(delete.getResponses().get("404").getContent()).containsOnlyKeys("application/problem+json");
        assertThat(delete.getResponses().get("404").getContent().get("application/problem+json").getSchema()
                .get$ref()).isEqualTo("#/components/schemas/Problem");
        assertThat(delete.getResponses().get("200").getContent()).containsOnlyKeys("application/json");
        assertThat(delete.getSummary()).isEqualTo("Delete signal");
        assertThat(delete.getExtensions()).isNull();
        assertThat(api.getComponents().getSchemas().get("Problem").getProperties())
                .containsKeys("type", "title", "status", "detail", "instance", "errors");
    }

    @Test
    void aPublicOperationDeclaresNoSecurityAndGetsNo401() {
        OpenAPI api = document();

        customizer.customise(api);

        Operation open = api.getPaths().get("/api/v1/open/things").getPost();
        assertThat(open.getSecurity()).isEmpty();
        assertThat(open.getResponses()).containsOnlyKeys("200", "400", "503");
        assertThat(open.getParameters().get(0).getSchema().getType()).isEqualTo("string");
    }

    @Test
    void anErrorAnswerAControllerDeclaresWithoutABodyGetsTheProblem() {
        OpenAPI api = document();
        api.getPaths().get("/api/v1/open/things").getPost().getResponses()
                .addApiResponse("429", new ApiResponse().description("Too many sign-ins")
                        .addHeaderObject("Retry-After", new Header().description("seconds")));

        customizer.customise(api);

        ApiResponse tooMany = api.getPaths().get("/api/v1/open/things").getPost().getResponses().get("429");
        assertThat(tooMany.getDescription()).isEqualTo("Too many sign-ins");
        assertThat(tooMany.getContent()).containsOnlyKeys("application/problem+json");
        assertThat(tooMany.getHeaders().get("Retry-After").getSchema().getType()).isEqualTo("string");
    }
}
