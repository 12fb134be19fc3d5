package io.cryptotracker.notifications.inbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

import io.cryptotracker.testsupport.ApiResponse;

/** notification-service's HTTP API over real HTTP for one caller (or none). */
final class NotificationsApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final String token;

    NotificationsApi(int port, String token) {
        this.port = port;
        this.token = token;
    }

    ApiResponse get(String path) {
        return ApiResponse.send(HTTP, request(path).GET().build());
    }

    ApiResponse post(String path) {
        return ApiResponse.send(HTTP, request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }
}
