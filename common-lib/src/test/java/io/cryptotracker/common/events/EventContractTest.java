package io.cryptotracker.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One contract per event type: the JSON example under {@code src/test/resources/events} is what producers must
 * write and consumers must read. Changing a field breaks this test on purpose: add a new version instead.
 */
class EventContractTest {

    private static final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = { "UserRegistered", "SubscriptionChanged", "PreferencesChanged", "PasswordChanged",
            "AuditEvent", "MarketSnapshot", "FundingIntervalChanged", "SignalCreated", "SignalUpdated",
            "SignalClosed", "SignalDeleted" })
    void exampleIsReadAsItsRecordAndWrittenBackUnchanged(String type) throws IOException {
        String example = example(type);

        DomainEvent event = EventJson.read(example);

        assertThat(event.type()).isEqualTo(type);
        assertThat(event.getClass().getSimpleName()).isEqualTo(type);
        assertThat(event.version()).isEqualTo(1);
        assertThat(tree(EventJson.write(event))).isEqualTo(tree(example));
    }

    @Test
    void userRegisteredCarriesTheFieldsConsumersRelyOn() throws IOException {
        UserRegistered event = EventJson.read(example("UserRegistered"), UserRegistered.class);

        assertThat(event.eventId()).isEqualTo(UUID.fromString("0b6f0a55-4a07-4c55-9d8e-2f0c1a1f9b11"));
        assertThat(event.userId()).isEqualTo(UUID.fromString("6d1f4a1e-8c2b-4f7e-9a51-3b7d2c9e0f42"));
        assertThat(event.partitionKey()).isEqualTo("6d1f4a1e-8c2b-4f7e-9a51-3b7d2c9e0f42");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-23T21:53:39Z"));
        assertThat(event.roles()).containsExactly("USER");
    }

    @Test
    void marketSnapshotKeepsExactDecimalsAndIsKeyedBySymbol() throws IOException {
        MarketSnapshot event = EventJson.read(example("MarketSnapshot"), MarketSnapshot.class);

        assertThat(event.partitionKey()).isEqualTo("PEPE/USDT");
        assertThat(event.quotes()).extracting(MarketSnapshot.VenueQuote::venue).containsExactly("mexc", "mexc",
                "binance");
        assertThat(event.quotes().get(0).bid()).isEqualByComparingTo("0.00001921");
        assertThat(event.quotes().get(1).funding().intervalHours()).isEqualTo(4);
        assertThat(event.quotes().get(1).funding().ratePer8h()).isEqualByComparingTo("0.0007");
        assertThat(event.dexPools().get(0).tokenAddress()).isEqualTo("0x6982508145454Ce325dDbE47a25d4ec3d2311933");
        assertThat(event.networks().get(0).withdrawEnabled()).isFalse();
        assertThat(event.books()).extracting(MarketSnapshot.OrderBook::market).containsExactly("spot", "perp");
        assertThat(event.books().get(0).bids().get(1).qty()).isEqualByComparingTo("402113000");
        assertThat(event.books().get(1).asks()).as("an empty side").isEmpty();
    }

    @Test
    void marketSnapshotWithoutBooksFromAnEarlierProducerIsReadWithNone() throws IOException {
        String withoutBooks = example("MarketSnapshot").replaceAll("(?s),\\s*\"books\".*\\]\\s*}\\s*$", "\n}");

        MarketSnapshot event = EventJson.read(withoutBooks, MarketSnapshot.class);

        assertThat(withoutBooks).doesNotContain("\"books\"");
        assertThat(event.books()).isEmpty();
        assertThat(event.quotes()).hasSize(3);
    }

    @Test
    void fundingIntervalChangedIsKeyedBySymbolAndCarriesBothIntervalsAndAprs() throws IOException {
        FundingIntervalChanged event = EventJson.read(example("FundingIntervalChanged"), FundingIntervalChanged.class);

        assertThat(event.partitionKey()).isEqualTo("PEPE/USDT");
        assertThat(event.venue()).isEqualTo("bybit");
        assertThat(event.previousIntervalHours()).isEqualTo(8);
        assertThat(event.intervalHours()).isEqualTo(4);
        assertThat(event.ratePer8h()).isEqualByComparingTo("0.0002");
        assertThat(event.previousAprPercent()).isEqualByComparingTo("10.95");
        assertThat(event.aprPercent()).isEqualByComparingTo("21.9");
        assertThat(EventJson.write(event)).contains("\"rate_per_8h\"", "\"previous_interval_hours\":8");
    }

    @Test
    void signalEventsAreKeyedBySignalIdAndCarryTheSignalOfTheirKindOnly() throws IOException {
        SignalCreated created = EventJson.read(example("SignalCreated"), SignalCreated.class);
        SignalClosed closed = EventJson.read(example("SignalClosed"), SignalClosed.class);

        assertThat(created.partitionKey()).isEqualTo("3f8a6c21-9d4b-4e07-b5a2-6c1e8f0d7a44")
                .isEqualTo(created.data().id().toString());
        assertThat(created.seq()).isEqualTo(1041);
        assertThat(created.data().spotFutures().spotBid()).isEqualByComparingTo("0.00001921");
        assertThat(created.data().funding()).isNull();
        assertThat(closed.data().dex().withdrawEnabled()).isFalse();
        assertThat(closed.data().closedAt()).isEqualTo(Instant.parse("2026-11-23T22:31:00Z"));
        assertThat(EventJson.write(closed)).doesNotContain("\"spot_futures\"", "\"funding\"");
    }

    @Test
    void aSignalCarriesItsOutcomeWhenAttachedAndLeavesItOutOtherwise() throws IOException {
        SignalClosed closed = EventJson.read(example("SignalClosed"), SignalClosed.class);
        SignalCreated created = EventJson.read(example("SignalCreated"), SignalCreated.class);

        SignalData.Outcome outcome = closed.data().outcome();
        assertThat(outcome.checkpoints()).extracting(SignalData.Checkpoint::minutes).containsExactly(1, 5, 30);
        assertThat(outcome.checkpoints()).extracting(SignalData.Checkpoint::state).containsExactly("MEASURED",
                "NO_DATA", "PENDING");
        assertThat(outcome.checkpoints().get(0).netSpreadPercent()).isEqualByComparingTo("1.72");
        assertThat(outcome.converged()).isTrue();
        assertThat(outcome.aliveSeconds()).isEqualTo(1140);
        assertThat(outcome.confirmation()).isNull();
        assertThat(created.data().outcome()).isNull();
        assertThat(EventJson.write(created)).doesNotContain("\"outcome\"");
        assertThat(closed.data().withOutcome(null).withExecution(null).outcome()).isNull();
        assertThat(created.data().withOutcome(outcome).withExecution(null).outcome()).isEqualTo(outcome);
    }

    @Test
    void writtenEventsUseSnakeCaseAndIsoTimesWithoutTheKeyField() {
        String written = EventJson.write(PasswordChanged.of(UUID.randomUUID(), Instant.parse("2026-11-23T22:10:00Z")));

        assertThat(written).contains("\"event_id\"", "\"occurred_at\"", "\"changed_at\":\"2026-11-23T22:10:00Z\"")
                .doesNotContain("partition", "eventId");
    }

    @Test
    void unknownFieldsFromNewerProducersAreIgnored() throws IOException {
        String newer = example("PasswordChanged").replace("\"version\": 1,", "\"version\": 1, \"extra\": 42,");

        assertThat(EventJson.read(newer)).isInstanceOf(PasswordChanged.class);
    }

    @Test
    void aRecordCannotBeBuiltWithAnotherTypeName() {
        assertThatThrownBy(() -> new PasswordChanged(UUID.randomUUID(), "UserRegistered", 1, Instant.now(),
                UUID.randomUUID(), Instant.now())).isInstanceOf(IllegalArgumentException.class);
    }

    private static String example(String type) throws IOException {
        try (InputStream in = EventContractTest.class.getResourceAsStream("/events/" + type + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode tree(String text) {
        return json.readTree(text);
    }
}
