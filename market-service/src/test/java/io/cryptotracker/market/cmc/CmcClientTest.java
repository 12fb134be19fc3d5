package io.cryptotracker.market.cmc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.cryptotracker.market.source.SourceException;
import io.cryptotracker.market.source.TestSources;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CmcClientTest {

    private static final String LISTINGS = "/v1/cryptocurrency/listings/latest";

    @RegisterExtension
    static WireMockExtension cmc = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CmcClient client = new CmcClient(TestSources.client("cmc", cmc.baseUrl(), meters), "test-key");

    @Test
    void readsListingsWithExactDecimalsAndSendsTheKeyHeader() {
        cmc.stubFor(get(urlPathEqualTo(LISTINGS))
                .willReturn(okJson(TestSources.recorded("cmc/v1/cryptocurrency/listings/latest"))));

        List<CoinListing> coins = client.listings(200);

        assertThat(coins).hasSize(26);
        CoinListing bitcoin = coins.get(0);
        assertThat(bitcoin.symbol()).isEqualTo("BTC");
        assertThat(bitcoin.rank()).isEqualTo(1);
        assertThat(bitcoin.price()).isEqualByComparingTo("97251.37");
        assertThat(bitcoin.lastUpdated()).isEqualTo(Instant.parse("2025-11-23T22:12:00Z"));
        assertThat(coins).filteredOn(coin -> coin.symbol().equals("PEPE")).singleElement()
                .satisfies(pepe -> assertThat(pepe.price()).isEqualByComparingTo("0.00001922"));
        cmc.verify(getRequestedFor(urlPathEqualTo(LISTINGS)).withHeader("X-CMC_PRO_API_KEY", equalTo("test-key"))
                .withQueryParam("limit", equalTo("200")));
        assertThat(meters.get("market.source.freshness").tag("source", "cmc").gauge().value()).isLessThan(5);
    }

    @Test
    void anErrorCodeInsideA200IsAFailureNotAnEmptyList() {
        cmc.stubFor(get(urlPathEqualTo(LISTINGS)).willReturn(okJson("""
                {"status": {"timestamp": "2025-11-23T22:13:00.412Z", "error_code": 1002,
                 "error_message": "API key missing.", "elapsed": 0, "credit_count": 0}}""")));

        SourceException failure = catchThrowableOfType(SourceException.class, () -> client.listings(200));

        assertThat(failure.kind()).isEqualTo(SourceException.Kind.REJECTED);
        assertThat(failure.getMessage()).contains("1002").doesNotContain("test-key");
    }

    @Test
    void aRateLimitCodeInsideA200PausesFurtherCalls() {
        cmc.stubFor(get(urlPathEqualTo(LISTINGS)).willReturn(okJson("""
                {"status": {"error_code": 1008,
                 "error_message": "You've exceeded your API Key's HTTP request rate limit."}}""")));

        SourceException first = catchThrowableOfType(SourceException.class, () -> client.listings(200));
        SourceException second = catchThrowableOfType(SourceException.class, () -> client.listings(200));

        assertThat(first.kind()).isEqualTo(SourceException.Kind.RATE_LIMITED);
        assertThat(second.kind()).isEqualTo(SourceException.Kind.RATE_LIMITED);
        cmc.verify(1, getRequestedFor(urlPathEqualTo(LISTINGS)));
    }

    @Test
    void a429HonoursRetryAfterAndSendsNothingUntilThen() {
        cmc.stubFor(get(urlPathEqualTo(LISTINGS)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "42")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":{\"error_code\":1008,\"error_message\":\"rate limit\"}}")));

        SourceException first = catchThrowableOfType(SourceException.class, () -> client.listings(200));
        SourceException second = catchThrowableOfType(SourceException.class, () -> client.listings(200));

        assertThat(first.kind()).isEqualTo(SourceException.Kind.RATE_LIMITED);
        assertThat(first.retryAfter()).isEqualTo(Duration.ofSeconds(42));
        assertThat(second.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(42));
        cmc.verify(1, getRequestedFor(urlPathEqualTo(LISTINGS)));
        assertThat(meters.get("market.source.errors").tags("source", "cmc", "kind", "rate_limited").counter().count())
                .isEqualTo(1);
    }

    @Test
    void anInvalidKeyIsRejected() {
        cmc.stubFor(get(urlPathEqualTo(LISTINGS)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":{\"error_code\":1001,\"error_message\":\"This API Key is invalid.\"}}")));

        assertThat(catchThrowableOfType(SourceException.class, () -> client.listings(200)).kind())
                .isEqualTo(SourceException.Kind.REJECTED);
    }

    @Test
    void serverErrorsTimeoutsAndBrokenJsonAreToldApart() {
        cmc.stubFor(get(urlPathEqualTo(LISTINGS)).willReturn(aResponse().withStatus(503)));
        assertThat(catchThrowableOfType(SourceException.class, () -> client.listings(200)).kind())
                .isEqualTo(SourceException.Kind.UNAVAILABLE);

        cmc.stubFor(get(urlPathEqualTo(LISTINGS)).willReturn(okJson("{}").withFixedDelay(1500)));
        SourceException timeout = catchThrowableOfType(SourceException.class, () -> client.listings(200));
        assertThat(timeout.kind()).isEqualTo(SourceException.Kind.UNAVAILABLE);
        assertThat(timeout.getMessage()).contains("timed out");

        cmc.stubFor(get(urlPathEqualTo(LISTINGS)).willReturn(okJson("{\"status\": {\"error_code\": 0}, \"data\": [")));
        assertThat(catchThrowableOfType(SourceException.class, () -> client.listings(200)).kind())
                .isEqualTo(SourceException.Kind.MALFORMED);
    }
}
