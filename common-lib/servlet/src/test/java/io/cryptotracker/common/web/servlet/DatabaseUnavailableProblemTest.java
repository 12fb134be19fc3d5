package io.cryptotracker.common.web.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;

/** Drill d: a request while PostgreSQL restarts answered 500; it is a 503 the client may retry. */
class DatabaseUnavailableProblemTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    @Test
    void noConnectionToTheDatabaseIs503WithRetryAfter() {
        ResponseEntity<ProblemDetail> answer = advice.databaseUnavailable(new CannotCreateTransactionException(
                "no connection", new CannotGetJdbcConnectionException("pool timed out")),
                new MockHttpServletRequest("POST", "/api/v1/telegram/webhook"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody().getDetail()).doesNotContain("pool", "jdbc", "Exception");
    }
}
