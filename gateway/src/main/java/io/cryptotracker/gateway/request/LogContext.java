package io.cryptotracker.gateway.request;

import io.cryptotracker.common.web.RequestIds;
import io.cryptotracker.common.web.reactive.ExchangeLogContext;
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

    private LogContext() {
    }

    public static String requestId(ServerWebExchange exchange) {
        return exchange.getAttribute(REQUEST_ID_ATTRIBUTE);
    }

    public static void run(ServerWebExchange exchange, Runnable logStatement) {
        Object userId = exchange.getAttribute(USER_ID_ATTRIBUTE);
        if (userId != null) {
            MDC.put(RequestIds.MDC_USER_ID, userId.toString());
        }
        try {
            ExchangeLogContext.run(exchange, requestId(exchange), logStatement);
        }
        finally {
            MDC.remove(RequestIds.MDC_USER_ID);
        }
    }
}
