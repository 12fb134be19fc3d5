package io.cryptotracker.signals.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.cryptotracker.common.web.PageQuery;
import io.cryptotracker.common.web.PageResponse;
import io.cryptotracker.common.web.servlet.ServletWebConfiguration;
import io.cryptotracker.signals.store.SignalHistory;
import io.cryptotracker.signals.store.SignalKind;
import io.cryptotracker.signals.store.SignalOutcomes;
import io.cryptotracker.signals.store.SignalStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The signal query API's binding and validation without a database: each filter reaches the search in its stored
 * spelling, each malformed one is a 400 naming it with the message clients have always read.
 */
@WebMvcTest(SignalQueryController.class)
@AutoConfigureMockMvc(addFilters = false)
@ImportAutoConfiguration(ServletWebConfiguration.class)
@Import(SignalQueryControllerTest.PrincipalArguments.class)
class SignalQueryControllerTest {

    /** {@code @AuthenticationPrincipal} resolves (to no user: the FREE delay is mocked). */
    @TestConfiguration
    @EnableWebSecurity
    static class PrincipalArguments {
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SignalSearch search;

    @MockitoBean
    SignalStore store;

    @MockitoBean
    SignalHistory history;

    @MockitoBean
    FreeTierDelay delay;

    @MockitoBean
    SignalOutcomes outcomes;

    @MockitoBean
    Clock clock;

    @BeforeEach
    void emptyResults() {
        when(search.find(any(), any())).thenReturn(PageResponse.of(List.of(), new PageQuery(0, 20, "x", true), 0));
    }

    @Test
    void everyFilterReachesTheSearchInItsStoredSpelling() throws Exception {
        JsonNode page = json(get(URI.create("/api/v1/signals/mexc-dex?symbol=$pepe&q=pe_u&min_spread=1.5&max_spread=3"
                + "&status=open&source=Telegram&from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z&chain=Solana"
                + "&min_liquidity=10000&page=2&size=5&sort=spread_percent,asc")), 200);

        ArgumentCaptor<SignalFilter> filter = ArgumentCaptor.forClass(SignalFilter.class);
        ArgumentCaptor<PageQuery> query = ArgumentCaptor.forClass(PageQuery.class);
        verify(search).find(filter.capture(), query.capture());
        assertThat(filter.getValue()).isEqualTo(new SignalFilter(SignalKind.MEXC_DEX, "PEPE/USDT", "PE/U",
                new BigDecimal("1.5"), new BigDecimal("3"), "OPEN", "TELEGRAM", Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-02T00:00:00Z"), null, "solana", new BigDecimal("10000"), null));
        assertThat(query.getValue()).isEqualTo(new PageQuery(2, 5, "spread_percent", true));
        assertThat(page.path("total_items").asLong()).isZero();
    }

    @Test
    void blankFiltersCountAsAbsent() throws Exception {
        json(get(URI.create("/api/v1/signals/funding-rate?symbol=&q=%20&status=&exchange=&page=&sort=")), 200);

        ArgumentCaptor<SignalFilter> filter = ArgumentCaptor.forClass(SignalFilter.class);
        verify(search).find(filter.capture(), any());
        assertThat(filter.getValue()).isEqualTo(new SignalFilter(SignalKind.FUNDING_RATE, null, null, null, null,
                null, null, null, null, null, null, null, null));
    }

    @Test
    void malformedFiltersAre400sNamingEachWithItsMessage() throws Exception {
        assertThat(errors("/api/v1/signals/funding-rate?min_spread=abc"))
                .containsExactly("min_spread: must be a number");
        assertThat(errors("/api/v1/signals/funding-rate?from=yesterday&status=maybe")).containsExactly(
                "status: must be one of closed, open",
                "from: must be an ISO-8601 UTC time such as 2026-11-23T21:53:39Z");
        assertThat(errors("/api/v1/signals/mexc-dex?page=x")).containsExactly("page: must be a whole number");
        assertThat(errors("/api/v1/signals/mexc-dex?size=500")).containsExactly("size: must be between 1 and 200");
        assertThat(errors("/api/v1/signals/mexc-dex?sort=price")).containsExactly("sort: must be one of closed_at, "
                + "detected_at, net_spread_percent, peak_spread_percent, spread_percent, symbol, updated_at");
        assertThat(errors("/api/v1/signals/mexc-spot-futures?symbol=12"))
                .containsExactly("symbol: must be a symbol such as BTC, BTCUSDT or BTC/USDT");
        assertThat(errors("/api/v1/signals/mexc-spot-futures?q=" + "a".repeat(41)))
                .containsExactly("q: must be up to 40 letters or digits of a symbol");
        assertThat(errors("/api/v1/signals/mexc-spot-futures?min_spread=2&max_spread=1"))
                .containsExactly("max_spread: must not be less than min_spread");
        assertThat(errors("/api/v1/signals/mexc-spot-futures?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z"))
                .containsExactly("to: must not be before from");
        assertThat(errors("/api/v1/signals/funding-rate?from=%2B1000000000-01-01T00:00:00Z"))
                .containsExactly("from: must be a time between the years 0001 and 9999");
    }

    @Test
    void aFilterOfAnotherKindIsA400NamingIt() throws Exception {
        assertThat(errors("/api/v1/signals/mexc-spot-futures?chain=solana&colour=red")).containsExactlyInAnyOrder(
                "chain: is not a filter of mexc-spot-futures signals",
                "colour: is not a filter of mexc-spot-futures signals");
        assertThat(errors("/api/v1/signals/funding-rate?min_liquidity=1"))
                .containsExactly("min_liquidity: is not a filter of funding-rate signals");
    }

    @Test
    void aSegmentThatIsNeitherAKindNorAnIdIsA400NamingTheId() throws Exception {
        assertThat(errors("/api/v1/signals/not-a-kind"))
                .containsExactly("id: must be a signal id or one of mexc-spot-futures, funding-rate, mexc-dex");
    }

    private List<String> errors(String path) throws Exception {
        JsonNode problem = json(get(URI.create(path)), 400);
        return problem.path("errors").valueStream()
                .map(error -> error.path("field").asString() + ": " + error.path("message").asString()).toList();
    }

    private JsonNode json(org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        return JsonMapper.builder().build().readTree(result.getResponse().getContentAsString());
    }
}
