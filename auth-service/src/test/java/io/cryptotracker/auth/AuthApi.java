package io.cryptotracker.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of auth-service's HTTP API for integration tests: real HTTP, JSON in and out. */
final class AuthApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    AuthApi(int port) {
        this.port = port;
    }

    /** A caller at one client address (sent as X-Forwarded-For through the trusted loopback "proxy"). */
    Caller from(String clientIp) {
        return new Caller(clientIp);
    }

    final class Caller {

        private final String clientIp;

        private Caller(String clientIp) {
            this.clientIp = clientIp;
        }

        String clientIp() {
            return clientIp;
        }

        Response register(String email, String username, String password) {
            return post("/api/v1/auth/register", Map.of("email", email, "username", username, "password", password),
                    null);
        }

        Response login(String email, String password) {
            return post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
        }

        Response refresh(String refreshToken) {
            return post("/api/v1/auth/refresh", Map.of("refresh_token", refreshToken), null);
        }

        Response logout(String refreshToken, String accessToken) {
            return post("/api/v1/auth/logout", Map.of("refresh_token", refreshToken), accessToken);
        }

        Response changePassword(String currentPassword, String newPassword, String accessToken) {
            return post("/api/v1/users/me/change-password",
                    Map.of("current_password", currentPassword, "new_password", newPassword), accessToken);
        }

        Response post(String path, Object body, String accessToken) {
            return postRaw(path, JSON.writeValueAsString(body), accessToken);
        }

        Response postRaw(String path, String body, String accessToken) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "auth-service-integration-test")
                    .header("X-Forwarded-For", clientIp)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (accessToken != null) {
                request.header("Authorization", "Bearer " + accessToken);
            }
            return send(request.build());
        }
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private Response send(HttpRequest request) {
        try {
            return new Response(http.send(request, HttpResponse.BodyHandlers.ofString()));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (java.io.IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** An answer: status, headers and the body as JSON. */
    record Response(HttpResponse<String> raw) {

        int status() {
            return raw.statusCode();
        }

        String body() {
            return raw.body();
        }

        JsonNode json() {
            return JSON.readTree(raw.body());
        }

        String text(String field) {
            return json().get(field).asString();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }
}
