package io.cryptotracker.market.venue.mexc;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.market.source.SourceClient;
import io.cryptotracker.market.source.SourceException;
import io.cryptotracker.market.source.SourceJson;
import io.cryptotracker.market.venue.NetworkStatusSource;
import tools.jackson.databind.JsonNode;

/**
 * MEXC's signed {@code /api/v3/capital/config/getall}: per coin and network whether deposits and withdrawals are
 * open, the withdraw fee and the token's contract address, which is how DEX pools are matched to MEXC markets.
 * The query is signed with HMAC-SHA256 of the query string under the secret, the key goes in
 * {@code X-MEXC-APIKEY}; neither is ever logged.
 */
public class MexcNetworks implements NetworkStatusSource {

    static final String KEY_HEADER = "X-MEXC-APIKEY";
    private static final long RECV_WINDOW_MS = 5000;

    private final SourceClient http;
    private final String apiKey;
    private final String apiSecret;
    private final Clock clock;

    public MexcNetworks(SourceClient http, String apiKey, String apiSecret, Clock clock) {
        this.http = http;
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
        this.clock = clock;
    }

    @Override
    public String name() {
        return http.source();
    }

    @Override
    public boolean available() {
        return apiKey != null && !apiKey.isBlank() && apiSecret != null && !apiSecret.isBlank();
    }

    @Override
    public Map<String, List<MarketSnapshot.NetworkStatus>> networks() {
        Instant now = clock.instant();
        String query = "recvWindow=" + RECV_WINDOW_MS + "&timestamp=" + now.toEpochMilli();
        String body = http.get("/api/v3/capital/config/getall?" + query + "&signature=" + sign(query, apiSecret),
                headers -> headers.set(KEY_HEADER, apiKey));
        JsonNode coins = SourceJson.parse(http, body);
        if (!coins.isArray()) {
            throw http.rejectBody(SourceException.Kind.MALFORMED, "expected an array of coins");
        }
        Map<String, List<MarketSnapshot.NetworkStatus>> byCoin = new LinkedHashMap<>();
        for (JsonNode coin : coins) {
            String name = SourceJson.text(coin, "coin");
            if (name == null) {
                continue;
            }
            List<MarketSnapshot.NetworkStatus> networks = new ArrayList<>();
            for (JsonNode network : coin.path("networkList")) {
                String id = SourceJson.text(network, "network");
                if (id == null) {
                    continue;
                }
                String alias = SourceJson.text(network, "netWork");
                networks.add(new MarketSnapshot.NetworkStatus(id, Chains.dexScreenerChain(alias != null ? alias : id),
                        SourceJson.text(network, "contract"), network.path("depositEnable").asBoolean(false),
                        network.path("withdrawEnable").asBoolean(false), SourceJson.decimal(network, "withdrawFee"),
                        now));
            }
            byCoin.put(name.toUpperCase(Locale.ROOT), List.copyOf(networks));
        }
        http.parsedWell();
        return byCoin;
    }

    /** Lower-case hex HMAC-SHA256 of the query string, as MEXC's signed endpoints expect. */
    static String sign(String query, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(query.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }
}
