package io.cryptotracker.gateway.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;

import io.cryptotracker.common.web.TooManyRequestsException;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class ErrorProblemsTest {

    @Test
    void noInstanceOfAServiceIs503WithoutNamingTheService() {
        ErrorProblems.Answer answer = ErrorProblems.of(NotFoundException.create(false,
                "Unable to find instance for user-service"), "/api/v1/users/me");

        assertThat(answer.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.problem().getType().toString()).endsWith("/service-unavailable");
        assertThat(answer.problem().getDetail()).doesNotContain("user-service");
        assertThat(answer.problem().getInstance().toString()).isEqualTo("/api/v1/users/me");
    }

    @Test
    void aRefusedConnectionDeepInTheCausesIs503() {
        RuntimeException error = new RuntimeException("wrapped",
                new IllegalStateException("again", new ConnectException("Connection refused: localhost/127.0.0.1:9")));

        assertThat(ErrorProblems.of(error, "/x").status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void aConnectionTheServiceResetMidExchangeIs502NotOurOwn500() {
        RuntimeException error = new RuntimeException("wrapped",
                new java.net.SocketException("Connection reset by peer"));

        assertThat(ErrorProblems.of(error, "/api/v1/telegram/webhook").status()).isEqualTo(HttpStatus.BAD_GATEWAY);
    }

    @Test
    void aTooManyRequestsExceptionKeepsItsRetryAfterAndProperties() {
        ErrorProblems.Answer answer = ErrorProblems.of(
                new TooManyRequestsException("rate-limited", "Slow down.", Duration.ofSeconds(12)), "/x");

        assertThat(answer.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(answer.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("12");
        assertThat(answer.problem().getProperties()).containsEntry("retry_after_seconds", 12L);
    }

    @Test
    void aStatusExceptionKeepsItsHeadersButNotItsReason() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "3");
        ResponseStatusException error = new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS,
                "bucket gateway:user:42 empty") {
            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };

        ErrorProblems.Answer answer = ErrorProblems.of(error, "/x");

        assertThat(answer.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3");
        assertThat(answer.problem().getDetail()).doesNotContain("bucket");
        assertThat(answer.problem().getTitle()).isEqualTo("Too Many Requests");
    }

    @Test
    void anythingElseIs500WithOurOwnWords() {
        ErrorProblems.Answer answer = ErrorProblems.of(new NullPointerException("field x of com.acme.Y"), "/x");

        assertThat(answer.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.problem().getType().toString()).endsWith("/internal");
        assertThat(answer.problem().getDetail()).isEqualTo(ErrorProblems.INTERNAL_DETAIL);
    }

    @Test
    void aStatusThatIsNotAnErrorNeverBecomesASuccessfulProblem() {
        assertThat(ErrorProblems.forStatus(HttpStatus.OK, "/x", HttpHeaders.EMPTY).status())
                .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
