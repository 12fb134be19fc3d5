package io.cryptotracker.market.cmc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.cryptotracker.market.source.SourceClient;
import io.cryptotracker.market.source.SourceException;
import io.cryptotracker.market.source.SourceJson;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code /v1/cryptocurrency/listings/latest}. CMC reports many failures as {@code status.error_code} – also
 * inside an HTTP 200 – so the code is checked on every answer: 1001/1002 (key invalid or missing) and 1003–1007
 * (plan) reject the key, 1008–1011 are rate limits.
 */
public class CmcClient {

    static final String KEY_HEADER = "X-CMC_PRO_API_KEY";

    private final SourceClient http;
    private final String apiKey;

    public CmcClient(SourceClient http, String apiKey) {
        this.http = http;
        this.apiKey = apiKey;
    }

    /** The top {@code limit} coins by CMC rank, with their USD quotes. */
    public List<CoinListing> listings(int limit) {
        String body = http.get("/v1/cryptocurrency/listings/latest?start=1&limit=" + limit + "&convert=USD",
                headers -> headers.set(KEY_HEADER, apiKey));
        JsonNode root = SourceJson.parse(http, body);
        checkStatus(root.path("status"));
        JsonNode data = root.path("data");
        if (!data.isArray()) {
            throw http.rejectBody(SourceException.Kind.MALFORMED, "no data array");
        }
        List<CoinListing> coins = new ArrayList<>(data.size());
        for (JsonNode coin : data) {
            CoinListing listing = listing(coin);
            if (listing != null) {
                coins.add(listing);
            }
        }
        http.parsedWell();
        return coins;
    }

    private void checkStatus(JsonNode status) {
        Long code = SourceJson.whole(status, "error_code");
        if (code == null || code == 0) {
            return;
        }
        String message = SourceJson.text(status, "error_message");
        SourceException.Kind kind;
        if (code >= 1001 && code <= 1007) {
            kind = SourceException.Kind.REJECTED;
        }
        else if (code >= 1008 && code <= 1011) {
            kind = SourceException.Kind.RATE_LIMITED;
        }
        else {
            kind = SourceException.Kind.FAILED;
        }
        throw http.rejectBody(kind, "error_code " + code + (message == null ? "" : " (" + message + ")"));
    }

    /** A coin without id or symbol is skipped; missing quote fields stay null. */
    static CoinListing listing(JsonNode coin) {
        Long id = SourceJson.whole(coin, "id");
        String symbol = SourceJson.text(coin, "symbol");
        if (id == null || symbol == null) {
            return null;
        }
        JsonNode usd = coin.path("quote").path("USD");
        Long rank = SourceJson.whole(coin, "cmc_rank");
        return new CoinListing(id, symbol, SourceJson.text(coin, "name"), SourceJson.text(coin, "slug"),
                rank == null ? null : rank.intValue(), SourceJson.decimal(usd, "price"),
                SourceJson.decimal(usd, "volume_24h"), SourceJson.decimal(usd, "market_cap"),
                SourceJson.decimal(usd, "percent_change_1h"), SourceJson.decimal(usd, "percent_change_24h"),
                SourceJson.decimal(usd, "percent_change_7d"), SourceJson.decimal(coin, "circulating_supply"),
                instant(SourceJson.text(usd, "last_updated")));
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }
}
