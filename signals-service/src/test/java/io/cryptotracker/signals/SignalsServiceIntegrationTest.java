package io.cryptotracker.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.cryptotracker.common.events.DomainEvent;
import io.cryptotracker.common.events.EventJson;
import io.cryptotracker.common.events.SignalClosed;
import io.cryptotracker.common.events.SignalCreated;
import io.cryptotracker.common.events.SignalData;
import io.cryptotracker.common.events.SignalDeleted;
import io.cryptotracker.common.events.SignalUpdated;
import io.cryptotracker.common.testsupport.ServiceContractTest;
import io.cryptotracker.signals.store.SignalHistory;
import io.cryptotracker.signals.store.SignalKind;
import io.cryptotracker.signals.store.SignalLifecycle;
import io.cryptotracker.signals.store.SignalStore;
import io.cryptotracker.signals.store.StoredSignal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * signals-service on real embedded PostgreSQL and Kafka: the operational contract of every service, and the
 * signal lifecycle (row, history and event with its stream position written together).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignalsServiceIntegrationTest extends ServiceContractTest {

    @Autowired
    SignalLifecycle lifecycle;

    @Autowired
    SignalStore store;

    @Autowired
    SignalHistory history;

    @Autowired
    JdbcClient jdbc;

    @Nested
    class Storage {

        @Test
        void openUpdateCloseKeepsThePeakTheHistoryAndEmitsEventsInStreamOrder() {
            SignalData draft = spotFutures(UUID.randomUUID(), "LIFE/USDT", "1.20", "1.05");
            SignalData opened = lifecycle.open(draft, "mexc:spot|mexc:perp", null);
            StoredSignal stored = store.find(opened.id()).orElseThrow();
            assertThat(stored.data().status()).isEqualTo("OPEN");
            assertThat(stored.data().peakSpreadPercent()).isEqualByComparingTo("1.20");
            assertThat(stored.data().spotFutures().spotBid()).isEqualByComparingTo("0.00001921");

            lifecycle.update(stored, spotFutures(opened.id(), "LIFE/USDT", "2.50", "2.30"), null);
            StoredSignal risen = store.find(opened.id()).orElseThrow();
            lifecycle.update(risen, spotFutures(opened.id(), "LIFE/USDT", "1.70", "1.55"), null);
            SignalData closed = lifecycle.close(store.find(opened.id()).orElseThrow());

            assertThat(closed.status()).isEqualTo("CLOSED");
            assertThat(closed.closedAt()).isNotNull();
            SignalData reread = store.find(opened.id()).orElseThrow().data();
            assertThat(reread.peakSpreadPercent()).isEqualByComparingTo("2.50");
            assertThat(reread.spreadPercent()).isEqualByComparingTo("1.70");
            assertThat(reread.status()).isEqualTo("CLOSED");

            List<SignalHistory.Entry> entries = history.of(opened.id());
            assertThat(entries).extracting(SignalHistory.Entry::change)
                    .containsExactly("created", "updated", "updated", "closed");
            assertThat(entries).extracting(SignalHistory.Entry::seq).isSorted().doesNotHaveDuplicates();
            assertThat(entries.get(1).signal().spreadPercent()).isEqualByComparingTo("2.50");

            List<DomainEvent> events = outboxEventsOf(opened.id());
            assertThat(events).extracting(DomainEvent::type).containsExactly(SignalCreated.TYPE, SignalUpdated.TYPE,
                    SignalUpdated.TYPE, SignalClosed.TYPE);
            assertThat(events.get(3)).isInstanceOfSatisfying(SignalClosed.class,
                    event -> assertThat(event.data()).isEqualTo(reread));
            assertThat(events).extracting(SignalsServiceIntegrationTest::seqOf)
                    .containsExactlyElementsOf(entries.stream().map(SignalHistory.Entry::seq).toList());
        }

        @Test
        void aSecondOpenSignalForTheSameSymbolAndVenuesIsRefused() {
            lifecycle.open(spotFutures(UUID.randomUUID(), "ONCE/USDT", "1.2", "1.0"), "mexc:spot|mexc:perp", null);

            assertThatThrownBy(() -> lifecycle.open(spotFutures(UUID.randomUUID(), "ONCE/USDT", "1.3", "1.1"),
                    "mexc:spot|mexc:perp", null)).isInstanceOf(DuplicateKeyException.class);
            assertThat(store.findOpenForUpdate(SignalKind.MEXC_SPOT_FUTURES, "ONCE/USDT", "mexc:spot|mexc:perp"))
                    .isPresent();
        }

        @Test
        void deletingRemovesTheSignalAndItsHistoryAndAnnouncesTheLastState() {
            SignalData opened = lifecycle.open(new SignalData(UUID.randomUUID(), SignalData.MEXC_DEX, "GONE/USDT",
                    new BigDecimal("3.1"), new BigDecimal("2.6"), null, null, "MANUAL", null, null, null, null, null,
                    new SignalData.Dex("solana", "raydium", "PairAddr1", "TokenAddr1", new BigDecimal("0.0120"),
                            new BigDecimal("0.0121"), new BigDecimal("0.01248"), new BigDecimal("250000"),
                            new BigDecimal("90000"), "BUY_MEXC_SELL_DEX", true, null)), "manual:" + UUID.randomUUID(),
                    null);

            lifecycle.delete(store.find(opened.id()).orElseThrow());

            assertThat(store.find(opened.id())).isEmpty();
            assertThat(history.of(opened.id())).isEmpty();
            assertThat(outboxEventsOf(opened.id())).last().isInstanceOfSatisfying(SignalDeleted.class,
                    event -> assertThat(event.data().dex().withdrawEnabled()).isNull());
        }
    }

    List<DomainEvent> outboxEventsOf(UUID signalId) {
        return jdbc.sql("SELECT payload FROM outbox WHERE message_key = ? ORDER BY id").param(signalId.toString())
                .query(String.class).list().stream().map(EventJson::read).toList();
    }

    static long seqOf(DomainEvent event) {
        if (event instanceof SignalCreated e) {
            return e.seq();
        }
        if (event instanceof SignalUpdated e) {
            return e.seq();
        }
        if (event instanceof SignalClosed e) {
            return e.seq();
        }
        if (event instanceof SignalDeleted e) {
            return e.seq();
        }
        throw new IllegalArgumentException(event.type());
    }

    static SignalData spotFutures(UUID id, String symbol, String spread, String net) {
        return new SignalData(id, SignalData.MEXC_SPOT_FUTURES, symbol, new BigDecimal(spread), new BigDecimal(net),
                null, null, "DETECTOR", Instant.parse("2026-11-23T22:15:01Z"), null, null,
                new SignalData.SpotFutures(new BigDecimal("0.00001921"), new BigDecimal("0.00001923"),
                        new BigDecimal("0.00001938"), new BigDecimal("0.00001939"), "BUY_SPOT_SHORT_PERP",
                        new BigDecimal("0.00035"), Instant.parse("2026-11-24T00:00:00Z"), new BigDecimal("18234567.89"),
                        new BigDecimal("41523311.2")), null, null);
    }
}
