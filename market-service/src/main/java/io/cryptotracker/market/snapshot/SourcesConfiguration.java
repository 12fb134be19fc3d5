package io.cryptotracker.market.snapshot;

import java.time.Clock;
import java.util.List;

import io.cryptotracker.market.config.SourceEndpoints;
import io.cryptotracker.market.venue.DexPoolSource;
import io.cryptotracker.market.venue.NetworkStatusSource;
import io.cryptotracker.market.venue.OrderBookSource;
import io.cryptotracker.market.venue.binance.BinanceFutures;
import io.cryptotracker.market.venue.bybit.BybitLinear;
import io.cryptotracker.market.venue.dexscreener.DexScreener;
import io.cryptotracker.market.venue.mexc.MexcFutures;
import io.cryptotracker.market.venue.mexc.MexcNetworks;
import io.cryptotracker.market.venue.mexc.MexcProperties;
import io.cryptotracker.market.venue.mexc.MexcSpot;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/** One adapter per source (SPEC Appendix A), each with its own rate-limited client. */
@Configuration(proxyBeanMethods = false)
class SourcesConfiguration {

    /** The replay stub does not check signatures: a placeholder key lets the signed adapter run against it. */
    private static final String REPLAY_CREDENTIAL = "replay";

    @Bean
    MexcSpot mexcSpot(SourceEndpoints endpoints, MexcProperties mexc, Clock clock) {
        return new MexcSpot(endpoints.client("mexc-spot", mexc.spotBaseUrl(), mexc.spotRequestsPerSecond()),
                mexc.spotTakerFee(), clock);
    }

    @Bean
    MexcFutures mexcFutures(SourceEndpoints endpoints, MexcProperties mexc, Clock clock) {
        return new MexcFutures(endpoints.client("mexc-futures", mexc.futuresBaseUrl(),
                mexc.futuresRequestsPerSecond()), clock);
    }

    @Bean
    BinanceFutures binanceFutures(SourceEndpoints endpoints, VenueProperties venues, Clock clock) {
        return new BinanceFutures(endpoints.client("binance-futures", venues.binanceBaseUrl(), 2),
                venues.binanceTakerFee(), clock);
    }

    @Bean
    BybitLinear bybitLinear(SourceEndpoints endpoints, VenueProperties venues, Clock clock) {
        return new BybitLinear(endpoints.client("bybit-linear", venues.bybitBaseUrl(), 5), venues.bybitTakerFee(),
                clock);
    }

    /** The depth step of each round; each venue's reads run on a thread of their own, at most four at once. */
    @Bean
    DepthReader depthReader(List<OrderBookSource> books, DepthProperties depth, VenueProperties venues,
            Clock clock, MeterRegistry meters) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("market-depth-");
        executor.setConcurrencyLimit(4);
        return new DepthReader(books, depth, venues.pollInterval(), clock, executor, meters);
    }

    @Bean
    DexPoolSource dexScreener(SourceEndpoints endpoints, VenueProperties venues, Clock clock) {
        return new DexScreener(endpoints.client("dexscreener", venues.dexscreenerBaseUrl(),
                venues.dexscreenerRequestsPerSecond()), clock);
    }

    @Bean
    NetworkStatusSource mexcNetworks(SourceEndpoints endpoints, MexcProperties mexc, Clock clock) {
        boolean placeholder = !mexc.signed() && endpoints.replaying();
        return new MexcNetworks(endpoints.client("mexc-capital", "mexc-spot", mexc.spotBaseUrl(), 0.2),
                placeholder ? REPLAY_CREDENTIAL : mexc.apiKey(), placeholder ? REPLAY_CREDENTIAL : mexc.apiSecret(),
                clock);
    }
}
