package io.cryptotracker.gateway.error;

import java.util.Map;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Writes an {@link ErrorProblems.Answer} as {@code application/problem+json} with the application's JSON codec. */
@Component
public class ProblemWriter {

    private static final ResolvableType PROBLEM = ResolvableType.forClass(ProblemDetail.class);

    private final HttpMessageWriter<?> writer;

    public ProblemWriter(ServerCodecConfigurer codecs) {
        this.writer = codecs.getWriters().stream()
                .filter(candidate -> candidate.canWrite(PROBLEM, MediaType.APPLICATION_PROBLEM_JSON))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No JSON codec can write problem details"));
    }

    @SuppressWarnings("unchecked")
    public Mono<Void> write(ServerHttpResponse response, ErrorProblems.Answer answer) {
        response.setStatusCode(answer.status());
        HttpHeaders headers = response.getHeaders();
        // whatever a half-proxied answer left (length, encoding, type) does not describe this body
        headers.clearContentHeaders();
        answer.headers().forEach(headers::put);
        return ((HttpMessageWriter<ProblemDetail>) writer).write(Mono.just(answer.problem()), PROBLEM,
                MediaType.APPLICATION_PROBLEM_JSON, response, Map.of());
    }
}
