package io.cryptotracker.gateway.error;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Locale;
import java.util.Map;

import io.cryptotracker.common.web.ApiException;
import io.cryptotracker.common.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ResponseStatusException;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Turns whatever went wrong at the gateway into the problem+json a client sees. The text is ours, never an
 * exception's message: reasons inside the gateway name services, hosts and classes that callers must not see.
 */
public final class ErrorProblems {

    static final String INTERNAL_DETAIL =
            "Something went wrong on our side. The request id in X-Request-Id helps us find it.";

    private static final Map<HttpStatus, String> DETAILS = Map.ofEntries(
            Map.entry(HttpStatus.BAD_REQUEST, "The request is malformed."),
            Map.entry(HttpStatus.UNAUTHORIZED, "A valid bearer token is required."),
            Map.entry(HttpStatus.FORBIDDEN, "You are not allowed to do this."),
            Map.entry(HttpStatus.NOT_FOUND, "Nothing is served at this path."),
            Map.entry(HttpStatus.METHOD_NOT_ALLOWED, "This path does not take this method."),
            Map.entry(HttpStatus.CONTENT_TOO_LARGE, "The request is too large."),
            Map.entry(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "The request headers are too large."),
            Map.entry(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many requests. Retry after the number of seconds in Retry-After."),
            Map.entry(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_DETAIL),
            Map.entry(HttpStatus.BAD_GATEWAY, "The service behind this path gave no usable answer."),
            Map.entry(HttpStatus.SERVICE_UNAVAILABLE,
                    "The service behind this path is not available right now. Try again shortly."),
            Map.entry(HttpStatus.GATEWAY_TIMEOUT, "The service behind this path did not answer in time."));

    private ErrorProblems() {
    }

    /** The answer to an error; {@code path} becomes the problem's {@code instance}. */
    public static Answer of(Throwable error, String path) {
        if (error instanceof ApiException api) {
            ProblemDetail problem = Problems.of(api.status(), api.type(), api.title(), api.getMessage(), path);
            api.properties().forEach(problem::setProperty);
            return new Answer(api.status(), problem, api.headers());
        }
        if (error instanceof ResponseStatusException statusError) {
            return forStatus(statusError.getStatusCode(), path, statusError.getHeaders());
        }
        if (causedBy(error, ConnectException.class)) {
            return forStatus(HttpStatus.SERVICE_UNAVAILABLE, path, HttpHeaders.EMPTY);
        }
        // the upstream closed or reset the connection mid-exchange (a service killed while answering): the answer
        // is the service's fault, not the gateway's
        if (causedBy(error, PrematureCloseException.class) || causedBy(error, IOException.class)) {
            return forStatus(HttpStatus.BAD_GATEWAY, path, HttpHeaders.EMPTY);
        }
        return forStatus(HttpStatus.INTERNAL_SERVER_ERROR, path, HttpHeaders.EMPTY);
    }

    /** The standard answer for a status the gateway sets without an exception of its own. */
    public static Answer forStatus(HttpStatusCode statusCode, String path, HttpHeaders headers) {
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String code = status == HttpStatus.INTERNAL_SERVER_ERROR ? "internal"
                : status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-');
        String detail = DETAILS.getOrDefault(status, status.getReasonPhrase() + ".");
        return new Answer(status, Problems.of(status, code, status.getReasonPhrase(), detail, path), headers);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** Status, body and the extra headers ({@code Retry-After}, {@code WWW-Authenticate}, {@code Allow}…). */
    public record Answer(HttpStatus status, ProblemDetail problem, HttpHeaders headers) {
    }
}
