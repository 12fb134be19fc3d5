package io.cryptotracker.market.venue.mexc;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * MEXC spot and futures.
 *
 * @param apiKey {@code MEXC_API_KEY}, only for the signed deposit/withdraw status; never logged
 * @param apiSecret {@code MEXC_API_SECRET}, signs that call (HMAC-SHA256); never logged
 * @param spotTakerFee MEXC spot's taker fee (futures read theirs from the contract detail)
 * @param spotRequestsPerSecond kept well under MEXC's 500 weight per 10 s per endpoint
 * @param futuresRequestsPerSecond kept under the contract API's 20 per 2 s
 */
@Validated
@ConfigurationProperties("cryptotracker.market.mexc")
public record MexcProperties(@DefaultValue("https://api.mexc.com") @NotBlank String spotBaseUrl,
        @DefaultValue("https://contract.mexc.com") @NotBlank String futuresBaseUrl, String apiKey, String apiSecret,
        @DefaultValue("0.0005") @NotNull BigDecimal spotTakerFee,
        @DefaultValue("2") @Positive double spotRequestsPerSecond,
        @DefaultValue("4") @Positive double futuresRequestsPerSecond) {

    public boolean signed() {
        return apiKey != null && !apiKey.isBlank() && apiSecret != null && !apiSecret.isBlank();
    }

    @Override
    public String toString() {
        return "MexcProperties[spotBaseUrl=" + spotBaseUrl + ", futuresBaseUrl=" + futuresBaseUrl + ", signed="
                + signed() + "]";
    }
}
