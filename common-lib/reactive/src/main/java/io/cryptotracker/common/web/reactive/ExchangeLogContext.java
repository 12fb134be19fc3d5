package io.cryptotracker.common.web.reactive;

import java.util.Optional;

import io.cryptotracker.common.web.RequestIds;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.slf4j.MDC;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * Puts what names a request into the logging MDC around one log statement about it: the request's trace
 * ({@code traceId}, {@code spanId}: the span of its server observation, found through the exchange) and its
 * {@code X-Request-Id} ({@code request_id}). A reactive service runs Boot's default context propagation
 * ({@code limited}), which restores no thread-locals on Reactor operators (restoring them on every operator cost
 * a third of the gateway's CPU), so the thread that handles an exchange has neither in its MDC by itself. The
 * gateway's {@code LogContext} adds its user id around this, with its own request id attribute.
 */
public final class ExchangeLogContext {

    public static final String MDC_TRACE_ID = "traceId";
    public static final String MDC_SPAN_ID = "spanId";

    private ExchangeLogContext() {
    }

    public static void run(ServerWebExchange exchange, Runnable logStatement) {
        run(exchange, exchange.getAttribute(RequestIdWebFilter.REQUEST_ID_ATTRIBUTE), logStatement);
    }

    /** As {@link #run(ServerWebExchange, Runnable)}, with the request id an edge kept elsewhere (the gateway's). */
    public static void run(ServerWebExchange exchange, String requestId, Runnable logStatement) {
        boolean named = requestId != null && MDC.get(RequestIds.MDC_REQUEST_ID) == null;
        TraceContext trace = MDC.get(MDC_TRACE_ID) == null ? trace(exchange) : null;
        if (named) {
            MDC.put(RequestIds.MDC_REQUEST_ID, requestId);
        }
        if (trace != null) {
            MDC.put(MDC_TRACE_ID, trace.traceId());
            MDC.put(MDC_SPAN_ID, trace.spanId());
        }
        try {
            logStatement.run();
        }
        finally {
            if (named) {
                MDC.remove(RequestIds.MDC_REQUEST_ID);
            }
            if (trace != null) {
                MDC.remove(MDC_TRACE_ID);
                MDC.remove(MDC_SPAN_ID);
            }
        }
    }

    /** The trace of the exchange's server observation, if one was started and a tracer handles it. */
    public static TraceContext trace(ServerWebExchange exchange) {
        Optional<ServerRequestObservationContext> observation =
                ServerRequestObservationContext.findCurrent(exchange.getAttributes());
        if (observation.isEmpty()) {
            return null;
        }
        TracingObservationHandler.TracingContext tracing =
                observation.get().get(TracingObservationHandler.TracingContext.class);
        return tracing == null || tracing.getSpan() == null ? null : tracing.getSpan().context();
    }
}
