package io.cryptotracker.market.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.cryptotracker.common.events.MarketSnapshot;
import io.cryptotracker.market.TestClock;
import io.cryptotracker.market.source.SourceException;
import io.cryptotracker.market.venue.DexPoolSource;
import io.cryptotracker.market.venue.NetworkStatusSource;
import io.cryptotracker.market.venue.PerpetualSource;
import io.cryptotracker.market.venue.SpotBookSource;
import io.cryptotracker.market.venue.VenueQuoteOf;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** How a round copes with sources that fail: last good answers for a while, then nothing; no hammering. */
class MarketPollerTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T23:00:00Z"));
    private final AtomicInteger networkCalls = new AtomicInteger();
    private volatile boolean spotFails;
    private volatile boolean networksFail;

    private final MarketPoller poller = new MarketPoller(List.of(spot()), List.of(perp()), noPools(), networks(),
            null, null, null, null, new VenueProperties(Duration.ofSeconds(5), Duration.ofMinutes(2),
                    Duration.ofMinutes(5), Set.of("USDT"), "-", BigDecimal.ZERO, "-", BigDecimal.ZERO, "-", 4),
            clock, new SimpleMeterRegistry());

    @Test
    void aFailingSourceIsReplacedByItsLastAnswerUntilThatIsTooOld() {
        assertThat(poller.pollOnce()).hasSize(1);

        spotFails = true;
        clock.advance(Duration.ofMinutes(1));
        List<MarketSnapshot> stillThere = poller.pollOnce();
        clock.advance(Duration.ofMinutes(2));
        List<MarketSnapshot> gone = poller.pollOnce();

        assertThat(stillThere).singleElement().satisfies(snapshot -> assertThat(snapshot.quotes()).hasSize(2));
        assertThat(gone).as("one venue left: no spread to publish").isEmpty();
        assertThat(poller.lastErrors()).containsKey("spot");
    }

    @Test
    void networkStatusIsAskedOncePerIntervalAndKeptWhileItFails() {
        poller.pollOnce();
        poller.pollOnce();
        assertThat(networkCalls).hasValue(1);

        networksFail = true;
        clock.advance(Duration.ofMinutes(5));
        MarketSnapshot afterFailure = poller.pollOnce().get(0);
        poller.pollOnce();

        assertThat(networkCalls).hasValue(2);
        assertThat(afterFailure.networks()).hasSize(1);
        assertThat(poller.lastErrors()).containsKey("networks");
        clock.advance(Duration.ofMinutes(16));
        assertThat(poller.pollOnce().get(0).networks()).as("older than three intervals").isEmpty();
    }

    private SpotBookSource spot() {
        return new SpotBookSource() {
            @Override
            public String name() {
                return "spot";
            }

            @Override
            public List<VenueQuoteOf> spotQuotes() {
                if (spotFails) {
                    throw new SourceException("spot", SourceException.Kind.UNAVAILABLE, 503, null, "answered 503");
                }
                return List.of(quote("mexc", "spot"));
            }
        };
    }

    private PerpetualSource perp() {
        return new PerpetualSource() {
            @Override
            public String name() {
                return "perp";
            }

            @Override
            public List<VenueQuoteOf> perpetualQuotes() {
                return List.of(quote("bybit", "perp"));
            }
        };
    }

    private NetworkStatusSource networks() {
        return new NetworkStatusSource() {
            @Override
            public String name() {
                return "networks";
            }

            @Override
            public boolean available() {
                return true;
            }

            @Override
            public Map<String, List<MarketSnapshot.NetworkStatus>> networks() {
                networkCalls.incrementAndGet();
                if (networksFail) {
                    throw new SourceException("networks", SourceException.Kind.REJECTED, 401, null, "answered 401");
                }
                return Map.of("BTC", List.of(new MarketSnapshot.NetworkStatus("BTC", null, null, true, true,
                        new BigDecimal("0.0001"), clock.instant())));
            }
        };
    }

    private static DexPoolSource noPools() {
        return new DexPoolSource() {
            @Override
            public String name() {
                return "dex";
            }

            @Override
            public List<MarketSnapshot.DexPool> pools(Collection<TokenAddress> tokens) {
                return List.of();
            }
        };
    }

    private VenueQuoteOf quote(String venue, String market) {
        return new VenueQuoteOf("BTC/USDT", "BTC", "USDT", new MarketSnapshot.VenueQuote(venue, market,
                new BigDecimal("97250"), new BigDecimal("97251"), null, null, null, null, null, null, null, null,
                clock.instant()));
    }
}
