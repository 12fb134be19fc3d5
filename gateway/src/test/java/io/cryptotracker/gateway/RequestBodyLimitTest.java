package io.cryptotracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import io.cryptotracker.gateway.support.Downstreams;
import io.cryptotracker.gateway.support.GatewayIntegrationTest;
import io.cryptotracker.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

/** Request bodies are capped at the gateway (64 KB by default) on every route, whether their length is declared or not. */
class RequestBodyLimitTest extends GatewayIntegrationTest {

    private static final int LIMIT = 64 * 1024;
    private static final String USERS_PREFERENCES = "/api/v1/users/me/preferences";

    @Test
    void aJsonBodyOfExactlyTheLimitIsProxied() {
        client.put().uri(USERS_PREFERENCES).header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.valid()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json(LIMIT))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.served_by").isEqualTo("user-service");

        assertThat(Downstreams.received(Downstreams.USERS, USERS_PREFERENCES)).singleElement()
                .satisfies(request -> assertThat(request.getBody()).hasSize(LIMIT));
    }

    @Test
    void aJsonBodyOneByteOverTheLimitIs413ProblemJsonAndNeverProxied() {
        client.put().uri(USERS_PREFERENCES).header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.valid()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json(LIMIT + 1))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.CONNECTION, "close")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://cryptotracker.io/problems/content-too-large")
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.instance").isEqualTo(USERS_PREFERENCES);

        assertThat(Downstreams.receivedInAll()).isZero();
    }

    @Test
    void aPublicRouteIsCappedToo() {
        client.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON).bodyValue(json(LIMIT + 1))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE);

        assertThat(Downstreams.receivedInAll()).isZero();
    }

    @Test
    void aChunkedBodyOverTheLimitIs413ProblemJson() {
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        Flux<DataBuffer> chunks = Flux.range(0, 40)
                .map(i -> buffers.wrap(("\"" + "x".repeat(8 * 1024) + "\",").getBytes(StandardCharsets.US_ASCII)));

        client.put().uri(USERS_PREFERENCES).header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.valid()))
                .contentType(MediaType.APPLICATION_JSON).body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(413);

        assertThat(Downstreams.received(Downstreams.USERS, USERS_PREFERENCES)).isEmpty();
    }

    /** A JSON document of exactly this many bytes. */
    private static String json(int bytes) {
        String start = "{\"note\":\"";
        String end = "\"}";
        return start + "x".repeat(bytes - start.length() - end.length()) + end;
    }
}
