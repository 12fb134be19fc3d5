package io.cryptotracker.signals;

import io.cryptotracker.testsupport.ApiResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** A client of signals-service's HTTP API for integration tests: real HTTP, JSON in and out, one caller's headers. */
final class SignalsApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final Map<String, String> headers;

    SignalsApi(int port, Map<String, String> headers) {
        this.port = port;
        this.headers = headers;
    }

    ApiResponse get(String path) {
        return send(request(path).GET());
    }

    ApiResponse post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    ApiResponse delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        headers.forEach(builder::header);
        return builder;
    }

    private ApiResponse send(HttpRequest.Builder request) {
        return ApiResponse.send(http, request.build());
    }
}
