package io.cryptotracker.market.cmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import io.cryptotracker.common.web.servlet.ServletWebConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The listing API's query binding without a database: paging, sorting, search and the 400s naming a parameter. */
@WebMvcTest(CryptocurrencyController.class)
@AutoConfigureMockMvc(addFilters = false)
@ImportAutoConfiguration(ServletWebConfiguration.class)
class CryptocurrencyControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CoinListingCache cache;

    @BeforeEach
    void threeCoins() {
        when(cache.listings()).thenReturn(List.of(coin(1, "BTC", "Bitcoin", 1, "90000"),
                coin(1027, "ETH", "Ethereum", 2, "3000"), coin(24478, "PEPE", "Pepe", 17, "0.00001")));
    }

    @Test
    void theQueryPagesSortsAndSearches() throws Exception {
        JsonNode page = json("/api/v1/market/cryptocurrencies?sort=price,asc&page=0&size=2&q=%20e%20", 200);

        assertThat(page.path("items").valueStream().map(coin -> coin.path("symbol").asString()))
                .containsExactly("PEPE", "ETH");
        assertThat(page.path("total_items").asInt()).isEqualTo(2);
        assertThat(page.path("total_pages").asInt()).isEqualTo(1);
    }

    @Test
    void aBadPageSizeOrSortIsA400NamingTheParameter() throws Exception {
        assertThat(errors("/api/v1/market/cryptocurrencies?sort=colour")).containsExactly("sort: must be one of "
                + "market_cap, name, percent_change_1h, percent_change_24h, percent_change_7d, price, rank, symbol, "
                + "volume_24h");
        assertThat(errors("/api/v1/market/cryptocurrencies?size=500")).containsExactly("size: must be between 1 and 200");
        assertThat(errors("/api/v1/market/cryptocurrencies?page=x")).containsExactly("page: must be a whole number");
    }

    private static CoinListing coin(long id, String symbol, String name, int rank, String price) {
        return new CoinListing(id, symbol, name, name.toLowerCase(), rank, new BigDecimal(price), null, null, null,
                null, null, null, null);
    }

    private List<String> errors(String path) throws Exception {
        return json(path, 400).path("errors").valueStream()
                .map(error -> error.path("field").asString() + ": " + error.path("message").asString()).toList();
    }

    private JsonNode json(String path, int status) throws Exception {
        MvcResult result = mvc.perform(get(URI.create(path))).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        return JsonMapper.builder().build().readTree(result.getResponse().getContentAsString());
    }
}
