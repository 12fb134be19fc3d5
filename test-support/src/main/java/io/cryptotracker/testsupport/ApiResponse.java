package io.cryptotracker.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An answer a service gave a test over real HTTP: status, headers, and the body as text or JSON. */
public record ApiResponse(HttpResponse<String> raw) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Sends the request and waits for the whole answer. */
    public static ApiResponse send(HttpClient http, HttpRequest request) {
        try {
            return new ApiResponse(http.send(request, HttpResponse.BodyHandlers.ofString()));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public int status() {
        return raw.statusCode();
    }

    public String body() {
        return raw.body();
    }

    public JsonNode json() {
        return JSON.readTree(raw.body());
    }

    /** A top-level text field of the JSON body. */
    public String text(String field) {
        return json().get(field).asString();
    }

    public String header(String name) {
        return raw.headers().firstValue(name).orElse(null);
    }

    /** The fields named in a 400 problem's {@code errors}, in order, without repeats. */
    public List<String> errorFields() {
        List<String> fields = new ArrayList<>();
        json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
        return fields.stream().distinct().toList();
    }
}
