package io.cryptotracker.market.config;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How market-service reaches its sources.
 *
 * @param mode {@code replay}: every source is read from the recorded answers in {@code classpath:replay/}, served
 *        by a local HTTP stub (the local run's default: no network, no keys); {@code live}: the real base URLs
 * @param connectTimeout connect timeout of every source call
 * @param readTimeout how long a source may take to answer
 */
@Validated
@ConfigurationProperties("cryptotracker.market")
public record MarketProperties(@DefaultValue("replay") @NotNull Mode mode,
        @DefaultValue("3s") @NotNull Duration connectTimeout, @DefaultValue("10s") @NotNull Duration readTimeout) {

    /** Where the sources' answers come from. */
    public enum Mode {
        REPLAY, LIVE
    }
}
