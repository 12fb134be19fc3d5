package io.cryptotracker.auth;

import io.cryptotracker.testsupport.ApiResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** A client of auth-service's HTTP API for integration tests: real HTTP, JSON in and out. */
final class AuthApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The header the web console sends with every console session call. */
    static final Map<String, String> CONSOLE = Map.of("X-CryptoTracker-Console", "1");

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

        ApiResponse register(String email, String username, String password) {
            return post("/api/v1/auth/register", Map.of("email", email, "username", username, "password", password),
                    null);
        }

        ApiResponse login(String email, String password) {
            return post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
        }

        ApiResponse refresh(String refreshToken) {
            return post("/api/v1/auth/refresh", Map.of("refresh_token", refreshToken), null);
        }

        ApiResponse logout(String refreshToken, String accessToken) {
            return post("/api/v1/auth/logout", Map.of("refresh_token", refreshToken), accessToken);
        }

        ApiResponse changePassword(String currentPassword, String newPassword, String accessToken) {
            return post("/api/v1/users/me/change-password",
                    Map.of("current_password", currentPassword, "new_password", newPassword), accessToken);
        }

        ApiResponse consoleLogin(String email, String password) {
            return console("login", AuthApi.JSON.writeValueAsString(Map.of("email", email, "password", password)),
                    null, CONSOLE);
        }

        ApiResponse consoleRefresh(String refreshCookie) {
            return console("refresh", null, refreshCookie, CONSOLE);
        }

        ApiResponse consoleLogout(String refreshCookie) {
            return console("logout", null, refreshCookie, CONSOLE);
        }

        /**
         * {@code POST /api/v1/auth/console/{action}} with a JSON body (or none), the refresh cookie (or none) and
         * exactly the given extra headers – {@link #CONSOLE} for what the console sends.
         */
        ApiResponse console(String action, String body, String refreshCookie, Map<String, String> headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/auth/console/" + action))
                    .header("User-Agent", "auth-service-integration-test")
                    .header("X-Forwarded-For", clientIp)
                    .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (refreshCookie != null) {
                request.header("Cookie", "ct_refresh=" + refreshCookie);
            }
            headers.forEach(request::header);
            return send(request.build());
        }

        ApiResponse post(String path, Object body, String accessToken) {
            return postRaw(path, JSON.writeValueAsString(body), accessToken);
        }

        ApiResponse postRaw(String path, String body, String accessToken) {
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

    ApiResponse get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private ApiResponse send(HttpRequest request) {
        return ApiResponse.send(http, request);
    }
}
