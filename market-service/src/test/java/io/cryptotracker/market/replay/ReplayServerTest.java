package io.cryptotracker.market.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import io.cryptotracker.market.TestClock;
import io.cryptotracker.market.source.SourceJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReplayServerTest {

    private static final String TICKER = "/mexc-futures/api/v1/contract/ticker";
    private static final String PEPE = "0x6982508145454Ce325dDbE47a25d4ec3d2311933";
    private static final String UNI = "0x1f9840a85d5aF5bf1D1762F925BDADdC4201F984";

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T23:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private final ReplayServer replay;

    ReplayServerTest() throws Exception {
        replay = new ReplayServer("replay", 0, clock);
    }

    @AfterEach
    void stop() {
        replay.close();
    }

    @Test
    void recordedFramesAreServedInTurnWithTheirTimesMovedToNow() throws Exception {
        JsonNode first = pepe(get(TICKER));
        clock.advance(Duration.ofSeconds(30));
        JsonNode second = pepe(get(TICKER));
        clock.advance(Duration.ofSeconds(30));
        JsonNode third = pepe(get(TICKER));
        clock.advance(Duration.ofSeconds(30));
        JsonNode again = pepe(get(TICKER));

        assertThat(SourceJson.decimal(second, "bid1")).isGreaterThan(SourceJson.decimal(first, "bid1"));
        assertThat(SourceJson.decimal(third, "bid1")).isLessThan(SourceJson.decimal(first, "bid1"));
        assertThat(SourceJson.decimal(again, "bid1")).isEqualByComparingTo(SourceJson.decimal(first, "bid1"));
        long now = clock.millis();
        for (JsonNode frame : new JsonNode[] { first, second, third, again }) {
            assertThat(frame.path("timestamp").asLong()).isBetween(now - 90_000 - 60_000, now + 1_000);
        }
        assertThat(third.path("timestamp").asLong()).isBetween(clock.millis() - 31_000, clock.millis() - 29_000);
    }

    @Test
    void aListOfIdsAnswersTheJoinedRecordedAnswersAndUnknownPathsAre404() throws Exception {
        HttpResponse<String> joined = get("/dexscreener/tokens/v1/ethereum/" + PEPE + "," + UNI + ",0xunknown");

        assertThat(SourceJson.parse(joined.body())).hasSize(3);
        assertThat(get("/mexc-spot/api/v3/nothing").statusCode()).isEqualTo(404);
        assertThat(get(TICKER + "~1").statusCode()).isEqualTo(404);
        assertThat(get("/mexc-spot/../cmc/v1/cryptocurrency/listings/latest").statusCode()).isEqualTo(404);
    }

    @Test
    void aSymbolParameterAnswersThatSymbolsRecordedBookAndAnUnrecordedOneIsA404() throws Exception {
        HttpResponse<String> pepe = get("/binance-futures/fapi/v1/depth?symbol=1000PEPEUSDT&limit=50");
        HttpResponse<String> wif = get("/binance-futures/fapi/v1/depth?limit=50&symbol=WIFUSDT");

        assertThat(SourceJson.parse(pepe.body()).path("bids").get(0).get(0).asString()).isEqualTo("0.0192219");
        assertThat(SourceJson.parse(wif.body()).path("bids").get(0).get(0).asString()).startsWith("3.41");
        assertThat(get("/binance-futures/fapi/v1/depth?symbol=BTCUSDT&limit=50").statusCode()).isEqualTo(404);
        assertThat(get("/bybit-linear/v5/market/orderbook?category=linear&symbol=..%2Ftickers").statusCode())
                .isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(replay.baseUrl("") + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode pepe(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        for (JsonNode ticker : SourceJson.parse(response.body()).path("data")) {
            if ("PEPE_USDT".equals(ticker.path("symbol").asString())) {
                return ticker;
            }
        }
        throw new AssertionError("no PEPE ticker");
    }
}
