package io.cryptotracker.gateway.request;

import io.cryptotracker.common.web.RequestIds;
import io.cryptotracker.common.web.reactive.ExchangeLogContext;
import io.micrometer.tracing.TraceContext;
import org.slf4j.MDC;
import org.springframework.web.server.ServerWebExchange;

/**
 * The request id and user id of an exchange, kept as exchange attributes because a reactive request hops between
 * threads; {@link #run} puts them into the logging MDC for the log lines the gateway writes about that request, with
 * the request's trace ({@code traceId}, {@code spanId}: the server observation's span, found through the exchange, so
 * no thread-local has to be restored on every Reactor operator for it).
 */
public final class LogContext {

    public static final String REQUEST_ID_ATTRIBUTE = LogContext.class.getName() + ".requestId";
    public static final String USER_ID_ATTRIBUTE = LogContext.class.getName() + ".userId";

    static final String MDC_TRACE_ID = ExchangeLogContext.MDC_TRACE_ID;
    static final String MDC_SPAN_ID = ExchangeLogContext.MDC_SPAN_ID;

    private LogContext() {
    }

    public static String requestId(ServerWebExchange exchange) {
        return exchange.getAttribute(REQUEST_ID_ATTRIBUTE);
    }

    public static void run(ServerWebExchange exchange, Runnable logStatement) {
        String requestId = exchange.getAttribute(REQUEST_ID_ATTRIBUTE);
        Object userId = exchange.getAttribute(USER_ID_ATTRIBUTE);
        TraceContext trace = ExchangeLogContext.trace(exchange);
        put(RequestIds.MDC_REQUEST_ID, requestId);
        put(RequestIds.MDC_USER_ID, userId == null ? null : userId.toString());
        boolean traced = trace != null && MDC.get(MDC_TRACE_ID) == null;
        if (traced) {
            put(MDC_TRACE_ID, trace.traceId());
            put(MDC_SPAN_ID, trace.spanId());
        }
        try {
            logStatement.run();
        }
        finally {
            MDC.remove(RequestIds.MDC_REQUEST_ID);
            MDC.remove(RequestIds.MDC_USER_ID);
            if (traced) {
                MDC.remove(MDC_TRACE_ID);
                MDC.remove(MDC_SPAN_ID);
            }
        }
    }

    private static void put(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }
}
