package io.cryptotracker.market.cmc;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.cryptotracker.common.web.NotFoundException;
import io.cryptotracker.common.web.PageParams;
import io.cryptotracker.common.web.PageQuery;
import io.cryptotracker.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** CoinMarketCap listings from this replica's cache: paged, sorted and searched in memory (a few thousand rows). */
@RestController
@Tag(name = "market")
@RequestMapping("/api/v1/market/cryptocurrencies")
class CryptocurrencyController {

    private static final Map<String, Function<CoinListing, ? extends Comparable<?>>> SORTS = Map.of(
            "rank", coin -> coin.rank() == null ? null : Integer.valueOf(coin.rank()),
            "price", CoinListing::price,
            "market_cap", CoinListing::marketCap,
            "volume_24h", CoinListing::volume24h,
            "percent_change_1h", CoinListing::percentChange1h,
            "percent_change_24h", CoinListing::percentChange24h,
            "percent_change_7d", CoinListing::percentChange7d,
            "symbol", CoinListing::symbol,
            "name", coin -> coin.name() == null ? null : coin.name().toLowerCase(Locale.ROOT));

    private final CoinListingCache cache;

    CryptocurrencyController(CoinListingCache cache) {
        this.cache = cache;
    }

    @GetMapping
    @Operation(operationId = "listCryptocurrencies", summary = "CoinMarketCap listings: paged, sorted, searched",
            description = "Sorted by `rank` (the default, ascending), `price`, `market_cap`, `volume_24h`, "
                    + "`percent_change_1h`, `percent_change_24h`, `percent_change_7d`, `symbol` or `name`; "
                    + "missing values last.")
    PageResponse<CoinListing> list(@ParameterObject ListingQuery listing,
            @Valid @NotNull @ParameterObject PageParams paging) {
        PageQuery query = paging.query(SORTS.keySet(), "rank,asc");
        String needle = listing.needle();
        List<CoinListing> matching = cache.listings().stream().filter(coin -> needle == null || matches(coin, needle))
                .sorted(order(query)).toList();
        int from = (int) Math.min(query.offset(), matching.size());
        int to = Math.min(from + query.size(), matching.size());
        return PageResponse.of(matching.subList(from, to), query, matching.size());
    }

    /** One coin by symbol in any case; where several coins share a symbol, the best ranked. */
    @GetMapping("/{symbol}")
    @Operation(operationId = "getCryptocurrency", summary = "One coin by symbol in any case, the best ranked")
    CoinListing one(@PathVariable @Parameter(description = "e.g. BTC or btc") String symbol) {
        String wanted = symbol.trim();
        return cache.listings().stream().filter(coin -> coin.symbol().equalsIgnoreCase(wanted))
                .min(Comparator.comparing(CoinListing::rank, Comparator.nullsLast(Comparator.naturalOrder())))
                .orElseThrow(() -> new NotFoundException("No cryptocurrency with symbol " + wanted + " is listed"));
    }

    private static boolean matches(CoinListing coin, String needle) {
        return coin.symbol().toLowerCase(Locale.ROOT).contains(needle)
                || (coin.name() != null && coin.name().toLowerCase(Locale.ROOT).contains(needle));
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Comparator<CoinListing> order(PageQuery query) {
        Function<CoinListing, Comparable> key = (Function) SORTS.get(query.sortField());
        Comparator<Comparable> values = query.ascending() ? Comparator.naturalOrder() : Comparator.reverseOrder();
        Comparator<CoinListing> primary = Comparator.comparing(key, Comparator.nullsLast(values));
        // ties (and equal prices) in a stable order, so pages never overlap
        return primary.thenComparing(coin -> coin.rank() == null ? Integer.MAX_VALUE : coin.rank())
                .thenComparingLong(CoinListing::cmcId);
    }
}
