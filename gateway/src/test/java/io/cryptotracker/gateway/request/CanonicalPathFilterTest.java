package io.cryptotracker.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPathFilterTest {

    @ParameterizedTest(name = "{0} is canonical")
    @ValueSource(strings = { "/", "", "/api/v1/auth/login", "/api/v1/market/cryptocurrencies/BTC",
            "/api/v1/auth/%6Cogin", "/ws/signals", "/v3/api-docs/market-service", "/api/v1/users/me;v=1",
            "/api/v1/signals/a.b", "/api/v1/signals/...", "/api/v1/signals/%252F" })
    void pathsWithOneReadingPass(String rawPath) {
        assertThat(CanonicalPathFilter.isCanonical(rawPath)).isTrue();
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = { "//api/v1/auth/login", "/api/v1/auth//login", "/api/v1/auth/login/", "/api/v1/auth%2Flogin",
            "/api/v1/auth%2flogin", "/api/v1/auth%5Clogin", "/api/v1/auth%5clogin", "/api/v1/auth\\login",
            "/api/./v1", "/api/../internal", "/api/%2e/v1", "/api/%2E%2e/internal", "/api/.%2e/internal",
            "/api/..;/internal", "/api/.;x=1/v1", "api/v1" })
    void pathsThatCouldBeReadTwoWaysAreRefused(String rawPath) {
        assertThat(CanonicalPathFilter.isCanonical(rawPath)).isFalse();
    }
}
