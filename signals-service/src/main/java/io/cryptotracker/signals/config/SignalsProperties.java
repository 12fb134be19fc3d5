package io.cryptotracker.signals.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cryptotracker.signals.detect.DetectionSettings;
import io.cryptotracker.signals.execution.ExecutionSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * signals-service's settings ({@code signals.*}).
 *
 * @param freeDelay FREE users see a signal only once it is this old; VIP users at once
 * @param telegramTtl a signal from a Telegram post closes by itself after this long
 * @param expiryCheckInterval how often TTL-expired signals are closed (one replica at a time)
 * @param detection the detectors' thresholds
 * @param execution how signals are priced for execution
 * @param telegram how posts arrive: webhook or long polling
 */
@ConfigurationProperties("signals")
public record SignalsProperties(@DefaultValue("15m") Duration freeDelay, @DefaultValue("30m") Duration telegramTtl,
        @DefaultValue("30s") Duration expiryCheckInterval, @DefaultValue Detection detection,
        @DefaultValue Execution execution, @DefaultValue Telegram telegram) {

    /**
     * Net spreads in percent: a signal opens at {@code *-open} and closes below {@code *-close}.
     *
     * @param minChange an open signal is updated when its net spread moved by at least this many points
     * @param closeStaleAfter an open signal whose venues sent no fresh quotes for this long is closed
     */
    public record Detection(@DefaultValue("0.5") BigDecimal spotFuturesOpen,
            @DefaultValue("0.2") BigDecimal spotFuturesClose, @DefaultValue("0.05") BigDecimal fundingOpen,
            @DefaultValue("0.02") BigDecimal fundingClose, @DefaultValue("1.5") BigDecimal dexOpen,
            @DefaultValue("0.7") BigDecimal dexClose, @DefaultValue("30s") Duration staleAfter,
            @DefaultValue("2m") Duration dexStaleAfter, @DefaultValue("0.1") BigDecimal extremeFundingPer8hPercent,
            @DefaultValue("0.3") BigDecimal dexSwapFeePercent, @DefaultValue("10000") BigDecimal minLiquidityUsd,
            @DefaultValue("0.05") BigDecimal minChange, @DefaultValue("10m") Duration closeStaleAfter) {

        public DetectionSettings settings() {
            return new DetectionSettings(new DetectionSettings.Threshold(spotFuturesOpen, spotFuturesClose),
                    new DetectionSettings.Threshold(fundingOpen, fundingClose),
                    new DetectionSettings.Threshold(dexOpen, dexClose), staleAfter, dexStaleAfter,
                    extremeFundingPer8hPercent, dexSwapFeePercent, minLiquidityUsd, minChange, closeStaleAfter);
        }
    }

    /** Position sizes, guards and cost estimates of the executable spread ({@link ExecutionSettings}). */
    public record Execution(@DefaultValue({ "1000", "10000", "50000" }) List<BigDecimal> sizesUsdt,
            @DefaultValue("1.3") BigDecimal maxPriceRatio, @DefaultValue("30s") Duration bookMaxAge,
            @DefaultValue("24h") Duration fundingHolding,
            @DefaultValue({ "ethereum=3", "bsc=0.1", "solana=0.01", "base=0.05", "arbitrum=0.1" })
            List<String> gasUsdt, @DefaultValue("1") BigDecimal defaultGasUsdt,
            @DefaultValue("10m") Duration transferStatusMaxAge) {

        public ExecutionSettings settings() {
            Map<String, BigDecimal> gas = new LinkedHashMap<>();
            for (String entry : gasUsdt) {
                int eq = entry.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("signals.execution.gas-usdt entries are chain=usdt: " + entry);
                }
                gas.put(entry.substring(0, eq).trim().toLowerCase(Locale.ROOT),
                        new BigDecimal(entry.substring(eq + 1).trim()));
            }
            return new ExecutionSettings(sizesUsdt, maxPriceRatio, bookMaxAge, fundingHolding, gas, defaultGasUsdt,
                    transferStatusMaxAge);
        }
    }

    /**
     * @param mode {@code webhook} (Telegram calls us) or {@code polling} (we call getUpdates; one replica only)
     * @param webhookSecret what Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token}; empty refuses every call
     * @param botToken the bot's token, needed for polling
     * @param apiUrl the Bot API's address
     */
    public record Telegram(@DefaultValue("webhook") String mode, @DefaultValue("") String webhookSecret,
            @DefaultValue("") String botToken, @DefaultValue("https://api.telegram.org") String apiUrl) {
    }
}
