package io.cryptotracker.market.snapshot;

import java.time.Clock;

import io.cryptotracker.market.config.SourceEndpoints;
import io.cryptotracker.market.venue.DexPoolSource;
import io.cryptotracker.market.venue.NetworkStatusSource;
import io.cryptotracker.market.venue.PerpetualSource;
import io.cryptotracker.market.venue.SpotBookSource;
import io.cryptotracker.market.venue.binance.BinanceFutures;
import io.cryptotracker.market.venue.bybit.BybitLinear;
import io.cryptotracker.market.venue.dexscreener.DexScreener;
import io.cryptotracker.market.venue.mexc.MexcFutures;
import io.cryptotracker.market.venue.mexc.MexcNetworks;
import io.cryptotracker.market.venue.mexc.MexcProperties;
import io.cryptotracker.market.venue.mexc.MexcSpot;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One adapter per source (SPEC Appendix A), each with its own rate-limited client. */
@Configuration(proxyBeanMethods = false)
class SourcesConfiguration {

    /** The replay stub does not check signatures: a placeholder key lets the signed adapter run against it. */
    private static final String REPLAY_CREDENTIAL = "replay";

    @Bean
    SpotBookSource mexcSpot(SourceEndpoints endpoints, MexcProperties mexc, Clock clock) {
        return new MexcSpot(endpoints.client("mexc-spot", mexc.spotBaseUrl(), mexc.spotRequestsPerSecond()),
                mexc.spotTakerFee(), clock);
    }

    @Bean
    PerpetualSource mexcFutures(SourceEndpoints endpoints, MexcProperties mexc, Clock clock) {
        return new MexcFutures(endpoints.client("mexc-futures", mexc.futuresBaseUrl(),
                mexc.futuresRequestsPerSecond()), clock);
    }

    @Bean
    PerpetualSource binanceFutures(SourceEndpoints endpoints, VenueProperties venues, Clock clock) {
        return new BinanceFutures(endpoints.client("binance-futures", venues.binanceBaseUrl(), 2),
                venues.binanceTakerFee(), clock);
    }

    @Bean
    PerpetualSource bybitLinear(SourceEndpoints endpoints, VenueProperties venues, Clock clock) {
        return new BybitLinear(endpoints.client("bybit-linear", venues.bybitBaseUrl(), 5), venues.bybitTakerFee(),
                clock);
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
