package io.cryptotracker.gateway.request;

import io.cryptotracker.common.web.RequestIds;
import org.slf4j.MDC;
import org.springframework.web.server.ServerWebExchange;

/**
 * The request id and user id of an exchange, kept as exchange attributes because a reactive request hops between
 * threads; {@link #run} puts them into the logging MDC for the log lines the gateway writes about that request.
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
        String requestId = exchange.getAttribute(REQUEST_ID_ATTRIBUTE);
        Object userId = exchange.getAttribute(USER_ID_ATTRIBUTE);
        put(RequestIds.MDC_REQUEST_ID, requestId);
        put(RequestIds.MDC_USER_ID, userId == null ? null : userId.toString());
        try {
            logStatement.run();
        }
        finally {
            MDC.remove(RequestIds.MDC_REQUEST_ID);
            MDC.remove(RequestIds.MDC_USER_ID);
        }
    }

    private static void put(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }
}
