package io.cryptotracker.users;

import io.cryptotracker.testsupport.ApiResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

import tools.jackson.databind.json.JsonMapper;

/** A client of user-service's HTTP API for integration tests: real HTTP, JSON in and out, one caller's token. */
final class UserApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final String token;

    UserApi(int port, String token) {
        this.port = port;
        this.token = token;
    }

    ApiResponse get(String path) {
        return send(request(path).GET());
    }

    ApiResponse put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("User-Agent", "user-service-integration-test");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private ApiResponse send(HttpRequest.Builder request) {
        return ApiResponse.send(http, request.build());
    }
}
