package io.cryptotracker.market.funding;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.cryptotracker.common.events.EventJson;
import io.cryptotracker.common.events.FundingIntervalChanged;
import io.cryptotracker.common.events.Topics;
import io.cryptotracker.common.outbox.OutboxWriter;
import io.cryptotracker.market.snapshot.MarketPoller;
import io.cryptotracker.market.venue.mexc.MexcFutures;
import io.cryptotracker.testsupport.EmbeddedInfrastructure;
import io.cryptotracker.testsupport.KafkaRecords;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Funding interval changes on real PostgreSQL and Kafka, with MEXC's contract API on WireMock answering as MEXC does
 * (the other sources answer 404 and simply drop out of the rounds). The test runs the rounds itself; a restart is a
 * new {@link FundingIntervalWatch} over the same database, which is what a restarted service has.
 */
@EmbeddedInfrastructure
@SpringBootTest(properties = { "cryptotracker.market.mode=live", "cryptotracker.market.venues.initial-delay=1h",
        "cryptotracker.market.cmc.initial-delay=1h", "cryptotracker.market.depth.enabled=false" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FundingIntervalChangeTest {

    private static final WireMockServer venues = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        venues.start();
    }

    @DynamicPropertySource
    static void venuesOnWireMock(DynamicPropertyRegistry registry) {
        for (String url : List.of("cryptotracker.market.cmc.base-url", "cryptotracker.market.mexc.spot-base-url",
                "cryptotracker.market.mexc.futures-base-url", "cryptotracker.market.venues.binance-base-url",
                "cryptotracker.market.venues.bybit-base-url", "cryptotracker.market.venues.dexscreener-base-url")) {
            registry.add(url, venues::baseUrl);
        }
    }

    @Autowired
    MarketPoller poller;

    @Autowired
    MexcFutures mexcFutures;

    @Autowired
    FundingIntervalStore store;

    @Autowired
    OutboxWriter outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stopVenues() {
        venues.stop();
    }

    @Test
    @Order(1)
    void theFirstSightingOfAPerpetualIsStoredNotAnnounced() {
        mexcAnswers(Map.of("PEPE_USDT", 8, "WIF_USDT", 8));

        poller.publishRound();

        assertThat(announced()).isEmpty();
        assertThat(storedIntervals()).containsEntry("mexc PEPE/USDT", 8).containsEntry("mexc WIF/USDT", 8);
    }

    @Test
    @Order(2)
    void aChangedIntervalIsAnnouncedOnceOnTheMarketTopicKeyedBySymbol() {
        mexcAnswers(Map.of("PEPE_USDT", 4, "WIF_USDT", 8));

        poller.publishRound();
        poller.publishRound();

        List<FundingIntervalChanged> changes = announced();
        assertThat(changes).hasSize(1);
        FundingIntervalChanged change = changes.get(0);
        assertThat(change.venue()).isEqualTo("mexc");
        assertThat(change.symbol()).isEqualTo("PEPE/USDT");
        assertThat(change.instrument()).isEqualTo("PEPE_USDT");
        assertThat(change.previousIntervalHours()).isEqualTo(8);
        assertThat(change.intervalHours()).isEqualTo(4);
        assertThat(change.rate()).isEqualByComparingTo("0.0001");
        assertThat(change.ratePer8h()).isEqualByComparingTo("0.0002");
        assertThat(change.previousAprPercent()).isEqualByComparingTo("10.95");
        assertThat(change.aprPercent()).isEqualByComparingTo("21.9");
        assertThat(change.nextFundingTime()).isNotNull();
        assertThat(storedIntervals()).containsEntry("mexc PEPE/USDT", 4).containsEntry("mexc WIF/USDT", 8);
        assertThat(meters.counter("market.funding.interval.changes", "venue", "mexc").count()).isEqualTo(1);

        ConsumerRecord<String, String> record = KafkaRecords.awaitRecord(Topics.MARKET, "PEPE/USDT",
                change.eventId().toString());
        assertThat(EventJson.read(record.value())).isEqualTo(change);
        assertThat(new String(record.headers().lastHeader("event_type").value()))
                .isEqualTo(FundingIntervalChanged.TYPE);
    }

    @Test
    @Order(3)
    void anIntervalTheVenueDidNotReportAnnouncesNothing() {
        // MEXC's funding list no longer names WIF: its quote falls back to the ticker's rate on an assumed 8 h
        mexcAnswers(Map.of("PEPE_USDT", 4));
        poller.publishRound();
        mexcAnswers(Map.of("PEPE_USDT", 4, "WIF_USDT", 8));
        poller.publishRound();

        assertThat(announced()).hasSize(1);
        assertThat(storedIntervals()).containsEntry("mexc WIF/USDT", 8);
    }

    @Test
    @Order(4)
    void aRestartedServiceAnnouncesNothingItAnnouncedBeforeAndTheNextChangeOnce() {
        FundingIntervalWatch restarted = new FundingIntervalWatch(store, outbox, transactions, clock, meters);

        assertThat(restarted.observe(mexcFutures.perpetualQuotes())).isZero();
        assertThat(announced()).hasSize(1);

        mexcAnswers(Map.of("PEPE_USDT", 4, "WIF_USDT", 1));
        assertThat(restarted.observe(mexcFutures.perpetualQuotes())).isEqualTo(1);
        assertThat(restarted.observe(mexcFutures.perpetualQuotes())).isZero();

        List<FundingIntervalChanged> changes = announced();
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1).symbol()).isEqualTo("WIF/USDT");
        assertThat(changes.get(1).previousIntervalHours()).isEqualTo(8);
        assertThat(changes.get(1).intervalHours()).isEqualTo(1);
        KafkaRecords.awaitRecord(Topics.MARKET, "WIF/USDT", changes.get(1).eventId().toString());
    }

    /** The FundingIntervalChanged events written to the outbox, in order. */
    private List<FundingIntervalChanged> announced() {
        return jdbc.sql("SELECT payload FROM outbox WHERE event_type = :type ORDER BY id")
                .param("type", FundingIntervalChanged.TYPE).query(String.class).list().stream()
                .map(payload -> EventJson.read(payload, FundingIntervalChanged.class)).toList();
    }

    private Map<String, Integer> storedIntervals() {
        return store.all().entrySet().stream().collect(Collectors.toMap(
                entry -> entry.getKey().venue() + " " + entry.getKey().symbol(), Map.Entry::getValue));
    }

    /** MEXC's contract detail, tickers (PEPE and WIF) and funding list naming these contracts with these cycles. */
    private static void mexcAnswers(Map<String, Integer> cycles) {
        long now = System.currentTimeMillis();
        venues.stubFor(WireMock.get(urlPathEqualTo("/api/v1/contract/detail")).willReturn(okJson("""
                {"success":true,"code":0,"data":[
                 {"symbol":"PEPE_USDT","contractSize":10000,"takerFeeRate":0.0002,"state":0},
                 {"symbol":"WIF_USDT","contractSize":1,"takerFeeRate":0.0002,"state":0}]}""")));
        venues.stubFor(WireMock.get(urlPathEqualTo("/api/v1/contract/ticker")).willReturn(okJson("""
                {"success":true,"code":0,"data":[
                 {"symbol":"PEPE_USDT","lastPrice":0.00001925,"bid1":0.00001924,"ask1":0.00001926,
                  "fairPrice":0.00001925,"indexPrice":0.00001924,"fundingRate":0.0001,"amount24":81000000,
                  "timestamp":%d},
                 {"symbol":"WIF_USDT","lastPrice":1.6012,"bid1":1.6011,"ask1":1.6013,"fairPrice":1.6012,
                  "indexPrice":1.6009,"fundingRate":0.00005,"amount24":52000000,"timestamp":%d}]}"""
                .formatted(now, now))));
        String rates = cycles.entrySet().stream().map(cycle -> """
                {"symbol":"%s","fundingRate":%s,"collectCycle":%d,"nextSettleTime":%d,"timestamp":%d}"""
                .formatted(cycle.getKey(), cycle.getKey().startsWith("PEPE") ? "0.0001" : "0.00005",
                        cycle.getValue(), now + 3_600_000, now))
                .collect(Collectors.joining(",", "{\"success\":true,\"code\":0,\"data\":[", "]}"));
        venues.stubFor(WireMock.get(urlPathEqualTo("/api/v1/contract/funding_rate")).willReturn(okJson(rates)));
    }
}
