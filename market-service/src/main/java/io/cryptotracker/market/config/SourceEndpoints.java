package io.cryptotracker.market.config;

import java.time.Clock;
import java.time.Duration;

import io.cryptotracker.market.replay.ReplayServer;
import io.cryptotracker.market.source.SourceClient;
import io.cryptotracker.market.source.SourceGate;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Builds the {@link SourceClient} of each source: in live mode against its configured base URL, in replay mode
 * against the local replay stub. The adapters behind it are the same either way.
 */
@Component
public class SourceEndpoints {

    private final MarketProperties market;
    private final ObjectProvider<ReplayServer> replay;
    private final Clock clock;
    private final MeterRegistry meters;

    SourceEndpoints(MarketProperties market, ObjectProvider<ReplayServer> replay, Clock clock, MeterRegistry meters) {
        this.market = market;
        this.replay = replay;
        this.clock = clock;
        this.meters = meters;
    }

    public boolean replaying() {
        return market.mode() == MarketProperties.Mode.REPLAY;
    }

    /**
     * @param source a short name ({@code cmc}, {@code mexc-spot}…), the metric tag and the replay folder
     * @param liveBaseUrl the source's real base URL (or a test server's)
     * @param permitsPerSecond the source's rate limit, with some headroom
     */
    public SourceClient client(String source, String liveBaseUrl, double permitsPerSecond) {
        return client(source, source, liveBaseUrl, permitsPerSecond);
    }

    /** @param replayFolder the recorded host, where two sources share one (MEXC spot's public and signed calls) */
    public SourceClient client(String source, String replayFolder, String liveBaseUrl, double permitsPerSecond) {
        String baseUrl = replaying() ? replay.getObject().baseUrl(replayFolder) : liveBaseUrl;
        SourceGate gate = new SourceGate(source, permitsPerSecond, Duration.ofSeconds(5), Duration.ofMinutes(10),
                clock);
        return new SourceClient(source, baseUrl, market.connectTimeout(), market.readTimeout(), gate, clock, meters);
    }
}
