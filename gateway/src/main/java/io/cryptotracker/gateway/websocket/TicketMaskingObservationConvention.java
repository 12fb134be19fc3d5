package io.cryptotracker.gateway.websocket;

import java.util.regex.Pattern;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.cloud.gateway.filter.headers.observation.DefaultGatewayObservationConvention;
import org.springframework.cloud.gateway.filter.headers.observation.GatewayContext;
import org.springframework.stereotype.Component;

/**
 * The gateway's span of a proxied call names the full URI ({@code http.uri}); for a WebSocket upgrade that includes
 * {@code ?ticket=}, a credential, which this convention replaces by {@code ****} before any span is exported.
 * Spring Cloud Gateway takes a {@code GatewayObservationConvention} bean in place of its default.
 */
@Component
public class TicketMaskingObservationConvention extends DefaultGatewayObservationConvention {

    private static final Pattern TICKET_PARAMETER = Pattern.compile("([?&]ticket=)[^&#]*");

    @Override
    public KeyValues getHighCardinalityKeyValues(GatewayContext context) {
        KeyValues values = super.getHighCardinalityKeyValues(context);
        KeyValues masked = KeyValues.empty();
        for (KeyValue value : values) {
            masked = masked.and(KeyValue.of(value.getKey(), mask(value.getValue())));
        }
        return masked;
    }

    /** The URI with the value of every {@code ticket} query parameter replaced by {@code ****}. */
    public static String mask(String uri) {
        return uri == null ? null : TICKET_PARAMETER.matcher(uri).replaceAll("$1" + TicketCheck.MASK);
    }
}
