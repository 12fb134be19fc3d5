package io.cryptotracker.market.venue.dexscreener;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.market.source.SourceClient;
import io.cryptotracker.market.source.SourceException;
import io.cryptotracker.market.source.SourceJson;
import io.cryptotracker.market.venue.DexPoolSource;
import tools.jackson.databind.JsonNode;

/**
 * DexScreener's {@code /tokens/v1/{chainId}/{addresses}} (up to 30 addresses a call, 300 calls a minute): every
 * pool of those tokens. A pool without {@code priceUsd} is left out; pools are ordered by liquidity.
 */
public class DexScreener implements DexPoolSource {

    static final int ADDRESSES_PER_CALL = 30;

    private final SourceClient http;
    private final Clock clock;

    public DexScreener(SourceClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public String name() {
        return http.source();
    }

    @Override
    public List<MarketSnapshot.DexPool> pools(Collection<TokenAddress> tokens) {
        Map<String, List<String>> byChain = new LinkedHashMap<>();
        for (TokenAddress token : tokens) {
            byChain.computeIfAbsent(token.chain(), chain -> new ArrayList<>()).add(token.address());
        }
        List<MarketSnapshot.DexPool> pools = new ArrayList<>();
        for (Map.Entry<String, List<String>> chain : byChain.entrySet()) {
            List<String> addresses = chain.getValue();
            for (int from = 0; from < addresses.size(); from += ADDRESSES_PER_CALL) {
                List<String> batch = addresses.subList(from, Math.min(from + ADDRESSES_PER_CALL, addresses.size()));
                Instant fetched = clock.instant();
                JsonNode pairs = SourceJson.parse(http,
                        http.get("/tokens/v1/" + chain.getKey() + "/" + String.join(",", batch)));
                if (!pairs.isArray()) {
                    throw http.rejectBody(SourceException.Kind.MALFORMED, "expected an array of pairs");
                }
                for (JsonNode pair : pairs) {
                    MarketSnapshot.DexPool pool = pool(pair, fetched);
                    if (pool != null) {
                        pools.add(pool);
                    }
                }
            }
        }
        http.parsedWell();
        pools.sort(Comparator.comparing(MarketSnapshot.DexPool::liquidityUsd,
                Comparator.nullsLast(Comparator.reverseOrder())));
        return pools;
    }

    static MarketSnapshot.DexPool pool(JsonNode pair, Instant fetched) {
        BigDecimal price = SourceJson.decimal(pair, "priceUsd");
        String token = SourceJson.text(pair.path("baseToken"), "address");
        String pairAddress = SourceJson.text(pair, "pairAddress");
        if (price == null || price.signum() <= 0 || token == null || pairAddress == null) {
            return null;
        }
        return new MarketSnapshot.DexPool(SourceJson.text(pair, "chainId"), SourceJson.text(pair, "dexId"),
                pairAddress, token, price, SourceJson.decimal(pair.path("liquidity"), "usd"),
                SourceJson.decimal(pair.path("volume"), "h24"), fetched);
    }
}
