package io.cryptotracker.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract check against a small HTTP server whose answers do or do not match its document. */
class OpenApiContractTest {

    private static final String DOCUMENT = """
            {"openapi": "3.0.1", "info": {"title": "t", "version": "1"},
             "servers": [{"url": "http://localhost"}],
             "paths": {"/coins/{symbol}": {"get": {"operationId": "coin",
               "parameters": [{"name": "symbol", "in": "path", "required": true, "schema": {"type": "string"}}],
               "security": [{"bearer": []}],
               "responses": {
                 "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Coin"}}}},
                 "401": {"description": "no", "content": {"application/problem+json": {"schema": {"type": "object"}}}}}}}},
             "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
               "schemas": {"Coin": {"properties": {"market_cap": {"type": "number"}, "name": {"type": "string"}}}}}}
            """;

    private final Map<String, String[]> answers = new ConcurrentHashMap<>();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        answers.put("/v3/api-docs", new String[] { "200", "application/json", DOCUMENT });
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String[] answer = path.startsWith("/coins/") && exchange.getRequestHeaders().getFirst("Authorization") == null
                ? new String[] { "401", "application/problem+json", "{\"status\":401}" }
                : answers.get(path.startsWith("/coins/") ? "/coins" : path);
        byte[] body = answer[2].getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer[1]);
        exchange.sendResponseHeaders(Integer.parseInt(answer[0]), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private OpenApiContract contract() {
        return new OpenApiContract(server.getAddress().getPort(), "user-token", "admin-token",
                new BadInputSweep.Samples().pathValues("symbol", "BTC"));
    }

    @Test
    void answersAsDocumentedPass() {
        answers.put("/coins", new String[] { "200", "application/json", "{\"market_cap\": 1.5, \"name\": \"Bitcoin\"}" });

        assertThat(contract().violations()).isEmpty();
    }

    @Test
    void aPropertyTheDocumentDoesNotNameIsAViolation() {
        answers.put("/coins", new String[] { "200", "application/json", "{\"marketCap\": 1.5, \"name\": \"Bitcoin\"}" });

        assertThat(contract().violations()).singleElement().asString().contains("GET /coins/{symbol} as user")
                .contains("marketCap");
    }

    @Test
    void aWrongTypeIsAViolation() {
        answers.put("/coins", new String[] { "200", "application/json", "{\"market_cap\": \"many\"}" });

        assertThat(contract().violations()).singleElement().asString().contains("market_cap");
    }

    @Test
    void anUndocumentedStatusOrContentTypeIsAViolation() {
        answers.put("/coins", new String[] { "404", "application/problem+json", "{\"status\":404}" });
        assertThat(contract().violations()).singleElement().asString().contains("404");

        answers.put("/coins", new String[] { "200", "text/plain", "{\"market_cap\": 1.5}" });
        assertThat(contract().violations()).singleElement().asString().contains("text/plain");
    }
}
