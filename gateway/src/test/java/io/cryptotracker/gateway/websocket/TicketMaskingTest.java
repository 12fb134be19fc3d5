package io.cryptotracker.gateway.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import io.micrometer.common.KeyValue;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;

/** A WebSocket ticket is a credential: spans name where it went, never the ticket itself. */
class TicketMaskingTest {

    @Test
    void theTicketQueryParameterIsMasked() {
        assertThat(TicketMaskingObservationConvention.mask("http://10.0.0.7:8085/ws/signals?ticket=t-5b1e0c"))
                .isEqualTo("http://10.0.0.7:8085/ws/signals?ticket=****");
        assertThat(TicketMaskingObservationConvention.mask("/ws/signals?a=1&ticket=secret&b=2"))
                .isEqualTo("/ws/signals?a=1&ticket=****&b=2");
        assertThat(TicketMaskingObservationConvention.mask("/api/v1/signals?page=2")).isEqualTo("/api/v1/signals?page=2");
    }

    @Test
    void theTicketChecksSpanEndsInAMaskInsteadOfTheTicket() {
        ClientRequestObservationContext context = new ClientRequestObservationContext(ClientRequest.create(
                HttpMethod.GET, URI.create("http://notification-service/internal/v1/ws-tickets/t-5b1e0c")));
        context.setCarrier(ClientRequest.create(HttpMethod.GET,
                URI.create("http://notification-service/internal/v1/ws-tickets/t-5b1e0c")));

        KeyValue url = new TicketCheck.MaskedTicketConvention().getHighCardinalityKeyValues(context).stream()
                .filter(value -> value.getKey().equals("http.url")).findFirst().orElseThrow();

        assertThat(url.getValue()).isEqualTo("http://notification-service/internal/v1/ws-tickets/****")
                .doesNotContain("t-5b1e0c");
    }
}
