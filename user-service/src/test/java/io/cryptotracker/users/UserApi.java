package io.cryptotracker.users;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
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

    Response get(String path) {
        return send(request(path).GET());
    }

    Response put(String path, String json) {
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

    private Response send(HttpRequest.Builder request) {
        try {
            return new Response(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
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

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The fields named in a 400 problem's errors, in order, without repeats. */
        List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
            return fields.stream().distinct().toList();
        }
    }
}
