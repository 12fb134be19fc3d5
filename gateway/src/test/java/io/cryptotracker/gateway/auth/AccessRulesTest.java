package io.cryptotracker.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class AccessRulesTest {

    private final AccessRules rules = new AccessRules(
            List.of("POST /api/v1/auth/login", "GET /api/v1/market/**", "GET /actuator/health/**", "/anything-goes"),
            List.of("/ws/**"));

    @Test
    void aPublicEndpointIsOpenOnlyForItsMethod() {
        assertThat(decide(HttpMethod.POST, "/api/v1/auth/login")).isInstanceOf(AccessRules.Open.class);
        assertThat(decide(HttpMethod.GET, "/api/v1/auth/login")).isInstanceOf(AccessRules.Refused.class);
        assertThat(decide(HttpMethod.GET, "/api/v1/market/cryptocurrencies/BTC")).isInstanceOf(AccessRules.Open.class);
        assertThat(decide(HttpMethod.DELETE, "/api/v1/market/cryptocurrencies/BTC"))
                .isInstanceOf(AccessRules.Refused.class);
    }

    @Test
    void aPublicGetEndpointIsOpenForHeadToo() {
        assertThat(decide(HttpMethod.HEAD, "/api/v1/market/cryptocurrencies/BTC")).isInstanceOf(AccessRules.Open.class);
        assertThat(decide(HttpMethod.HEAD, "/api/v1/auth/login")).isInstanceOf(AccessRules.Refused.class);
        assertThat(decide(HttpMethod.OPTIONS, "/api/v1/market/cryptocurrencies/BTC"))
                .isInstanceOf(AccessRules.Refused.class);
    }

    @Test
    void anEndpointWithoutAMethodIsOpenForEveryMethod() {
        assertThat(decide(HttpMethod.PATCH, "/anything-goes")).isInstanceOf(AccessRules.Open.class);
    }

    @Test
    void aDoubleStarPatternCoversItsRootAndEverythingBelow() {
        assertThat(decide(HttpMethod.GET, "/actuator/health")).isInstanceOf(AccessRules.Open.class);
        assertThat(decide(HttpMethod.GET, "/actuator/health/readiness")).isInstanceOf(AccessRules.Open.class);
        assertThat(decide(HttpMethod.GET, "/actuator/healthy")).isInstanceOf(AccessRules.Refused.class);
    }

    @Test
    void aBearerTokenIsTakenInAnySpellingOfTheScheme() {
        assertThat(rules.decide(HttpMethod.GET, "/api/v1/users/me", "Bearer abc.def.ghi", List.of()))
                .isEqualTo(new AccessRules.Bearer("abc.def.ghi"));
        assertThat(rules.decide(HttpMethod.GET, "/api/v1/users/me", "BEARER   abc.def.ghi ", List.of()))
                .isEqualTo(new AccessRules.Bearer("abc.def.ghi"));
    }

    @Test
    void otherAuthorizationSchemesAndEmptyTokensAreRefused() {
        assertThat(rules.decide(HttpMethod.GET, "/api/v1/users/me", "Basic dXNlcjpwYXNz", List.of()))
                .isInstanceOf(AccessRules.Refused.class);
        assertThat(rules.decide(HttpMethod.GET, "/api/v1/users/me", "Bearer ", List.of()))
                .isInstanceOf(AccessRules.Refused.class);
        assertThat(rules.decide(HttpMethod.GET, "/api/v1/users/me", "Bearer", List.of()))
                .isInstanceOf(AccessRules.Refused.class);
    }

    @Test
    void aTicketPassesOnlyOnTheWebSocketPaths() {
        assertThat(rules.decide(HttpMethod.GET, "/ws/signals", null, List.of("t-123")))
                .isInstanceOf(AccessRules.Ticket.class);
        assertThat(rules.decide(HttpMethod.GET, "/api/v1/notifications", null, List.of("t-123")))
                .isInstanceOf(AccessRules.Refused.class);
    }

    @Test
    void aTicketThatIsReallyAnAccessTokenIsRefused() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

        assertThat(rules.decide(HttpMethod.GET, "/ws/signals", null, List.of(jwt)))
                .isInstanceOf(AccessRules.Refused.class);
    }

    @Test
    void blankOrRepeatedTicketsAreRefused() {
        assertThat(rules.decide(HttpMethod.GET, "/ws/signals", null, List.of(" ")))
                .isInstanceOf(AccessRules.Refused.class);
        assertThat(rules.decide(HttpMethod.GET, "/ws/signals", null, List.of("a", "b")))
                .isInstanceOf(AccessRules.Refused.class);
    }

    @Test
    void aBearerHeaderOnTheWebSocketPathIsVerifiedEvenWithATicket() {
        assertThat(rules.decide(HttpMethod.GET, "/ws/signals", "Bearer abc", List.of("t-1")))
                .isEqualTo(new AccessRules.Bearer("abc"));
    }

    @Test
    void nothingAtAllIsRefused() {
        assertThat(decide(HttpMethod.GET, "/ws/signals")).isInstanceOf(AccessRules.Refused.class);
    }

    private AccessRules.Decision decide(HttpMethod method, String path) {
        return rules.decide(method, path, null, List.of());
    }
}
